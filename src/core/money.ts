import type { LeadFacts } from './facts';
import { ratio } from './ratio';
import type { Funnel } from './stages';
import type { MoneyReport, WeakestTransition } from './types';

/**
 * metrics.md extensions, "Money": the cohort counts of §5, §8 and §9 as sums of `price` instead of
 * numbers of leads: a lead adds its price wherever §5 counts it once.
 */
export function moneyReport(
  funnel: Funnel,
  cohort: readonly LeadFacts[],
  weakest: WeakestTransition | null,
): MoneyReport {
  const n = funnel.stages.length;
  const atReach = new Array<number>(n + 1).fill(0);
  const undecided = new Array<number>(n).fill(0);
  const lostHere = new Array<number>(n).fill(0);
  const current = new Array<number>(n).fill(0);
  let deals = 0;
  let won = 0;
  let lost = 0;
  for (const f of cohort) {
    const price = f.lead.price;
    deals += price;
    if (f.isWon) won += price;
    else if (f.isLost) lost += price;
    add(atReach, f.reachedIndex, price);
    if (!f.isWon && !f.isLost && f.reachedIndex < n) add(undecided, f.reachedIndex, price);
    add(lostHere, f.lostFromIndex, price);
    add(current, f.currentIndex, price);
  }
  const reached = new Array<number>(n).fill(0);
  let acc = atReach[n] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    acc += atReach[i] ?? 0;
    reached[i] = acc;
  }
  const wonReached = atReach[n] ?? 0;
  return {
    totals: { deals, won, lost, open: deals - won - lost },
    stages: funnel.stages.map((s, i) => ({
      id: s.id,
      reached: reached[i] ?? 0,
      current: current[i] ?? 0,
      undecided: undecided[i] ?? 0,
      lostHere: lostHere[i] ?? 0,
    })),
    won: { reached: wonReached },
    weakestTransition: weakestInMoney(funnel, weakest, reached, undecided, wonReached),
  };
}

/** The §8 transition (chosen by counts) with its numerator and denominators in money. */
function weakestInMoney(
  funnel: Funnel,
  weakest: WeakestTransition | null,
  reached: readonly number[],
  undecided: readonly number[],
  wonReached: number,
): MoneyReport['weakestTransition'] {
  if (!weakest) return null;
  const i = funnel.indexOf.get(weakest.fromStageId) ?? -1;
  const base = reached[i] ?? 0;
  const next = i + 1 < funnel.stages.length ? (reached[i + 1] ?? 0) : wonReached;
  const decided = base - (undecided[i] ?? 0);
  return {
    fromStageId: weakest.fromStageId,
    toStageId: weakest.toStageId,
    next,
    reached: base,
    decided,
    conversion: ratio(next, base),
    decidedConversion: ratio(next, decided),
  };
}

function add(sums: number[], i: number, by: number): void {
  if (i >= 0 && i < sums.length) sums[i] = (sums[i] ?? 0) + by;
}
