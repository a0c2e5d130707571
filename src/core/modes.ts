import type { LeadFacts } from './facts';
import { AT_WON, placeOfEntry, startOfEntry } from './facts';
import { summarize } from './quantile';
import { ratio } from './ratio';
import type { Funnel } from './stages';
import type { ClosedModeReport, FlowReport, Period } from './types';

/**
 * metrics.md extensions, "Counting modes". Both read the §4 visits every fact keeps as its
 * timeline, over the pipeline leads in scope of any creation date; the cohort's numbers are left
 * as they are.
 */

/** When a lead now won or lost in P got there: the start of its current (last) visit. */
export function closedAtOf(f: LeadFacts): number | null {
  if (!f.isWon && !f.isLost) return null;
  const last = f.timeline[f.timeline.length - 1];
  return last === undefined ? null : startOfEntry(last);
}

/** `mode: 'closed'`: the leads closed in the period, won and lost, where lost, how long it took. */
export function closedMode(
  funnel: Funnel,
  scope: readonly LeadFacts[],
  period: Period,
): ClosedModeReport {
  const n = funnel.stages.length;
  const lostCount = new Array<number>(n).fill(0);
  const lostValue = new Array<number>(n).fill(0);
  const toClose: number[] = [];
  const toWin: number[] = [];
  let won = 0;
  let lost = 0;
  let wonValue = 0;
  let lostTotal = 0;
  for (const f of scope) {
    const at = closedAtOf(f);
    if (at === null || at < period.from || at >= period.to) continue;
    const hours = (at - f.lead.createdAt) / 3600;
    toClose.push(hours);
    if (f.isWon) {
      won++;
      wonValue += f.lead.price;
      toWin.push(hours);
      continue;
    }
    lost++;
    lostTotal += f.lead.price;
    const i = f.lostFromIndex;
    if (i >= 0 && i < n) {
      lostCount[i] = (lostCount[i] ?? 0) + 1;
      lostValue[i] = (lostValue[i] ?? 0) + f.lead.price;
    }
  }
  return {
    deals: won + lost,
    won,
    lost,
    winRate: ratio(won, won + lost),
    value: { won: wonValue, lost: lostTotal },
    lostFrom: funnel.stages.map((s, i) => ({
      stageId: s.id,
      count: lostCount[i] ?? 0,
      value: lostValue[i] ?? 0,
    })),
    timeToClose: summarize(toClose),
    timeToWin: summarize(toWin),
  };
}

/**
 * `mode: 'entered'`: per main stage, the leads with a visit to it that began in the period, and
 * of those the ones that, after the first such visit, began a visit to a later main stage or to
 * (P, 142) before the period ended. A first visit that began before a loaded history (its start
 * unknown) is no entry.
 */
export function flow(
  funnel: Funnel,
  scope: readonly LeadFacts[],
  period: Period,
  historyFrom: number | null,
): FlowReport {
  const n = funnel.stages.length;
  const entered = new Array<number>(n).fill(0);
  const movedOn = new Array<number>(n).fill(0);
  const enteredValue = new Array<number>(n).fill(0);
  const movedOnValue = new Array<number>(n).fill(0);
  const seen = new Uint8Array(n);
  for (const f of scope) {
    seen.fill(0);
    const censored = historyFrom !== null && f.lead.createdAt < historyFrom;
    const t = f.timeline;
    const price = f.lead.price;
    for (let k = censored ? 1 : 0; k < t.length; k++) {
      const i = entryIn(t[k] ?? 0, n, period);
      if (i < 0 || seen[i]) continue;
      seen[i] = 1;
      entered[i] = (entered[i] ?? 0) + 1;
      enteredValue[i] = (enteredValue[i] ?? 0) + price;
      if (!movesOn(t, k, i, n, period.to)) continue;
      movedOn[i] = (movedOn[i] ?? 0) + 1;
      movedOnValue[i] = (movedOnValue[i] ?? 0) + price;
    }
  }
  return {
    stages: funnel.stages.map((s, i) => ({
      id: s.id,
      entered: entered[i] ?? 0,
      movedOn: movedOn[i] ?? 0,
      share: ratio(movedOn[i] ?? 0, entered[i] ?? 0),
      value: { entered: enteredValue[i] ?? 0, movedOn: movedOnValue[i] ?? 0 },
    })),
  };
}

/** The main stage of a visit that began in the period; -1 for any other visit. */
function entryIn(entry: number, n: number, period: Period): number {
  const i = placeOfEntry(entry);
  const start = startOfEntry(entry);
  return i >= 0 && i < n && start >= period.from && start < period.to ? i : -1;
}

/** A visit after entry `k` to a main stage past `i`, or to won, that began before `to`. */
function movesOn(t: readonly number[], k: number, i: number, n: number, to: number): boolean {
  for (let j = k + 1; j < t.length; j++) {
    const entry = t[j] ?? 0;
    if (startOfEntry(entry) >= to) return false;
    const at = placeOfEntry(entry);
    if ((at > i && at < n) || at === AT_WON) return true;
  }
  return false;
}
