/** Reading and writing one scope's leads and events as chunks of packed columns. */
import { unwrap } from 'idb';
import { packEvents, packLeads, unpackEvents, unpackLeads } from '../../core';
import type { PipelineData } from '../merge';
import { STORES, chunkRange, within } from './idbTx';
import type { ChunkKind, ChunkRecord, Db, MetaRecord, Tx } from './idbTx';
import { byId, metaOf } from '../cache/scope';
import { CACHE_SCHEMA_VERSION } from '../cache/version';

/**
 * Items per chunk. 50,000 events pack to ~2.4 MB of columns plus ~1.4 MB of id JSON: one cheap
 * clone and a bounded message per request, with a million events still only 20 requests. In
 * Chromium, chunks of 10,000 to 1,000,000 saved and loaded 100k leads / 1M events in the same
 * time within noise, so the size is chosen for bounded messages and memory, not for speed.
 */
export const CHUNK_SIZE = 50_000;

/** The items in id order, as the store promises to return them; a copy only if not already so. */
function inIdOrder<T extends { readonly id: number | string }>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (a !== undefined && b !== undefined && byId(a, b) > 0) return [...items].sort(byId);
  }
  return items;
}

/**
 * Queues `items` as chunks 0..n-1 and the deletion of the kind's chunks from n on (left by a
 * larger earlier save); returns n. Puts go through the raw store without a promise each: the
 * transaction's commit (awaited by `within`) reports any failed request, and a throw while
 * packing aborts everything queued so far.
 */
function putChunks<T>(
  tx: Tx<'readwrite'>,
  key: string,
  kind: ChunkKind,
  items: readonly T[],
  size: number,
  record: (index: number, slice: readonly T[]) => ChunkRecord,
): number {
  const store = unwrap(tx.objectStore('chunks'));
  const count = Math.ceil(items.length / size);
  // Pack and put one chunk at a time: put clones synchronously, so each packed chunk is garbage
  // before the next is built and the whole packed copy never sits in memory at once.
  for (let index = 0; index < count; index++) {
    store.put(record(index, items.slice(index * size, (index + 1) * size)));
  }
  store.delete(chunkRange(key, kind, count));
  return count;
}

/**
 * Replaces everything held for the scope with `data` (leads and events in id order) in one
 * readwrite transaction: the chunks, the removal of stale chunks and the meta record commit
 * together or not at all.
 */
export async function writeScope(
  db: Db,
  key: string,
  data: PipelineData,
  size: number,
): Promise<void> {
  const leads = inIdOrder(data.leads);
  const events = inIdOrder(data.events);
  const tx = db.transaction(STORES, 'readwrite');
  await within(tx, () => {
    const chunks = {
      leads: putChunks(tx, key, 'leads', leads, size, (index, slice) => ({
        scope: key,
        kind: 'leads',
        index,
        packed: packLeads(slice),
      })),
      events: putChunks(tx, key, 'events', events, size, (index, slice) => ({
        scope: key,
        kind: 'events',
        index,
        packed: packEvents(slice),
      })),
    };
    const savedAt = Math.floor(Date.now() / 1000);
    const meta: MetaRecord = { ...metaOf(data), schema: CACHE_SCHEMA_VERSION, savedAt, chunks };
    unwrap(tx.objectStore('meta')).put(meta, key);
    return Promise.resolve();
  });
}

type ChunkOf<K extends ChunkKind> = Extract<ChunkRecord, { readonly kind: K }>;

interface Held {
  readonly meta: MetaRecord;
  readonly leads: readonly ChunkOf<'leads'>[];
  readonly events: readonly ChunkOf<'events'>[];
}

/**
 * Chunks 0..count-1 of one kind, one request each (all in flight at once) so no single message
 * carries more than a chunk; 'stale' when one is missing or of the wrong kind.
 */
async function readChunks<K extends ChunkKind>(
  tx: Tx<'readonly'>,
  key: string,
  kind: K,
  count: number,
): Promise<ChunkOf<K>[] | 'stale'> {
  const store = tx.objectStore('chunks');
  const found = await Promise.all(
    Array.from({ length: count }, (_, i) => store.get([key, kind, i])),
  );
  const whole = found.filter((c): c is ChunkOf<K> => c !== undefined && c.kind === kind);
  return whole.length === count ? whole : 'stale';
}

/**
 * What the scope holds, still packed (unpacking after the commit keeps the read transaction, and
 * with it any waiting save, short). 'stale' when the meta was written by another schema version,
 * or a chunk it counts is gone: either way the copy cannot be trusted and is refilled by a sync.
 */
export async function readScope(db: Db, key: string): Promise<Held | 'stale' | null> {
  const tx = db.transaction(STORES, 'readonly');
  return within(tx, async () => {
    const meta = await tx.objectStore('meta').get(key);
    if (meta === undefined) return null;
    if (meta.schema !== CACHE_SCHEMA_VERSION) return 'stale';
    const [leads, events] = await Promise.all([
      readChunks(tx, key, 'leads', meta.chunks.leads),
      readChunks(tx, key, 'events', meta.chunks.events),
    ]);
    return leads === 'stale' || events === 'stale' ? 'stale' : { meta, leads, events };
  });
}

/** The held chunks as PipelineData: each unpacked, concatenated in index order. */
export function unpackScope(held: Held): PipelineData {
  const leads = held.leads.flatMap(c => unpackLeads(c.packed));
  const events = held.events.flatMap(c => unpackEvents(c.packed));
  return { ...metaOf(held.meta), leads, events };
}
