import type { Funnel } from './stages';
import { isIncoming, stageIndex } from './stages';
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
  /** 1 at index i when the lead ever visited open stage i of the pipeline. */
  readonly visited: Uint8Array;
  /** Open stage index of the current status, or -1. */
  readonly currentIndex: number;
  readonly isWon: boolean;
  readonly isLost: boolean;
  /** Stage index the lead was lost from, when it is lost now; else -1. */
  readonly lostFromIndex: number;
  /** Completed visits of known length to open stages: stage index, hours and end, in visit order. */
  readonly completedStages: readonly number[];
  readonly completedHours: readonly number[];
  readonly completedEnds: readonly number[];
  /** Start of the current visit when the lead sits at an open stage; else null. */
  readonly currentVisitStart: number | null;
  /** The current visit began before the loaded history: its time is at least `now - start`. */
  readonly currentVisitCensored: boolean;
  /** Stage indices of transitions from a stage to an earlier stage of the pipeline. */
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

/** Where a visit was, besides an open stage's index: won or lost in P, or anywhere else. */
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
export const NOT_INCOMING = 0;
export const INCOMING_WAITED = 1;
export const INCOMING_ACCEPTED = 2;

/** A visit's place as a timeline code. */
function placeOf(funnel: Funnel, pipelineId: number, statusId: number): number {
  const i = stageIndex(funnel, pipelineId, statusId);
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
  const currentIndex = stageIndex(funnel, lead.pipelineId, lead.statusId);
  const last = visits[visits.length - 1];
  const atStage = currentIndex >= 0 && last !== undefined;
  return {
    lead,
    reachedIndex,
    visited: seen.visited,
    currentIndex,
    isWon,
    isLost,
    lostFromIndex: isLost ? lostFrom(funnel, visits, reachedIndex) : -1,
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

/** metrics.md 11.4: accepted = a later visit to an open stage of P or to (P, 142). */
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
  const visited = new Uint8Array(funnel.stages.length);
  const completedStages: number[] = [];
  const completedHours: number[] = [];
  const completedEnds: number[] = [];
  const movedBackFrom: number[] = [];
  const timeline: number[] = [];
  let maxVisited = -1;
  let wonVisit = false;
  for (const v of visits) {
    const i = placeOf(funnel, v.pipelineId, v.statusId);
    timeline.push(timelineEntry(i, v.start));
    if (i === AT_WON) wonVisit = true;
    // A transition from a stage to an earlier one (metrics.md extensions: movedBack).
    const from = v.from === null ? -1 : stageIndex(funnel, v.from.pipelineId, v.from.statusId);
    if (from >= 0 && i >= 0 && i < from) movedBackFrom.push(from);
    if (i < 0) continue;
    visited[i] = 1;
    maxVisited = Math.max(maxVisited, i);
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

/**
 * metrics.md 5, "lost-from stage": the open stage in `value_before` of the last transition into
 * (P, 143); without one, the furthest stage reached, clamped into the funnel.
 */
function lostFrom(funnel: Funnel, visits: readonly Visit[], reachedIndex: number): number {
  const n = funnel.stages.length;
  if (n === 0) return -1;
  for (let k = visits.length - 1; k >= 0; k--) {
    const v = visits[k];
    // Only a visit an event began is a transition; §4.5's visit to the current status is not.
    if (!v?.from || v.pipelineId !== funnel.pipelineId || v.statusId !== LOST_STATUS_ID) continue;
    const i = stageIndex(funnel, v.from.pipelineId, v.from.statusId);
    if (i >= 0) return i;
    break;
  }
  return Math.min(Math.max(reachedIndex, 0), n - 1);
}
