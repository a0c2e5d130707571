/**
 * The data model over fakes of everything around it: a memory store, the in-thread engine, a
 * scripted amoCRM, recorded timers, a clock we move, and a tab lock and channel that can play
 * another tab. Model timers never run on their own: a test fires them.
 */
import { effect } from '@preact/signals-core';
import { ApiError } from '../../../src/api';
import type { ApiClient, WaitInfo } from '../../../src/api';
import {
  DataModel,
  FRESH_FOR_MS,
  OTHER_TAB_RETRY_MS,
  REFRESH_EVERY_MS,
  funnelInputOf,
} from '../../../src/state/dataModel';
import type { DataStatus } from '../../../src/state/dataModel';
import { createInThreadEngine } from '../../../src/state/engine/engine';
import type { Engine } from '../../../src/state/engine/engine';
import { silentChannel, soloLock } from '../../../src/state/ports';
import type { SyncChannel, TabLock } from '../../../src/state/ports';
import { CacheError, createMemoryStore, scopeKey } from '../../../src/sync';
import type { PipelineData, PipelineStore, SyncProgress } from '../../../src/sync';
import { DEMO_NOW } from '../../support/demo';
import { demoPipelineData, PID, SCOPE } from '../../support/pipelineData';
import {
  channelBus,
  deferred,
  eventually,
  fakeLock,
  recordingTimers,
  scriptedClient,
  seedStore,
  settle,
  spyStore,
} from '../../support/stateFakes';
import type { ClientScript } from '../../support/stateFakes';

const KEY = scopeKey(SCOPE);
/** 300 leads: two pages, so a `hold` stops a sync half way. */
const HELD = demoPipelineData(300);
const NOW_MS = DEMO_NOW * 1000;
/** The cache as an earlier sync left it, `ageMs` before now. */
const cachedAged = (ageMs: number): PipelineData => ({
  ...HELD,
  syncedAt: (NOW_MS - ageMs) / 1000,
});
/** What amoCRM answers now: the demo pipeline with its first deal renamed. */
const served = (): PipelineData => ({
  ...HELD,
  leads: HELD.leads.map((l, i) => (i === 0 ? { ...l, name: 'Renamed', updatedAt: DEMO_NOW } : l)),
});

interface Setup {
  readonly model: DataModel;
  readonly store: ReturnType<typeof spyStore>;
  readonly engine: Engine & { loads: number };
  readonly timers: ReturnType<typeof recordingTimers>;
  readonly time: { now: number };
  readonly clients: ReturnType<typeof scriptedClient>[];
  /** Every status the model went through, in order. */
  readonly statuses: DataStatus[];
  setScript(script: ClientScript): void;
  /** Every call the model's client got. */
  calls(method?: keyof ApiClient): number;
  dispose(): void;
}

const live: Setup[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.dispose();
});

async function setup(
  opts: {
    cached?: PipelineData | null;
    script?: ClientScript;
    lock?: TabLock;
    channel?: SyncChannel;
    readUsers?: boolean;
    store?: PipelineStore;
    /** Replaces some of the scripted client's methods. */
    client?: (onWait: (info: WaitInfo) => void) => Partial<ApiClient>;
  } = {},
): Promise<Setup> {
  const inner = opts.store ?? createMemoryStore();
  if (opts.cached) await seedStore(inner, SCOPE, opts.cached);
  const store = spyStore(inner);
  const inThread = createInThreadEngine();
  const engine = {
    ...inThread,
    loads: 0,
    load: (input: Parameters<Engine['load']>[0]) => {
      engine.loads++;
      return inThread.load(input);
    },
  };
  const timers = recordingTimers();
  const time = { now: NOW_MS };
  let script = opts.script ?? {};
  const clients: ReturnType<typeof scriptedClient>[] = [];
  const model = new DataModel({
    scope: SCOPE,
    store,
    engine,
    createClient: ({ onWait }) => {
      const client = scriptedClient(() => script, onWait);
      clients.push(client);
      return opts.client ? { ...client, ...opts.client(onWait) } : client;
    },
    clock: () => time.now,
    lock: opts.lock ?? soloLock,
    channel: opts.channel ?? silentChannel,
    timers,
    ...(opts.readUsers === undefined ? {} : { readUsers: opts.readUsers }),
  });
  const statuses: DataStatus[] = [];
  const stop = effect(() => {
    statuses.push(model.status.value);
  });
  let disposed = false;
  const s: Setup = {
    model,
    store,
    engine,
    timers,
    time,
    clients,
    statuses,
    setScript: next => {
      script = next;
    },
    calls: method =>
      clients.flatMap(c => c.calls).filter(c => !method || c.method === method).length,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      stop();
      model[Symbol.dispose]();
      inThread.dispose();
    },
  };
  live.push(s);
  return s;
}

/** The kinds a model went through, repeats (progress updates) folded. */
const kinds = (statuses: readonly DataStatus[]) =>
  statuses.map(s => s.kind).filter((k, i, all) => i === 0 || all[i - 1] !== k);

const ready = (s: Setup) => eventually(() => s.model.status.value.kind === 'ready', 'ready');

describe('DataModel: the cache', () => {
  it('shows a cache younger than FRESH_FOR_MS at once and does not sync', async () => {
    const s = await setup({
      cached: cachedAged(FRESH_FOR_MS - 1000),
      script: { serve: { data: served() } },
    });
    await ready(s);
    expect(s.model.data.value?.syncedAt).toBe((NOW_MS - FRESH_FOR_MS + 1000) / 1000);
    expect(s.model.data.value?.leads).toHaveLength(HELD.leads.length);
    expect(s.model.engineVersion.value).toBe(1);
    expect(s.model.pipeline.value?.id).toBe(PID);
    expect(s.model.leadNames.value.get(HELD.leads[0]!.id)).toBe(HELD.leads[0]!.name);
    await settle();
    expect(kinds(s.statuses)).toEqual(['loading', 'ready']);
    expect(s.calls()).toBe(0);
    expect(s.store.saves).toBe(0);
    expect(s.model.error.value).toBeNull();
  });

  it('shows a stale cache first, then syncs in the background and shows the new data', async () => {
    const bus = channelBus();
    const channel = bus.tab();
    const s = await setup({
      cached: cachedAged(FRESH_FOR_MS + 1000),
      script: { serve: { data: served() } },
      channel,
    });
    const shownWhenSyncing: (PipelineData | null)[] = [];
    const stop = effect(() => {
      if (s.model.status.value.kind === 'syncing') shownWhenSyncing.push(s.model.data.peek());
    });
    await eventually(() => s.model.engineVersion.value === 2, 'the synced data');
    stop();
    await ready(s);
    expect(kinds(s.statuses)).toEqual(['loading', 'ready', 'syncing', 'ready']);
    expect(s.statuses.every(st => st.kind !== 'syncing' || !st.first)).toBe(true);
    // The cache was on screen for the whole sync.
    expect(shownWhenSyncing.length).toBeGreaterThan(0);
    expect(shownWhenSyncing.every(d => d?.syncedAt === (NOW_MS - FRESH_FOR_MS - 1000) / 1000)).toBe(
      true,
    );
    expect(s.model.data.value?.syncedAt).toBe(DEMO_NOW);
    expect(s.model.leadNames.value.get(HELD.leads[0]!.id)).toBe('Renamed');
    expect(s.store.saves).toBe(1);
    expect((await s.store.load(SCOPE))?.syncedAt).toBe(DEMO_NOW);
    expect(channel.posted).toEqual([KEY]);
    expect(s.model.error.value).toBeNull();
  });

  it('syncs first when nothing is cached, telling progress, then holds the data', async () => {
    const hold = deferred();
    const s = await setup({ script: { serve: { data: served(), hold: hold.promise } } });
    await eventually(
      () => s.model.status.value.kind === 'syncing' && s.model.status.value.progress?.pages === 1,
      'the first page',
    );
    expect(s.model.status.value).toEqual({
      kind: 'syncing',
      first: true,
      progress: { phase: 'leads', pages: 1, leads: 250, events: 0 },
    });
    expect(s.model.data.value).toBeNull();
    expect(s.model.engineVersion.value).toBe(0);

    hold.resolve();
    await eventually(() => s.model.engineVersion.value === 1, 'the data');
    await ready(s);
    const syncing = s.statuses.filter(st => st.kind === 'syncing');
    expect(syncing.every(st => st.first)).toBe(true);
    const progress = syncing.map(st => st.progress).filter((p): p is SyncProgress => p !== null);
    expect(progress.map(p => p.phase)).toEqual([
      'meta',
      'leads',
      'leads',
      'leads',
      'events',
      'events',
    ]);
    expect(progress.at(-1)).toEqual({
      phase: 'events',
      pages: 3,
      leads: HELD.leads.length,
      events: HELD.events.length,
    });
    expect(s.model.data.value?.leads).toHaveLength(HELD.leads.length);
    expect(s.model.data.value?.syncedAt).toBe(DEMO_NOW);
    expect(s.model.pipeline.value?.name).toBe(HELD.pipelines[0]!.name);
    expect(s.model.error.value).toBeNull();
    expect(s.store.saves).toBe(1);
  });

  it('syncs from scratch when the cache cannot be read', async () => {
    const store = createMemoryStore();
    const broken: PipelineStore = {
      ...store,
      load: () => Promise.reject(new CacheError('READ_FAILED')),
    };
    const s = await setup({ store: broken, script: { serve: { data: served() } } });
    await eventually(() => s.model.engineVersion.value === 1, 'the synced data');
    expect(s.statuses.some(st => st.kind === 'syncing' && st.first)).toBe(true);
    expect(s.model.error.value).toBeNull();
  });

  it('says NOT_FOUND when the cached data no longer has the pipeline', async () => {
    const gone = { ...cachedAged(0), pipelines: [] };
    const s = await setup({ cached: gone });
    await eventually(() => s.model.error.value !== null, 'the error');
    expect(s.model.error.value).toBeInstanceOf(ApiError);
    expect(s.model.error.value?.code).toBe('NOT_FOUND');
    expect(s.model.error.value?.path).toBe(`/api/v4/leads/pipelines/${PID}`);
    expect(s.model.data.value).toBeNull();
    expect(s.engine.loads).toBe(0);
  });

  // BUG (src/state/dataModel.ts, start()): when show() throws on the cached data the status is
  // left at `loading`, so the panel says "loading" under the error until the next periodic sync.
  it.skip('leaves loading when the cached data no longer has the pipeline', async () => {
    const s = await setup({ cached: { ...cachedAged(0), pipelines: [] } });
    await eventually(() => s.model.error.value !== null, 'the error');
    expect(s.model.status.value.kind).not.toBe('loading');
  });
});

describe('DataModel: failures', () => {
  it('keeps the shown data when a sync fails, says why, and writes nothing', async () => {
    const s = await setup({
      cached: cachedAged(FRESH_FOR_MS + 1000),
      script: { fail: new ApiError('FORBIDDEN', { status: 403, path: '/api/v4/leads' }) },
    });
    await eventually(() => s.model.error.value !== null, 'the error');
    const error = s.model.error.value;
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code).toBe('FORBIDDEN');
    expect(error?.path).toBe('/api/v4/leads');
    expect(s.model.status.value).toEqual({ kind: 'ready' });
    expect(s.model.data.value?.syncedAt).toBe((NOW_MS - FRESH_FOR_MS - 1000) / 1000);
    expect(s.model.engineVersion.value).toBe(1);
    expect(s.store.saves).toBe(0);

    // A retry that succeeds clears the error.
    s.setScript({ serve: { data: served() } });
    s.model.refresh();
    await eventually(() => s.model.engineVersion.value === 2, 'the retry');
    expect(s.model.error.value).toBeNull();
    expect(s.model.status.value).toEqual({ kind: 'ready' });
  });

  it('goes back to idle with the error when the first sync fails', async () => {
    // Moved from SyncStatus.test.tsx, which keeps what the panel says about it.
    const s = await setup({ script: { fail: new ApiError('NETWORK') } });
    await eventually(() => s.model.error.value !== null, 'the error');
    expect(s.model.error.value?.code).toBe('NETWORK');
    expect(s.model.status.value).toEqual({ kind: 'idle' });
    expect(s.model.data.value).toBeNull();
    expect(s.store.saves).toBe(0);
  });

  it('says NOT_FOUND when amoCRM no longer has the pipeline, keeping the cache', async () => {
    const s = await setup({
      cached: cachedAged(FRESH_FOR_MS + 1000),
      script: { serve: { data: { ...served(), pipelines: [] } } },
    });
    await eventually(() => s.model.error.value !== null, 'the error');
    expect(s.model.error.value?.code).toBe('NOT_FOUND');
    expect(s.model.error.value?.path).toBe(`/api/v4/leads/pipelines/${PID}`);
    expect(s.model.data.value?.pipelines).toHaveLength(1);
    expect(s.store.saves).toBe(0);
  });

  it('shows a failed cache write as the error and changes nothing held', async () => {
    const bus = channelBus();
    const channel = bus.tab();
    const s = await setup({ cached: cachedAged(0), channel });
    await ready(s);
    const before = s.model.data.value;
    s.store.failSaves = true;
    s.setScript({ serve: { data: served() } });
    s.model.refresh();
    await eventually(() => s.model.error.value !== null, 'the error');
    expect(s.store.saves).toBe(1);
    expect(s.model.error.value).toBeInstanceOf(ApiError);
    expect(s.model.error.value?.cause).toBeInstanceOf(CacheError);
    expect(s.model.status.value).toEqual({ kind: 'ready' });
    expect(s.model.data.value).toBe(before);
    expect(s.model.engineVersion.value).toBe(1);
    expect((await s.store.load(SCOPE))?.syncedAt).toBe(DEMO_NOW);
    expect((await s.store.load(SCOPE))?.leads[0]?.name).toBe(before?.leads[0]?.name);
    expect(channel.posted).toEqual([]);
  });
});

describe('DataModel: refreshing', () => {
  it('refresh() syncs now, and not twice while a sync runs', async () => {
    const s = await setup({ cached: cachedAged(0) });
    await ready(s);
    await settle();
    expect(s.calls()).toBe(0);
    const hold = deferred();
    s.setScript({ serve: { data: served(), hold: hold.promise } });
    s.model.refresh();
    await eventually(() => s.calls('leadPages') === 1, 'the sync');
    s.model.refresh();
    s.model.refresh();
    hold.resolve();
    await eventually(() => s.model.engineVersion.value === 2, 'the synced data');
    await settle();
    expect(s.calls('getAccount')).toBe(1);
    expect(s.store.saves).toBe(1);
    expect(s.model.leadNames.value.get(HELD.leads[0]!.id)).toBe('Renamed');
  });

  it('syncs every REFRESH_EVERY_MS while it lives', async () => {
    const s = await setup({ cached: cachedAged(0) });
    await ready(s);
    expect(s.timers.count(REFRESH_EVERY_MS, 'interval')).toBe(1);
    s.setScript({ serve: { data: served() } });
    for (const round of [1, 2]) {
      s.time.now += REFRESH_EVERY_MS;
      expect(s.timers.fire(REFRESH_EVERY_MS)).toBe(1);
      await eventually(() => s.model.engineVersion.value === 1 + round, `refresh ${round}`);
      expect(s.model.data.value?.syncedAt).toBe(s.time.now / 1000);
    }
    expect(s.store.saves).toBe(2);
    expect(s.timers.count(REFRESH_EVERY_MS, 'interval')).toBe(1);
  });

  it('reads users only when allowed to (readUsers: false skips /users)', async () => {
    const admin = await setup({ script: { serve: { data: served() } } });
    const manager = await setup({ script: { serve: { data: served() } }, readUsers: false });
    await eventually(
      () => admin.model.engineVersion.value === 1 && manager.model.engineVersion.value === 1,
      'both syncs',
    );
    expect(admin.calls('getUsers')).toBe(1);
    expect(admin.model.data.value?.users).toHaveLength(HELD.users!.length);
    expect(manager.calls('getUsers')).toBe(0);
    expect(manager.model.data.value?.users).toBeNull();
  });
});

describe('DataModel: waits', () => {
  const info: WaitInfo = { reason: 'rate_limited', seconds: 12, attempt: 1 };

  it('reflects the client’s wait with the moment it ends', async () => {
    const s = await setup({ script: { wait: info } });
    await eventually(() => s.model.wait.value !== null, 'the wait');
    expect(s.model.wait.value).toEqual({ ...info, until: NOW_MS + 12_000 });
    expect(s.model.status.value).toMatchObject({ kind: 'syncing', first: true });
  });

  it('clears the wait once the sync moves on', async () => {
    const gate = deferred();
    const hold = deferred();
    const s = await setup({
      script: { serve: { data: served(), hold: hold.promise } },
      client: onWait => ({
        getPipelines: async () => {
          onWait(info);
          await gate.promise;
          return [...HELD.pipelines];
        },
      }),
    });
    await eventually(() => s.model.wait.value !== null, 'the wait');
    gate.resolve();
    await eventually(() => s.model.wait.value === null, 'progress');
    expect(s.model.status.value.kind).toBe('syncing');
    hold.resolve();
    await ready(s);
    expect(s.model.wait.value).toBeNull();
  });

  it('clears the wait when the sync fails after it', async () => {
    const gate = deferred();
    const s = await setup({
      client: onWait => ({
        getAccount: async () => {
          onWait({ ...info, attempt: 3 });
          await gate.promise;
          throw new ApiError('RATE_LIMITED', { status: 429 });
        },
      }),
    });
    await eventually(() => s.model.wait.value !== null, 'the wait');
    expect(s.model.wait.value?.attempt).toBe(3);
    gate.resolve();
    await eventually(() => s.model.error.value !== null, 'the failure');
    expect(s.model.error.value?.code).toBe('RATE_LIMITED');
    expect(s.model.wait.value).toBeNull();
  });
});

describe('DataModel: another tab', () => {
  it('waits while another tab holds the sync lock and retries after OTHER_TAB_RETRY_MS', async () => {
    const lock = fakeLock();
    const release = lock.hold();
    const s = await setup({ lock, script: { serve: { data: served() } } });
    await eventually(() => s.model.status.value.kind === 'other-tab', 'other-tab');
    expect(lock.asked).toEqual([{ name: `funnel-lens-sync:${KEY}`, ran: false }]);
    expect(s.calls()).toBe(0);
    expect(s.timers.count(OTHER_TAB_RETRY_MS, 'timeout')).toBe(1);

    // Still held: it keeps waiting.
    expect(s.timers.fire(OTHER_TAB_RETRY_MS)).toBe(1);
    await eventually(() => lock.asked.length === 2, 'the retry');
    await settle();
    expect(s.model.status.value.kind).toBe('other-tab');
    expect(s.timers.count(OTHER_TAB_RETRY_MS, 'timeout')).toBe(1);

    release();
    s.timers.fire(OTHER_TAB_RETRY_MS);
    await eventually(() => s.model.engineVersion.value === 1, 'the sync');
    expect(s.model.status.value).toEqual({ kind: 'ready' });
    expect(s.timers.count(OTHER_TAB_RETRY_MS)).toBe(0);
    expect(s.store.saves).toBe(1);
  });

  it('shows what the other tab synced when it says so, and stops retrying', async () => {
    const store = createMemoryStore();
    const lock = fakeLock();
    const bus = channelBus();
    const otherTab = bus.tab();
    lock.hold();
    const s = await setup({ store, lock, channel: bus.tab() });
    await eventually(() => s.model.status.value.kind === 'other-tab', 'other-tab');
    const loads = s.store.loads;

    otherTab.post('1:2:3');
    await settle();
    expect(s.store.loads).toBe(loads);

    await seedStore(store, SCOPE, served());
    otherTab.post(KEY);
    await eventually(() => s.model.engineVersion.value === 1, 'the other tab’s data');
    await ready(s);
    expect(s.model.leadNames.value.get(HELD.leads[0]!.id)).toBe('Renamed');
    expect(s.timers.count(OTHER_TAB_RETRY_MS)).toBe(0);
    expect(s.calls()).toBe(0);
    expect(s.model.error.value).toBeNull();
  });

  // BUG (src/state/dataModel.ts, the channel listener): when reading the other tab's cache fails
  // (here: the pipeline is gone from it) the rejection is unhandled, the retry is already
  // cleared and the status stays `other-tab` with no error until the periodic refresh.
  it.skip('says why when the other tab’s cache cannot be shown', async () => {
    const store = createMemoryStore();
    const lock = fakeLock();
    const bus = channelBus();
    const otherTab = bus.tab();
    lock.hold();
    const s = await setup({ store, lock, channel: bus.tab() });
    await eventually(() => s.model.status.value.kind === 'other-tab', 'other-tab');
    await seedStore(store, SCOPE, { ...served(), pipelines: [] });
    otherTab.post(KEY);
    await eventually(() => s.model.error.value !== null, 'the error');
    expect(s.model.error.value?.code).toBe('NOT_FOUND');
    expect(s.model.status.value.kind).not.toBe('other-tab');
  });

  it('two tabs: one syncs, the other waits for it and reads its cache', async () => {
    const store = createMemoryStore();
    const lock = fakeLock();
    const bus = channelBus();
    const hold = deferred();
    const a = await setup({
      store,
      lock,
      channel: bus.tab(),
      script: { serve: { data: served(), hold: hold.promise } },
    });
    await eventually(() => a.calls('leadPages') === 1, 'tab A syncing');
    const b = await setup({
      store,
      lock,
      channel: bus.tab(),
      script: { serve: { data: served() } },
    });
    await eventually(() => b.model.status.value.kind === 'other-tab', 'tab B waiting');
    hold.resolve();
    await eventually(() => b.model.engineVersion.value === 1, 'tab B showing A’s sync');
    await ready(b);
    expect(b.calls()).toBe(0);
    expect(b.model.data.value?.syncedAt).toBe(a.model.data.value?.syncedAt);
    expect(b.model.data.value?.leads).toHaveLength(HELD.leads.length);
    expect(b.timers.count(OTHER_TAB_RETRY_MS)).toBe(0);
  });
});

describe('DataModel: dispose', () => {
  it('aborts the running sync, clears its timers, leaves the channel and ignores a late answer', async () => {
    const bus = channelBus();
    const hold = deferred();
    const s = await setup({
      channel: bus.tab(),
      script: { serve: { data: served(), hold: hold.promise } },
    });
    await eventually(() => s.calls('leadPages') === 1, 'the sync');
    expect(bus.listeners()).toBe(1);
    expect(s.timers.live.size).toBe(1);
    const signals = s.clients.flatMap(c => c.calls.map(call => call.signal));
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.some(sig => sig?.aborted)).toBe(false);
    const status = s.model.status.value;

    s.dispose();
    expect(signals.every(sig => sig?.aborted)).toBe(true);
    expect(s.timers.live.size).toBe(0);
    expect(bus.listeners()).toBe(0);

    // This client ignores the abort, so the sync runs to its end: the result is dropped.
    hold.resolve();
    await settle(20);
    expect(s.model.data.value).toBeNull();
    expect(s.model.error.value).toBeNull();
    expect(s.model.engineVersion.value).toBe(0);
    expect(s.model.status.value.kind).toBe(status.kind);
  });

  // BUG (src/state/dataModel.ts, sync()): onProgress does not check the abort, so pages that
  // still arrive after dispose keep rewriting `status` (and clearing `wait`) on a disposed model.
  it.skip('reports no progress from a sync that outlives dispose', async () => {
    const hold = deferred();
    const s = await setup({ script: { serve: { data: served(), hold: hold.promise } } });
    await eventually(() => s.calls('leadPages') === 1, 'the sync');
    const status = s.model.status.value;
    s.dispose();
    hold.resolve();
    await settle(20);
    expect(s.model.status.value).toBe(status);
  });

  it('clears a pending other-tab retry', async () => {
    const lock = fakeLock();
    lock.hold();
    const s = await setup({ lock });
    await eventually(() => s.model.status.value.kind === 'other-tab', 'other-tab');
    expect(s.timers.live.size).toBe(2);
    s.dispose();
    expect(s.timers.live.size).toBe(0);
  });

  it('does not show a cache that finishes loading after dispose', async () => {
    const s = await setup({ cached: cachedAged(0) });
    s.dispose();
    await settle(20);
    expect(s.model.data.value).toBeNull();
    expect(s.model.engineVersion.value).toBe(0);
    expect(s.model.status.value).toEqual({ kind: 'loading' });
  });
});

describe('DataModel: its surface', () => {
  it('exposes read-only signals: only its actions change it', async () => {
    const s = await setup({ cached: cachedAged(0) });
    await ready(s);
    const { data, status, error, wait, engineVersion, pipeline, leadNames } = s.model;
    for (const [name, sig, value] of [
      ['data', data, null],
      ['status', status, { kind: 'idle' }],
      ['error', error, new ApiError('NETWORK')],
      ['wait', wait, { reason: 'network', seconds: 1, attempt: 1, until: 0 }],
      ['engineVersion', engineVersion, 7],
      ['pipeline', pipeline, null],
      ['leadNames', leadNames, new Map()],
    ] as const) {
      expect(() => {
        (sig as { value: unknown }).value = value;
      }).toThrow();
      expect([name, sig.value]).not.toEqual([name, value]);
    }
  });

  it('funnelInputOf gives the engine the held pipeline, or null once it is gone', () => {
    const input = funnelInputOf(HELD);
    expect(input?.pipeline.id).toBe(PID);
    expect(input?.leads).toBe(HELD.leads);
    expect(input?.events).toBe(HELD.events);
    expect(input?.lossReasons).toBe(HELD.lossReasons);
    expect(funnelInputOf({ ...HELD, pipelines: [] })).toBeNull();
  });
});
