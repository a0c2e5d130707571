import type { ComponentChildren, VNode } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Props {
  /** The explanation, in the words of the metric contract (docs/metrics.md). */
  readonly text: string;
  readonly children: ComponentChildren;
  /** Where the bubble opens; `below` for values near the top edge of a panel. */
  readonly placement?: 'above' | 'below';
  readonly align?: 'end' | 'start';
  /**
   * -1 where a container moves focus to the value with arrow keys (a funnel row), so a keyboard
   * user is not made to Tab through every definition.
   */
  readonly tabIndex?: 0 | -1;
}

/** Room kept between a bubble and the edge that would cut it. */
const MARGIN = 4;

/**
 * The box a bubble must stay inside: the nearest ancestor that clips its overflow (the panel's
 * scrolling body), narrowed to the window.
 */
function bounds(tip: HTMLElement): { left: number; right: number } {
  const view = tip.ownerDocument.defaultView;
  let left = 0;
  let right = view?.innerWidth ?? Number.POSITIVE_INFINITY;
  for (let el = tip.parentElement; el; el = el.parentElement) {
    const style = view?.getComputedStyle(el);
    const clips = [style?.overflowX, style?.overflowY].some(o => o && o !== 'visible');
    if (clips) {
      const box = el.getBoundingClientRect();
      left = Math.max(left, box.left);
      right = Math.min(right, box.right);
      break;
    }
  }
  return { left, right };
}

/**
 * Shifts a shown bubble back inside its bounds. Which side a value sits on is not known when it
 * is written (a narrow panel, a wrapped line), so it is measured when the bubble opens.
 */
function keepInside(tip: HTMLElement | null): void {
  if (!tip) return;
  tip.style.transform = '';
  const box = tip.getBoundingClientRect();
  if (box.width === 0) return;
  const { left, right } = bounds(tip);
  let shift = 0;
  if (box.left < left + MARGIN) shift = left + MARGIN - box.left;
  else if (box.right > right - MARGIN)
    shift = Math.max(right - MARGIN - box.right, left + MARGIN - box.left);
  if (shift !== 0) tip.style.transform = `translateX(${Math.round(shift)}px)`;
}

/**
 * A number that explains itself on hover and on keyboard focus. The explanation is always in the
 * DOM and tied to the value with aria-describedby, so screen readers announce it too.
 *
 * WCAG 1.4.13: the bubble stays while the pointer moves onto it (it is inside the hovered element,
 * and a bridge covers the gap), stays until hover and focus leave, and Escape hides it without
 * moving either. That Escape is taken at the document before anything else sees it, so it closes
 * the bubble and not, say, the drill-down around it; a second Escape goes on as usual.
 */
export function MetricHint({
  text,
  children,
  placement = 'above',
  align = 'end',
  tabIndex = 0,
}: Props): VNode {
  const id = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const shown = (hovered || focused) && !dismissed;
  const host = useRef<HTMLSpanElement>(null);

  // A layout effect: an Escape pressed right after focus must already find the listener.
  useLayoutEffect(() => {
    const doc = host.current?.ownerDocument;
    if (!shown || !doc) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setDismissed(true);
    };
    doc.addEventListener('keydown', onKey, true);
    return () => doc.removeEventListener('keydown', onKey, true);
  }, [shown]);

  const cls = [
    'fl-hint',
    placement === 'below' ? 'fl-hint--below' : '',
    align === 'start' ? 'fl-hint--start' : '',
    dismissed ? 'fl-hint--dismissed' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const open = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    keepInside(el.querySelector<HTMLElement>(':scope > .fl-hint__tip'));
  };
  // Hidden by Escape until both hover and focus have left; then it opens again as usual.
  const leave = (stillHovered: boolean, stillFocused: boolean) => {
    if (!stillHovered && !stillFocused) setDismissed(false);
  };
  return (
    <span
      ref={host}
      class={cls}
      tabIndex={tabIndex}
      aria-describedby={id}
      onMouseEnter={e => {
        setHovered(true);
        open(e);
      }}
      onMouseLeave={() => {
        setHovered(false);
        leave(false, focused);
      }}
      onFocusIn={e => {
        setFocused(true);
        open(e);
      }}
      onFocusOut={e => {
        // Focus moving within (to a link inside the value) keeps the bubble open.
        if (e.relatedTarget instanceof Node && host.current?.contains(e.relatedTarget)) return;
        setFocused(false);
        leave(hovered, false);
      }}
    >
      {children}
      <span class="fl-hint__tip" role="tooltip" id={id}>
        {text}
      </span>
    </span>
  );
}
