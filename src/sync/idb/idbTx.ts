/** The cache database's layout and the transaction helper every operation runs through. */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { PackedEvents, PackedLeads } from '../../core';
import type { PipelineMeta } from '../cache/scope';

export type ChunkKind = 'leads' | 'events';

export interface MetaRecord extends PipelineMeta {
  readonly schema: number;
  /** Epoch seconds. */
  readonly savedAt: number;
  /** How many chunks of each kind the scope holds; load reads exactly indexes 0..n-1. */
  readonly chunks: Readonly<Record<ChunkKind, number>>;
}

/**
 * Up to `chunkSize` leads or events of one scope as packed columns. A few typed arrays and one
 * JSON string clone at memcpy speed, where the same items as objects are cloned field by field
 * on the page's main thread (minutes for a million events in Chromium).
 */
export type ChunkRecord =
  | {
      readonly scope: string;
      readonly kind: 'leads';
      readonly index: number;
      readonly packed: PackedLeads;
    }
  | {
      readonly scope: string;
      readonly kind: 'events';
      readonly index: number;
      readonly packed: PackedEvents;
    };

export type ChunkKey = [scope: string, kind: ChunkKind, index: number];

interface CacheSchema extends DBSchema {
  meta: { key: string; value: MetaRecord };
  chunks: { key: ChunkKey; value: ChunkRecord };
}

export type Db = IDBPDatabase<CacheSchema>;
export const STORES = ['meta', 'chunks'] as const;
export type Tx<M extends IDBTransactionMode> = IDBPTransaction<CacheSchema, typeof STORES, M>;

/** Every chunk of a scope: [key] sorts before [key, kind, i] and [key, []] after any kind string. */
export function scopeRange(key: string): IDBKeyRange {
  return IDBKeyRange.bound([key], [key, []]);
}

/** The scope's chunks of one kind from index `from` on. */
export function chunkRange(key: string, kind: ChunkKind, from: number): IDBKeyRange {
  return IDBKeyRange.bound([key, kind, from], [key, kind, Infinity]);
}

/** Every version change starts over: the cache is a copy of the server, cheap to refill. */
export function upgrade(db: IDBDatabase): void {
  for (const name of Array.from(db.objectStoreNames)) db.deleteObjectStore(name);
  db.createObjectStore('meta');
  db.createObjectStore('chunks', { keyPath: ['scope', 'kind', 'index'] });
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
      tx.objectStore('chunks').delete(scopeRange(key)),
    ]);
  });
}
