/**
 * One behavioural suite for both pipeline stores: whatever the widget saves after a sync must
 * load back as exactly what applySync computed, per scope, and a failed save must change nothing.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { CacheError, createMemoryStore } from '../../../src/sync';
import { openIdbStore } from '../../../src/sync/idb';
import type { PipelineStore } from '../../../src/sync';
import type { PipelineDelta } from '../../../src/sync/merge';
import type { Lead } from '../../../src/core/types';
import {
  bulk,
  event,
  expectSameData,
  fullSync,
  lead,
  nextSync,
  P1,
  P2,
  scope,
  sorted,
} from './cache-data';

interface Case {
  readonly open: () => Promise<PipelineStore>;
  /** Size of the bulk round trip. fake-indexeddb runs ~40x slower inside jest's vm context than
   * in plain node (Object.prototype.toString in its key comparisons), so IDB gets a smaller one;
   * a small chunk size still makes it save and load several chunks. */
  readonly bulk: { readonly leads: number; readonly perLead: number };
}

const stores: [string, Case][] = [
  [
    'memory store',
    { open: () => Promise.resolve(createMemoryStore()), bulk: { leads: 20_000, perLead: 5 } },
  ],
  [
    'IndexedDB store',
    {
      open: () => openIdbStore({ indexedDB: new IDBFactory(), chunkSize: 1_000 }),
      bulk: { leads: 2_000, perLead: 5 },
    },
  ],
];

const noChange: PipelineDelta = { replace: false, putLeads: [], deleteLeadIds: [], putEvents: [] };
/** A value neither structured clone (memory store) nor a Float64Array column (IDB) accepts. */
const broken = <T extends object>(item: T, field: keyof T) =>
  ({ ...item, [field]: Symbol('broken') }) as T;

describe.each(stores)('%s', (_name, { open, bulk: size }) => {
  let store: PipelineStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  it('loads null when nothing was saved for the scope', async () => {
    await expect(store.load(scope())).resolves.toBeNull();
  });

  it('loads a full sync back as exactly the data applySync computed, in id order', async () => {
    const { data, delta } = fullSync();
    await store.save(scope(), data, delta);
    const loaded = await store.load(scope());
    expect(loaded).toStrictEqual(sorted(data));
  });

  it('applies an incremental delta: puts, a lead that left and a deleted lead with their events', async () => {
    const first = fullSync();
    await store.save(scope(), first.data, first.delta);
    const next = nextSync(first.data);
    expect(next.delta.deleteLeadIds).toEqual([2, 4]);
    await store.save(scope(), next.data, next.delta);

    const loaded = await store.load(scope());
    expect(loaded).toStrictEqual(sorted(next.data));
    expect(loaded?.leads.map(l => l.id)).toEqual([1, 3, 9]);
    expect(loaded?.events.map(e => e.id)).toEqual(['e1a', 'e1b', 'e3a', 'e3b', 'e3c', 'e9a']);
    expect(loaded?.users).toBeNull();
  });

  it('drops everything held before on a replacing save', async () => {
    const first = fullSync();
    await store.save(scope(), first.data, first.delta);
    const again = bulk(2, 1);
    await store.save(scope(), again.data, again.delta);
    expect(await store.load(scope())).toStrictEqual(sorted(again.data));
  });

  it('keeps scopes apart: two users of one account, two pipelines, another account', async () => {
    const mine = fullSync(P1);
    const otherPipeline = fullSync(P2);
    await store.save(scope(), mine.data, mine.delta);
    await store.save(scope({ pipelineId: P2 }), otherPipeline.data, otherPipeline.delta);
    await expect(store.load(scope({ userId: 6 }))).resolves.toBeNull();
    await expect(store.load(scope({ accountId: 32 }))).resolves.toBeNull();

    const colleague = bulk(3, 2);
    await store.save(scope({ userId: 6 }), colleague.data, colleague.delta);
    const next = nextSync(mine.data);
    await store.save(scope(), next.data, next.delta);

    expect(await store.load(scope())).toStrictEqual(sorted(next.data));
    expect(await store.load(scope({ userId: 6 }))).toStrictEqual(sorted(colleague.data));
    expect(await store.load(scope({ pipelineId: P2 }))).toStrictEqual(sorted(otherPipeline.data));

    await store.clear(scope({ userId: 6 }));
    await expect(store.load(scope({ userId: 6 }))).resolves.toBeNull();
    expect(await store.load(scope())).toStrictEqual(sorted(next.data));
  });

  it('holds its own copies: mutating what was saved or loaded changes nothing held', async () => {
    const { data, delta } = fullSync();
    const saved = structuredClone({ data, delta });
    await store.save(scope(), saved.data, saved.delta);
    const loaded = await store.load(scope());
    for (const l of [...saved.data.leads, ...saved.delta.putLeads]) {
      Object.assign(l, { name: 'changed' });
    }
    for (const l of loaded?.leads ?? []) Object.assign(l, { name: 'changed too' });
    expect(await store.load(scope())).toStrictEqual(sorted(data));
  });

  it('leaves the previous data intact when a save fails midway', async () => {
    const first = fullSync();
    await store.save(scope(), first.data, first.delta);
    const next = nextSync(first.data);
    const bad = broken(event('e9z', 9, 1), 'createdAt');
    const withBad = { ...next.data, events: [...next.data.events, bad] };
    const badDelta = { ...next.delta, putEvents: [...next.delta.putEvents, bad] };
    await expect(store.save(scope(), withBad, badDelta)).rejects.toMatchObject({
      code: 'WRITE_FAILED',
    });
    expect(await store.load(scope())).toStrictEqual(sorted(first.data));

    // A replacing save whose last lead fails: the deletions and earlier writes roll back too.
    const leads: Lead[] = [...first.data.leads, broken(lead(99), 'price')];
    const replace = { ...noChange, replace: true, putLeads: leads };
    const replacing = { ...first.data, leads, events: [] };
    await expect(store.save(scope(), replacing, replace)).rejects.toBeInstanceOf(CacheError);
    expect(await store.load(scope())).toStrictEqual(sorted(first.data));
  });

  it('rejects a bad scope or data saved under another pipeline, naming the field', async () => {
    const { data, delta } = fullSync();
    await expect(store.load(scope({ userId: -1 }))).rejects.toThrow(
      'scope.userId must be a non-negative integer, got -1',
    );
    await expect(store.save(scope({ pipelineId: P2 }), data, delta)).rejects.toMatchObject({
      code: 'BAD_SCOPE',
      message: expect.stringContaining('data.pipelineId 101 does not match scope.pipelineId 202'),
    });
    await expect(store.load(scope({ pipelineId: P2 }))).resolves.toBeNull();
  });

  it('rejects every call once closed', async () => {
    store.close();
    await expect(store.load(scope())).rejects.toMatchObject({ code: 'CLOSED' });
    const { data, delta } = fullSync();
    await expect(store.save(scope(), data, delta)).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(store.clear(scope())).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it(`round-trips ${size.leads} leads with ${size.perLead} events each, then a delta on top`, async () => {
    const { data, delta } = bulk(size.leads, size.perLead);
    await store.save(scope(), data, delta);
    const loaded = await store.load(scope());
    expect(loaded?.events).toHaveLength(size.leads * size.perLead);
    expectSameData(loaded, data);

    const doomed = [7, size.leads - 3];
    const kept = {
      ...data,
      leads: data.leads.filter(l => !doomed.includes(l.id)),
      events: data.events.filter(e => !doomed.includes(e.leadId)),
    };
    await store.save(scope(), kept, { ...noChange, deleteLeadIds: doomed });
    const after = await store.load(scope());
    expect(after?.leads).toHaveLength(size.leads - 2);
    expect(after?.events).toHaveLength((size.leads - 2) * size.perLead);
    expect(after?.events.some(e => doomed.includes(e.leadId))).toBe(false);
    expectSameData(after, kept);
  }, 60_000);
});
