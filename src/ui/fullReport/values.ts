import type { Formatters } from '../format';

/** Hours as days for CSV cells, unrounded (the columns are labelled in days). */
export const daysOf = (hours: number | null): number | null => (hours === null ? null : hours / 24);

/** A count change with its sign: '+12', '−3', '0'. */
export function signedInt(fmt: Formatters, delta: number): string {
  return delta > 0 ? `+${fmt.int(delta)}` : fmt.int(delta);
}

/** The difference of two nullable numbers; null when either is missing. */
export function diff(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** a ÷ b, null when b is 0 (metrics.md 5: a ratio without a denominator is null). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
