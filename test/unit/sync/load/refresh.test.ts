/**
 * What changed since the last sync, over a fake source: leads updated since (any pipeline),
 * status changes, deletions and restorations since, with the overlap before the last sync; and
 * the older history of leads new to the pipeline, asked for by entity ids ten at a time.
 */
import type { Lead, StatusChange } from '../../../../src/core';
import type { HistoryState, LoadProgress } from '../../../../src/sync';
import { refresh, SYNC_EVENT_TYPES, SYNC_OVERLAP_SECONDS } from '../../../../src/sync';
import { A, B, LOST, P, Q, WON, X } from '../../core/builders';
import { eventCalls, fakeSource, keepingSink } from './fakeSource';

const SYNCED = 1_000_000;
const SINCE = SYNCED - SYNC_OVERLAP_SECONDS;
const NOW = 1_010_000;
const FROM = 500_000;

const state = (from: number | null = FROM): HistoryState => ({
  from,
  target: null,
  backfill: null,
  syncedAt: SYNCED,
});

function leadAt(id: number, over: Partial<Lead>): Lead {
  return {
    id,
    name: `Lead ${id}`,
    pipelineId: P,
    statusId: A,
    createdAt: 100_000,
    updatedAt: 100_000,
    closedAt: null,
    price: 1,
    responsibleUserId: 1,
    lossReasonId: null,
    isDeleted: false,
    ...over,
  };
}

const change = (leadId: number, at: number, from: [number, number], to: [number, number]) =>
  ({
    id: `c${leadId}-${at}`,
    leadId,
    createdAt: at,
    before: { pipelineId: from[0], statusId: from[1] },
    after: { pipelineId: to[0], statusId: to[1] },
  }) satisfies StatusChange;

function run(
  leads: Lead[],
  changes: StatusChange[],
  held: (id: number) => boolean,
  s = state(),
  pipelineId: number | null = P,
) {
  const fake = fakeSource({ leads, changes }, { leadPage: 5, eventPage: 5 });
  const kept = keepingSink();
  const progress: LoadProgress[] = [];
  const load = {
    source: fake.source,
    sink: kept.sink,
    pipelineId,
    held,
    onProgress: (p: LoadProgress) => progress.push(p),
  };
  return refresh(load, s, NOW).then(next => ({ next, fake, kept, progress }));
}

describe('refresh', () => {
  it('costs two requests when nothing changed, and moves syncedAt to its end', async () => {
    const old = [leadAt(1, {})];
    const r = await run(old, [], () => true);
    expect(r.fake.calls).toEqual([
      {
        kind: 'leads',
        filter: { updatedFrom: SINCE, order: { field: 'updated_at', direction: 'asc' } },
        page: 1,
      },
      {
        kind: 'events',
        filter: { types: SYNC_EVENT_TYPES, entity: 'lead', createdFrom: SINCE, createdTo: NOW },
        page: 1,
      },
    ]);
    expect(r.next).toEqual({ ...state(), syncedAt: NOW });
    expect(r.progress.every(p => p.stage === 'refresh')).toBe(true);
  });

  it('reads what changed since the last sync, with the overlap, in any pipeline', async () => {
    const leads = [
      leadAt(1, { updatedAt: SINCE - 1 }),
      leadAt(2, { updatedAt: SINCE, createdAt: SINCE }),
      leadAt(3, { updatedAt: SYNCED + 5, pipelineId: Q, statusId: X, createdAt: SINCE + 1 }),
    ];
    const changes = [
      change(2, SINCE - 1, [P, A], [P, B]),
      change(2, SINCE, [P, B], [P, A]),
      change(3, SYNCED + 5, [P, A], [Q, X]),
    ];
    const r = await run(leads, changes, id => id === 1 || id === 3);
    expect(r.kept.leads.map(l => l.id)).toEqual([2, 3]);
    expect(r.kept.changes.map(e => e.id).sort()).toEqual([changes[1]!.id, changes[2]!.id].sort());
  });

  it('reads the older history of leads that joined the pipeline, ten at a time', async () => {
    // 23 leads moved in from another pipeline since the last sync, all created long before it.
    const joined = Array.from({ length: 23 }, (_, k) =>
      leadAt(100 + k, { createdAt: FROM + k, updatedAt: SYNCED + k, statusId: B }),
    );
    const history = joined.flatMap(l => [
      change(l.id, FROM + 1000, [Q, X], [Q, X + 1]),
      change(l.id, FROM - 1000, [Q, X + 1], [Q, X]),
      change(l.id, SYNCED + 1, [Q, X], [P, B]),
    ]);
    const r = await run(joined, history, () => false);
    const batches = eventCalls(r.fake.calls).filter(
      c => c.filter.entityIds !== undefined && c.page === 1,
    );
    expect(batches.map(c => c.filter.entityIds)).toEqual([
      joined.slice(0, 10).map(l => l.id),
      joined.slice(10, 20).map(l => l.id),
      joined.slice(20).map(l => l.id),
    ]);
    for (const c of batches)
      expect(c.filter).toMatchObject({
        types: SYNC_EVENT_TYPES,
        entity: 'lead',
        createdFrom: FROM,
        createdTo: NOW,
      });
    // Their history from the held start on: not the change before it.
    const got = new Set(r.kept.changes.map(e => e.id));
    for (const e of history) expect(got.has(e.id)).toBe(e.createdAt >= FROM);
  });

  it('asks for no history of leads it holds, new ones, other pipelines’ or old closed ones', async () => {
    const leads = [
      leadAt(1, { createdAt: FROM, updatedAt: SYNCED }), // held
      leadAt(2, { createdAt: SINCE + 1, updatedAt: SYNCED }), // new: all its history is since
      leadAt(3, { createdAt: FROM, updatedAt: SYNCED, pipelineId: Q, statusId: X }),
      leadAt(4, { createdAt: FROM - 10, updatedAt: SYNCED, statusId: WON }), // closed, before
      leadAt(5, { createdAt: FROM - 10, updatedAt: SYNCED, statusId: LOST }),
      leadAt(6, { createdAt: FROM - 10, updatedAt: SYNCED, statusId: A }), // open: joins
      leadAt(7, { createdAt: FROM + 10, updatedAt: SYNCED, statusId: WON }), // closed, since
    ];
    const r = await run(leads, [], id => id === 1);
    const batches = eventCalls(r.fake.calls).filter(
      c => c.filter.entityIds !== undefined && c.page === 1,
    );
    expect(batches.map(c => c.filter.entityIds)).toEqual([[6, 7]]);
    expect(r.kept.leads.map(l => l.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('with the whole history held, asks for a newcomer’s whole history', async () => {
    const leads = [leadAt(4, { createdAt: 10, updatedAt: SYNCED, statusId: WON })];
    const r = await run(leads, [], () => false, state(null));
    const [batch] = eventCalls(r.fake.calls).filter(c => c.filter.entityIds !== undefined);
    expect(batch?.filter.entityIds).toEqual([4]);
    expect(batch?.filter.createdFrom).toBeUndefined();
  });

  it('for every pipeline (the CLI), newcomers of any pipeline', async () => {
    const leads = [leadAt(3, { createdAt: FROM, updatedAt: SYNCED, pipelineId: Q, statusId: X })];
    const r = await run(leads, [], () => false, state(), null);
    const [batch] = eventCalls(r.fake.calls).filter(c => c.filter.entityIds !== undefined);
    expect(batch?.filter.entityIds).toEqual([3]);
  });
});
