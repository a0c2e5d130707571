/**
 * What only the IndexedDB store has: schema versions, other tabs holding the database, browsers
 * that refuse it, and an abort at commit. Its chunk layout is in cache-chunks.test.ts.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { CACHE_SCHEMA_VERSION, openIdbStore } from '../../../src/sync/idb';
import type { PipelineStore } from '../../../src/sync';
import { fullSync, nextSync, scope, sorted } from './cache-data';

const NAME = 'funnel-lens-test';

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
async function openBumped(factory: IDBFactory): Promise<PipelineStore> {
  let open: typeof openIdbStore | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock('../../../src/sync/cache/version', () => ({ CACHE_SCHEMA_VERSION: BUMPED }));
    ({ openIdbStore: open } = await import('../../../src/sync/idb/idb'));
  });
  if (open === undefined) throw new Error('module did not load');
  return open({ indexedDB: factory, name: NAME });
}

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
});

describe('openIdbStore schema versions', () => {
  it('uses the schema version as the database version and stamps every meta record', async () => {
    const store = await openIdbStore({ indexedDB: factory, name: NAME });
    const { data, delta } = fullSync();
    await store.save(scope(), data, delta);
    const db = wrap(await rawOpen(factory, CACHE_SCHEMA_VERSION));
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'meta']);
    const meta = (await db.get('meta', '31:5:101')) as { schema: number; savedAt: number };
    expect(meta).toMatchObject({ schema: CACHE_SCHEMA_VERSION, chunks: { leads: 1, events: 1 } });
    expect(Number.isInteger(meta.savedAt)).toBe(true);
    db.close();
    store.close();
  });

  it('drops a scope whose meta was written by an older schema and loads null', async () => {
    const store = await openIdbStore({ indexedDB: factory, name: NAME });
    const { data, delta } = fullSync();
    await store.save(scope(), data, delta);
    await store.save(scope({ userId: 6 }), data, delta);
    const db = wrap(await rawOpen(factory, CACHE_SCHEMA_VERSION));
    const meta: unknown = await db.get('meta', '31:5:101');
    await db.put('meta', { ...(meta as object), schema: 0 }, '31:5:101');

    await expect(store.load(scope())).resolves.toBeNull();
    // What is left is user 6's copy only: its meta, one chunk of leads and one of events.
    await expect(db.getAllKeys('meta')).resolves.toEqual(['31:6:101']);
    await expect(db.getAllKeys('chunks')).resolves.toEqual([
      ['31:6:101', 'events', 0],
      ['31:6:101', 'leads', 0],
    ]);
    expect(await store.load(scope({ userId: 6 }))).toStrictEqual(sorted(data));
    db.close();
    store.close();
  });

  it('drops everything when the schema version is bumped, closing older connections', async () => {
    const old = await openIdbStore({ indexedDB: factory, name: NAME });
    const { data, delta } = fullSync();
    await old.save(scope(), data, delta);

    const bumped = await openBumped(factory);
    await expect(old.load(scope())).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(bumped.load(scope())).resolves.toBeNull();
    await bumped.save(scope(), data, delta);
    expect(await bumped.load(scope())).toStrictEqual(sorted(data));
    bumped.close();
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
    await expect(later.load(scope())).resolves.toBeNull();
    later.close();
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

describe('IndexedDB store transactions', () => {
  afterEach(() => jest.restoreAllMocks());

  it('rolls back the whole save when the transaction aborts at the last write', async () => {
    const store = await openIdbStore({ indexedDB: factory, name: NAME });
    const first = fullSync();
    await store.save(scope(), first.data, first.delta);
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
    const next = nextSync(first.data);
    await expect(store.save(scope(), next.data, next.delta)).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    jest.restoreAllMocks();
    expect(await store.load(scope())).toStrictEqual(sorted(first.data));
    store.close();
  });
});
