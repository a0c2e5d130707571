/** Small hand-made syncs for the cache tests: two pipelines, a few leads and their stage changes. */
import { applySync } from '../../../src/sync/merge';
import type { PipelineData, PipelineDelta } from '../../../src/sync/merge';
import type { SyncResult } from '../../../src/sync/sync';
import type { LeadLifecycle } from '../../../src/api/types';
import type { CacheScope } from '../../../src/sync';
import type { Lead, Pipeline, StatusChange } from '../../../src/core/types';

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

export function event(id: string, leadId: number, at: number, pipelineId = P1): StatusChange {
  return {
    id,
    leadId,
    createdAt: at,
    before: { pipelineId, statusId: 10 },
    after: { pipelineId, statusId: 20 },
  };
}

export function result(
  full: boolean,
  startedAt: number,
  leads: readonly Lead[],
  events: readonly StatusChange[],
  lifecycle: readonly LeadLifecycle[] = [],
): SyncResult {
  return {
    startedAt,
    full,
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
    users: full ? [{ id: 5, name: 'Anna', groupId: 0, isActive: true }] : null,
    lossReasons: [{ id: 1, name: 'Too expensive', sort: 1 }],
    leads,
    events,
    lifecycle,
    incomplete: [],
  };
}

/** A full sync of pipeline `pipelineId`: leads 1..4 with two events each. */
export function fullSync(pipelineId = P1): { data: PipelineData; delta: PipelineDelta } {
  const leads = [1, 2, 3, 4].map(id => lead(id, { pipelineId }));
  const events = leads.flatMap(l => [
    event(`e${l.id}a`, l.id, T0 + 10 * l.id, pipelineId),
    event(`e${l.id}b`, l.id, T0 + 10 * l.id + 5, pipelineId),
  ]);
  return applySync(null, result(true, T0 + 100, leads, events), pipelineId);
}

/** An incremental sync after `fullSync()`: a move out, a deletion, an update and a newcomer. */
export function nextSync(prev: PipelineData): { data: PipelineData; delta: PipelineDelta } {
  const leads = [
    lead(2, { pipelineId: P2, updatedAt: T0 + 150 }), // left the pipeline: its events go too
    lead(3, { statusId: 142, closedAt: T0 + 160, updatedAt: T0 + 160 }),
    lead(9, { createdAt: T0 + 170, updatedAt: T0 + 170 }),
  ];
  const events = [event('e3c', 3, T0 + 160), event('e9a', 9, T0 + 171), event('e2c', 2, T0 + 150)];
  const lifecycle: LeadLifecycle[] = [
    { id: 'd1', leadId: 4, createdAt: T0 + 180, kind: 'deleted' },
  ];
  return applySync(prev, result(false, T0 + 200, leads, events, lifecycle), P1);
}

/** How both stores return data: leads and events in id order. */
export function sorted(data: PipelineData): PipelineData {
  const byId = (a: { id: number | string }, b: { id: number | string }) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return { ...data, leads: [...data.leads].sort(byId), events: [...data.events].sort(byId) };
}

/** `leads` leads and `perLead` events each, as one full-sync delta; ids cross digit lengths. */
export function bulk(leads: number, perLead: number): { data: PipelineData; delta: PipelineDelta } {
  const all = Array.from({ length: leads }, (_, i) => lead(i + 1));
  const events = all.flatMap(l =>
    Array.from({ length: perLead }, (_, k) => event(`${l.id}-${k}`, l.id, T0 + k)),
  );
  return applySync(null, result(true, T0 + 1000, all, events), P1);
}

/**
 * `toStrictEqual` over 100k objects takes jest ~15 s, so large data is compared as JSON item by
 * item (same fields, same order, same values) and only a mismatching item goes to jest for a diff.
 */
export function expectSameData(actual: PipelineData | null, expected: PipelineData): void {
  expect(actual).not.toBeNull();
  if (actual === null) return;
  const { leads, events, ...meta } = actual;
  const { leads: wantLeads, events: wantEvents, ...wantMeta } = sorted(expected);
  expect(meta).toStrictEqual(wantMeta);
  expect(leads).toHaveLength(wantLeads.length);
  expect(events).toHaveLength(wantEvents.length);
  const differs = (a: readonly unknown[], b: readonly unknown[]) =>
    a.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(b[i]));
  const lead = differs(leads, wantLeads);
  if (lead >= 0) expect(leads[lead]).toStrictEqual(wantLeads[lead]);
  const event = differs(events, wantEvents);
  if (event >= 0) expect(events[event]).toStrictEqual(wantEvents[event]);
  expect([lead, event]).toEqual([-1, -1]);
}
