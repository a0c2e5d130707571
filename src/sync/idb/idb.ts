import { wrap } from 'idb';
import { CacheError, describeError, guard } from '../cache/errors';
import { CHUNK_SIZE, readScope, unpackScope, writeScope } from './chunks';
import { clearScope, upgrade } from './idbTx';
import type { Db } from './idbTx';
import { checkData, scopeKey } from '../cache/scope';
import type { PipelineStore } from '../cache/types';
import { CACHE_SCHEMA_VERSION } from '../cache/version';

export { CACHE_SCHEMA_VERSION };
export const DEFAULT_CACHE_NAME = 'funnel-lens';

export interface IdbStoreOptions {
  /** Database name; default `funnel-lens`. */
  readonly name?: string;
  /** The IndexedDB to use; default the global one. Tests pass a fresh fake-indexeddb factory. */
  readonly indexedDB?: IDBFactory;
  /**
   * Leads or events per stored chunk; default 50,000. Only saves use it (a load reads the chunks
   * as counted in the scope's meta), so changing it needs no schema bump. Tests lower it to
   * cross chunk boundaries.
   */
  readonly chunkSize?: number;
}

function createIdbStore(raw: IDBDatabase, chunkSize: number): PipelineStore {
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

  return {
    async load(scope) {
      const key = scopeKey(scope);
      const found = await guard('READ_FAILED', () => readScope(live(), key));
      if (found === null) return null;
      if (found !== 'stale') return guard('READ_FAILED', () => Promise.resolve(unpackScope(found)));
      await guard('WRITE_FAILED', () => clearScope(live(), key));
      return null;
    },
    // The delta is not needed: every save writes the whole of `data` as fresh chunks, which for
    // packed columns is far cheaper than applying the delta's puts as one object each.
    async save(scope, data) {
      const key = scopeKey(scope);
      checkData(scope, data);
      await guard('WRITE_FAILED', () => writeScope(live(), key, data, chunkSize));
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
export function openIdbStore(opts: IdbStoreOptions = {}): Promise<PipelineStore> {
  return new Promise<PipelineStore>((resolve, reject) => {
    const { chunkSize } = opts;
    if (chunkSize !== undefined && !(Number.isSafeInteger(chunkSize) && chunkSize > 0)) {
      throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
    }
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
      else resolve(createIdbStore(request.result, chunkSize ?? CHUNK_SIZE));
    };
  });
}
