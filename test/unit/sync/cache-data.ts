/**
 * Small hand-made scope data for the cache tests: a meta with its history state, and buckets of
 * a few leads each (ids of the bucket's residue class), packed as the widget stores them.
 */
import { buildFunnel, leadFacts, packFacts, packLeads } from '../../../src/core';
import { addChanges, emptyLeadEvents, packLeadEvents } from '../../../src/sync/leadEvents';
import type { PackedEvents } from '../../../src/sync';
import type { Lead, Pipeline, StatusChange, Visit } from '../../../src/core';
import { BUCKET_COUNT } from '../../../src/sync';
import type {
  BucketCore,
  CacheScope,
  HistoryState,
  ScopeChange,
  ScopeMeta,
} from '../../../src/sync';

export const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z
export const P1 = 101;
export const P2 = 202;

export const scope = (over: Partial<CacheScope> = {}): CacheScope => ({
  accountId: 31,
  userId: 5,
  pipelineId: P1,
  ...over,
});

function pipeline(id: number): Pipeline {
  const statuses = [10, 20, 142, 143].map((s, i) => ({
    id: s,
    pipelineId: id,
    name: `Stage ${s}`,
    sort: i * 10,
    type: i === 0 ? 1 : 0,
    color: i === 1 ? '#fffeb2' : null,
  }));
  return { id, name: `Pipeline ${id}`, sort: id, isMain: id === P1, isArchive: false, statuses };
}

/** Halfway through the backfill, so every nested cursor shape is stored. */
export function history(syncedAt = T0 + 100): HistoryState {
  return {
    from: T0 - 86_400 * 30,
    target: null,
    backfill: {
      to: T0 - 86_400 * 30,
      into: { page: 3, oldest: T0 - 86_400 * 40, done: false },
      out: null,
      closed: { boundary: T0 - 86_400 * 35, atBoundary: [65, 129], done: false },
      oldest: null,
    },
    syncedAt,
  };
}

export function meta(over: Partial<ScopeMeta> = {}): ScopeMeta {
  return {
    pipelineId: P1,
    account: {
      id: 31,
      name: 'Acme',
      subdomain: 'acme',
      currentUserId: 5,
      timezone: 'Europe/Moscow',
      currency: 'RUB',
      currencySymbol: '₽',
      usersGroups: [{ id: 0, name: 'Sales' }],
    },
    pipelines: [pipeline(P1), pipeline(P2)],
    users: null,
    lossReasons: [{ id: 1, name: 'Too expensive', sort: 1 }],
    metaAt: T0 + 90,
    history: history(),
    ...over,
  };
}

export function lead(id: number, over: Partial<Lead> = {}): Lead {
  return {
    id,
    name: `Deal ${id}`,
    pipelineId: P1,
    statusId: 20,
    createdAt: T0 + id,
    updatedAt: T0 + id,
    closedAt: null,
    price: id * 100,
    responsibleUserId: 5,
    lossReasonId: null,
    isDeleted: false,
    ...over,
  };
}

/** `count` lead ids of bucket `bucket`, as `bucketOf` places them (ids are positive). */
export function idsOf(bucket: number, count: number, first = 1): number[] {
  return Array.from({ length: count }, (_, k) => bucket + BUCKET_COUNT * (first + k));
}

/** A censored first visit and an open one (NaN end, a `from`), so null fields cross the columns. */
function visits(id: number): Visit[] {
  return [
    { pipelineId: P1, statusId: 10, start: T0 + id, end: T0 + id + 5, from: null, censored: true },
    {
      pipelineId: P1,
      statusId: 20,
      start: T0 + id + 5,
      end: null,
      from: { pipelineId: P1, statusId: 10 },
      censored: false,
    },
  ];
}

/** The funnel of P1, that the cores' facts are derived for. */
export const FUNNEL = buildFunnel(pipeline(P1));

/** The core of `ids`; `tag` changes every lead's name so two versions of a bucket differ. */
export function core(ids: readonly number[], tag = ''): BucketCore {
  const leads = ids.map(id => lead(id, { name: `Deal ${id}${tag}` }));
  return {
    leads: packLeads(leads),
    facts: packFacts(
      FUNNEL,
      leads.map(l => leadFacts(FUNNEL, l, visits(l.id))),
    ),
  };
}

export function event(id: string, leadId: number, at: number): StatusChange {
  return {
    id,
    leadId,
    createdAt: at,
    before: { pipelineId: P1, statusId: 10 },
    after: { pipelineId: P1, statusId: 20 },
  };
}

/** `perLead` status changes of each lead, with 26-character ids like amoCRM's. */
export function events(ids: readonly number[], perLead = 2, tag = 'a'): PackedEvents {
  return packLeadEvents(
    ids.map(leadId => {
      const held = emptyLeadEvents();
      addChanges(
        held,
        Array.from({ length: perLead }, (_, k) =>
          event(`${tag}${leadId}-${k}`.padEnd(26, 'x'), leadId, T0 + leadId + k),
        ),
      );
      return [leadId, held];
    }),
  );
}

export const EMPTY_CORE: BucketCore = core([]);
export const EMPTY_EVENTS: PackedEvents = events([]);

/**
 * A change holding a core and events for each of `buckets` (`leads` leads each), replacing by
 * default; `tag` marks this version's records.
 */
export function change(
  buckets: readonly number[],
  over: Partial<ScopeChange> = {},
  { leads = 3, tag = '' }: { leads?: number; tag?: string } = {},
): ScopeChange {
  return {
    meta: meta(),
    cores: new Map(buckets.map(b => [b, core(idsOf(b, leads), tag)])),
    events: new Map(buckets.map(b => [b, events(idsOf(b, leads), 2, `e${tag}`)])),
    replace: true,
    ...over,
  };
}

/** The entries of a map in key order, for comparing maps whatever order they were built in. */
export function entries<V>(map: ReadonlyMap<number, V> | undefined): [number, V][] {
  return [...(map ?? [])].sort(([a], [b]) => a - b);
}
