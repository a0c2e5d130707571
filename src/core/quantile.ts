import { quantileSorted } from 'd3-array';

/**
 * Quantile of ascending values by linear interpolation (metrics.md section 6):
 * `h = (N-1)·p`, `q = x[⌊h⌋] + (h-⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋])`; `null` when there are no values.
 * d3-array's `quantileSorted` is exactly this rule, so we use it rather than re-derive it.
 *
 * @example
 * quantile(Float64Array.of(1, 2, 3, 4, 10), 0.9) //=> 7.6
 * quantile(new Float64Array(0), 0.5)             //=> null
 */
export function quantile(sorted: Float64Array | readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // d3's typings ask for an array, but quantileSorted only reads `length` and indexes, so a typed
  // array (which we sort natively, much faster than Array#sort with a comparator) is fine.
  return quantileSorted(sorted as unknown as number[], p) ?? null;
}

/** Ascending copy of `values` as a typed array (numeric sort, no comparator allocations). */
export function sortedValues(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Median, p90 and count of a sample, the time-in-stage triple.
 *
 * @example
 * summarize([3, 1, 2]) //=> { samples: 3, medianHours: 2, p90Hours: 2.8 }
 */
export function summarize(values: readonly number[]): {
  samples: number;
  medianHours: number | null;
  p90Hours: number | null;
} {
  const sorted = sortedValues(values);
  return {
    samples: sorted.length,
    medianHours: quantile(sorted, 0.5),
    p90Hours: quantile(sorted, 0.9),
  };
}
