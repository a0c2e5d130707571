import type { LeadFacts } from './facts';
import { ratio } from './ratio';
import type { Period, Totals } from './types';

/** First index whose lead was created at or after `t`, in facts ordered by creation time. */
function lowerBound(byCreated: readonly LeadFacts[], t: number): number {
  let lo = 0;
  let hi = byCreated.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((byCreated[mid]?.lead.createdAt ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cohort: pipeline leads created in `[from, to)` (metrics.md 3). The facts must be ordered by
 * creation time: a cohort is then one slice, so many windows (previous period, trend buckets)
 * cost a binary search each rather than a pass over every lead.
 */
export function selectCohort(byCreated: readonly LeadFacts[], period: Period): LeadFacts[] {
  return byCreated.slice(lowerBound(byCreated, period.from), lowerBound(byCreated, period.to));
}

/** Per-stage counts of a cohort (metrics.md 5) plus its totals (metrics.md 9). */
export interface CohortCounts {
  readonly n: number;
  readonly reached: number[];
  readonly wonReached: number;
  readonly current: number[];
  readonly skipped: number[];
  readonly undecided: number[];
  readonly lostHere: number[];
  readonly movedBack: number[];
  readonly totals: Totals;
}

/**
 * One pass over a cohort. `reached[i]` counts leads with `reachedIndex >= i`; it is accumulated
 * as a histogram of `reachedIndex` and summed from the end.
 */
export function countCohort(n: number, cohort: readonly LeadFacts[]): CohortCounts {
  const atReach = new Array<number>(n + 1).fill(0);
  const current = new Array<number>(n).fill(0);
  const skipped = new Array<number>(n).fill(0);
  const undecided = new Array<number>(n).fill(0);
  const lostHere = new Array<number>(n).fill(0);
  const movedBack = new Array<number>(n).fill(0);
  for (const f of cohort) {
    const r = f.reachedIndex;
    bump(atReach, r);
    // Passed but never visited (a won lead, r = n, passed every stage).
    for (let i = 0; i < r && i < n; i++) if (f.visited[i] === 0) bump(skipped, i);
    if (!f.isWon && !f.isLost && r < n) bump(undecided, r);
    bump(current, f.currentIndex);
    bump(lostHere, f.lostFromIndex);
    for (const i of f.movedBackFrom) bump(movedBack, i);
  }
  const reached = new Array<number>(n).fill(0);
  let acc = atReach[n] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    acc += atReach[i] ?? 0;
    reached[i] = acc;
  }
  const wonReached = atReach[n] ?? 0;
  const totals = cohortTotals(cohort, reached[0] ?? 0);
  return { n, reached, wonReached, current, skipped, undecided, lostHere, movedBack, totals };
}

/** metrics.md 9 totals: won and lost by current status; incoming = at no stage and not closed. */
function cohortTotals(cohort: readonly LeadFacts[], reachedFirst: number): Totals {
  let won = 0;
  let lost = 0;
  let incoming = 0;
  let revenueWon = 0;
  for (const f of cohort) {
    if (f.isWon) {
      won++;
      revenueWon += f.lead.price;
    } else if (f.isLost) lost++;
    else if (f.currentIndex < 0) incoming++;
  }
  const deals = cohort.length;
  return {
    deals,
    won,
    lost,
    open: deals - won - lost,
    incoming,
    conversion: ratio(won, reachedFirst),
    revenueWon,
  };
}

/** Adds one at index `i`; negative indices mean "not at any stage" and are skipped. */
export function bump(counts: number[], i: number, by = 1): void {
  if (i >= 0 && i < counts.length) counts[i] = (counts[i] ?? 0) + by;
}

/** Leads that reached the stage after `i` (won after the last open stage). */
export function reachedNext(c: CohortCounts, i: number): number {
  return i + 1 < c.n ? (c.reached[i + 1] ?? 0) : c.wonReached;
}

/** conversionToNext and decidedConversion of stage `i` (metrics.md 5). */
export function stageRatios(
  c: CohortCounts,
  i: number,
): { conversionToNext: number | null; decidedConversion: number | null } {
  const reached = c.reached[i] ?? 0;
  const next = reachedNext(c, i);
  return {
    conversionToNext: ratio(next, reached),
    decidedConversion: ratio(next, reached - (c.undecided[i] ?? 0)),
  };
}
