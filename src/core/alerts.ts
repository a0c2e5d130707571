/**
 * Significant changes (docs/metrics.md, foresight: significant changes): a transition's decided
 * conversion this period against its baseline, flagged only when a two-sided test for two
 * proportions rejects "no change" and both samples are large enough. A drop on three deals is
 * noise however large it looks; this is what keeps it off the panel.
 */
import { normalQuantile, twoSidedP } from './normal';
import type { Funnel } from './stages';
import { WON_STATUS_ID } from './types';
import { wilsonInterval } from './wilson';

export const DEFAULT_CONFIDENCE = 0.95;

/** A decided conversion's counts: `k` moved on out of `n` decided (metrics.md 5). */
export interface DecidedCount {
  readonly k: number;
  readonly n: number;
}

export interface AlertOptions {
  /** 0.5 ≤ confidence < 1; default 0.95. */
  readonly confidence?: number;
  /** Both samples need at least this many decided deals to be flagged; default 10 (§1). */
  readonly minSample?: number;
}

export interface ProportionChange {
  readonly rate: number;
  readonly baselineRate: number;
  /** `rate - baselineRate`. */
  readonly difference: number;
  /** Newcombe's hybrid score interval for the difference, at the level `confidence`. */
  readonly low: number;
  readonly high: number;
  /** The pooled z statistic; 0 when the pooled share is 0 or 1 (no variation at all). */
  readonly z: number;
  readonly pValue: number;
  readonly direction: 'up' | 'down' | null;
  /** `pValue < 1 - confidence` and both n at least `minSample`. */
  readonly flagged: boolean;
}

/**
 * Compares `k1 / n1` (this period) with `k0 / n0` (the baseline); null when either n is 0.
 *
 * @example
 * proportionChange({ k: 12, n: 60 }, { k: 130, n: 300 }) //=> { difference: -0.233…, flagged: true, … }
 */
export function proportionChange(
  current: DecidedCount,
  baseline: DecidedCount,
  options: AlertOptions = {},
): ProportionChange | null {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!(confidence >= 0.5 && confidence < 1))
    throw new RangeError(`proportionChange: confidence ${confidence} is not in [0.5, 1)`);
  const minSample = options.minSample ?? 10;
  const { k: k1, n: n1 } = current;
  const { k: k0, n: n0 } = baseline;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const w1 = wilsonInterval(k1, n1, z);
  const w0 = wilsonInterval(k0, n0, z);
  if (!w1 || !w0) return null;
  const p1 = k1 / n1;
  const p0 = k0 / n0;
  const difference = p1 - p0;
  const pooled = (k1 + k0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  const stat = se > 0 ? difference / se : 0;
  const pValue = twoSidedP(stat);
  return {
    rate: p1,
    baselineRate: p0,
    difference,
    low: difference - Math.hypot(p1 - w1.low, w0.high - p0),
    high: difference + Math.hypot(w1.high - p1, p0 - w0.low),
    z: stat,
    pValue,
    direction: difference > 0 ? 'up' : difference < 0 ? 'down' : null,
    flagged: n1 >= minSample && n0 >= minSample && pValue < 1 - confidence,
  };
}

export interface TransitionChange {
  readonly fromStageId: number;
  /** The next main stage, or 142 after the last (as §8 names a transition). */
  readonly toStageId: number;
  readonly current: DecidedCount;
  readonly baseline: DecidedCount;
  /** null when either side has no decided deal. */
  readonly change: ProportionChange | null;
}

/**
 * Every main-stage transition's comparison, in funnel order; `current[i]` and `baseline[i]` are
 * the decided counts of stage i (`decidedCounts`, `baselineDecidedCounts`). The flagged ones are
 * `changes.filter(c => c.change?.flagged)`.
 */
export function transitionChanges(
  funnel: Funnel,
  current: readonly DecidedCount[],
  baseline: readonly DecidedCount[],
  options: AlertOptions = {},
): TransitionChange[] {
  return funnel.stages.map((stage, i) => {
    const now = current[i] ?? { k: 0, n: 0 };
    const before = baseline[i] ?? { k: 0, n: 0 };
    return {
      fromStageId: stage.id,
      toStageId: funnel.stages[i + 1]?.id ?? WON_STATUS_ID,
      current: now,
      baseline: before,
      change: proportionChange(now, before, options),
    };
  });
}
