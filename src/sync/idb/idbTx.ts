/** The cache database's layout and the transaction helper every operation runs through. */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { PackedEvents } from '../leadEvents';
import type { BucketCore, ScopeMeta } from '../cache/types';

export type RecordKind = 'core' | 'events';

/**
 * One record of a bucket. The kind comes last so a load can ask for each bucket's core alone,
 * and the scope first so one key range covers everything a scope holds (`scopeRange`).
 */
export type BucketKey = [scope: string, bucket: number, kind: RecordKind];

/**
 * What the `meta` store holds per scope. The ScopeMeta is nested, not spread, so a field added to
 * it can never collide with the store's own bookkeeping, and a load hands it back untouched.
 */
export interface MetaRecord {
  readonly schema: number;
  /** Epoch seconds. */
  readonly savedAt: number;
  /** Buckets holding a core record, ascending. A load expects every one: a missing one means the
   * copy is broken. */
  readonly coreBuckets: readonly number[];
  /** Buckets holding an events record, ascending (same rule for `loadEvents`). */
  readonly eventBuckets: readonly number[];
  readonly meta: ScopeMeta;
}

/**
 * Records are the packed columns themselves: a few typed arrays and one JSON string clone at
 * memcpy speed, where the same items as objects are cloned field by field on the page's main
 * thread (minutes for a million events in Chromium). Keys are out of line, so nothing but the
 * packed record is stored.
 */
interface CacheSchema extends DBSchema {
  meta: { key: string; value: MetaRecord };
  buckets: { key: BucketKey; value: BucketCore | PackedEvents };
}

export type Db = IDBPDatabase<CacheSchema>;
export const STORES = ['meta', 'buckets'] as const;
export type Tx<M extends IDBTransactionMode> = IDBPTransaction<CacheSchema, typeof STORES, M>;

/** Every record of a scope: [key] sorts before [key, bucket, kind] and [key, []] after any. */
export function scopeRange(key: string): IDBKeyRange {
  return IDBKeyRange.bound([key], [key, []]);
}

/** Every version change starts over: the cache is a copy of the server, cheap to refill. */
export function upgrade(db: IDBDatabase): void {
  for (const name of Array.from(db.objectStoreNames)) db.deleteObjectStore(name);
  db.createObjectStore('meta');
  db.createObjectStore('buckets');
}

/** Runs `body` in `tx` and waits for the commit; on any failure aborts, so nothing is written. */
export async function within<T>(tx: Tx<IDBTransactionMode>, body: () => Promise<T>): Promise<T> {
  // Awaited below; this only keeps an early abort from being reported as unhandled meanwhile.
  tx.done.catch(() => undefined);
  try {
    const value = await body();
    await tx.done;
    return value;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted or finished: the error that got us here is the one to report.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

export async function clearScope(db: Db, key: string): Promise<void> {
  const tx = db.transaction(STORES, 'readwrite');
  await within(tx, async () => {
    await Promise.all([
      tx.objectStore('meta').delete(key),
      tx.objectStore('buckets').delete(scopeRange(key)),
    ]);
  });
}
