/**
 * One pipeline's history as the worker holds it: the pipeline's leads, each lead's status changes
 * (compact) and its visits (metrics.md 4), kept in the cache's buckets. Syncs feed it leads,
 * changes and deletions; it says which leads' visits must be derived again, derives them, and
 * hands the cache exactly the buckets that changed.
 */
import type { Lead, LeadHistory, PackedEvents, StatusChange, Visit } from '../core';
import {
  buildVisits,
  freshestLeads,
  orderEvents,
  packLeads,
  packVisits,
  unpackLeads,
  unpackVisits,
} from '../core';
import type { LeadLifecycle } from '../api';
import { bucketOf } from './cache/buckets';
import type { BucketCore } from './cache/types';
import { keepLatestLifecycle } from './lifecycle';
import type { LeadEvents } from './leadEvents';
import {
  addChanges,
  changesOf,
  emptyLeadEvents,
  packLeadEvents,
  unpackLeadEvents,
} from './leadEvents';

export interface StoreChange {
  /** Leads whose visits changed (new leads included), with their visits. */
  readonly changed: readonly LeadHistory[];
  /** Leads that left the data (another pipeline, deleted, closed before the loaded history). */
  readonly removed: readonly number[];
}

export function createHistoryStore(pipelineId: number, initialFrom: number | null) {
  let historyFrom = initialFrom;
  const leads = new Map<number, Lead>();
  const visits = new Map<number, Visit[]>();
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
  const member = (index: Map<number, Set<number>>, id: number, add: boolean): void => {
    const b = bucketOf(id);
    let set = index.get(b);
    if (!set) index.set(b, (set = new Set()));
    if (add) set.add(id);
    else set.delete(id);
  };
  const inBucket = (index: Map<number, Set<number>>, b: number): number[] =>
    [...(index.get(b) ?? [])].sort((x, y) => x - y);

  /** A lead of the pipeline, not deleted: kept until it leaves, whatever the held history. */
  const ours = (l: Lead): boolean => l.pipelineId === pipelineId && !l.isDeleted;
  /** Under a history from `from`, a lead is in the data when created since then or open now. */
  const within = (l: Lead, from: number | null): boolean =>
    from === null || l.createdAt >= from || (l.statusId !== 142 && l.statusId !== 143);
  /**
   * Leads outside the held history (closed, created before it) are kept out of sight, with their
   * changes: a backfill step reads past the history it ends with, and what it read there is not
   * read again when the history moves further back.
   */
  const shown = (l: Lead): boolean => within(l, historyFrom);

  /** The lead leaves the data for good (another pipeline, deleted, outside the history). */
  function drop(id: number): void {
    const held = leads.get(id);
    if (!held) return;
    if (shown(held)) hide(id);
    leads.delete(id);
    member(leadsIn, id, false);
    dirtyCores.add(bucketOf(id));
    if (events.delete(id)) {
      member(eventsIn, id, false);
      dirtyEvents.add(bucketOf(id));
    }
  }

  /** The lead leaves the data the model sees; the store keeps it for a history that grows back. */
  function hide(id: number): void {
    visits.delete(id);
    toDerive.delete(id);
    removed.add(id);
    dirtyCores.add(bucketOf(id));
  }

  return {
    pipelineId,
    historyFrom: () => historyFrom,
    /** The leads in the data (within the held history). */
    size(): number {
      let n = 0;
      for (const lead of leads.values()) if (shown(lead)) n++;
      return n;
    },
    lead(id: number): Lead | undefined {
      const lead = leads.get(id);
      return lead && shown(lead) ? lead : undefined;
    },
    *leadIds(): IterableIterator<number> {
      for (const [id, lead] of leads) if (shown(lead)) yield id;
    },

    /** The cache's cores, as read at start. */
    loadCores(cores: ReadonlyMap<number, BucketCore>): void {
      for (const core of cores.values()) {
        for (const lead of unpackLeads(core.leads)) {
          leads.set(lead.id, lead);
          member(leadsIn, lead.id, true);
        }
        for (const [id, list] of unpackVisits(core.visits)) visits.set(id, list);
      }
    },
    /** Buckets whose status changes must be read before `derive` (the leads marked are there). */
    missingEvents(all = false): number[] {
      const wanted = new Set<number>();
      const ids = all ? leads.keys() : toDerive.values();
      for (const id of ids) if (!eventsLoaded.has(bucketOf(id))) wanted.add(bucketOf(id));
      return [...wanted];
    },
    /** The cache's status changes of some buckets (empty ones too, so they count as read). */
    loadEvents(buckets: readonly number[], packed: ReadonlyMap<number, PackedEvents>): void {
      for (const b of buckets) {
        eventsLoaded.add(b);
        const held = packed.get(b);
        if (!held) continue;
        for (const [id, list] of unpackLeadEvents(held)) {
          // Changes applied before the bucket was read (a refresh after a reload) stay.
          const mine = events.get(id);
          if (mine) addChanges(list, changesOf(mine));
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
        if (!ours(lead)) {
          drop(lead.id);
          continue;
        }
        const was = held !== undefined && shown(held);
        leads.set(lead.id, lead);
        member(leadsIn, lead.id, true);
        dirtyCores.add(bucketOf(lead.id));
        if (!shown(lead)) {
          if (was) hide(lead.id);
          continue;
        }
        removed.delete(lead.id);
        // The current status, updated_at and created_at shape the visits (§4.3, §4.5).
        if (
          !held ||
          !was ||
          held.statusId !== lead.statusId ||
          held.pipelineId !== lead.pipelineId ||
          held.updatedAt !== lead.updatedAt ||
          held.createdAt !== lead.createdAt
        )
          toDerive.add(lead.id);
      }
    },
    applyChanges(list: readonly StatusChange[]): void {
      const byLead = new Map<number, StatusChange[]>();
      // Changes older than the held history are kept too: the backfill moves the history back.
      for (const e of list) {
        const group = byLead.get(e.leadId);
        if (group) group.push(e);
        else byLead.set(e.leadId, [e]);
      }
      for (const [id, group] of byLead) {
        let held = events.get(id);
        if (!held) {
          held = emptyLeadEvents();
          events.set(id, held);
          member(eventsIn, id, true);
        }
        if (!addChanges(held, group)) continue;
        dirtyEvents.add(bucketOf(id));
        if (leads.has(id)) toDerive.add(id);
      }
    },
    /** A deletion newer than a lead's last known state removes it (a restore brings a newer copy). */
    applyLifecycle(list: readonly LeadLifecycle[]): void {
      for (const [id, e] of keepLatestLifecycle(new Map(), list)) {
        const held = leads.get(id);
        if (e.kind === 'deleted' && held && e.createdAt >= held.updatedAt) drop(id);
      }
    },
    /**
     * The held history now starts at `from`: leads created before it start censored there, and
     * closed ones created before it leave the data (docs/metrics.md, loaded history).
     */
    setHistoryFrom(from: number | null): void {
      if (from === historyFrom) return;
      const before = historyFrom;
      historyFrom = from;
      const edge = Math.max(before ?? Number.NEGATIVE_INFINITY, from ?? Number.NEGATIVE_INFINITY);
      for (const lead of leads.values()) {
        const was = within(lead, before);
        if (!shown(lead)) {
          if (was) hide(lead.id);
        } else if (!was || lead.createdAt < edge) {
          removed.delete(lead.id);
          toDerive.add(lead.id);
        }
      }
    },
    /**
     * Once the history reaches as far back as it will, drops the leads outside it and the changes
     * of leads the data does not hold (kept until then: their lead might arrive).
     */
    pruneEvents(): void {
      for (const lead of [...leads.values()]) if (!shown(lead)) drop(lead.id);
      for (const id of [...events.keys()]) {
        if (leads.has(id)) continue;
        events.delete(id);
        member(eventsIn, id, false);
        dirtyEvents.add(bucketOf(id));
      }
    },

    /** Derives again the visits of every marked lead; their buckets' changes must be loaded. */
    derive(): StoreChange {
      const changed: LeadHistory[] = [];
      for (const id of toDerive) {
        const lead = leads.get(id);
        if (!lead || !shown(lead)) continue;
        if (!eventsLoaded.has(bucketOf(id)))
          throw new Error(`store: events of bucket ${bucketOf(id)} not loaded`);
        const held = events.get(id);
        const from = historyFrom;
        const changes = held ? changesOf(held) : [];
        const read = from === null ? changes : changes.filter(e => e.createdAt >= from);
        const list = buildVisits(lead, orderEvents(read), from);
        visits.set(id, list);
        dirtyCores.add(bucketOf(id));
        changed.push({ lead, visits: list });
      }
      toDerive.clear();
      const out = { changed, removed: [...removed] };
      removed.clear();
      return out;
    },
    /** Every held lead with its visits: what a model is built from. */
    histories(): LeadHistory[] {
      const out: LeadHistory[] = [];
      for (const [id, lead] of leads)
        if (shown(lead)) out.push({ lead, visits: visits.get(id) ?? [] });
      return out;
    },
    visitsOf: (id: number) => visits.get(id),
    /** Ids of the status changes held for a lead (what its visits are derived from). */
    changeIdsOf: (id: number): readonly string[] => events.get(id)?.ids ?? [],

    /** The buckets changed since the last call, packed for the cache. */
    takeDirty(): { cores: Map<number, BucketCore>; events: Map<number, PackedEvents> } {
      const cores = new Map<number, BucketCore>();
      for (const b of dirtyCores) {
        const ids = inBucket(leadsIn, b);
        cores.set(b, {
          leads: packLeads(ids.map(id => leads.get(id) as Lead)),
          visits: packVisits(ids.map(id => ({ leadId: id, visits: visits.get(id) ?? [] }))),
        });
      }
      const packed = new Map<number, PackedEvents>();
      for (const b of dirtyEvents) {
        const ids = inBucket(eventsIn, b);
        packed.set(b, packLeadEvents(ids.map(id => events.get(id) ?? emptyLeadEvents())));
      }
      dirtyCores.clear();
      dirtyEvents.clear();
      return { cores, events: packed };
    },
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
