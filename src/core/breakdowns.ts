import type { CohortCounts } from './cohort';
import { bump, countCohort, stageRatios } from './cohort';
import { ratio } from './ratio';
import type { LeadFacts } from './facts';
import type { Funnel } from './stages';
import type {
  Forecast,
  LossReason,
  LossReasonReport,
  ManagerReport,
  WeakestTransition,
} from './types';
import { WON_STATUS_ID } from './types';

/**
 * The cohort by current responsible user (metrics.md 9), biggest books first, then by user id so
 * the order is stable; leads without a responsible user are a group of their own, last on ties.
 */
export function managerBreakdown(n: number, cohort: readonly LeadFacts[]): ManagerReport[] {
  const byUser = new Map<number | null, LeadFacts[]>();
  for (const f of cohort) {
    const list = byUser.get(f.lead.responsibleUserId);
    if (list) list.push(f);
    else byUser.set(f.lead.responsibleUserId, [f]);
  }
  return [...byUser.entries()]
    .map(([userId, leads]): ManagerReport => {
      const c = countCohort(n, leads);
      const { deals, won, lost, open } = c.totals;
      return {
        userId,
        deals,
        won,
        lost,
        open,
        winRate: ratio(won, won + lost),
        reached: c.reached,
      };
    })
    .sort((a, b) => b.deals - a.deals || byUserId(a.userId, b.userId));
}

function byUserId(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a - b;
}

/**
 * Lost cohort leads by loss reason and by the stage they were lost from (metrics.md 9). Most
 * frequent first; "no reason" (null) sorts after real reasons on ties.
 */
export function lossReasonBreakdown(
  funnel: Funnel,
  cohort: readonly LeadFacts[],
  reasons: readonly LossReason[],
): LossReasonReport[] {
  const names = new Map(reasons.map(r => [r.id, r.name]));
  const groups = new Map<number | null, { count: number; byStage: Record<string, number> }>();
  for (const f of cohort) {
    if (!f.isLost) continue;
    const key = f.lead.lossReasonId;
    let g = groups.get(key);
    if (!g) {
      g = { count: 0, byStage: {} };
      groups.set(key, g);
    }
    g.count++;
    const stage = funnel.stages[f.lostFromIndex];
    if (stage) g.byStage[String(stage.id)] = (g.byStage[String(stage.id)] ?? 0) + 1;
  }
  return [...groups.entries()]
    .map(([reasonId, g]) => ({
      reasonId,
      name: reasonId === null ? null : (names.get(reasonId) ?? null),
      count: g.count,
      byStage: g.byStage,
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.reasonId ?? Number.POSITIVE_INFINITY) - (b.reasonId ?? Number.POSITIVE_INFINITY),
    );
}

/**
 * metrics.md 9, forecast over all pipeline leads: p_i is the share won among the closed leads
 * that reached stage i; expected wins sum p_i over the open leads now at stage i.
 */
export function forecast(funnel: Funnel, all: readonly LeadFacts[]): Forecast {
  const p = winProbabilities(funnel.stages.length, all);
  let expectedWins = 0;
  let expectedRevenue = 0;
  const n = funnel.stages.length;
  for (const f of all) {
    // metrics.md 11.3: a lead at a side stage counts with p of the main stage it reached.
    const pi = p[f.currentIndex >= n ? f.reachedIndex : f.currentIndex];
    if (pi === null || pi === undefined) continue;
    expectedWins += pi;
    expectedRevenue += pi * f.lead.price;
  }
  return {
    expectedWins,
    expectedRevenue,
    probabilities: funnel.stages.map((s, i) => ({ stageId: s.id, p: p[i] ?? null })),
  };
}

/** p_i per open stage: won ÷ closed among closed leads with reachedIndex >= i. */
function winProbabilities(n: number, all: readonly LeadFacts[]): (number | null)[] {
  const closedAt = new Array<number>(n + 1).fill(0);
  const wonAt = new Array<number>(n + 1).fill(0);
  for (const f of all) {
    if (!f.isWon && !f.isLost) continue;
    bump(closedAt, f.reachedIndex);
    if (f.lead.statusId === WON_STATUS_ID) bump(wonAt, f.reachedIndex);
  }
  // Suffix sums turn "reached exactly r" into "reached r or further".
  const p = new Array<number | null>(n).fill(null);
  let closed = closedAt[n] ?? 0;
  let won = wonAt[n] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    closed += closedAt[i] ?? 0;
    won += wonAt[i] ?? 0;
    p[i] = ratio(won, closed);
  }
  return p;
}

/**
 * metrics.md 8: among stages whose decided denominator is at least `minSample`, the lowest
 * decided conversion; ties go to the earlier stage.
 */
export function weakestTransition(
  funnel: Funnel,
  c: CohortCounts,
  minSample: number,
): WeakestTransition | null {
  let best: WeakestTransition | null = null;
  funnel.stages.forEach((stage, i) => {
    const decidedBase = (c.reached[i] ?? 0) - (c.undecided[i] ?? 0);
    if (decidedBase < minSample) return;
    const { conversionToNext, decidedConversion } = stageRatios(c, i);
    if (decidedConversion === null) return;
    if (
      best !== null &&
      best.decidedConversion !== null &&
      decidedConversion >= best.decidedConversion
    )
      return;
    best = {
      fromStageId: stage.id,
      toStageId: funnel.stages[i + 1]?.id ?? WON_STATUS_ID,
      conversion: conversionToNext,
      decidedConversion,
    };
  });
  return best;
}
