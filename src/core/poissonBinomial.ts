/**
 * The number of successes among independent trials with unequal chances (the Poisson–binomial
 * distribution), exactly, and a seeded random source for what has no exact form here
 * (docs/metrics.md, foresight: forecast with a range).
 */

/**
 * Probabilities below this are dropped from either end of the distribution as it is built. The
 * low end only moves up and the high end up by one a trial, so at most `2n + 1` values are
 * dropped: at most `(2n + 1)·1e-20` of probability is lost, far below anything shown. In exchange
 * the work is `n ×` the width that holds the mass (a few standard deviations), not `n²`.
 */
const NEGLIGIBLE = 1e-20;

/**
 * `pmf[k]` = the probability of exactly k successes, k = 0 … n.
 *
 * @example
 * poissonBinomial([0.5, 0.5]) //=> Float64Array [0.25, 0.5, 0.25]
 */
export function poissonBinomial(probabilities: readonly number[]): Float64Array {
  const pmf = new Float64Array(probabilities.length + 1);
  pmf[0] = 1;
  let lo = 0;
  let hi = 0;
  for (const p of probabilities) {
    // new[k] = old[k]·(1 - p) + old[k - 1]·p, from the top so old[k - 1] is still unchanged.
    for (let k = hi + 1; k > lo; k--) pmf[k] = (pmf[k] ?? 0) * (1 - p) + (pmf[k - 1] ?? 0) * p;
    pmf[lo] = (pmf[lo] ?? 0) * (1 - p);
    hi++;
    while (hi > lo && (pmf[hi] ?? 0) < NEGLIGIBLE) pmf[hi--] = 0;
    while (lo < hi && (pmf[lo] ?? 0) < NEGLIGIBLE) pmf[lo++] = 0;
  }
  return pmf;
}

/** The smallest k whose cumulative probability reaches `u` (0 < u < 1). */
export function pmfQuantile(pmf: Float64Array, u: number): number {
  let cumulative = 0;
  for (let k = 0; k < pmf.length; k++) {
    cumulative += pmf[k] ?? 0;
    if (cumulative >= u) return k;
  }
  // Rounding can leave the total a hair under 1: the answer is then the last k with mass.
  for (let k = pmf.length - 1; k > 0; k--) if ((pmf[k] ?? 0) > 0) return k;
  return 0;
}

/**
 * Mulberry32 (T. Ettinger, 2017): a 32-bit state advanced by 0x6D2B79F5 and mixed, giving
 * uniforms in [0, 1) as multiples of 2^-32. Written out in docs/metrics.md so that any reader can
 * reproduce a forecast's range draw for draw.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
