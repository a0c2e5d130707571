import type { Funnel } from './stages';
import { isIncoming, openPlace } from './stages';
import type { Visit } from './history';
import type { Lead } from './types';
import { LOST_STATUS_ID, WON_STATUS_ID } from './types';

/**
 * Everything the report needs to know about one pipeline lead, derived once from its visits.
 * None of it depends on the window or on `now`, so the current period, the previous period and
 * the trend buckets are all cheap passes over these facts.
 */
export interface LeadFacts {
  readonly lead: Lead;
  /** metrics.md 5: n = won, else furthest open stage visited, 0 = lost before any stage, -1 = incoming. */
  readonly reachedIndex: number;
  /**
   * One byte per place (main stages, then side stages): VISITED when the lead ever visited it; a
   * side stage also gets RETURNED when a main-stage visit came after a visit to it (metrics.md 11.3).
   */
  readonly visited: Uint8Array;
  /** Place of the current status: a main stage's index, a side stage's n + k, or -1. */
  readonly currentIndex: number;
  readonly isWon: boolean;
  readonly isLost: boolean;
  /** Stage index the lead was lost from, when it is lost now; else -1. */
  readonly lostFromIndex: number;
  /** Place of the side stage the last move into (P, 143) came from, when it is lost now; else -1. */
  readonly lostFromSide: number;
  /** Completed visits of known length to open stages: place, hours and end, in visit order. */
  readonly completedStages: readonly number[];
  readonly completedHours: readonly number[];
  readonly completedEnds: readonly number[];
  /** Start of the current visit when the lead sits at an open stage (main or side); else null. */
  readonly currentVisitStart: number | null;
  /** The current visit began before the loaded history: its time is at least `now - start`. */
  readonly currentVisitCensored: boolean;
  /** Stage indices of transitions from a main stage to an earlier main stage of the pipeline. */
  readonly movedBackFrom: readonly number[];
  /**
   * Every visit in §4 order, as where it was (an open stage index, or AT_WON / AT_LOST / AT_OTHER)
   * and when it began, one number each (`timelineEntry`): what the lead looked like at any past
   * moment (metrics.md 11.2).
   */
  readonly timeline: readonly number[];
  /** metrics.md 11.4: when the first status change kept by §4 step 1 happened; null: none. */
  readonly firstMoveAt: number | null;
  /** metrics.md 11.4: whether the first visit was P's incoming status, and whether one after it accepted it. */
  readonly incoming: IncomingFate;
}

/** Where a visit was, besides an open stage's place: won or lost in P, or anywhere else. */
export const AT_OTHER = -1;
export const AT_WON = -2;
export const AT_LOST = -3;

/**
 * A visit as one number: its start times 4096 plus its place shifted to be non-negative. Starts are
 * below 2^32, so this stays an exact integer (below 2^44); a pipeline has far fewer than 4093 stages.
 * One number instead of two halves what a million visits cost to derive, keep and pack.
 */
const PLACES = 4096;
const SHIFT = 3;

export const timelineEntry = (place: number, start: number): number =>
  start * PLACES + (place + SHIFT);
export const placeOfEntry = (entry: number): number => (entry % PLACES) - SHIFT;
export const startOfEntry = (entry: number): number => Math.floor(entry / PLACES);

/**
 * 0: the lead did not start in P's incoming status; 1: it did, and has not been taken to an open
 * stage or won since; 2: it did, and was accepted.
 */
export type IncomingFate = 0 | 1 | 2;

export const VISITED = 1;
export const RETURNED = 2;
export const NOT_INCOMING = 0;
export const INCOMING_WAITED = 1;
export const INCOMING_ACCEPTED = 2;

/** A visit's place as a timeline code. */
function placeOf(funnel: Funnel, pipelineId: number, statusId: number): number {
  const i = openPlace(funnel, pipelineId, statusId);
  if (i >= 0 || pipelineId !== funnel.pipelineId) return i;
  return statusId === WON_STATUS_ID ? AT_WON : statusId === LOST_STATUS_ID ? AT_LOST : AT_OTHER;
}

/** Derives the facts of one lead of the funnel's pipeline from its visits (metrics.md 4). */
export function leadFacts(funnel: Funnel, lead: Lead, visits: readonly Visit[]): LeadFacts {
  const seen = scanVisits(funnel, visits);
  const isWon = lead.statusId === WON_STATUS_ID;
  const isLost = lead.statusId === LOST_STATUS_ID;
  const reachedIndex = seen.wonVisit
    ? funnel.stages.length
    : seen.maxVisited >= 0
      ? seen.maxVisited
      : isLost
        ? 0
        : -1;
  const currentIndex = openPlace(funnel, lead.pipelineId, lead.statusId);
  const last = visits[visits.length - 1];
  const atStage = currentIndex >= 0 && last !== undefined;
  const lost = isLost ? lostFrom(funnel, visits, reachedIndex) : null;
  return {
    lead,
    reachedIndex,
    visited: seen.visited,
    currentIndex,
    isWon,
    isLost,
    lostFromIndex: lost?.index ?? -1,
    lostFromSide: lost?.side ?? -1,
    completedStages: seen.completedStages,
    completedHours: seen.completedHours,
    completedEnds: seen.completedEnds,
    currentVisitStart: atStage ? last.start : null,
    currentVisitCensored: atStage && last.censored,
    movedBackFrom: seen.movedBackFrom,
    timeline: seen.timeline,
    firstMoveAt: visits.find(v => v.from !== null)?.start ?? null,
    incoming: incomingFate(funnel, visits, seen.timeline),
  };
}

/** metrics.md 11.4: accepted = a later visit to an open stage of P (side ones too) or to (P, 142). */
function incomingFate(
  funnel: Funnel,
  visits: readonly Visit[],
  timeline: readonly number[],
): IncomingFate {
  const first = visits[0];
  if (!first || !isIncoming(funnel, first.pipelineId, first.statusId)) return NOT_INCOMING;
  for (let k = 1; k < timeline.length; k++) {
    const at = placeOfEntry(timeline[k] ?? 0);
    if (at >= 0 || at === AT_WON) return INCOMING_ACCEPTED;
  }
  return INCOMING_WAITED;
}

/** What the visits in this pipeline say: stages seen, whether it was ever won, completed stays. */
function scanVisits(funnel: Funnel, visits: readonly Visit[]) {
  const n = funnel.stages.length;
  const visited = new Uint8Array(funnel.places.length);
  const completedStages: number[] = [];
  const completedHours: number[] = [];
  const completedEnds: number[] = [];
  const movedBackFrom: number[] = [];
  const timeline: number[] = [];
  let maxVisited = -1;
  let wonVisit = false;
  // A side stage visited since the last main-stage visit: the next main-stage visit returns from it.
  let sideSince = false;
  for (const v of visits) {
    const i = placeOf(funnel, v.pipelineId, v.statusId);
    timeline.push(timelineEntry(i, v.start));
    if (i === AT_WON) wonVisit = true;
    // A transition from a main stage to an earlier one (metrics.md extensions: movedBack).
    const from = v.from === null ? -1 : placeOf(funnel, v.from.pipelineId, v.from.statusId);
    if (from >= 0 && from < n && i >= 0 && i < from) movedBackFrom.push(from);
    if (i < 0) continue;
    visited[i] = (visited[i] ?? 0) | VISITED;
    if (i >= n) sideSince = true;
    else {
      maxVisited = Math.max(maxVisited, i);
      if (sideSince) markReturned(visited, n);
      sideSince = false;
    }
    if (v.end !== null && !v.censored) {
      completedStages.push(i);
      completedHours.push((v.end - v.start) / 3600);
      completedEnds.push(v.end);
    }
  }
  return {
    visited,
    completedStages,
    completedHours,
    completedEnds,
    movedBackFrom,
    timeline,
    maxVisited,
    wonVisit,
  };
}

/** Every side stage visited so far has now been left for a main stage (metrics.md 11.3 `returned`). */
function markReturned(visited: Uint8Array, n: number): void {
  for (let k = n; k < visited.length; k++) {
    if (visited[k] !== 0) visited[k] = (visited[k] ?? 0) | RETURNED;
  }
}

/**
 * metrics.md 5, "lost-from stage": the main stage in `value_before` of the last transition into
 * (P, 143); without one, or when it came from a side stage (11.3), the furthest stage reached,
 * clamped into the funnel. `side` is that side stage's place, else -1.
 */
function lostFrom(
  funnel: Funnel,
  visits: readonly Visit[],
  reachedIndex: number,
): { index: number; side: number } {
  const n = funnel.stages.length;
  let side = -1;
  for (let k = visits.length - 1; k >= 0; k--) {
    const v = visits[k];
    // Only a visit an event began is a transition; §4.5's visit to the current status is not.
    if (!v?.from || v.pipelineId !== funnel.pipelineId || v.statusId !== LOST_STATUS_ID) continue;
    const i = openPlace(funnel, v.from.pipelineId, v.from.statusId);
    if (i >= 0 && i < n) return { index: i, side: -1 };
    if (i >= n) side = i;
    break;
  }
  return { index: n === 0 ? -1 : Math.min(Math.max(reachedIndex, 0), n - 1), side };
}
