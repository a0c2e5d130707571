/**
 * Lead facts (facts.ts) of many leads as columns, for the cache: a warm start reads them back as
 * they were derived instead of deriving a million visits again. Facts depend on the funnel's
 * stages (their indices), so the packed record names the stages it was derived for; facts for
 * another funnel are refused and derived afresh.
 */
import type { LeadFacts } from './facts';
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
  /** NaN when the lead is not at an open stage. */
  readonly currentVisitStart: Float64Array;
  readonly currentVisitCensored: Uint8Array;
  /** count × stages: 1 where the lead visited the stage. */
  readonly visited: Uint8Array;
  /** Where each lead's completed visits begin in the three columns after it; count + 1 long. */
  readonly completedAt: Uint32Array;
  readonly completedStage: Int32Array;
  readonly completedHours: Float64Array;
  readonly completedEnd: Float64Array;
  /** Where each lead's backward moves begin in `movedBackFrom`; count + 1 long. */
  readonly movedBackAt: Uint32Array;
  readonly movedBackFrom: Int32Array;
}

/**
 * How facts are derived from events (metrics.md 4–5). Bump it when that changes: held facts of
 * another rule are then derived again from the held events, without a new sync.
 * 2: same-second events take the order with the most links (metrics.md 4.2, v1.1).
 */
export const FACT_RULES = 2;

/** The rules and stages facts were derived for: facts stay valid while this stays the same. */
export function funnelKey(funnel: Funnel): string {
  return `${FACT_RULES}/${funnel.pipelineId}:${funnel.stages.map(s => s.id).join(',')}`;
}

export function packFacts(funnel: Funnel, facts: readonly LeadFacts[]): PackedFacts {
  const n = facts.length;
  const stages = funnel.stages.length;
  let completed = 0;
  let moved = 0;
  for (const f of facts) {
    completed += f.completedStages.length;
    moved += f.movedBackFrom.length;
  }
  const p = {
    count: n,
    funnel: funnelKey(funnel),
    leadId: new Float64Array(n),
    reachedIndex: new Int32Array(n),
    currentIndex: new Int32Array(n),
    lostFromIndex: new Int32Array(n),
    currentVisitStart: new Float64Array(n),
    currentVisitCensored: new Uint8Array(n),
    visited: new Uint8Array(n * stages),
    completedAt: new Uint32Array(n + 1),
    completedStage: new Int32Array(completed),
    completedHours: new Float64Array(completed),
    completedEnd: new Float64Array(completed),
    movedBackAt: new Uint32Array(n + 1),
    movedBackFrom: new Int32Array(moved),
  };
  let c = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const f = facts[i];
    if (!f) continue;
    p.leadId[i] = f.lead.id;
    p.reachedIndex[i] = f.reachedIndex;
    p.currentIndex[i] = f.currentIndex;
    p.lostFromIndex[i] = f.lostFromIndex;
    p.currentVisitStart[i] = f.currentVisitStart ?? Number.NaN;
    p.currentVisitCensored[i] = f.currentVisitCensored ? 1 : 0;
    for (let k = 0; k < stages; k++) p.visited[i * stages + k] = f.visited[k] ?? 0;
    p.completedAt[i] = c;
    for (let k = 0; k < f.completedStages.length; k++, c++) {
      p.completedStage[c] = f.completedStages[k] ?? 0;
      p.completedHours[c] = f.completedHours[k] ?? 0;
      p.completedEnd[c] = f.completedEnds[k] ?? 0;
    }
    p.movedBackAt[i] = m;
    for (const from of f.movedBackFrom) p.movedBackFrom[m++] = from;
  }
  p.completedAt[n] = c;
  p.movedBackAt[n] = m;
  return p;
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
  const stages = funnel.stages.length;
  const out: LeadFacts[] = [];
  for (let i = 0; i < p.count; i++) {
    const lead = leads.get(p.leadId[i] ?? 0);
    if (!lead) continue;
    const from = p.completedAt[i] ?? 0;
    const to = p.completedAt[i + 1] ?? from;
    const start = p.currentVisitStart[i] ?? Number.NaN;
    out.push({
      lead,
      reachedIndex: p.reachedIndex[i] ?? -1,
      visited: p.visited.slice(i * stages, (i + 1) * stages),
      currentIndex: p.currentIndex[i] ?? -1,
      isWon: lead.statusId === WON_STATUS_ID,
      isLost: lead.statusId === LOST_STATUS_ID,
      lostFromIndex: p.lostFromIndex[i] ?? -1,
      completedStages: Array.from(p.completedStage.subarray(from, to)),
      completedHours: Array.from(p.completedHours.subarray(from, to)),
      completedEnds: Array.from(p.completedEnd.subarray(from, to)),
      currentVisitStart: Number.isNaN(start) ? null : start,
      currentVisitCensored: p.currentVisitCensored[i] === 1,
      movedBackFrom: Array.from(
        p.movedBackFrom.subarray(p.movedBackAt[i] ?? 0, p.movedBackAt[i + 1] ?? 0),
      ),
    });
  }
  return out;
}
