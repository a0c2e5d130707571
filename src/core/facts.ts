import type { Funnel } from './stages';
import * as stages from './stages';
import type { Visit } from './history';
import type { Lead } from './types';
import * as types from './types';

// tsx, which runs the benchmarks and the CLI, compiles imports to getters called on every use; a
// million visits look their places up twice each. Bound once here, they are plain calls.
const { isIncoming, openPlace } = stages;
const { LOST_STATUS_ID, WON_STATUS_ID } = types;

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
  const scan = new FactScan(funnel);
  for (const v of visits) {
    const from = v.from;
    if (from === null) scan.visit(v.pipelineId, v.statusId, v.start, v.end, v.censored);
    else {
      const { pipelineId, statusId, start, end, censored } = v;
      scan.visitFrom(pipelineId, statusId, start, end, from.pipelineId, from.statusId, censored);
    }
  }
  return scan.facts(lead);
}

/**
 * The facts of one lead, fed its visits in §4 order, each once its end is known: so a caller that
 * builds visits from columns need not make them objects first. A visit an event began (`from`
 * given) is censored only in hand-made visits. One scan per lead: its lists become the facts'.
 */
export class FactScan {
  private readonly funnel: Funnel;
  private readonly n: number;
  private readonly visited: Uint8Array;
  private readonly completedStages: number[] = [];
  private readonly completedHours: number[] = [];
  private readonly completedEnds: number[] = [];
  private readonly movedBackFrom: number[] = [];
  private readonly timeline: number[] = [];
  private maxVisited = -1;
  private wonVisit = false;
  /** A side stage visited since the last main-stage visit: the next main-stage visit returns from it. */
  private sideSince = false;
  private firstIncoming = false;
  /** metrics.md 11.4: a visit after the first to an open stage of P or to (P, 142). */
  private accepted = false;
  private firstMoveAt: number | null = null;
  /** Place of the `value_before` of the last transition into (P, 143); null before one. */
  private lostInto: number | null = null;
  private lastStart = 0;
  private lastCensored = false;

  constructor(funnel: Funnel) {
    this.funnel = funnel;
    this.n = funnel.stages.length;
    this.visited = new Uint8Array(funnel.places.length);
  }

  /** A visit no event began: the first one, or §4.5's visit to the current status. */
  visit(
    pipelineId: number,
    statusId: number,
    start: number,
    end: number | null,
    censored: boolean,
  ) {
    this.enter(
      placeOf(this.funnel, pipelineId, statusId),
      pipelineId,
      statusId,
      start,
      end,
      censored,
    );
  }

  /** A visit an event began, coming from (fromPipeline, fromStatus). */
  visitFrom(
    pipelineId: number,
    statusId: number,
    start: number,
    end: number | null,
    fromPipeline: number,
    fromStatus: number,
    censored = false,
  ) {
    const funnel = this.funnel;
    const i = placeOf(funnel, pipelineId, statusId);
    if (this.firstMoveAt === null) this.firstMoveAt = start;
    const was = placeOf(funnel, fromPipeline, fromStatus);
    // A transition from a main stage to an earlier one (metrics.md extensions: movedBack).
    if (was >= 0 && was < this.n && i >= 0 && i < was) this.movedBackFrom.push(was);
    if (pipelineId === funnel.pipelineId && statusId === LOST_STATUS_ID) {
      this.lostInto = openPlace(funnel, fromPipeline, fromStatus);
    }
    this.enter(i, pipelineId, statusId, start, end, censored);
  }

  private enter(
    i: number,
    pipelineId: number,
    statusId: number,
    start: number,
    end: number | null,
    censored: boolean,
  ): void {
    if (this.timeline.length === 0) {
      this.firstIncoming = isIncoming(this.funnel, pipelineId, statusId);
    } else if (i >= 0 || i === AT_WON) this.accepted = true;
    this.timeline.push(timelineEntry(i, start));
    this.lastStart = start;
    this.lastCensored = censored;
    if (i === AT_WON) this.wonVisit = true;
    if (i < 0) return;
    const n = this.n;
    const visited = this.visited;
    visited[i] = (visited[i] ?? 0) | VISITED;
    if (i >= n) this.sideSince = true;
    else {
      if (i > this.maxVisited) this.maxVisited = i;
      // Every side stage visited so far has now been left for a main stage (metrics.md 11.3).
      if (this.sideSince) {
        for (let k = n; k < visited.length; k++) {
          if (visited[k] !== 0) visited[k] = (visited[k] ?? 0) | RETURNED;
        }
      }
      this.sideSince = false;
    }
    if (end !== null && !censored) {
      this.completedStages.push(i);
      this.completedHours.push((end - start) / 3600);
      this.completedEnds.push(end);
    }
  }

  facts(lead: Lead): LeadFacts {
    const funnel = this.funnel;
    const isWon = lead.statusId === WON_STATUS_ID;
    const isLost = lead.statusId === LOST_STATUS_ID;
    const reachedIndex = this.wonVisit
      ? this.n
      : this.maxVisited >= 0
        ? this.maxVisited
        : isLost
          ? 0
          : -1;
    const currentIndex = openPlace(funnel, lead.pipelineId, lead.statusId);
    const atStage = currentIndex >= 0 && this.timeline.length > 0;
    const lost = isLost ? this.lostFrom(reachedIndex) : null;
    return {
      lead,
      reachedIndex,
      visited: this.visited,
      currentIndex,
      isWon,
      isLost,
      lostFromIndex: lost?.index ?? -1,
      lostFromSide: lost?.side ?? -1,
      completedStages: this.completedStages,
      completedHours: this.completedHours,
      completedEnds: this.completedEnds,
      currentVisitStart: atStage ? this.lastStart : null,
      currentVisitCensored: atStage && this.lastCensored,
      movedBackFrom: this.movedBackFrom,
      timeline: this.timeline,
      firstMoveAt: this.firstMoveAt,
      incoming: !this.firstIncoming
        ? NOT_INCOMING
        : this.accepted
          ? INCOMING_ACCEPTED
          : INCOMING_WAITED,
    };
  }

  /**
   * metrics.md 5, "lost-from stage": the main stage in `value_before` of the last transition into
   * (P, 143); without one, or when it came from a side stage (11.3), the furthest stage reached,
   * clamped into the funnel. `side` is that side stage's place, else -1.
   */
  private lostFrom(reachedIndex: number): { index: number; side: number } {
    const n = this.n;
    const i = this.lostInto;
    if (i !== null && i >= 0 && i < n) return { index: i, side: -1 };
    const side = i !== null && i >= n ? i : -1;
    return { index: n === 0 ? -1 : Math.min(Math.max(reachedIndex, 0), n - 1), side };
  }
}
