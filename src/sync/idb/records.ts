/** Reading and writing one scope's meta and bucket records. */
import { unwrap } from 'idb';
import type { PackedEvents } from '../leadEvents';
import { BUCKET_COUNT, isEmptyCore, isEmptyEvents } from '../cache/buckets';
import { noHeldCopy, pickMeta } from '../cache/scope';
import type { BucketCore, ScopeChange, ScopeMeta } from '../cache/types';
import { CACHE_SCHEMA_VERSION } from '../cache/version';
import { STORES, scopeRange, within } from './idbTx';
import type { BucketKey, Db, MetaRecord } from './idbTx';

type Stored = BucketCore | PackedEvents;
const isCore = (record: Stored): record is BucketCore => 'leads' in record;
const isEvents = (record: Stored): record is PackedEvents => 'ids' in record;

const coreKey = (key: string, bucket: number): BucketKey => [key, bucket, 'core'];
const eventsKey = (key: string, bucket: number): BucketKey => [key, bucket, 'events'];

/**
 * What a scope holds, still packed: unpacking stays with the caller, after the commit, so the
 * read transaction (and any save waiting for it) stays short. 'stale' when the meta was written
 * by another schema version or a record it counts is gone: either way the copy cannot be trusted
 * and is refilled by a sync.
 */
export async function readScope(
  db: Db,
  key: string,
): Promise<{ meta: ScopeMeta; cores: Map<number, BucketCore> } | 'stale' | null> {
  const tx = db.transaction(STORES, 'readonly');
  return within(tx, async () => {
    const store = tx.objectStore('buckets');
    // Every request in flight at once, the meta beside every possible core rather than before the
    // ones it counts: one round trip instead of two, and a get of an absent key costs next to
    // nothing. One request per bucket keeps each message bounded to a bucket's size.
    const [record, found] = await Promise.all([
      tx.objectStore('meta').get(key),
      Promise.all(Array.from({ length: BUCKET_COUNT }, (_, b) => store.get(coreKey(key, b)))),
    ]);
    if (record === undefined) return null;
    if (record.schema !== CACHE_SCHEMA_VERSION) return 'stale';
    const cores = new Map<number, BucketCore>();
    for (const bucket of record.coreBuckets) {
      const core = found[bucket];
      if (core === undefined || !isCore(core)) return 'stale';
      cores.set(bucket, core);
    }
    return { meta: record.meta, cores };
  });
}

/**
 * The events records of `buckets` (distinct, checked) that the scope holds, in bucket order;
 * 'stale' as for `readScope`. The meta is read beside them so a bucket it counts but whose record
 * is gone is told apart from a bucket that holds no events.
 */
export async function readEvents(
  db: Db,
  key: string,
  buckets: readonly number[],
): Promise<Map<number, PackedEvents> | 'stale'> {
  const wanted = [...buckets].sort((a, b) => a - b);
  const tx = db.transaction(STORES, 'readonly');
  return within(tx, async () => {
    const store = tx.objectStore('buckets');
    const [record, found] = await Promise.all([
      tx.objectStore('meta').get(key),
      Promise.all(wanted.map(b => store.get(eventsKey(key, b)))),
    ]);
    const out = new Map<number, PackedEvents>();
    if (record === undefined) return out;
    if (record.schema !== CACHE_SCHEMA_VERSION) return 'stale';
    const counted = new Set(record.eventBuckets);
    for (const [i, bucket] of wanted.entries()) {
      if (!counted.has(bucket)) continue;
      const events = found[i];
      if (events === undefined || !isEvents(events)) return 'stale';
      out.set(bucket, events);
    }
    return out;
  });
}

/** Which buckets hold a record of one kind once `given` is applied over `held`. */
function bucketsAfter<V>(
  held: readonly number[],
  given: ReadonlyMap<number, V>,
  isEmpty: (value: V) => boolean,
): number[] {
  const buckets = new Set(held);
  for (const [bucket, value] of given) {
    if (isEmpty(value)) buckets.delete(bucket);
    else buckets.add(bucket);
  }
  return [...buckets].sort((a, b) => a - b);
}

/**
 * Applies `change` in one readwrite transaction: the bucket records, the removal of the others
 * (with `replace`) and the meta commit together or not at all. Puts go through the raw store
 * without a promise each: the commit (awaited by `within`) reports any failed request, and a
 * throw while queueing (a value that cannot be cloned) aborts everything queued so far.
 */
export async function writeScope(db: Db, key: string, change: ScopeChange): Promise<void> {
  const tx = db.transaction(STORES, 'readwrite');
  await within(tx, async () => {
    // An incremental save builds on the held bucket lists, so it reads them in the same
    // transaction: no other tab's save can slip in between the read and the write.
    const held = change.replace ? null : await tx.objectStore('meta').get(key);
    if (held !== null && (held === undefined || held.schema !== CACHE_SCHEMA_VERSION)) {
      throw noHeldCopy();
    }
    const store = unwrap(tx.objectStore('buckets'));
    // Requests run in order, so the given records put below survive this range delete.
    if (change.replace) store.delete(scopeRange(key));
    // An empty record is dropped, not stored; after the range delete there is nothing to drop.
    for (const [bucket, core] of change.cores) {
      if (!isEmptyCore(core)) store.put(core, coreKey(key, bucket));
      else if (held !== null) store.delete(coreKey(key, bucket));
    }
    for (const [bucket, events] of change.events) {
      if (!isEmptyEvents(events)) store.put(events, eventsKey(key, bucket));
      else if (held !== null) store.delete(eventsKey(key, bucket));
    }
    const record: MetaRecord = {
      schema: CACHE_SCHEMA_VERSION,
      savedAt: Math.floor(Date.now() / 1000),
      coreBuckets: bucketsAfter(held?.coreBuckets ?? [], change.cores, isEmptyCore),
      eventBuckets: bucketsAfter(held?.eventBuckets ?? [], change.events, isEmptyEvents),
      meta: pickMeta(change.meta),
    };
    unwrap(tx.objectStore('meta')).put(record, key);
  });
}
