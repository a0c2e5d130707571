import { bump } from './cohort';
import { AT_LOST, AT_OTHER, AT_WON, placeOfEntry, startOfEntry } from './facts';
import type { LeadFacts } from './facts';
import { ratio } from './ratio';
import type { Funnel } from './stages';
import type { Period, SameAge } from './types';

/**
 * metrics.md 11.2: the previous cohort as it stood when it was as old as the current one is now.
 * `cut = now - (to - from)`; each lead's visits that began before `cut`, the last of them open;
 * leads created at or after `cut` are left out. The §5 and §9 rules then apply unchanged.
 */
export function sameAge(
  funnel: Funnel,
  previousCohort: readonly LeadFacts[],
  window: Period,
  now: number,
): SameAge {
  const n = funnel.stages.length;
  const cut = now - (window.to - window.from);
  const atReach = new Array<number>(n + 1).fill(0);
  const undecided = new Array<number>(n).fill(0);
  let deals = 0;
  let won = 0;
  let lost = 0;
  for (const f of previousCohort) {
    if (f.lead.createdAt >= cut) continue;
    const { reachedIndex, place } = asOf(f, cut, n);
    deals++;
    if (place === AT_WON) won++;
    else if (place === AT_LOST) lost++;
    else bump(undecided, reachedIndex);
    bump(atReach, reachedIndex);
  }
  const reached = new Array<number>(n).fill(0);
  let acc = atReach[n] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    acc += atReach[i] ?? 0;
    reached[i] = acc;
  }
  return {
    cut,
    totals: { deals, won, lost, open: deals - won - lost, conversion: ratio(won, reached[0] ?? 0) },
    stages: funnel.stages.map((s, i) => {
      const next = i + 1 < n ? (reached[i + 1] ?? 0) : (atReach[n] ?? 0);
      const r = reached[i] ?? 0;
      const u = undecided[i] ?? 0;
      return { id: s.id, reached: r, undecided: u, decidedConversion: ratio(next, r - u) };
    }),
  };
}

/**
 * A lead's reachedIndex (§5) and place as of `cut`, from the visits that began before it: the
 * same-age reading, which the alerts' baseline windows (alertBaseline.ts) read too.
 */
export function asOf(
  f: LeadFacts,
  cut: number,
  n: number,
): { reachedIndex: number; place: number } {
  let place = AT_OTHER;
  let furthest = -1;
  let wonVisit = false;
  for (const entry of f.timeline) {
    if (startOfEntry(entry) >= cut) break;
    place = placeOfEntry(entry);
    if (place === AT_WON) wonVisit = true;
    // Side stages (places n and up) never raise reachedIndex (metrics.md 11.3).
    if (place > furthest && place < n) furthest = place;
  }
  const reachedIndex = wonVisit ? n : furthest >= 0 ? furthest : place === AT_LOST ? 0 : -1;
  return { reachedIndex, place };
}
