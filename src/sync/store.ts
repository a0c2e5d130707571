/**
 * One pipeline's history as the worker holds it: the pipeline's leads, each lead's status changes
 * (compact) and the facts derived from them (metrics.md 4–5), kept in the cache's buckets. Syncs
 * feed it leads, changes and deletions; it says which leads must be derived again, derives them,
 * and hands the cache exactly the buckets that changed. Visits are not kept: facts are derived
 * from the held changes (heldVisits.ts), and a lead's visits are made when its journey is asked for.
 */
import type { Funnel, Lead, LeadFacts, StatusChange, Visit } from '../core';
import { freshestLeads, funnelKey, packFacts, packLeads, unpackFacts, unpackLeads } from '../core';
import type { LeadLifecycle } from '../api';
import * as buckets from './cache/buckets';
import type { BucketCore } from './cache/types';
import { heldFacts, heldVisits } from './heldVisits';
import { deletedByTime, keepLatestLifecycle } from './lifecycle';
import type { LeadEvents, PackedEvents } from './leadEvents';
import * as leadEvents from './leadEvents';

// tsx, which runs the benchmarks, compiles imports to getters called on every use; these run once
// per status change of a full load. Bound once here, they are plain calls.
const { bucketOf } = buckets;
const { addChange, addChanges, changesOf, emptyLeadEvents, packLeadEvents, unpackLeadEvents } =
  leadEvents;

export interface StoreChange {
  /** The facts of leads derived again (new leads included). */
  readonly changed: readonly LeadFacts[];
  /** Leads that left the data (another pipeline, deleted, closed before the loaded history). */
  readonly removed: readonly number[];
}

export function createHistoryStore(
  pipelineId: number,
  initialFrom: number | null,
  initialFunnel: Funnel,
) {
  let historyFrom = initialFrom;
  let funnel = initialFunnel;
  const leads = new Map<number, Lead>();
  /** Facts of the leads in the data; a parked lead has none. */
  const facts = new Map<number, LeadFacts>();
  const events = new Map<number, LeadEvents>();
  /** Buckets whose status changes are in memory (all of them for a store that synced them). */
  const eventsLoaded = new Set<number>();
  const toDerive = new Set<number>();
  const removed = new Set<number>();
  const dirtyCores = new Set<number>();
  const dirtyEvents = new Set<number>();
  /** Lead ids per bucket, for leads held and for leads with changes held. */
  const leadsIn = new Map<number, Set<number>>();
  const eventsIn = new Map<number, Set<number>>();
  /** Each lead's latest deletion or restoration seen: a body older than a deletion stays out. */
  const lifecycle = new Map<number, LeadLifecycle>();
  const member = (index: Map<number, Set<number>>, id: number, add: boolean): void => {
    const b = bucketOf(id);
    let set = index.get(b);
    if (!set) index.set(b, (set = new Set()));
    if (add) set.add(id);
    else set.delete(id);
  };
  const inBucket = (index: Map<number, Set<number>>, b: number): number[] =>
    [...(index.get(b) ?? [])].sort((x, y) => x - y);

  const ours = (l: Lead): boolean => l.pipelineId === pipelineId && !l.isDeleted;
  /**
   * Under a loaded history the data holds the leads created since its start and the open ones.
   * A closed lead created earlier is kept but left out (parked): the backfill reads closed leads
   * a page at a time, which may reach further back than the history held so far, and dropping
   * them would lose them for good once the list's cursor has passed them.
   */
  const inData = (l: Lead): boolean =>
    historyFrom === null ||
    l.createdAt >= historyFrom ||
    (l.statusId !== 142 && l.statusId !== 143);
  /** The lead leaves the data but stays held (its facts are derived again when it returns). */
  function park(id: number): void {
    if (facts.delete(id)) {
      removed.add(id);
      dirtyCores.add(bucketOf(id));
    }
    toDerive.delete(id);
  }

  function drop(id: number): void {
    if (!leads.delete(id)) return;
    member(leadsIn, id, false);
    facts.delete(id);
    toDerive.delete(id);
    removed.add(id);
    dirtyCores.add(bucketOf(id));
    if (events.delete(id)) {
      member(eventsIn, id, false);
      dirtyEvents.add(bucketOf(id));
    }
  }

  function missingFor(ids: Iterable<number>): number[] {
    const wanted = new Set<number>();
    for (const id of ids) if (!eventsLoaded.has(bucketOf(id))) wanted.add(bucketOf(id));
    return [...wanted];
  }

  function needEvents(id: number): void {
    if (!eventsLoaded.has(bucketOf(id)))
      throw new Error(`store: events of bucket ${bucketOf(id)} not loaded`);
  }

  /**
   * A lead's visits (metrics.md 4), derived from its held changes; undefined when the lead is not
   * in the data. Its bucket's changes must be loaded.
   */
  function visitsOf(id: number): Visit[] | undefined {
    const lead = leads.get(id);
    if (!lead || !inData(lead)) return undefined;
    needEvents(id);
    return heldVisits(lead, events.get(id), historyFrom);
  }

  return {
    pipelineId,
    historyFrom: () => historyFrom,
    /** The leads in the data (parked ones are held but not counted). */
    size(): number {
      let n = 0;
      for (const lead of leads.values()) if (inData(lead)) n++;
      return n;
    },
    lead(id: number): Lead | undefined {
      const lead = leads.get(id);
      return lead && inData(lead) ? lead : undefined;
    },
    *leadIds(): IterableIterator<number> {
      for (const [id, lead] of leads) if (inData(lead)) yield id;
    },

    /**
     * The cache's cores, as read at start. Facts derived for another funnel (its stages changed
     * since) are derived again, which needs those buckets' status changes (`missingEvents`).
     */
    loadCores(cores: ReadonlyMap<number, BucketCore>): void {
      for (const core of cores.values()) {
        const mine = new Map<number, Lead>();
        for (const lead of unpackLeads(core.leads)) {
          leads.set(lead.id, lead);
          mine.set(lead.id, lead);
          member(leadsIn, lead.id, true);
        }
        const held = unpackFacts(funnel, core.facts, mine);
        if (held) for (const f of held) facts.set(f.lead.id, f);
        else for (const lead of mine.values()) if (inData(lead)) toDerive.add(lead.id);
      }
    },
    /** The pipeline's stages as they are now: every lead is derived again if they changed. */
    setFunnel(next: Funnel): void {
      if (funnelKey(next) === funnelKey(funnel)) return;
      funnel = next;
      for (const lead of leads.values()) if (inData(lead)) toDerive.add(lead.id);
    },
    /** Buckets whose status changes must be read before `derive` (the leads marked are there). */
    missingEvents(all = false): number[] {
      return missingFor(all ? leads.keys() : toDerive.values());
    },
    /** Buckets whose status changes must be read before these leads' visits can be derived. */
    missingFor,
    /** The cache's status changes of some buckets (empty ones too, so they count as read). */
    loadEvents(buckets: readonly number[], packed: ReadonlyMap<number, PackedEvents>): void {
      for (const b of buckets) {
        eventsLoaded.add(b);
        const held = packed.get(b);
        if (!held) continue;
        for (const [id, list] of unpackLeadEvents(held)) {
          // Changes applied before the bucket was read (a refresh after a reload) stay.
          const mine = events.get(id);
          if (mine) addChanges(list, changesOf(id, mine));
          events.set(id, list);
          member(eventsIn, id, true);
        }
      }
    },
    /** A store that read everything from amoCRM holds every bucket's changes. */
    allEventsLoaded(count: number): void {
      for (let b = 0; b < count; b++) eventsLoaded.add(b);
    },

    applyLeads(list: readonly Lead[]): void {
      for (const lead of freshestLeads(list)) {
        const held = leads.get(lead.id);
        if (held && held.updatedAt > lead.updatedAt) continue;
        if (!ours(lead) || deletedByTime(lead, lifecycle.get(lead.id))) {
          drop(lead.id);
          continue;
        }
        leads.set(lead.id, lead);
        member(leadsIn, lead.id, true);
        dirtyCores.add(bucketOf(lead.id));
        if (!inData(lead)) {
          park(lead.id);
          continue;
        }
        removed.delete(lead.id);
        // The current status, updated_at and created_at shape the visits (§4.3, §4.5).
        if (
          !held ||
          !facts.has(lead.id) ||
          held.statusId !== lead.statusId ||
          held.pipelineId !== lead.pipelineId ||
          held.updatedAt !== lead.updatedAt ||
          held.createdAt !== lead.createdAt
        )
          toDerive.add(lead.id);
      }
    },
    applyChanges(list: readonly StatusChange[]): void {
      // Changes older than the held history are kept too: the backfill moves the history back.
      // A lead's changes often come one after another: its record is looked up, and the lead
      // marked, once per run of them.
      let id = Number.NaN;
      let held: LeadEvents = emptyLeadEvents();
      let marked = false;
      for (const e of list) {
        if (e.leadId !== id) {
          id = e.leadId;
          marked = false;
          const mine = events.get(id);
          if (mine) held = mine;
          else {
            held = emptyLeadEvents();
            events.set(id, held);
            member(eventsIn, id, true);
          }
        }
        if (!addChange(held, e) || marked) continue;
        marked = true;
        dirtyEvents.add(bucketOf(id));
        const lead = leads.get(id);
        if (lead && inData(lead)) toDerive.add(id);
      }
    },
    /**
     * A deletion at or after a lead's last known state removes it, and keeps out a body older than
     * it; a restore brings a newer copy.
     */
    applyLifecycle(list: readonly LeadLifecycle[]): void {
      keepLatestLifecycle(lifecycle, list);
      for (const { leadId } of list) {
        const held = leads.get(leadId);
        if (held && deletedByTime(held, lifecycle.get(leadId))) drop(leadId);
      }
    },
    /**
     * The held history now starts at `from`: leads created before it start censored there, and
     * closed ones created before it leave the data (docs/metrics.md, loaded history) until the
     * history reaches back to them.
     */
    setHistoryFrom(from: number | null): void {
      if (from === historyFrom) return;
      const before = historyFrom;
      historyFrom = from;
      const edge = Math.max(before ?? Number.NEGATIVE_INFINITY, from ?? Number.NEGATIVE_INFINITY);
      for (const lead of leads.values()) {
        if (!inData(lead)) park(lead.id);
        else if (lead.createdAt < edge || !facts.has(lead.id)) toDerive.add(lead.id);
      }
    },
    /**
     * Once the history stops moving back: drops the leads parked outside it, and the changes of
     * leads the data does not hold (kept while their lead might arrive).
     */
    pruneEvents(): void {
      for (const lead of [...leads.values()]) if (!inData(lead)) drop(lead.id);
      for (const id of [...events.keys()]) {
        if (leads.has(id)) continue;
        events.delete(id);
        member(eventsIn, id, false);
        dirtyEvents.add(bucketOf(id));
      }
    },

    /** Derives again the facts of every marked lead; their buckets' changes must be loaded. */
    derive(): StoreChange {
      const changed: LeadFacts[] = [];
      for (const id of toDerive) {
        const lead = leads.get(id);
        if (!lead || !inData(lead)) continue;
        needEvents(id);
        const derived = heldFacts(funnel, lead, events.get(id), historyFrom);
        facts.set(id, derived);
        dirtyCores.add(bucketOf(id));
        changed.push(derived);
      }
      toDerive.clear();
      const out = { changed, removed: [...removed] };
      removed.clear();
      return out;
    },
    /** The facts of every lead in the data: what a model is built from. */
    allFacts: (): LeadFacts[] => [...facts.values()],
    visitsOf,
    /** Ids of the status changes held for a lead (what its visits are derived from). */
    changeIdsOf: (id: number): readonly string[] => events.get(id)?.ids ?? [],

    /** The buckets changed since the last call, packed for the cache. */
    takeDirty(): { cores: Map<number, BucketCore>; events: Map<number, PackedEvents> } {
      const cores = new Map<number, BucketCore>();
      for (const b of dirtyCores) {
        const ids = inBucket(leadsIn, b);
        // One pass, no flatMap: a bucket is packed from ~1,600 leads at a full load.
        const held: Lead[] = [];
        const derived: LeadFacts[] = [];
        for (const id of ids) {
          held.push(leads.get(id) as Lead);
          const f = facts.get(id);
          if (f) derived.push(f);
        }
        cores.set(b, { leads: packLeads(held), facts: packFacts(funnel, derived) });
      }
      const packed = new Map<number, PackedEvents>();
      for (const b of dirtyEvents) {
        const ids = inBucket(eventsIn, b);
        packed.set(b, packLeadEvents(ids.map(id => [id, events.get(id) ?? emptyLeadEvents()])));
      }
      dirtyCores.clear();
      dirtyEvents.clear();
      return { cores, events: packed };
    },
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
