/**
 * The two arithmetic rules every number of the contract shares (metrics.md 5): a ratio without a
 * denominator is null, and so is any difference that involves a null.
 */

/** A fraction, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * `now - before`, or null when either side is missing (a period without a denominator).
 *
 * @example
 * difference(0.42, 0.4) //=> 0.02 (≈, floating point)
 * difference(0.42, null) //=> null
 */
export function difference(now: number | null, before: number | null | undefined): number | null {
  return now === null || before === null || before === undefined ? null : now - before;
}
