import type { Funnel } from './stages';
import { stageIndex } from './stages';
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
  };
}

/** What the visits in this pipeline say: stages seen, whether it was ever won, completed stays. */
function scanVisits(funnel: Funnel, visits: readonly Visit[]) {
  const visited = new Uint8Array(funnel.stages.length);
  const completedStages: number[] = [];
  const completedHours: number[] = [];
  const completedEnds: number[] = [];
  const movedBackFrom: number[] = [];
  let maxVisited = -1;
  let wonVisit = false;
  for (const v of visits) {
    if (v.pipelineId === funnel.pipelineId && v.statusId === WON_STATUS_ID) wonVisit = true;
    const i = stageIndex(funnel, v.pipelineId, v.statusId);
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
