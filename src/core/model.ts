import type { LeadFacts } from './facts';
import { leadFacts } from './facts';
import type { Visit } from './history';
import { buildVisits, eventsByLead, orderEvents } from './history';
import type { Funnel } from './stages';
import { buildFunnel } from './stages';
import type { FunnelInput, Lead, LossReason, Pipeline } from './types';
import { LOST_STATUS_ID, WON_STATUS_ID } from './types';

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
  readonly visitsOf: ReadonlyMap<number, readonly Visit[]>;
  /** The same facts ordered by creation time (then id): cohorts are slices of it. */
  readonly byCreated: readonly LeadFacts[];
  /** Per stage, the completed visits of all pipeline leads: what thresholds and norms learn from. */
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
  const events =
    historyFrom === null ? input.events : input.events.filter(e => e.createdAt >= historyFrom);
  const byLead = eventsByLead(events, new Set(leads.map(l => l.id)));
  const histories = leads.map(lead => ({
    lead,
    visits: buildVisits(lead, orderEvents(byLead.get(lead.id) ?? []), historyFrom),
  }));
  return modelFromHistories(input.pipeline, input.lossReasons, histories, historyFrom);
}

/** Under a loaded history, a lead is known when created since its start or open now. */
function known(lead: Lead, historyFrom: number | null): boolean {
  if (historyFrom === null || lead.createdAt >= historyFrom) return true;
  return lead.statusId !== WON_STATUS_ID && lead.statusId !== LOST_STATUS_ID;
}

/** The model over histories already derived (the worker keeps them between sessions). */
export function modelFromHistories(
  pipeline: Pipeline,
  lossReasons: readonly LossReason[],
  histories: readonly LeadHistory[],
  historyFrom: number | null,
): FunnelModel {
  const funnel = buildFunnel(pipeline);
  const ordered = [...histories].sort((a, b) => a.lead.id - b.lead.id);
  const facts = ordered.map(h => leadFacts(funnel, h.lead, h.visits));
  return {
    funnel,
    pipeline,
    lossReasons,
    historyFrom,
    facts,
    factsById: new Map(facts.map(f => [f.lead.id, f])),
    visitsOf: new Map(ordered.map(h => [h.lead.id, h.visits])),
    byCreated: [...facts].sort(
      (a, b) => a.lead.createdAt - b.lead.createdAt || a.lead.id - b.lead.id,
    ),
    completed: completedVisits(funnel.stages.length, facts),
  };
}

/** Every lead's completed visits gathered per stage and ordered by end. */
function completedVisits(n: number, facts: readonly LeadFacts[]): CompletedVisits[] {
  const ends: number[][] = Array.from({ length: n }, () => []);
  const hours: number[][] = Array.from({ length: n }, () => []);
  for (const f of facts) {
    for (let k = 0; k < f.completedStages.length; k++) {
      const i = f.completedStages[k] ?? -1;
      ends[i]?.push(f.completedEnds[k] ?? 0);
      hours[i]?.push(f.completedHours[k] ?? 0);
    }
  }
  return ends.map((e, i) => {
    const h = hours[i] ?? [];
    const order = Uint32Array.from(e.keys()).sort((a, b) => (e[a] ?? 0) - (e[b] ?? 0));
    return {
      ends: Float64Array.from(order, k => e[k] ?? 0),
      hours: Float64Array.from(order, k => h[k] ?? 0),
    };
  });
}
