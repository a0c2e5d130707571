import type { LeadFacts } from './facts';
import { leadFacts } from './facts';
import type { Visit } from './history';
import { buildVisits, eventsByLead, orderEvents } from './history';
import type { Funnel } from './stages';
import { buildFunnel } from './stages';
import type { FunnelInput, Lead, LossReason, Pipeline, StatusChange } from './types';
import { LOST_STATUS_ID, WON_STATUS_ID } from './types';
import { orderByValue, sortedPairs } from './order';

/**
 * One copy per lead id: the one with the latest `updatedAt` (overlapping pages, re-syncs); on a
 * tie the later copy in the list.
 */
export function freshestLeads(leads: readonly Lead[]): Lead[] {
  const byId = new Map<number, Lead>();
  for (const lead of leads) {
    const seen = byId.get(lead.id);
    if (!seen || lead.updatedAt >= seen.updatedAt) byId.set(lead.id, lead);
  }
  return [...byId.values()];
}

/** One lead's visits (metrics.md 4): what the facts of any funnel are derived from. */
export interface LeadHistory {
  readonly lead: Lead;
  readonly visits: readonly Visit[];
}

/** Completed visits of known length to one stage, ordered by when they ended. */
export interface CompletedVisits {
  readonly ends: Float64Array;
  /** Hours of each visit, aligned with `ends`. */
  readonly hours: Float64Array;
}

/** The facts of every pipeline lead, derived once; reports for any window reuse them. */
export interface FunnelModel {
  readonly funnel: Funnel;
  readonly pipeline: Pipeline;
  readonly lossReasons: readonly LossReason[];
  /** Extension (loaded history): the data holds history from this time on; null = all of it. */
  readonly historyFrom: number | null;
  /** In lead-id order, so every sum (revenue, forecast) is independent of the order data came in. */
  readonly facts: readonly LeadFacts[];
  readonly factsById: ReadonlyMap<number, LeadFacts>;
  /** The same facts ordered by creation time (then id): cohorts are slices of it. */
  readonly byCreated: readonly LeadFacts[];
  /** Per place (main, then side stages), the completed visits of all pipeline leads: what thresholds and norms learn from. */
  readonly completed: readonly CompletedVisits[];
}

/**
 * Pipeline leads (metrics.md 3: current pipeline = P, not deleted) with their histories: one pass
 * to group the events by lead, then one ordering per lead — near-linear in the number of events.
 *
 * With `input.historyFrom` (extension: the data holds status changes from that time on, leads
 * created from then on, and the open leads), only that is read: status changes before it are
 * left out, and so are closed leads created before it, whatever else the input holds.
 */
export function buildModel(input: FunnelInput): FunnelModel {
  const historyFrom = input.historyFrom ?? null;
  // The fresher copy of a lead listed twice is its current state: it decides the pipeline and
  // deletion, so de-duplicate before filtering.
  const leads = freshestLeads(input.leads).filter(
    l => l.pipelineId === input.pipeline.id && !l.isDeleted && known(l, historyFrom),
  );
  const byLead = eventsByLead(input.events, new Set(leads.map(l => l.id)));
  const histories = leads.map(lead => ({
    lead,
    visits: leadVisits(lead, byLead.get(lead.id) ?? [], historyFrom),
  }));
  return modelFromHistories(
    input.pipeline,
    input.lossReasons,
    histories,
    historyFrom,
    input.sideStageIds,
  );
}

/**
 * One lead's visits (metrics.md 4) from its status changes, under a loaded history from
 * `historyFrom` (changes before it are left out; null = all history).
 */
export function leadVisits(
  lead: Lead,
  changes: readonly StatusChange[],
  historyFrom: number | null,
): Visit[] {
  const read = historyFrom === null ? changes : changes.filter(e => e.createdAt >= historyFrom);
  return buildVisits(lead, orderEvents(read, lead), historyFrom);
}

/** Under a loaded history, a lead is known when created since its start or open now. */
function known(lead: Lead, historyFrom: number | null): boolean {
  if (historyFrom === null || lead.createdAt >= historyFrom) return true;
  return lead.statusId !== WON_STATUS_ID && lead.statusId !== LOST_STATUS_ID;
}

/** The model over histories already derived. */
export function modelFromHistories(
  pipeline: Pipeline,
  lossReasons: readonly LossReason[],
  histories: readonly LeadHistory[],
  historyFrom: number | null,
  sideStageIds: readonly number[] = [],
): FunnelModel {
  const funnel = buildFunnel(pipeline, sideStageIds);
  const facts = histories.map(h => leadFacts(funnel, h.lead, h.visits));
  return modelFromFacts(funnel, pipeline, lossReasons, facts, historyFrom);
}

/** The model over facts already derived (the data service keeps them, and caches them). */
export function modelFromFacts(
  funnel: Funnel,
  pipeline: Pipeline,
  lossReasons: readonly LossReason[],
  facts: readonly LeadFacts[],
  historyFrom: number | null,
): FunnelModel {
  const n = facts.length;
  const ids = new Float64Array(n);
  for (let k = 0; k < n; k++) ids[k] = (facts[k] as LeadFacts).lead.id;
  const ordered = pick(facts, orderByValue(ids));
  const created = new Float64Array(n);
  const factsById = new Map<number, LeadFacts>();
  for (let k = 0; k < n; k++) {
    const f = ordered[k] as LeadFacts;
    created[k] = f.lead.createdAt;
    factsById.set(f.lead.id, f);
  }
  return {
    funnel,
    pipeline,
    lossReasons,
    historyFrom,
    facts: ordered,
    factsById,
    // Equal creation times stay in id order: the order `ordered` is in.
    byCreated: pick(ordered, orderByValue(created)),
    completed: completedVisits(funnel.places.length, ordered),
  };
}

function pick<T>(list: readonly T[], order: Uint32Array): T[] {
  const out = new Array<T>(order.length);
  for (let k = 0; k < order.length; k++) out[k] = list[order[k] ?? 0] as T;
  return out;
}

/** Every lead's completed visits gathered per stage and ordered by end (ties in lead order). */
function completedVisits(n: number, facts: readonly LeadFacts[]): CompletedVisits[] {
  const counts = new Uint32Array(n);
  for (const f of facts) {
    const stages = f.completedStages;
    for (let k = 0; k < stages.length; k++) {
      const i = stages[k] ?? 0;
      counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  const ends = Array.from(counts, c => new Float64Array(c));
  const hours = Array.from(counts, c => new Float64Array(c));
  const filled = new Uint32Array(n);
  for (const f of facts) {
    const stages = f.completedStages;
    for (let k = 0; k < stages.length; k++) {
      const i = stages[k] ?? -1;
      const e = ends[i];
      const h = hours[i];
      if (!e || !h) continue;
      const at = filled[i] ?? 0;
      e[at] = f.completedEnds[k] ?? 0;
      h[at] = f.completedHours[k] ?? 0;
      filled[i] = at + 1;
    }
  }
  return ends.map((e, i) => sortedPairs(e, hours[i] ?? new Float64Array(0)));
}
