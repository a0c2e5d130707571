/**
 * One behavioural suite for both scope stores: what the widget saves loads back exactly (packed
 * columns intact), a save changes only the buckets it gives, a failed save changes nothing, and
 * no scope ever sees another's data.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unpackFacts, unpackLeads } from '../../../src/core';
import { BUCKET_COUNT, createMemoryStore } from '../../../src/sync';
import type { ScopeChange, ScopeStore } from '../../../src/sync';
import { openIdbStore } from '../../../src/sync/idb';
import {
  EMPTY_CORE,
  EMPTY_EVENTS,
  FUNNEL,
  P2,
  T0,
  change,
  core,
  entries,
  events,
  history,
  idsOf,
  lead,
  meta,
  scope,
} from './cache-data';

const stores: [string, () => Promise<ScopeStore>][] = [
  ['memory store', () => Promise.resolve(createMemoryStore())],
  ['IndexedDB store', () => openIdbStore({ indexedDB: new IDBFactory() })],
];

const tag = (value: unknown) => Object.prototype.toString.call(value);

/** A value structured clone refuses, in whatever record it is put. */
const uncloneable = (): string => (() => 'no') as unknown as string;

describe.each(stores)('%s', (_name, open) => {
  let store: ScopeStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  /** What the scope holds: meta, cores and every bucket's events, in bucket order. */
  async function held(s = scope()) {
    const loaded = await store.load(s);
    if (loaded === null) return null;
    const all = Array.from({ length: BUCKET_COUNT }, (_, b) => b);
    return {
      meta: loaded.meta,
      cores: entries(loaded.cores),
      events: entries(await store.loadEvents(s, all)),
    };
  }

  /** What `held` returns right after saving `saved` with replace. */
  const expected = (saved: ScopeChange) => ({
    meta: saved.meta,
    cores: entries(saved.cores),
    events: entries(saved.events),
  });

  it('loads null and no events when nothing was saved for the scope', async () => {
    await expect(store.load(scope())).resolves.toBeNull();
    await expect(store.loadEvents(scope(), [0, 1])).resolves.toEqual(new Map());
  });

  it('round-trips the meta and every core with its typed arrays intact', async () => {
    const saved = change([0, 5, 63]);
    await store.save(scope(), saved);
    const loaded = await store.load(scope());
    expect(loaded?.meta).toStrictEqual(meta());
    expect([...(loaded?.cores.keys() ?? [])]).toEqual([0, 5, 63]);
    expect(entries(loaded?.cores)).toStrictEqual(entries(saved.cores));
    const got = loaded?.cores.get(5);
    // By tag, not instanceof: structured clone makes typed arrays of Node's realm, not jest's.
    expect([got?.leads.id, got?.leads.isDeleted, got?.facts.completedAt].map(tag)).toEqual([
      '[object Float64Array]',
      '[object Uint8Array]',
      '[object Uint32Array]',
    ]);
    // Unpacked, the columns give back the leads and their facts (null closedAt, open visits and all).
    const leads = unpackLeads(got!.leads);
    expect(leads).toStrictEqual(idsOf(5, 3).map(id => lead(id)));
    const facts = unpackFacts(FUNNEL, got!.facts, new Map(leads.map(l => [l.id, l])));
    expect(facts?.find(f => f.lead.id === 69)).toMatchObject({
      currentIndex: 0,
      currentVisitStart: T0 + 69 + 5,
      completedStages: [],
    });
  });

  it('leaves events out of a load; loadEvents returns only the buckets asked for and held', async () => {
    const saved = change([0, 5, 63]);
    await store.save(scope(), saved);
    expect(Object.keys((await store.load(scope())) ?? {}).sort()).toEqual(['cores', 'meta']);
    const got = await store.loadEvents(scope(), [63, 7, 5, 5]);
    expect(entries(got)).toStrictEqual([
      [5, saved.events.get(5)],
      [63, saved.events.get(63)],
    ]);
    await expect(store.loadEvents(scope(), [])).resolves.toEqual(new Map());
    expect(await held()).toStrictEqual(expected(saved));
  });

  it('changes only the buckets a save gives, leaving the others as they were', async () => {
    const first = change([0, 1, 2, 3]);
    await store.save(scope(), first);
    const later = meta({ history: history(first.meta.history.syncedAt + 60) });
    const touched: ScopeChange = {
      meta: later,
      cores: new Map([[1, core(idsOf(1, 4), ' v2')]]),
      events: new Map([[2, events(idsOf(2, 3), 1, 'v2')]]),
      replace: false,
    };
    await store.save(scope(), touched);
    expect(await held()).toStrictEqual({
      meta: later,
      cores: entries(new Map([...first.cores, ...touched.cores])),
      events: entries(new Map([...first.events, ...touched.events])),
    });
  });

  it('drops a bucket whose core or events are saved empty, without a replacing save', async () => {
    const first = change([0, 1, 2]);
    await store.save(scope(), first);
    const emptied: ScopeChange = {
      meta: meta(),
      cores: new Map([[1, EMPTY_CORE]]),
      events: new Map([
        [1, EMPTY_EVENTS],
        [2, EMPTY_EVENTS],
      ]),
      replace: false,
    };
    await store.save(scope(), emptied);
    const now = await held();
    expect(now?.cores.map(([b]) => b)).toEqual([0, 2]);
    expect(now?.events.map(([b]) => b)).toEqual([0]);
    // A replacing save of nothing at all leaves an empty copy, not no copy.
    await store.save(scope(), { ...emptied, replace: true });
    expect(await held()).toStrictEqual({ meta: meta(), cores: [], events: [] });
  });

  it('drops every record not given on a replacing save', async () => {
    await store.save(scope(), change([0, 1, 2, 3]));
    const next: ScopeChange = {
      ...change([2, 40], {}, { tag: ' v2' }),
      // Bucket 40's events not given: a replace holds exactly what it was given.
      events: new Map([[2, events(idsOf(2, 3), 1, 'v2')]]),
    };
    await store.save(scope(), next);
    expect(await held()).toStrictEqual(expected(next));
  });

  it('refuses an incremental save onto no copy, which would look complete but miss buckets', async () => {
    await expect(store.save(scope(), change([1], { replace: false }))).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      message: expect.stringContaining('needs a held copy'),
    });
    await expect(store.load(scope())).resolves.toBeNull();
    await store.save(scope(), change([0]));
    await store.clear(scope());
    await expect(store.save(scope(), change([1], { replace: false }))).rejects.toThrow(
      'needs a held copy',
    );
    await expect(store.load(scope())).resolves.toBeNull();
  });

  it('leaves everything as it was when a save fails midway', async () => {
    const first = change([0, 1, 2, 3]);
    await store.save(scope(), first);
    const before = await held();
    const bad = change([1, 2], { replace: false }, { tag: ' v2' });
    const broken = core(idsOf(2, 3));
    const badCores = new Map([
      ...bad.cores,
      [2, { ...broken, leads: { ...broken.leads, names: uncloneable() } }],
    ]);
    const cloneFailed = {
      code: 'WRITE_FAILED',
      message: expect.stringContaining('DataCloneError'),
    };
    // Bucket 1's records (and with replace, the scope's deletion) are queued before bucket 2's
    // fail to clone.
    for (const replace of [false, true]) {
      const save = store.save(scope(), { ...bad, cores: badCores, replace });
      await expect(save).rejects.toMatchObject(cloneFailed);
      expect(await held()).toStrictEqual(before);
    }
    // The meta is written last: every bucket record before it is rolled back.
    const badMeta = meta({
      history: { ...history(), syncedAt: uncloneable() as unknown as number },
    });
    await expect(store.save(scope(), { ...bad, meta: badMeta })).rejects.toMatchObject(cloneFailed);
    expect(await held()).toStrictEqual(before);
  });

  it('rejects buckets out of range and leads saved in the wrong bucket, changing nothing', async () => {
    await store.save(scope(), change([0]));
    const before = await held();
    for (const bucket of [-1, 1.5, BUCKET_COUNT, Number.NaN]) {
      const bad = { ...change([]), cores: new Map([[bucket, core([])]]) };
      await expect(store.save(scope(), bad)).rejects.toMatchObject({
        code: 'WRITE_FAILED',
        message: expect.stringContaining(`bucket must be an integer in 0..63, got ${bucket}`),
      });
      await expect(store.loadEvents(scope(), [0, bucket])).rejects.toMatchObject({
        code: 'READ_FAILED',
      });
    }
    const misplaced = { ...change([3]), events: new Map([[3, events([3, 4])]]) };
    await expect(store.save(scope(), misplaced)).rejects.toThrow(
      'bucket 3: events.leadId[2] = 4 belongs in bucket 4',
    );
    const wrongCore = { ...change([]), cores: new Map([[7, core([8])]]) };
    await expect(store.save(scope(), wrongCore)).rejects.toThrow(
      'leads.id[0] = 8 belongs in bucket 8',
    );
    expect(await held()).toStrictEqual(before);
  });

  it('keeps scopes apart: two users of one account, two pipelines, another account', async () => {
    const mine = change([0, 1, 2]);
    const others = [scope({ userId: 6 }), scope({ pipelineId: P2 }), scope({ accountId: 32 })];
    for (const s of others) {
      await store.save(
        s,
        change([1, 2, 3], { meta: meta({ pipelineId: s.pipelineId }) }, { tag: ` ${s.userId}` }),
      );
    }
    const before = await Promise.all(others.map(s => held(s)));
    await store.save(scope(), mine);
    await store.save(scope(), change([2], { replace: false }, { tag: ' v2' }));
    await store.save(scope(), change([5]));
    expect(await held()).toStrictEqual(expected(change([5])));
    await store.clear(scope());
    await expect(store.load(scope())).resolves.toBeNull();
    expect(await Promise.all(others.map(s => held(s)))).toStrictEqual(before);
    expect(before[0]?.cores[0]?.[1]).toStrictEqual(core(idsOf(1, 3), ' 6'));
  });

  it('holds its own copies: mutating what was saved or loaded changes nothing held', async () => {
    const saved = change([0, 1]);
    await store.save(scope(), saved);
    const loaded = await store.load(scope());
    const loadedEvents = await store.loadEvents(scope(), [0]);
    saved.cores.get(0)!.leads.id[0] = 999;
    loaded!.cores.get(1)!.leads.price[0] = -1;
    loadedEvents.get(0)!.leadId.fill(7);
    Object.assign(saved.meta.lossReasons[0]!, { name: 'changed' });
    Object.assign(loaded!.meta.history, { syncedAt: 0 });
    (saved.cores as Map<number, unknown>).delete(1);
    expect(await held()).toStrictEqual(expected(change([0, 1])));
  });

  it('rejects a bad scope, and a meta of another pipeline, naming the field', async () => {
    const bad = scope({ userId: -1 });
    for (const call of [
      () => store.load(bad),
      () => store.loadEvents(bad, [0]),
      () => store.save(bad, change([0])),
      () => store.clear(bad),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'BAD_SCOPE',
        message: expect.stringContaining('scope.userId must be a non-negative integer, got -1'),
      });
    }
    await expect(store.load(scope({ accountId: 1.5 }))).rejects.toThrow('scope.accountId');
    await expect(store.save(scope({ pipelineId: P2 }), change([0]))).rejects.toMatchObject({
      code: 'BAD_SCOPE',
      message: expect.stringContaining('meta.pipelineId 101 does not match scope.pipelineId 202'),
    });
    await expect(store.load(scope({ pipelineId: P2 }))).resolves.toBeNull();
  });

  it('rejects every call once closed', async () => {
    await store.save(scope(), change([0]));
    store.close();
    for (const call of [
      () => store.load(scope()),
      () => store.loadEvents(scope(), [0]),
      () => store.save(scope(), change([0])),
      () => store.clear(scope()),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'CLOSED' });
    }
  });

  it('round-trips all 64 buckets of 6,400 leads, then an incremental change of one', async () => {
    const all = Array.from({ length: BUCKET_COUNT }, (_, b) => b);
    const full = change(all, {}, { leads: 100 });
    await store.save(scope(), full);
    expect(await held()).toStrictEqual(expected(full));
    const one = change([17], { replace: false }, { leads: 101, tag: ' v2' });
    await store.save(scope(), one);
    const after = await held();
    expect(after?.cores[17]).toStrictEqual([17, one.cores.get(17)]);
    expect(after?.cores[16]).toStrictEqual([16, full.cores.get(16)]);
    expect(after?.events.reduce((n, [, e]) => n + e.count, 0)).toBe(2 * (64 * 100 + 1));
  });
});
