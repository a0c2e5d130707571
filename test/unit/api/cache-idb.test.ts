/**
 * What only the IndexedDB store has: schema versions, other tabs holding the database, browsers
 * that refuse it, an abort at commit, and paged reads.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { CACHE_SCHEMA_VERSION, openIdbStore } from '../../../src/api/cache';
import type { PipelineStore } from '../../../src/api/cache';
import { event, fullSync, lead, nextSync, scope, sorted } from './cache-data';

const NAME = 'funnel-lens-test';

/** A second connection of our own, as another tab or an older widget would hold. */
function rawOpen(factory: IDBFactory, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

/** `openIdbStore` as a build with CACHE_SCHEMA_VERSION bumped to 2 would run it. */
async function openAtVersion2(factory: IDBFactory): Promise<PipelineStore> {
  let open: typeof openIdbStore | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock('../../../src/api/cache/version', () => ({ CACHE_SCHEMA_VERSION: 2 }));
    ({ openIdbStore: open } = await import('../../../src/api/cache/idb'));
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
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['events', 'leads', 'meta']);
    const meta = (await db.get('meta', '31:5:101')) as { schema: number; savedAt: number };
    expect(meta.schema).toBe(CACHE_SCHEMA_VERSION);
    expect(Number.isInteger(meta.savedAt)).toBe(true);
    db.close();
    store.close();
  });

  it('drops a scope whose meta was written by an older schema and loads null', async () => {
    const store = await openIdbStore({ indexedDB: factory, name: NAME });
    const { data, delta } = fullSync();
    await store.save(scope(), data, delta);
    await store.save(scope({ userId: 6 }), data, delta);
    const db = wrap(await rawOpen(factory, 1));
    const meta: unknown = await db.get('meta', '31:5:101');
    await db.put('meta', { ...(meta as object), schema: 0 }, '31:5:101');

    await expect(store.load(scope())).resolves.toBeNull();
    // What is left is user 6's copy only.
    await expect(db.count('leads')).resolves.toBe(4);
    await expect(db.count('events')).resolves.toBe(8);
    expect(await store.load(scope({ userId: 6 }))).toStrictEqual(sorted(data));
    db.close();
    store.close();
  });

  it('drops everything when the schema version is bumped, closing older connections', async () => {
    const old = await openIdbStore({ indexedDB: factory, name: NAME });
    const { data, delta } = fullSync();
    await old.save(scope(), data, delta);

    const bumped = await openAtVersion2(factory);
    await expect(old.load(scope())).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(bumped.load(scope())).resolves.toBeNull();
    await bumped.save(scope(), data, delta);
    expect(await bumped.load(scope())).toStrictEqual(sorted(data));
    bumped.close();
  });

  it('rejects with BLOCKED while another tab keeps an older version open', async () => {
    const stubborn = await rawOpen(factory, 1); // no versionchange handler: never lets go
    await expect(openAtVersion2(factory)).rejects.toMatchObject({
      code: 'BLOCKED',
      message: expect.stringContaining('held open at an older version by another tab'),
    });
    stubborn.close();
    const later = await openAtVersion2(factory);
    await expect(later.load(scope())).resolves.toBeNull();
    later.close();
  });

  it('rejects with VERSION when a newer widget already upgraded the database', async () => {
    (await rawOpen(factory, 5)).close();
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

describe('IndexedDB store transactions and reads', () => {
  afterEach(() => jest.restoreAllMocks());

  it('rolls back the whole delta when the transaction aborts at the last write', async () => {
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

  it.each([1, 2, 3, 8, 9])('reads in pages of %i without losing or repeating', async page => {
    const store = await openIdbStore({ indexedDB: factory, name: NAME, readPage: page });
    const { data, delta } = fullSync();
    // Ids at the edges of string order; neighbours whose keys share a prefix with ours.
    const edge = [event('', 1, 1), event('\uffff', 1, 2), event('\uffff\uffffz', 1, 3)];
    const mine = { ...delta, putEvents: [...delta.putEvents, ...edge] };
    const withEdges = { ...data, events: [...data.events, ...edge] };
    await store.save(scope(), withEdges, mine);
    const neighbour = { ...data, pipelineId: 1010, leads: [lead(77, { pipelineId: 1010 })] };
    await store.save(scope({ pipelineId: 1010 }), neighbour, {
      ...delta,
      putLeads: neighbour.leads,
    });
    await store.save(scope({ userId: 55 }), data, delta);

    expect(await store.load(scope())).toStrictEqual(sorted(withEdges));
    const other = await store.load(scope({ pipelineId: 1010 }));
    expect(other?.leads.map(l => l.id)).toEqual([77]);
    expect(other?.pipelineId).toBe(1010);
    store.close();
  });

  it('rejects a read page that is not a positive integer', async () => {
    await expect(openIdbStore({ indexedDB: factory, readPage: 0 })).rejects.toThrow(
      'readPage must be a positive integer, got 0',
    );
  });
});
