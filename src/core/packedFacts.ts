/**
 * Lead facts (facts.ts) of many leads as columns, for the cache: a warm start reads them back as
 * they were derived instead of deriving a million visits again. Facts depend on the funnel's
 * stages (their indices), so the packed record names the stages it was derived for; facts for
 * another funnel are refused and derived afresh.
 */
import type { IncomingFate, LeadFacts } from './facts';
import type { Funnel } from './stages';
import type { Lead } from './types';
import { LOST_STATUS_ID, WON_STATUS_ID } from './types';

export interface PackedFacts {
  readonly count: number;
  /** The fact rules, pipeline and open stage ids the facts were derived for (`funnelKey`). */
  readonly funnel: string;
  readonly leadId: Float64Array;
  readonly reachedIndex: Int32Array;
  readonly currentIndex: Int32Array;
  readonly lostFromIndex: Int32Array;
  /** Absent in facts packed before side stages existed (all -1 then). */
  readonly lostFromSide?: Int32Array;
  /** NaN when the lead is not at an open stage. */
  readonly currentVisitStart: Float64Array;
  readonly currentVisitCensored: Uint8Array;
  /** count × places (main then side stages): facts.ts `visited`. */
  readonly visited: Uint8Array;
  /** Where each lead's completed visits begin in the three columns after it; count + 1 long. */
  readonly completedAt: Uint32Array;
  readonly completedStage: Int32Array;
  readonly completedHours: Float64Array;
  readonly completedEnd: Float64Array;
  /** Where each lead's backward moves begin in `movedBackFrom`; count + 1 long. */
  readonly movedBackAt: Uint32Array;
  readonly movedBackFrom: Int32Array;
  /** Where each lead's timeline (facts.ts `timelineEntry` per visit) begins; count + 1 long. */
  readonly timelineAt: Uint32Array;
  readonly timeline: Float64Array;
  /** NaN when the lead has no status change. */
  readonly firstMoveAt: Float64Array;
  readonly incoming: Uint8Array;
}

/**
 * How facts are derived from events (metrics.md 4–5). Bump it when that changes: held facts of
 * another rule are then derived again from the held events, without a new sync.
 * 2: same-second events take the order with the most links (metrics.md 4.2, v1.1).
 * 3: facts hold each lead's timeline, first move and incoming fate (metrics.md 11.2, 11.4).
 */
export const FACT_RULES = 3;

/** The rules and stages facts were derived for: facts stay valid while this stays the same. */
export function funnelKey(funnel: Funnel): string {
  const main = `${FACT_RULES}/${funnel.pipelineId}:${funnel.stages.map(s => s.id).join(',')}`;
  // Without side stages the key is what it was before they existed: held facts stay valid.
  return funnel.side.length === 0 ? main : `${main}|${funnel.side.map(s => s.id).join(',')}`;
}

export function packFacts(funnel: Funnel, facts: readonly LeadFacts[]): PackedFacts {
  const n = facts.length;
  const stages = funnel.places.length;
  let completed = 0;
  let moved = 0;
  let visits = 0;
  for (const f of facts) {
    completed += f.completedStages.length;
    moved += f.movedBackFrom.length;
    visits += f.timeline.length;
  }
  const p = {
    count: n,
    funnel: funnelKey(funnel),
    leadId: new Float64Array(n),
    reachedIndex: new Int32Array(n),
    currentIndex: new Int32Array(n),
    lostFromIndex: new Int32Array(n),
    lostFromSide: new Int32Array(n),
    currentVisitStart: new Float64Array(n),
    currentVisitCensored: new Uint8Array(n),
    visited: new Uint8Array(n * stages),
    completedAt: new Uint32Array(n + 1),
    completedStage: new Int32Array(completed),
    completedHours: new Float64Array(completed),
    completedEnd: new Float64Array(completed),
    movedBackAt: new Uint32Array(n + 1),
    movedBackFrom: new Int32Array(moved),
    timelineAt: new Uint32Array(n + 1),
    timeline: new Float64Array(visits),
    firstMoveAt: new Float64Array(n),
    incoming: new Uint8Array(n),
  };
  let completedAt = 0;
  let movedAt = 0;
  let visitsAt = 0;
  for (let i = 0; i < n; i++) {
    const f = facts[i] as LeadFacts;
    p.completedAt[i] = completedAt;
    p.movedBackAt[i] = movedAt;
    p.timelineAt[i] = visitsAt;
    writeScalars(p, i, f, stages);
    writeLists(p, f, completedAt, movedAt, visitsAt);
    completedAt += f.completedStages.length;
    movedAt += f.movedBackFrom.length;
    visitsAt += f.timeline.length;
  }
  p.completedAt[n] = completedAt;
  p.movedBackAt[n] = movedAt;
  p.timelineAt[n] = visitsAt;
  return p;
}

/** One lead's single values into row `i`. */
function writeScalars(p: PackedFacts, i: number, f: LeadFacts, stages: number): void {
  p.leadId[i] = f.lead.id;
  p.reachedIndex[i] = f.reachedIndex;
  p.currentIndex[i] = f.currentIndex;
  p.lostFromIndex[i] = f.lostFromIndex;
  if (p.lostFromSide) p.lostFromSide[i] = f.lostFromSide;
  p.currentVisitStart[i] = f.currentVisitStart ?? Number.NaN;
  p.currentVisitCensored[i] = f.currentVisitCensored ? 1 : 0;
  p.firstMoveAt[i] = f.firstMoveAt ?? Number.NaN;
  p.incoming[i] = f.incoming;
  // Loops, not TypedArray#set: a lead's lists are a handful of numbers, where set's generic path
  // from a plain array costs more than the copy.
  const visited = p.visited;
  const row = i * stages;
  for (let k = 0; k < stages; k++) visited[row + k] = f.visited[k] ?? 0;
}

/** One lead's lists from the given rows of their columns on (cursors kept in locals, not fields). */
function writeLists(
  p: PackedFacts,
  f: LeadFacts,
  completedAt: number,
  movedAt: number,
  visitsAt: number,
): void {
  const { completedStages, completedHours, completedEnds, movedBackFrom, timeline } = f;
  const stage = p.completedStage;
  const hours = p.completedHours;
  const end = p.completedEnd;
  for (let k = 0; k < completedStages.length; k++) {
    stage[completedAt + k] = completedStages[k] ?? 0;
    hours[completedAt + k] = completedHours[k] ?? 0;
    end[completedAt + k] = completedEnds[k] ?? 0;
  }
  const moved = p.movedBackFrom;
  for (let k = 0; k < movedBackFrom.length; k++) moved[movedAt + k] = movedBackFrom[k] ?? 0;
  const entries = p.timeline;
  for (let k = 0; k < timeline.length; k++) entries[visitsAt + k] = timeline[k] ?? 0;
}

/**
 * The facts back, joined to their leads; null when they were derived for another funnel. A lead
 * missing from `leads` is skipped (its facts went stale with it).
 */
export function unpackFacts(
  funnel: Funnel,
  p: PackedFacts,
  leads: ReadonlyMap<number, Lead>,
): LeadFacts[] | null {
  if (p.funnel !== funnelKey(funnel)) return null;
  const stages = funnel.places.length;
  const out: LeadFacts[] = [];
  for (let i = 0; i < p.count; i++) {
    const lead = leads.get(p.leadId[i] ?? 0);
    if (lead) out.push(readLead(p, i, lead, stages));
  }
  return out;
}

/** Row `i`'s facts, joined to its lead. */
function readLead(p: PackedFacts, i: number, lead: Lead, stages: number): LeadFacts {
  const list = (column: Int32Array | Float64Array, starts: Uint32Array): number[] =>
    Array.from(column.subarray(starts[i] ?? 0, starts[i + 1] ?? 0));
  const start = p.currentVisitStart[i] ?? Number.NaN;
  const firstMove = p.firstMoveAt[i] ?? Number.NaN;
  return {
    lead,
    reachedIndex: p.reachedIndex[i] ?? -1,
    visited: p.visited.slice(i * stages, (i + 1) * stages),
    currentIndex: p.currentIndex[i] ?? -1,
    isWon: lead.statusId === WON_STATUS_ID,
    isLost: lead.statusId === LOST_STATUS_ID,
    lostFromIndex: p.lostFromIndex[i] ?? -1,
    lostFromSide: p.lostFromSide?.[i] ?? -1,
    completedStages: list(p.completedStage, p.completedAt),
    completedHours: list(p.completedHours, p.completedAt),
    completedEnds: list(p.completedEnd, p.completedAt),
    currentVisitStart: Number.isNaN(start) ? null : start,
    currentVisitCensored: p.currentVisitCensored[i] === 1,
    movedBackFrom: list(p.movedBackFrom, p.movedBackAt),
    timeline: list(p.timeline, p.timelineAt),
    firstMoveAt: Number.isNaN(firstMove) ? null : firstMove,
    incoming: (p.incoming[i] ?? 0) as IncomingFate,
  };
}
