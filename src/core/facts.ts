import type { Funnel } from './stages';
import { stageIndex } from './stages';
import type { Visit } from './history';
import { buildVisits, orderEvents } from './history';
import type { Lead, StatusChange } from './types';
import { LOST_STATUS_ID, WON_STATUS_ID } from './types';

/**
 * Everything the report needs to know about one pipeline lead, derived once from its history.
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
  /** Completed visits to open stages: stage index and duration in hours, in visit order. */
  readonly completedStages: readonly number[];
  readonly completedHours: readonly number[];
  /** Start of the current visit when the lead sits at an open stage; else null. */
  readonly currentVisitStart: number | null;
  /** Stage indices of transitions from a stage to an earlier stage of the pipeline. */
  readonly movedBackFrom: readonly number[];
}

/**
 * Derives the facts of one lead of the funnel's pipeline from its (unordered, possibly
 * duplicated) status-change events.
 */
export function leadFacts(funnel: Funnel, lead: Lead, events: readonly StatusChange[]): LeadFacts {
  const ordered = orderEvents(events);
  const visits = buildVisits(lead, ordered);
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
  return {
    lead,
    reachedIndex,
    visited: seen.visited,
    currentIndex,
    isWon,
    isLost,
    lostFromIndex: isLost ? lostFrom(funnel, ordered, reachedIndex) : -1,
    completedStages: seen.completedStages,
    completedHours: seen.completedHours,
    currentVisitStart: currentIndex >= 0 && last ? last.start : null,
    movedBackFrom: backwardMoves(funnel, ordered),
  };
}

/** What the visits in this pipeline say: stages seen, whether it was ever won, completed stays. */
function scanVisits(funnel: Funnel, visits: readonly Visit[]) {
  const visited = new Uint8Array(funnel.stages.length);
  const completedStages: number[] = [];
  const completedHours: number[] = [];
  let maxVisited = -1;
  let wonVisit = false;
  for (const v of visits) {
    if (v.pipelineId === funnel.pipelineId && v.statusId === WON_STATUS_ID) wonVisit = true;
    const i = stageIndex(funnel, v.pipelineId, v.statusId);
    if (i < 0) continue;
    visited[i] = 1;
    maxVisited = Math.max(maxVisited, i);
    if (v.end !== null) {
      completedStages.push(i);
      completedHours.push((v.end - v.start) / 3600);
    }
  }
  return { visited, completedStages, completedHours, maxVisited, wonVisit };
}

/**
 * metrics.md 5, "lost-from stage": the open stage in `value_before` of the last transition into
 * (P, 143); without one, the furthest stage reached, clamped into the funnel.
 */
function lostFrom(funnel: Funnel, ordered: readonly StatusChange[], reachedIndex: number): number {
  const n = funnel.stages.length;
  if (n === 0) return -1;
  for (let k = ordered.length - 1; k >= 0; k--) {
    const e = ordered[k];
    if (!e || e.after.pipelineId !== funnel.pipelineId || e.after.statusId !== LOST_STATUS_ID)
      continue;
    const i = stageIndex(funnel, e.before.pipelineId, e.before.statusId);
    if (i >= 0) return i;
    break;
  }
  return Math.min(Math.max(reachedIndex, 0), n - 1);
}

function backwardMoves(funnel: Funnel, ordered: readonly StatusChange[]): number[] {
  const from: number[] = [];
  for (const e of ordered) {
    const a = stageIndex(funnel, e.before.pipelineId, e.before.statusId);
    const b = stageIndex(funnel, e.after.pipelineId, e.after.statusId);
    if (a >= 0 && b >= 0 && b < a) from.push(a);
  }
  return from;
}
