import type { Formatters } from '../format';

/** Hours as days for CSV cells, unrounded (the columns are labelled in days). */
export const daysOf = (hours: number | null): number | null => (hours === null ? null : hours / 24);

/** A count change with its sign: '+12', '−3', '0'. */
export function signedInt(fmt: Formatters, delta: number): string {
  return delta > 0 ? `+${fmt.int(delta)}` : fmt.int(delta);
}
