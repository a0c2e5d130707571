import { wrap } from 'idb';
import { checkChange, wantedBuckets } from '../cache/buckets';
import { CacheError, describeError, guard } from '../cache/errors';
import { checkMeta, scopeKey } from '../cache/scope';
import type { ScopeStore } from '../cache/types';
import { CACHE_SCHEMA_VERSION } from '../cache/version';
import { clearScope, upgrade } from './idbTx';
import type { Db } from './idbTx';
import { readEvents, readScope, writeScope } from './records';

export { CACHE_SCHEMA_VERSION };
export const DEFAULT_CACHE_NAME = 'funnel-lens';

export interface IdbStoreOptions {
  /** Database name; default `funnel-lens`. */
  readonly name?: string;
  /** The IndexedDB to use; default the global one. Tests pass a fresh fake-indexeddb factory. */
  readonly indexedDB?: IDBFactory;
}

const DROPPED = 'the held copy was incomplete or of another schema, so it was dropped';

function createIdbStore(raw: IDBDatabase): ScopeStore {
  const db = wrap(raw) as Db;
  let closed = false;
  // Another tab opening a newer cache version waits until every older connection closes.
  raw.onversionchange = () => {
    closed = true;
    raw.close();
  };
  // The browser closed the connection itself (storage cleared, disk error).
  raw.onclose = () => {
    closed = true;
  };
  const live = (): Db => {
    if (closed) throw new CacheError('CLOSED');
    return db;
  };
  // A copy that cannot be trusted is dropped at once, so every later call sees it gone.
  const drop = (key: string) => guard('WRITE_FAILED', () => clearScope(live(), key));

  return {
    async load(scope) {
      const key = scopeKey(scope);
      const found = await guard('READ_FAILED', () => readScope(live(), key));
      if (found !== 'stale') return found;
      await drop(key);
      return null;
    },
    async loadEvents(scope, buckets) {
      const key = scopeKey(scope);
      const wanted = wantedBuckets(buckets);
      const found = await guard('READ_FAILED', () => readEvents(live(), key, wanted));
      if (found !== 'stale') return found;
      await drop(key);
      // Not an empty map: the caller would take it for buckets without events and show wrong
      // numbers. Rejecting sends it to a load, which finds nothing and syncs afresh.
      throw new CacheError('READ_FAILED', DROPPED);
    },
    save(scope, change) {
      return guard('WRITE_FAILED', async () => {
        const key = scopeKey(scope);
        checkMeta(scope, change.meta);
        checkChange(change);
        await writeScope(live(), key, change);
      });
    },
    async clear(scope) {
      const key = scopeKey(scope);
      await guard('WRITE_FAILED', () => clearScope(live(), key));
    },
    close() {
      closed = true;
      raw.close();
    },
  };
}

function globalIndexedDB(): IDBFactory | undefined {
  // Reading the global itself throws in some sandboxed frames.
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

/**
 * Opens (creating or upgrading) the cache database. Rejects with a CacheError saying why when
 * IndexedDB is missing, refuses to open, holds a newer version, or an older connection in another
 * tab blocks the upgrade; the caller then falls back to `createMemoryStore()`.
 *
 * @example
 * const store = await openIdbStore().catch(() => createMemoryStore());
 */
export function openIdbStore(opts: IdbStoreOptions = {}): Promise<ScopeStore> {
  return new Promise<ScopeStore>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      const factory = opts.indexedDB ?? globalIndexedDB();
      if (factory === undefined) throw new Error('indexedDB is not defined');
      request = factory.open(opts.name ?? DEFAULT_CACHE_NAME, CACHE_SCHEMA_VERSION);
    } catch (error) {
      reject(new CacheError('UNAVAILABLE', describeError(error), error));
      return;
    }
    let gaveUp = false;
    request.onupgradeneeded = () => upgrade(request.result);
    request.onblocked = () => {
      gaveUp = true;
      reject(new CacheError('BLOCKED'));
    };
    request.onerror = () => {
      const error = request.error;
      const code = error?.name === 'VersionError' ? 'VERSION' : 'UNAVAILABLE';
      reject(new CacheError(code, describeError(error), error));
    };
    request.onsuccess = () => {
      // Opened after we told the caller it was blocked: the caller has moved on without it.
      if (gaveUp) request.result.close();
      else resolve(createIdbStore(request.result));
    };
  });
}
