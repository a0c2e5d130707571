import type { LeadFacts } from './facts';
import { leadFacts } from './facts';
import type { Visit } from './history';
import { buildVisits, eventsByLead, orderEvents } from './history';
import type { Funnel } from './stages';
import { buildFunnel } from './stages';
import type { FunnelInput, Lead, LossReason, Pipeline, StatusChange } from './types';
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
  const ordered = pick(facts, orderByValue(facts.map(f => f.lead.id)));
  return {
    funnel,
    pipeline,
    lossReasons,
    historyFrom,
    facts: ordered,
    factsById: new Map(ordered.map(f => [f.lead.id, f])),
    // Equal creation times stay in id order: the order `ordered` is in.
    byCreated: pick(ordered, orderByValue(ordered.map(f => f.lead.createdAt))),
    completed: completedVisits(funnel.places.length, ordered),
  };
}

function pick<T>(list: readonly T[], order: Uint32Array): T[] {
  return Array.from(order, k => list[k] as T);
}

/** Every lead's completed visits gathered per stage and ordered by end (ties in lead order). */
function completedVisits(n: number, facts: readonly LeadFacts[]): CompletedVisits[] {
  const counts = new Array<number>(n).fill(0);
  for (const f of facts) for (const i of f.completedStages) counts[i] = (counts[i] ?? 0) + 1;
  const ends = counts.map(c => new Float64Array(c));
  const hours = counts.map(c => new Float64Array(c));
  const filled = new Array<number>(n).fill(0);
  for (const f of facts) {
    for (let k = 0; k < f.completedStages.length; k++) {
      const i = f.completedStages[k] ?? -1;
      const at = filled[i] ?? 0;
      const e = ends[i];
      const h = hours[i];
      if (!e || !h) continue;
      e[at] = f.completedEnds[k] ?? 0;
      h[at] = f.completedHours[k] ?? 0;
      filled[i] = at + 1;
    }
  }
  return ends.map((e, i) => {
    const order = orderByValue(e);
    const h = hours[i] ?? new Float64Array(0);
    const sortedEnds = new Float64Array(e.length);
    const sortedHours = new Float64Array(e.length);
    order.forEach((k, at) => {
      sortedEnds[at] = e[k] ?? 0;
      sortedHours[at] = h[k] ?? 0;
    });
    return { ends: sortedEnds, hours: sortedHours };
  });
}

/**
 * The indices of `values` in ascending order of value, equal values in index order. Keys are
 * whole numbers below 2^32 here (seconds, ids), so `value · 2^b + index` is an exact float64
 * for up to 2^b values, and a native numeric sort of those keys orders a million of them in a
 * fraction of what a comparator sort takes. Anything else falls back to the comparator.
 */
export function orderByValue(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** bits;
  const keys = new Float64Array(n);
  let exact = bits <= 21;
  for (let k = 0; k < n && exact; k++) {
    const v = values[k] ?? 0;
    exact = v >= 0 && v < 2 ** 32 && Math.floor(v) === v;
    keys[k] = v * scale + k;
  }
  const order = new Uint32Array(n);
  if (!exact) {
    for (let k = 0; k < n; k++) order[k] = k;
    return order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
  }
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = (keys[k] ?? 0) % scale;
  return order;
}
