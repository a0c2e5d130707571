import type { ComponentChildren, VNode } from 'preact';

export interface Props {
  /** Anchor and heading id: `fl-report-<id>`. */
  readonly id: string;
  readonly title: string;
  readonly children: ComponentChildren;
}

/** One part of the report: a heading that names the region, then its chart and table. */
export function Section({ id, title, children }: Props): VNode {
  const headingId = `fl-report-${id}`;
  return (
    <section class="fl-report__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
