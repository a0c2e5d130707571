/**
 * How far a conversion measured on few deals can be trusted (docs/metrics.md, extensions: the
 * Wilson interval). The report shows it beside every conversion so "100 % of 1 deal" reads as
 * the wide range it is; the panel only greys such numbers.
 */

/** z for a two-sided 90 % interval: the 95th percentile of the standard normal. */
export const Z_90 = 1.6448536269514722;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson score interval of `k` successes in `n` trials, as fractions in [0, 1]; null when
 * there are no trials (as a ratio without a denominator is).
 *
 * @example
 * wilsonInterval(1, 1) //=> { low: 0.2698…, high: 1 }
 */
export function wilsonInterval(k: number, n: number, z: number = Z_90): Interval | null {
  if (!(n > 0) || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At k = 0 and k = n an end is exactly 0 or 1 in theory; floating point would miss it by a hair.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === n ? 1 : Math.min(1, centre + half),
  };
}
