/**
 * The IndexedDB store's layout: each scope's leads and events as chunks of packed columns, written
 * whole on every save. Chunk boundaries must never lose, repeat or reorder an item, and a smaller
 * save must leave no chunk of a larger one behind.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { CACHE_SCHEMA_VERSION, openIdbStore } from '../../../src/sync/idb';
import type { IdbStoreOptions } from '../../../src/sync/idb';
import type { PipelineStore } from '../../../src/sync';
import type { PipelineData } from '../../../src/sync/merge';
import type { Lead } from '../../../src/core/types';
import { bulk, event, fullSync, lead, scope, sorted } from './cache-data';

const NAME = 'funnel-lens-chunks';
const KEY = '31:5:101';

let factory: IDBFactory;
let stores: PipelineStore[];
let raw: IDBPDatabase | undefined;
beforeEach(() => {
  factory = new IDBFactory();
  stores = [];
  raw = undefined;
});
afterEach(() => {
  for (const s of stores) s.close();
  raw?.close();
});

async function open(opts: IdbStoreOptions = {}): Promise<PipelineStore> {
  const store = await openIdbStore({ indexedDB: factory, name: NAME, ...opts });
  stores.push(store);
  return store;
}

/** The database as stored, read beside the store (IDB allows several connections). */
async function db(): Promise<IDBPDatabase> {
  raw ??= await new Promise<IDBPDatabase>((resolve, reject) => {
    const request = factory.open(NAME, CACHE_SCHEMA_VERSION);
    request.onsuccess = () => resolve(wrap(request.result));
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  return raw;
}

async function chunkKeys(key = KEY): Promise<IDBValidKey[]> {
  return (await db()).getAllKeys('chunks', IDBKeyRange.bound([key], [key, []]));
}

/** Data whose leads and events are already in id order, so the saved arrays are the expected. */
function inOrder(leads: number, perLead: number): PipelineData {
  return sorted(bulk(leads, perLead).data);
}

const replace = (data: PipelineData) => ({
  replace: true,
  putLeads: data.leads,
  deleteLeadIds: [],
  putEvents: data.events,
});

describe('IndexedDB chunk layout', () => {
  it('stores packed columns per chunk under [scope, kind, index]', async () => {
    const store = await open({ chunkSize: 3 });
    const data = inOrder(4, 2);
    await store.save(scope(), data, replace(data));
    expect(await chunkKeys()).toEqual([
      [KEY, 'events', 0],
      [KEY, 'events', 1],
      [KEY, 'events', 2],
      [KEY, 'leads', 0],
      [KEY, 'leads', 1],
    ]);
    const chunk = (await (await db()).get('chunks', [KEY, 'events', 2])) as {
      scope: string;
      kind: string;
      index: number;
      packed: { count: number; ids: string; leadId: ArrayBufferView };
    };
    expect(chunk).toMatchObject({ scope: KEY, kind: 'events', index: 2 });
    // Eight events in chunks of three: the last holds two, as columns.
    expect(chunk.packed.count).toBe(2);
    expect(JSON.parse(chunk.packed.ids)).toEqual(data.events.slice(6).map(e => e.id));
    expect(ArrayBuffer.isView(chunk.packed.leadId)).toBe(true);
    const meta: unknown = await (await db()).get('meta', KEY);
    expect(meta).toMatchObject({ chunks: { leads: 2, events: 3 } });
  });

  it.each([1, 2, 3, 8, 9, 1_000])(
    'round-trips across chunks of %i in exactly the saved order',
    async size => {
      const store = await open({ chunkSize: size });
      const data = inOrder(9, 3);
      // Ids at the edges of string order, and null fields, must survive the columns.
      const edge = [event('', 1, 1), event('\uffff', 1, 2), event('\uffff\uffffz', 1, 3)];
      const withEdges: PipelineData = {
        ...data,
        leads: data.leads.map(l => (l.id === 5 ? { ...l, closedAt: 7, lossReasonId: 1 } : l)),
        events: [edge[0], ...data.events, edge[1], edge[2]].filter(e => e !== undefined),
      };
      await store.save(scope(), withEdges, replace(withEdges));
      const loaded = await store.load(scope());
      expect(loaded?.leads).toStrictEqual(withEdges.leads);
      expect(loaded?.events).toStrictEqual(withEdges.events);
      expect(loaded).toStrictEqual(withEdges);
      const expected = Math.ceil(9 / size) + Math.ceil(30 / size);
      expect(await chunkKeys()).toHaveLength(expected);
    },
  );

  it('returns items saved out of order in id order, as the memory store does', async () => {
    const store = await open({ chunkSize: 2 });
    const { data, delta } = bulk(12, 2); // event ids '1-0' … '12-1' are made in numeric order
    const shuffled = { ...data, leads: [...data.leads].reverse() };
    expect(data.events.map(e => e.id)).not.toEqual(sorted(data).events.map(e => e.id));
    await store.save(scope(), shuffled, delta);
    expect(await store.load(scope())).toStrictEqual(sorted(data));
  });

  it('leaves no stale chunk when a smaller save replaces a larger one', async () => {
    const store = await open({ chunkSize: 3 });
    const big = inOrder(10, 2); // 4 chunks of leads, 7 of events
    await store.save(scope(), big, replace(big));
    const neighbour = { ...big, pipelineId: 1010 };
    await store.save(scope({ pipelineId: 1010 }), neighbour, replace(neighbour));
    expect(await chunkKeys()).toHaveLength(11);

    const small = fullSync(); // 4 leads, 8 events: 2 + 3 chunks
    await store.save(scope(), small.data, small.delta);
    expect(await chunkKeys()).toHaveLength(5);
    expect(await store.load(scope())).toStrictEqual(sorted(small.data));

    const empty = { ...small.data, leads: [], events: [] };
    await store.save(scope(), empty, replace(empty));
    expect(await chunkKeys()).toEqual([]);
    expect(await store.load(scope())).toStrictEqual(empty);
    // The neighbouring scope kept all of its chunks.
    expect(await chunkKeys('31:5:1010')).toHaveLength(11);
    expect(await store.load(scope({ pipelineId: 1010 }))).toStrictEqual(neighbour);
  });

  it('rolls back chunks already written when a later one fails to pack', async () => {
    const store = await open({ chunkSize: 3 });
    const first = inOrder(5, 1);
    await store.save(scope(), first, replace(first));
    const before = await chunkKeys();
    // Chunks 0–2 of leads are queued before the eleventh lead fails to pack.
    const leads: Lead[] = [
      ...inOrder(10, 0).leads,
      { ...lead(11), price: Symbol('x') } as unknown as Lead,
    ];
    const bad = { ...first, leads, events: [] };
    await expect(store.save(scope(), bad, replace(bad))).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      message: expect.stringContaining('TypeError'),
    });
    expect(await chunkKeys()).toEqual(before);
    expect(await store.load(scope())).toStrictEqual(first);
  });

  it('loads what was saved with another chunk size: only saves depend on it', async () => {
    const data = inOrder(7, 2);
    await (await open({ chunkSize: 2 })).save(scope(), data, replace(data));
    expect(await (await open({ chunkSize: 1_000 })).load(scope())).toStrictEqual(data);
  });

  it('drops a scope whose meta counts a chunk that is gone and loads null', async () => {
    const store = await open({ chunkSize: 3 });
    const data = inOrder(6, 1);
    await store.save(scope(), data, replace(data));
    await (await db()).delete('chunks', [KEY, 'events', 1]);
    await expect(store.load(scope())).resolves.toBeNull();
    expect(await chunkKeys()).toEqual([]);
    await expect((await db()).get('meta', KEY)).resolves.toBeUndefined();
  });

  it('rejects a chunk size that is not a positive integer', async () => {
    await expect(openIdbStore({ indexedDB: factory, chunkSize: 0 })).rejects.toThrow(
      'chunkSize must be a positive integer, got 0',
    );
    await expect(openIdbStore({ indexedDB: factory, chunkSize: 2.5 })).rejects.toThrow(
      'chunkSize must be a positive integer, got 2.5',
    );
  });
});
