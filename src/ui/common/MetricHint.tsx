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
  return (
    <span class={cls} tabIndex={0} aria-describedby={id}>
      {children}
      <span class="fl-hint__tip" role="tooltip" id={id}>
        {text}
      </span>
    </span>
  );
}
