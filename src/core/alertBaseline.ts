/**
 * The two sides an alert compares (docs/metrics.md, foresight: significant changes): this
 * period's decided counts, and the baseline's — the windows of the same length that fill the
 * previous 12 weeks, each seen as it stood when it was as old as this period is now (§11.2).
 */
import type { DecidedCount } from './alerts';
import type { CohortCounts } from './cohort';
import { reachedNext, selectCohort } from './cohort';
import type { LeadFacts } from './facts';
import { AT_LOST, AT_WON } from './facts';
import { asOf } from './sameAge';
import type { Funnel } from './stages';
import type { Period } from './types';

export const BASELINE_WEEKS = 12;
const WEEK = 7 * 86400;

/** Decided counts of each main stage of a cohort: `reached[i+1]` of `reached[i] - undecided[i]`. */
export function decidedCounts(c: CohortCounts): DecidedCount[] {
  return Array.from({ length: c.n }, (_, i) => ({
    k: reachedNext(c, i),
    n: (c.reached[i] ?? 0) - (c.undecided[i] ?? 0),
  }));
}

/** A window of the baseline and the moment it is seen as of. */
export interface BaselineWindow {
  readonly period: Period;
  readonly cut: number;
}

/**
 * The windows `[from - k·L, to - k·L)` seen as of `now - k·L`, `L = to - from`, for
 * `k = 1 … K`, `K = ⌈weeks·7 days / L⌉`: as many whole windows as cover the weeks (k = 1 alone
 * is §11.2's `previous.sameAge`).
 */
export function baselineWindows(
  window: Period,
  now: number,
  weeks: number = BASELINE_WEEKS,
): BaselineWindow[] {
  const length = window.to - window.from;
  if (!(length > 0)) return [];
  const count = Math.max(1, Math.ceil((weeks * WEEK) / length));
  return Array.from({ length: count }, (_, j) => {
    const shift = (j + 1) * length;
    return { period: { from: window.from - shift, to: window.to - shift }, cut: now - shift };
  });
}

/**
 * The baseline's decided counts per main stage: the sum over `baselineWindows` of each
 * window's cohort counted as of its cut (§11.2). `byCreated` are the facts the report's cohorts
 * come from (ordered by creation, already narrowed to the report's managers and slice).
 */
export function baselineDecidedCounts(
  funnel: Funnel,
  byCreated: readonly LeadFacts[],
  window: Period,
  now: number,
  weeks: number = BASELINE_WEEKS,
): DecidedCount[] {
  const n = funnel.stages.length;
  const atReach = new Array<number>(n + 1).fill(0);
  const undecided = new Array<number>(n).fill(0);
  for (const { period, cut } of baselineWindows(window, now, weeks)) {
    for (const f of selectCohort(byCreated, period)) {
      if (f.lead.createdAt >= cut) continue;
      const { reachedIndex, place } = asOf(f, cut, n);
      if (reachedIndex < 0) continue;
      atReach[reachedIndex] = (atReach[reachedIndex] ?? 0) + 1;
      if (place !== AT_WON && place !== AT_LOST && reachedIndex < n)
        undecided[reachedIndex] = (undecided[reachedIndex] ?? 0) + 1;
    }
  }
  const out: DecidedCount[] = [];
  let reachedAfter = atReach[n] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    const reached = reachedAfter + (atReach[i] ?? 0);
    out[i] = { k: reachedAfter, n: reached - (undecided[i] ?? 0) };
    reachedAfter = reached;
  }
  return out;
}
