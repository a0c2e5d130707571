/**
 * The history store on its own: which copy of a lead it keeps, which leads it holds under a
 * loaded history (docs/metrics.md, extensions), which leads it marks and derives again, and the
 * buckets it hands the cache — exactly the touched ones, each with only its own leads.
 */
import type { Lead, StatusChange } from '../../../src/core';
import { buildFunnel, buildVisits, orderEvents, unpackFacts, unpackLeads } from '../../../src/core';
import type { LeadLifecycle } from '../../../src/api';
import { BUCKET_COUNT, bucketOf, createHistoryStore } from '../../../src/sync';
import { unpackLeadEvents } from '../../../src/sync/leadEvents';
import { A, at, B, C, ev, LOST, lead, mv, P, pipelineP, Q, WON, X } from '../core/builders';

const T = at(100);
const FUNNEL = buildFunnel(pipelineP);
const inData = (store: { allFacts(): readonly { lead: Lead }[] }) =>
  store
    .allFacts()
    .map(f => f.lead.id)
    .sort((a, b) => a - b);

/** A store that synced everything itself (every bucket's changes are in memory). */
function synced(from: number | null = null) {
  const store = createHistoryStore(P, from, FUNNEL);
  store.allEventsLoaded(BUCKET_COUNT);
  return store;
}

const ids = (store: { leadIds(): Iterable<number> }) => [...store.leadIds()].sort((a, b) => a - b);
const changedIds = (change: { changed: readonly { lead: Lead }[] }) =>
  change.changed.map(h => h.lead.id).sort((a, b) => a - b);

function deletion(leadId: number, createdAt: number, kind: LeadLifecycle['kind'] = 'deleted') {
  return { id: `${kind}-${leadId}-${createdAt}`, leadId, createdAt, kind };
}

describe('applyLeads', () => {
  it('keeps the fresher copy of a lead, whatever the order copies come in', () => {
    const store = synced();
    const old = lead(1, { statusId: A, updatedAt: at(1) });
    const fresh = lead(1, { statusId: B, updatedAt: at(2) });
    store.applyLeads([fresh]);
    store.applyLeads([old]);
    expect(store.lead(1)).toEqual(fresh);
    store.applyLeads([fresh, old]);
    expect(store.lead(1)).toEqual(fresh);
    const other = synced();
    other.applyLeads([fresh, old]);
    expect(other.lead(1)).toEqual(fresh);
  });

  it('drops a lead that left the pipeline or was deleted, with its changes', () => {
    const store = synced();
    store.applyLeads([lead(1), lead(2), lead(3)]);
    store.applyChanges([mv(1, 1, A, B, 'a'), mv(2, 1, A, B, 'b')]);
    store.derive();
    store.applyLeads([
      lead(1, { pipelineId: Q, statusId: X, updatedAt: at(5) }),
      lead(2, { isDeleted: true, updatedAt: at(5) }),
    ]);
    const change = store.derive();
    expect([...change.removed].sort()).toEqual([1, 2]);
    expect(change.changed).toEqual([]);
    expect(ids(store)).toEqual([3]);
    expect(store.changeIdsOf(1)).toEqual([]);
    expect(store.changeIdsOf(2)).toEqual([]);
    expect(inData(store)).toEqual([3]);
  });

  it('under a loaded history holds leads created since it and open leads, not old closed ones', () => {
    const store = synced(T);
    store.applyLeads([
      lead(1, { createdAt: T - 10, statusId: A }),
      lead(2, { createdAt: T - 10, statusId: WON }),
      lead(3, { createdAt: T - 10, statusId: LOST }),
      lead(4, { createdAt: T, statusId: WON }),
      lead(5, { createdAt: T + 10, statusId: LOST }),
    ]);
    expect(ids(store)).toEqual([1, 4, 5]);
    expect(store.size()).toBe(3);
    expect(store.lead(2)).toBeUndefined();
    const change = store.derive();
    expect(changedIds(change)).toEqual([1, 4, 5]);
    // Never in the data, so never removed from it.
    expect(change.removed).toEqual([]);
  });

  it('marks a lead to derive again only when what shapes its visits changed', () => {
    const store = synced();
    store.applyLeads([lead(1, { updatedAt: at(1) })]);
    store.derive();
    store.applyLeads([lead(1, { updatedAt: at(1), price: 5 })]);
    expect(store.derive().changed).toEqual([]);
    store.applyLeads([lead(1, { updatedAt: at(2), statusId: B })]);
    expect(changedIds(store.derive())).toEqual([1]);
  });
});

describe('applyChanges', () => {
  it('holds each change once and marks its lead only for a change it did not hold', () => {
    const store = synced();
    store.applyLeads([lead(1, { statusId: C, updatedAt: at(2) }), lead(2)]);
    store.derive();
    store.applyChanges([mv(1, 1, A, B, 'a'), mv(1, 1, A, B, 'a')]);
    expect(store.changeIdsOf(1)).toEqual(['a']);
    expect(changedIds(store.derive())).toEqual([1]);
    store.applyChanges([mv(1, 1, A, B, 'a')]);
    expect(store.derive().changed).toEqual([]);
    store.applyChanges([mv(1, 2, B, C, 'b'), mv(1, 1, A, B, 'a')]);
    expect(store.changeIdsOf(1)).toEqual(['a', 'b']);
    expect(changedIds(store.derive())).toEqual([1]);
    expect(store.visitsOf(1)?.map(v => v.statusId)).toEqual([A, B, C]);
  });

  it('keeps the changes of a lead not held yet, for when it arrives', () => {
    const store = synced();
    store.applyChanges([mv(9, 1, A, B, 'a')]);
    expect(store.derive().changed).toEqual([]);
    store.applyLeads([lead(9, { statusId: B, updatedAt: at(1) })]);
    expect(changedIds(store.derive())).toEqual([9]);
    expect(store.visitsOf(9)?.map(v => [v.statusId, v.start])).toEqual([
      [A, at(0)],
      [B, at(1)],
    ]);
  });
});

describe('applyLifecycle', () => {
  it('removes a lead deleted at or after its last known state', () => {
    const store = synced();
    store.applyLeads([lead(1, { updatedAt: at(5) }), lead(2, { updatedAt: at(5) })]);
    store.derive();
    store.applyLifecycle([deletion(1, at(5)), deletion(2, at(6))]);
    expect([...store.derive().removed].sort()).toEqual([1, 2]);
    expect(ids(store)).toEqual([]);
  });

  it('keeps a lead whose state is newer than the deletion (it was restored since)', () => {
    const store = synced();
    store.applyLeads([lead(1, { updatedAt: at(5) })]);
    store.derive();
    store.applyLifecycle([deletion(1, at(4))]);
    expect(ids(store)).toEqual([1]);
    expect(store.derive().removed).toEqual([]);
  });

  it('goes by the latest of a deletion and a restoration', () => {
    const store = synced();
    store.applyLeads([lead(1, { updatedAt: at(1) })]);
    store.applyLifecycle([deletion(1, at(3), 'restored'), deletion(1, at(2))]);
    expect(ids(store)).toEqual([1]);
    store.applyLifecycle([deletion(1, at(4))]);
    expect(ids(store)).toEqual([]);
  });

  it('keeps out a body older than the deletion, and takes a newer one (by time, whatever the order)', () => {
    const store = synced();
    store.applyLifecycle([deletion(1, at(5))]);
    store.applyLeads([lead(1, { updatedAt: at(4) })]);
    expect(ids(store)).toEqual([]);
    store.applyLeads([lead(1, { updatedAt: at(6) })]);
    expect(ids(store)).toEqual([1]);
  });
});

describe('setHistoryFrom', () => {
  const open = lead(1, { createdAt: T - 10 * 3600, statusId: A });
  const fresh = lead(2, { createdAt: T + 3600, statusId: A, updatedAt: T + 3600 });
  const oldClosed = lead(3, { createdAt: T - 20 * 3600, statusId: WON, updatedAt: T - 3600 });

  it('censors the visits of leads created before the history and un-censors them', () => {
    const store = synced();
    store.applyLeads([open, fresh]);
    store.derive();
    store.setHistoryFrom(T);
    const censored = store.derive();
    expect(changedIds(censored)).toEqual([1]);
    expect(store.visitsOf(1)).toEqual([
      { pipelineId: P, statusId: A, start: T, end: null, from: null, censored: true },
    ]);
    store.setHistoryFrom(null);
    expect(changedIds(store.derive())).toEqual([1]);
    expect(store.visitsOf(1)).toEqual([
      { pipelineId: P, statusId: A, start: open.createdAt, end: null, from: null, censored: false },
    ]);
    // Moving the start back re-derives what was censored at the later one.
    store.setHistoryFrom(T);
    store.derive();
    store.setHistoryFrom(T - 3600);
    expect(changedIds(store.derive())).toEqual([1]);
    expect(store.visitsOf(1)?.[0]).toMatchObject({ start: T - 3600, censored: true });
  });

  it('takes closed leads created before it out of the data', () => {
    const store = synced();
    store.applyLeads([open, fresh, oldClosed]);
    store.derive();
    store.setHistoryFrom(T);
    expect(ids(store)).toEqual([1, 2]);
    expect(store.derive().removed).toEqual([3]);
    expect(inData(store)).toEqual([1, 2]);
  });

  it('brings them back, with their changes, when the history moves back before them', () => {
    // A backfill step reads past the history it ends with; what it read there stays held.
    const store = synced(null);
    store.applyLeads([oldClosed]);
    store.applyChanges([mv(3, 90, A, WON, 'won')]);
    store.setHistoryFrom(T);
    expect(ids(store)).toEqual([]);
    store.derive();
    // Out of sight, it gets changes but is not derived into the data.
    store.applyChanges([mv(3, 80, A, B, 'moved'), mv(3, 85, B, A, 'back')]);
    expect(store.derive().changed).toEqual([]);
    store.setHistoryFrom(T - 30 * 3600);
    expect(ids(store)).toEqual([3]);
    expect(changedIds(store.derive())).toEqual([3]);
    expect(store.visitsOf(3)?.map(v => v.statusId)).toEqual([A, B, A, WON]);
    expect(store.changeIdsOf(3)).toEqual(['won', 'moved', 'back']);
  });

  it('changes nothing when the start is the same', () => {
    const store = synced(T);
    store.applyLeads([open]);
    store.derive();
    store.setHistoryFrom(T);
    expect(store.derive()).toEqual({ changed: [], removed: [] });
  });
});

describe('derive', () => {
  it('throws when a marked lead’s bucket changes are not loaded, and works once they are', () => {
    const store = createHistoryStore(P, null, FUNNEL);
    store.loadEvents([bucketOf(2)], new Map());
    store.applyLeads([lead(1), lead(2)]);
    expect(store.missingEvents()).toEqual([bucketOf(1)]);
    expect(() => store.derive()).toThrow(`events of bucket ${bucketOf(1)} not loaded`);
    store.loadEvents(store.missingEvents(), new Map());
    expect(store.missingEvents()).toEqual([]);
    expect(changedIds(store.derive())).toEqual([1, 2]);
  });

  it('reads only the changes from the history’s start on', () => {
    const created = T - 10 * 3600;
    const changes: StatusChange[] = [
      { ...mv(1, 0, A, B, 'early'), createdAt: T - 5 * 3600 },
      { ...mv(1, 0, B, C, 'late'), createdAt: T + 5 * 3600 },
    ];
    const now = lead(1, { createdAt: created, statusId: C, updatedAt: T + 5 * 3600 });
    const whole = synced(null);
    whole.applyLeads([now]);
    whole.applyChanges(changes);
    whole.derive();
    expect(whole.visitsOf(1)?.map(v => [v.statusId, v.start])).toEqual([
      [A, created],
      [B, T - 5 * 3600],
      [C, T + 5 * 3600],
    ]);
    const loaded = synced(T);
    loaded.applyLeads([now]);
    loaded.applyChanges(changes);
    loaded.derive();
    expect(loaded.visitsOf(1)).toEqual(buildVisits(now, orderEvents(changes.slice(1)), T));
    expect(loaded.visitsOf(1)?.map(v => [v.statusId, v.start, v.censored])).toEqual([
      [B, T, true],
      [C, T + 5 * 3600, false],
    ]);
    // Held all the same: the backfill moves the history back onto them.
    expect(loaded.changeIdsOf(1)).toEqual(['early', 'late']);
  });
});

describe('takeDirty', () => {
  // 1 and 65 share a bucket; 2 and 3 have their own.
  const leads = [lead(1), lead(65), lead(2), lead(3)];

  it('hands exactly the touched buckets, each with only its own leads and their facts', () => {
    const store = synced();
    store.applyLeads(leads);
    store.applyChanges([mv(65, 1, A, B, 'x'), mv(3, 1, A, B, 'y')]);
    store.derive();
    const first = store.takeDirty();
    expect([...first.cores.keys()].sort()).toEqual([1, 2, 3]);
    expect([...first.events.keys()].sort()).toEqual([1, 3]);
    for (const [b, core] of first.cores) {
      const held = unpackLeads(core.leads).map(l => l.id);
      expect(held.every(id => bucketOf(id) === b)).toBe(true);
      expect(held).toEqual(leads.map(l => l.id).filter(id => bucketOf(id) === b));
      const byId = new Map(unpackLeads(core.leads).map(l => [l.id, l]));
      expect(unpackFacts(FUNNEL, core.facts, byId)?.map(f => f.lead.id)).toEqual(held);
    }
    expect([...unpackLeadEvents(first.events.get(1)!).keys()]).toEqual([65]);
    expect(store.takeDirty()).toEqual({ cores: new Map(), events: new Map() });

    store.applyChanges([mv(2, 2, A, C, 'z')]);
    store.derive();
    const second = store.takeDirty();
    expect([...second.cores.keys()]).toEqual([2]);
    expect([...second.events.keys()]).toEqual([2]);
  });

  it('hands an emptied bucket empty, so the cache forgets what left', () => {
    const store = synced();
    store.applyLeads([lead(2)]);
    store.applyChanges([mv(2, 1, A, B, 'x')]);
    store.derive();
    store.takeDirty();
    store.applyLeads([lead(2, { isDeleted: true, updatedAt: at(9) })]);
    store.derive();
    const dirty = store.takeDirty();
    expect(dirty.cores.get(2)?.leads.count).toBe(0);
    expect(dirty.cores.get(2)?.facts.count).toBe(0);
    expect(dirty.events.get(2)?.count).toBe(0);
  });
});

describe('loadCores / loadEvents', () => {
  function saved() {
    const store = synced();
    store.applyLeads([lead(1, { statusId: C, updatedAt: at(3) }), lead(65), lead(2)]);
    store.applyChanges([mv(1, 1, A, B, 'a'), mv(1, 3, B, C, 'b'), mv(2, 1, A, A, 'noop')]);
    store.derive();
    return { store, dirty: store.takeDirty() };
  }

  it('reads back what takeDirty handed: leads, facts and changes', () => {
    const { store, dirty } = saved();
    const copy = createHistoryStore(P, null, FUNNEL);
    copy.loadCores(dirty.cores);
    const byId = (x: { lead: Lead }, y: { lead: Lead }) => x.lead.id - y.lead.id;
    expect(copy.allFacts().sort(byId)).toEqual(store.allFacts().sort(byId));
    expect(copy.missingEvents(true).sort()).toEqual([1, 2]);
    copy.loadEvents([1, 2], dirty.events);
    for (const id of [1, 65, 2]) expect(copy.changeIdsOf(id)).toEqual(store.changeIdsOf(id));
    expect(copy.derive()).toEqual({ changed: [], removed: [] });
    expect(copy.takeDirty()).toEqual({ cores: new Map(), events: new Map() });
  });

  it('merges a bucket read later with the changes applied before it (a refresh after a reload)', () => {
    const { dirty } = saved();
    const copy = createHistoryStore(P, null, FUNNEL);
    copy.loadCores(dirty.cores);
    copy.applyLeads([lead(1, { statusId: A, updatedAt: at(4) })]);
    copy.applyChanges([mv(1, 4, C, A, 'c')]);
    expect(copy.missingEvents()).toEqual([1]);
    copy.loadEvents([1], dirty.events);
    expect(copy.changeIdsOf(1)).toEqual(['a', 'b', 'c']);
    copy.derive();
    expect(copy.visitsOf(1)?.map(v => v.statusId)).toEqual([A, B, C, A]);
    const again = createHistoryStore(P, null, FUNNEL);
    again.loadEvents([1], copy.takeDirty().events);
    expect(again.changeIdsOf(1)).toEqual(['a', 'b', 'c']);
  });
});

describe('pruneEvents', () => {
  it('drops the changes of leads not held, and the leads outside the history', () => {
    const store = synced(T);
    store.applyLeads([lead(1, { createdAt: T }), lead(3, { createdAt: T - 10, statusId: LOST })]);
    store.applyChanges([
      ev(1, 101, [P, A], [P, B], 'mine'),
      ev(9, 101, [P, A], [Q, X], 'gone'),
      ev(3, 99, [P, A], [P, LOST], 'old'),
    ]);
    store.derive();
    store.takeDirty();
    store.pruneEvents();
    expect(store.changeIdsOf(1)).toEqual(['mine']);
    expect(store.changeIdsOf(9)).toEqual([]);
    expect(store.changeIdsOf(3)).toEqual([]);
    const dirty = store.takeDirty();
    expect([...dirty.events.keys()].sort()).toEqual([3, 9]);
    expect(dirty.events.get(9)?.count).toBe(0);
    // Lead 3 is gone for good: moving the history back no longer brings it.
    store.setHistoryFrom(null);
    expect(ids(store)).toEqual([1]);
  });
});
