import type { ComponentChildren, VNode } from 'preact';
import { useId } from 'preact/hooks';

export interface Props {
  /** The explanation, in the words of the metric contract (docs/metrics.md). */
  readonly text: string;
  readonly children: ComponentChildren;
  /** Where the bubble opens; `below` for values near the top edge of a panel. */
  readonly placement?: 'above' | 'below';
  readonly align?: 'end' | 'start';
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
 */
export function MetricHint({ text, children, placement = 'above', align = 'end' }: Props): VNode {
  const id = useId();
  const cls = [
    'fl-hint',
    placement === 'below' ? 'fl-hint--below' : '',
    align === 'start' ? 'fl-hint--start' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const open = (e: Event) => {
    const host = e.currentTarget as HTMLElement;
    keepInside(host.querySelector<HTMLElement>(':scope > .fl-hint__tip'));
  };
  return (
    <span class={cls} tabIndex={0} aria-describedby={id} onMouseEnter={open} onFocus={open}>
      {children}
      <span class="fl-hint__tip" role="tooltip" id={id}>
        {text}
      </span>
    </span>
  );
}
