import type { LeadFacts } from './facts';
import { leadFacts } from './facts';
import { eventsByLead } from './history';
import type { Funnel } from './stages';
import { buildFunnel } from './stages';
import { sortedCompletedByStage } from './timing';
import type { FunnelInput, Lead, StatusChange } from './types';

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

/** The facts of every pipeline lead, derived once; reports for any window reuse them. */
export interface FunnelModel {
  readonly funnel: Funnel;
  readonly input: FunnelInput;
  readonly facts: readonly LeadFacts[];
  readonly factsById: ReadonlyMap<number, LeadFacts>;
  /** Status-change events of each pipeline lead, as given (unordered, maybe duplicated). */
  readonly eventsOf: ReadonlyMap<number, readonly StatusChange[]>;
  /** The same facts ordered by creation time (then id): cohorts are slices of it. */
  readonly byCreated: readonly LeadFacts[];
  /** Completed visits of all pipeline leads per stage, sorted: what thresholds learn from. */
  readonly completedSorted: readonly Float64Array[];
}

/**
 * Pipeline leads (current pipeline = P, not deleted) with their histories: one pass to group the
 * events by lead, then one ordering per lead — near-linear in the number of events.
 */
export function buildModel(input: FunnelInput): FunnelModel {
  const funnel = buildFunnel(input.pipeline);
  // The fresher copy of a lead listed twice is its current state: it decides the pipeline and
  // deletion, so de-duplicate before filtering.
  const leads = freshestLeads(input.leads).filter(
    l => l.pipelineId === input.pipeline.id && !l.isDeleted,
  );
  const byLead = eventsByLead(input.events, new Set(leads.map(l => l.id)));
  // Lead-id order makes every sum (revenue, forecast) independent of the order data arrived in.
  const ordered = leads.sort((a, b) => a.id - b.id);
  const facts = ordered.map(l => leadFacts(funnel, l, byLead.get(l.id) ?? []));
  return {
    funnel,
    input,
    facts,
    factsById: new Map(facts.map(f => [f.lead.id, f])),
    eventsOf: byLead,
    byCreated: [...facts].sort(
      (a, b) => a.lead.createdAt - b.lead.createdAt || a.lead.id - b.lead.id,
    ),
    completedSorted: sortedCompletedByStage(funnel.stages.length, facts),
  };
}
