import type { VNode } from 'preact';
import { wilsonInterval } from '../../core';
import { useEnv } from '../env';

export interface Props {
  /** Successes and trials of the conversion (metrics.md 5 and 9); the share is k / n. */
  readonly k: number;
  readonly n: number;
  /** Below it the share is greyed: too few deals to read it alone (`minSample`). */
  readonly min: number;
}

/**
 * A conversion with its 90 % Wilson interval under it (metrics.md, extensions), so "100 %" of one
 * deal reads as the 27–100 % it is. Computed here from the counts: the report object carries no
 * interval. The interval is drawn from an attribute, so the cell's text stays the share itself,
 * as the CSV and anyone reading the table by text expect.
 */
export function Share({ k, n, min }: Props): VNode {
  const { t, fmt } = useEnv();
  const range = wilsonInterval(k, n);
  const ci = range
    ? t('fl.report.interval', { low: fmt.percent(range.low), high: fmt.percent(range.high) })
    : undefined;
  return (
    <span class={n < min ? 'fl-share fl-share--small' : 'fl-share'} data-ci={ci}>
      {fmt.percent(n > 0 ? k / n : null)}
    </span>
  );
}

/** A column hint followed by what the interval under each share means. */
export const withInterval = (hint: string, note: string): string => `${hint}\n${note}`;
