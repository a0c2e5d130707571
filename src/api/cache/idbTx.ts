/** The cache database's layout and the transactions run on it. */
import { unwrap } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { Lead, StatusChange } from '../../core/types';
import type { PipelineData, PipelineDelta } from '../merge';
import { metaOf } from './scope';
import type { PipelineMeta } from './scope';
import { CACHE_SCHEMA_VERSION } from './version';

interface MetaRecord extends PipelineMeta {
  readonly schema: number;
  /** Epoch seconds. */
  readonly savedAt: number;
}
// The core object is kept whole beside its key parts, so load returns exactly what was saved.
interface LeadRecord {
  readonly scope: string;
  readonly id: number;
  readonly lead: Lead;
}
interface EventRecord {
  readonly scope: string;
  readonly id: string;
  readonly leadId: number;
  readonly event: StatusChange;
}

interface CacheSchema extends DBSchema {
  meta: { key: string; value: MetaRecord };
  leads: { key: [string, number]; value: LeadRecord };
  events: { key: [string, string]; value: EventRecord; indexes: { byLead: [string, number] } };
}

export type Db = IDBPDatabase<CacheSchema>;
export const STORES = ['meta', 'leads', 'events'] as const;
type Tx<M extends IDBTransactionMode> = IDBPTransaction<CacheSchema, typeof STORES, M>;
/** Records per getAll: a single getAll of a million events can exceed the browser's IPC limit. */
export const READ_PAGE = 50_000;

/** Every key of one scope: [key] sorts before [key, id] and [key, []] after any number or string id. */
function scopeRange(key: string, after?: number | string): IDBKeyRange {
  return after === undefined
    ? IDBKeyRange.bound([key], [key, []])
    : IDBKeyRange.bound([key, after], [key, []], true, true);
}

/** Every version change starts over: the cache is a copy of the server, cheap to refill. */
export function upgrade(db: IDBDatabase): void {
  for (const name of Array.from(db.objectStoreNames)) db.deleteObjectStore(name);
  db.createObjectStore('meta');
  db.createObjectStore('leads', { keyPath: ['scope', 'id'] });
  const events = db.createObjectStore('events', { keyPath: ['scope', 'id'] });
  events.createIndex('byLead', ['scope', 'leadId']);
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

async function readRange<R extends { readonly id: number | string }, T>(
  store: { getAll(query: IDBKeyRange, count: number): Promise<R[]> },
  key: string,
  pageSize: number,
  pick: (record: R) => T,
): Promise<T[]> {
  const out: T[] = [];
  let after: number | string | undefined;
  for (;;) {
    const page = await store.getAll(scopeRange(key, after), pageSize);
    for (const record of page) out.push(pick(record));
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return out;
    after = last.id;
  }
}

/** 'stale' when the meta was written by another schema version. */
export async function readScope(
  db: Db,
  key: string,
  page: number,
): Promise<PipelineData | 'stale' | null> {
  const tx = db.transaction(STORES, 'readonly');
  return within(tx, async () => {
    const meta = await tx.objectStore('meta').get(key);
    if (meta === undefined) return null;
    if (meta.schema !== CACHE_SCHEMA_VERSION) return 'stale';
    const leads = await readRange(tx.objectStore('leads'), key, page, r => r.lead);
    const events = await readRange(tx.objectStore('events'), key, page, r => r.event);
    return { ...metaOf(meta), leads, events };
  });
}

/**
 * Queues the whole delta in `tx`. Puts go through the raw stores without a promise each: a full
 * sync writes up to a million events, and the transaction's commit (awaited by `within`) already
 * reports any failed request.
 */
export async function writeDelta(
  tx: Tx<'readwrite'>,
  key: string,
  data: PipelineData,
  d: PipelineDelta,
) {
  const leads = unwrap(tx.objectStore('leads'));
  const events = unwrap(tx.objectStore('events'));
  if (d.replace) {
    leads.delete(scopeRange(key));
    events.delete(scopeRange(key));
  } else if (d.deleteLeadIds.length > 0) {
    const byLead = tx.objectStore('events').index('byLead');
    const doomed = await Promise.all(d.deleteLeadIds.map(id => byLead.getAllKeys([key, id])));
    for (const keys of doomed) for (const k of keys) events.delete(k);
  }
  for (const id of d.deleteLeadIds) leads.delete([key, id]);
  for (const lead of d.putLeads) leads.put({ scope: key, id: lead.id, lead } satisfies LeadRecord);
  for (const event of d.putEvents) {
    events.put({ scope: key, id: event.id, leadId: event.leadId, event } satisfies EventRecord);
  }
  const savedAt = Math.floor(Date.now() / 1000);
  const meta: MetaRecord = { ...metaOf(data), schema: CACHE_SCHEMA_VERSION, savedAt };
  unwrap(tx.objectStore('meta')).put(meta, key);
}

export async function clearScope(db: Db, key: string): Promise<void> {
  const tx = db.transaction(STORES, 'readwrite');
  await within(tx, async () => {
    await Promise.all([
      tx.objectStore('meta').delete(key),
      tx.objectStore('leads').delete(scopeRange(key)),
      tx.objectStore('events').delete(scopeRange(key)),
    ]);
  });
}
