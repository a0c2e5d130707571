/**
 * What only the IndexedDB store has: its layout (a meta record and one record per bucket and
 * kind), schema versions, a copy with a record missing, other tabs holding the database, browsers
 * that refuse it, an abort at commit, and how few requests a load or a one-bucket save makes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { BUCKET_COUNT } from '../../../src/sync';
import type { ScopeStore } from '../../../src/sync';
import { CACHE_SCHEMA_VERSION, openIdbStore } from '../../../src/sync/idb';
import { change, entries, meta, scope } from './cache-data';

const NAME = 'funnel-lens-test';
const KEY = '31:5:101';

/** A second connection of our own, as another tab or an older widget would hold. */
function rawOpen(factory: IDBFactory, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

const BUMPED = CACHE_SCHEMA_VERSION + 1;

/** `openIdbStore` as the next build, with CACHE_SCHEMA_VERSION bumped, would run it. */
async function openBumped(factory: IDBFactory): Promise<ScopeStore> {
  let open: typeof openIdbStore | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock('../../../src/sync/cache/version', () => ({ CACHE_SCHEMA_VERSION: BUMPED }));
    ({ openIdbStore: open } = await import('../../../src/sync/idb/idb'));
  });
  if (open === undefined) throw new Error('module did not load');
  return open({ indexedDB: factory, name: NAME });
}

let factory: IDBFactory;
let stores: ScopeStore[];
let side: IDBPDatabase | undefined;
beforeEach(() => {
  factory = new IDBFactory();
  stores = [];
  side = undefined;
});
afterEach(() => {
  jest.restoreAllMocks();
  for (const s of stores) s.close();
  side?.close();
});

async function open(): Promise<ScopeStore> {
  const store = await openIdbStore({ indexedDB: factory, name: NAME });
  stores.push(store);
  return store;
}

/** The database as stored, read beside the store (IDB allows several connections). */
async function db(): Promise<IDBPDatabase> {
  side ??= wrap(await rawOpen(factory, CACHE_SCHEMA_VERSION));
  return side;
}

async function recordKeys(key = KEY): Promise<IDBValidKey[]> {
  return (await db()).getAllKeys('buckets', IDBKeyRange.bound([key], [key, []]));
}

describe('IndexedDB layout', () => {
  it('keeps a meta record per scope and one record per bucket and kind', async () => {
    const store = await open();
    const saved = change([0, 5], { events: new Map([[5, change([5]).events.get(5)!]]) });
    await store.save(scope(), saved);
    const raw = await db();
    expect(raw.version).toBe(CACHE_SCHEMA_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(['buckets', 'meta']);
    expect(await recordKeys()).toEqual([
      [KEY, 0, 'core'],
      [KEY, 5, 'core'],
      [KEY, 5, 'events'],
    ]);
    // The records are the packed columns themselves, nothing wrapped around them.
    expect(await raw.get('buckets', [KEY, 5, 'core'])).toStrictEqual(saved.cores.get(5));
    const record = (await raw.get('meta', KEY)) as { savedAt: number };
    expect(record).toStrictEqual({
      schema: CACHE_SCHEMA_VERSION,
      savedAt: record.savedAt,
      coreBuckets: [0, 5],
      eventBuckets: [5],
      meta: meta(),
    });
    expect(Math.abs(record.savedAt - Date.now() / 1000)).toBeLessThan(5);
  });

  it('stores only the meta fields of the contract', async () => {
    const store = await open();
    const leaky = { ...meta(), leads: [1, 2, 3] };
    await store.save(scope(), { ...change([0]), meta: leaky });
    expect((await store.load(scope()))?.meta).toStrictEqual(meta());
  });
});

describe('IndexedDB copies that cannot be trusted', () => {
  it('drops a scope whose meta was written by another schema and loads null', async () => {
    const store = await open();
    await store.save(scope(), change([0, 1]));
    await store.save(scope({ userId: 6 }), change([0, 1]));
    const raw = await db();
    const record = (await raw.get('meta', KEY)) as object;
    await raw.put('meta', { ...record, schema: 2 }, KEY);

    await expect(store.load(scope())).resolves.toBeNull();
    // What is left is user 6's copy only.
    await expect(raw.getAllKeys('meta')).resolves.toEqual(['31:6:101']);
    expect(await recordKeys()).toEqual([]);
    expect(await recordKeys('31:6:101')).toHaveLength(4);
    expect(entries((await store.load(scope({ userId: 6 })))?.cores)).toStrictEqual(
      entries(change([0, 1]).cores),
    );
  });

  it('drops a scope whose meta counts a core that is gone and loads null', async () => {
    const store = await open();
    await store.save(scope(), change([0, 1, 2]));
    await (await db()).delete('buckets', [KEY, 1, 'core']);
    await expect(store.load(scope())).resolves.toBeNull();
    expect(await recordKeys()).toEqual([]);
    await expect((await db()).get('meta', KEY)).resolves.toBeUndefined();
  });

  it('rejects loadEvents and drops the scope when counted events are gone or stale', async () => {
    const store = await open();
    await store.save(scope(), change([0, 1, 2]));
    await (await db()).delete('buckets', [KEY, 1, 'events']);
    // Bucket 2 alone is whole: only what is asked for is read.
    expect([...(await store.loadEvents(scope(), [2])).keys()]).toEqual([2]);
    await expect(store.loadEvents(scope(), [0, 1])).rejects.toMatchObject({
      code: 'READ_FAILED',
      message: expect.stringContaining('incomplete or of another schema, so it was dropped'),
    });
    await expect(store.load(scope())).resolves.toBeNull();

    await store.save(scope(), change([0]));
    const raw = await db();
    await raw.put('meta', { ...((await raw.get('meta', KEY)) as object), schema: 2 }, KEY);
    await expect(store.loadEvents(scope(), [0])).rejects.toMatchObject({ code: 'READ_FAILED' });
    expect(await recordKeys()).toEqual([]);
  });

  it('refuses an incremental save onto a copy of another schema', async () => {
    const store = await open();
    await store.save(scope(), change([0]));
    const raw = await db();
    await raw.put('meta', { ...((await raw.get('meta', KEY)) as object), schema: 2 }, KEY);
    await expect(store.save(scope(), change([1], { replace: false }))).rejects.toThrow(
      'needs a held copy',
    );
    expect(await recordKeys()).toEqual([
      [KEY, 0, 'core'],
      [KEY, 0, 'events'],
    ]);
  });
});

describe('openIdbStore schema versions and other tabs', () => {
  it('drops everything when the schema version is bumped, closing older connections', async () => {
    const old = await open();
    await old.save(scope(), change([0]));
    const bumped = await openBumped(factory);
    stores.push(bumped);
    await expect(old.load(scope())).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(bumped.load(scope())).resolves.toBeNull();
    await bumped.save(scope(), change([3]));
    expect([...((await bumped.load(scope()))?.cores.keys() ?? [])]).toEqual([3]);
  });

  it('closes when another connection asks for a newer version', async () => {
    const store = await open();
    await store.save(scope(), change([0]));
    // Opens only once every older connection has let go.
    const other = await rawOpen(factory, BUMPED);
    await expect(store.load(scope())).rejects.toMatchObject({ code: 'CLOSED' });
    other.close();
  });

  it('closes when the browser closes the connection itself', async () => {
    const realOpen = factory.open.bind(factory);
    let request: IDBOpenDBRequest | undefined;
    jest
      .spyOn(factory, 'open')
      .mockImplementation((name, version) => (request = realOpen(name, version)));
    const store = await open();
    const connection = request!.result;
    connection.onclose?.call(connection, new Event('close'));
    await expect(store.loadEvents(scope(), [0])).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('rejects with BLOCKED while another tab keeps an older version open', async () => {
    // No versionchange handler: never lets go.
    const stubborn = await rawOpen(factory, CACHE_SCHEMA_VERSION);
    await expect(openBumped(factory)).rejects.toMatchObject({
      code: 'BLOCKED',
      message: expect.stringContaining('held open at an older version by another tab'),
    });
    stubborn.close();
    const later = await openBumped(factory);
    stores.push(later);
    await expect(later.load(scope())).resolves.toBeNull();
  });

  it('rejects with VERSION when a newer widget already upgraded the database', async () => {
    (await rawOpen(factory, BUMPED)).close();
    await expect(openIdbStore({ indexedDB: factory, name: NAME })).rejects.toMatchObject({
      code: 'VERSION',
      message: expect.stringContaining('VersionError'),
    });
  });

  it('rejects with UNAVAILABLE when the browser refuses IndexedDB', async () => {
    const refusing = {
      open() {
        throw new DOMException('access denied for this origin', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(openIdbStore({ indexedDB: refusing })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('SecurityError: access denied for this origin'),
    });
  });
});

describe('IndexedDB requests', () => {
  /** Every call of `method` on any object store while `run` runs: store name and first argument. */
  async function calls(method: 'get' | 'put' | 'delete', run: () => Promise<unknown>) {
    const spy = jest.spyOn(IDBObjectStore.prototype, method);
    await run();
    const seen = spy.mock.contexts.map((store, i) => [
      (store as IDBObjectStore).name,
      method === 'put' ? spy.mock.calls[i]?.[1] : spy.mock.calls[i]?.[0],
    ]);
    spy.mockRestore();
    return seen;
  }

  it('loads the meta and the cores in one go, and never an events record', async () => {
    const store = await open();
    await store.save(scope(), change([0, 9, 63]));
    const gets = await calls('get', () => store.load(scope()));
    expect(gets).toHaveLength(1 + BUCKET_COUNT);
    expect(gets).toContainEqual(['meta', KEY]);
    expect(gets.filter(([, key]) => JSON.stringify(key).includes('events'))).toEqual([]);
    const eventGets = await calls('get', () => store.loadEvents(scope(), [9]));
    expect(eventGets).toEqual([
      ['meta', KEY],
      ['buckets', [KEY, 9, 'events']],
    ]);
  });

  it('writes only the given buckets and the meta on an incremental save', async () => {
    const store = await open();
    const all = Array.from({ length: BUCKET_COUNT }, (_, b) => b);
    await store.save(scope(), change(all));
    const one = change([17], { replace: false }, { tag: ' v2' });
    expect(await calls('put', () => store.save(scope(), one))).toEqual([
      ['buckets', [KEY, 17, 'core']],
      ['buckets', [KEY, 17, 'events']],
      ['meta', KEY],
    ]);
    expect(await calls('delete', () => store.save(scope(), one))).toEqual([]);
    // A replacing save clears the scope's range first, then writes what it is given.
    const deletes = await calls('delete', () => store.save(scope(), change([2])));
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.[1]).toBeInstanceOf(IDBKeyRange);
  });

  it('rolls back the whole save when the transaction aborts at the last write', async () => {
    const store = await open();
    const first = change([0, 1, 2]);
    await store.save(scope(), first);
    const put = IDBObjectStore.prototype.put;
    jest.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = put.apply(this, args);
      // The meta write is the last request of a save: abort as a full disk would at commit.
      if (this.name === 'meta') this.transaction.abort();
      return request;
    });
    for (const next of [change([1, 5], { replace: false }, { tag: ' v2' }), change([7])]) {
      await expect(store.save(scope(), next)).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    }
    jest.restoreAllMocks();
    const loaded = await store.load(scope());
    expect(entries(loaded?.cores)).toStrictEqual(entries(first.cores));
    expect(entries(await store.loadEvents(scope(), [0, 1, 2, 5, 7]))).toStrictEqual(
      entries(first.events),
    );
  });
});
