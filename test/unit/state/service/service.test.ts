/**
 * The data service as it runs: the real cache contract (memory store), keeper and model, over the
 * sandbox's API emulator in-process, with timers the test fires, a clock it moves, and a tab lock
 * and channel that can play another tab. The numbers are checked against the whole demo account
 * (`buildReport`), under "history from" while only the window is held.
 */
import { ApiError } from '../../../../src/api';
import type { WaitInfo } from '../../../../src/api';
import { buildModel, LOST_STATUS_ID, WON_STATUS_ID } from '../../../../src/core';
import type { Period, ReportOptions } from '../../../../src/core';
import { EngineError } from '../../../../src/state/engine/errors';
import type { SyncChannel, TabLock } from '../../../../src/state/ports';
import { journeyView } from '../../../../src/state/service/model';
import {
  BACKFILL_MODEL_EVERY_MS,
  createDataService,
  OTHER_TAB_RETRY_MS,
  REFRESH_EVERY_MS,
  WINDOW_SHOWN_WAIT_MS,
} from '../../../../src/state/service/service';
import type {
  DataService,
  ServiceConfig,
  ServiceStatus,
} from '../../../../src/state/service/types';
import { CacheError, createMemoryStore, FRESH_FOR_S, scopeKey } from '../../../../src/sync';
import type { ScopeStore } from '../../../../src/sync';
import { META_FRESH_FOR_S } from '../../../../src/sync/load/meta';
import { PIPELINE_IDS } from '../../../../sandbox/demo';
import type { RunningSandbox } from '../../../../sandbox/server';
import {
  channelBus,
  connection,
  deferred,
  fakeLock,
  fillCache,
  recordingTimers,
  settle,
} from '../../../support/stateFakes';
import type { ClientScript, scriptedClient } from '../../../support/stateFakes';
import {
  account,
  CONFIG,
  DAY,
  emulatorClient,
  KEY,
  MAIN,
  NOW,
  OPTS,
  PERIOD,
  plain,
  portsOver,
  SCOPE,
  startEmulator,
  truth,
  whole,
  WINDOW_FROM,
  ZONE,
} from './world';
import { visitsIn } from '../../../support/visits';

jest.setTimeout(60_000);

const YEAR: ReportOptions = {
  ...OPTS,
  from: NOW - 365 * DAY,
  trend: { granularity: 'month', timeZone: ZONE },
};
/** More pages, so the backfill takes a few steps (three at this size). */
const SMALL_PAGES: ClientScript = { pageLimit: 25 };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startEmulator();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.ctx.reset());
const requests = () => sandbox.ctx.stats.snapshot().requests.total;
const apiClient = () => emulatorClient(sandbox);

interface Opened {
  readonly service: DataService;
  readonly timers: ReturnType<typeof recordingTimers>;
  readonly time: { now: number };
  /** Every status heard, in order. */
  readonly statuses: ServiceStatus[];
  readonly client: () => ReturnType<typeof scriptedClient>;
  setScript(script: ClientScript): void;
  last(): ServiceStatus;
  /** Runs the loop's zero-delay yields (amoCRM answers meanwhile) until `done` holds. */
  until(done: (s: ServiceStatus) => boolean, what: string): Promise<void>;
  /** Waits until the loop has finished a step and yields before the next; fires nothing. */
  stepped(): Promise<void>;
}

const live: DataService[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.dispose();
});

function open(
  opts: {
    cache?: ScopeStore | Promise<ScopeStore>;
    lock?: TabLock;
    channel?: SyncChannel;
    config?: Partial<ServiceConfig>;
    script?: ClientScript;
    time?: { now: number };
  } = {},
): Opened {
  const timers = recordingTimers();
  const time = opts.time ?? { now: NOW * 1000 };
  let script = opts.script ?? {};
  let client: ReturnType<typeof scriptedClient> | null = null;
  const service = createDataService(
    { ...CONFIG, ...opts.config },
    portsOver(sandbox, {
      cache: opts.cache ?? createMemoryStore(),
      timers,
      time,
      lock: opts.lock,
      channel: opts.channel,
      script: () => script,
      onClient: c => {
        client = c;
      },
    }),
  );
  live.push(service);
  const statuses: ServiceStatus[] = [];
  service.subscribe(s => statuses.push(s));
  const last = () => statuses.at(-1)!;
  const wait = async (done: () => boolean, what: string, fire: boolean) => {
    const deadline = Date.now() + 30_000;
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last())}`);
      if (fire) {
        timers.fire(0);
        // No page asks for the window's numbers here: the backfill goes on after its wait.
        timers.fire(WINDOW_SHOWN_WAIT_MS);
      }
      await new Promise(resolve => setTimeout(resolve, 1));
    }
  };
  return {
    service,
    timers,
    time,
    statuses,
    client: () => {
      if (!client) throw new Error('no client made');
      return client;
    },
    setScript: next => {
      script = next;
    },
    last,
    until: (done, what) => wait(() => done(last()), what, true),
    // A step ends in a pause before the next: zero, or after the window its wait for the page.
    stepped: () =>
      wait(
        () => timers.count(0, 'timeout') + timers.count(WINDOW_SHOWN_WAIT_MS, 'timeout') > 0,
        'a step',
        false,
      ),
  };
}

const complete = (s: ServiceStatus) => s.phase === 'complete' && s.activity.kind === 'idle';
const idle = (s: ServiceStatus) => s.activity.kind === 'idle';

/** Truth for `partial`: the period's deals of the pipeline and where each is now. */
function partialTruth(period: Period) {
  const deals = truth.leads.filter(
    l =>
      l.pipelineId === MAIN &&
      !l.isDeleted &&
      l.createdAt >= period.from &&
      l.createdAt < period.to,
  );
  const atStage: Record<string, number> = {};
  for (const l of deals)
    if (l.statusId !== WON_STATUS_ID && l.statusId !== LOST_STATUS_ID)
      atStage[String(l.statusId)] = (atStage[String(l.statusId)] ?? 0) + 1;
  const won = deals.filter(l => l.statusId === WON_STATUS_ID).length;
  const lost = deals.filter(l => l.statusId === LOST_STATUS_ID).length;
  return { period, deals: deals.length, won, lost, open: deals.length - won - lost, atStage };
}

describe('createDataService: the first load', () => {
  it('goes opening → syncing the window → the window’s numbers → backfill → complete', async () => {
    const s = open();
    await s.until(complete, 'the whole history');
    expect(s.statuses[0]).toEqual({
      phase: 'none',
      activity: { kind: 'opening' },
      heldFrom: null,
      target: null,
      syncedAt: null,
      pipelines: [],
      error: null,
      retryAt: null,
      wait: null,
      version: 0,
    });
    const firstSync = s.statuses.find(x => x.activity.kind === 'syncing');
    expect(firstSync?.activity).toMatchObject({ kind: 'syncing', stage: 'window', heldFrom: null });
    expect(firstSync?.version).toBe(0);

    const v1 = s.statuses.findIndex(x => x.version === 1);
    expect(s.statuses[v1]).toMatchObject({
      phase: 'window',
      heldFrom: WINDOW_FROM,
      target: null,
      syncedAt: NOW,
      error: null,
    });
    expect(s.statuses[v1]!.pipelines.map(p => p.id)).toEqual(
      expect.arrayContaining([MAIN, PIPELINE_IDS.repeat]),
    );
    // The backfill starts only once the window's numbers are out, and moves the history back.
    const backfill = s.statuses.filter(
      x => x.activity.kind === 'syncing' && x.activity.stage === 'backfill',
    );
    expect(backfill.length).toBeGreaterThan(0);
    expect(
      s.statuses.findIndex(x => x.activity.kind === 'syncing' && x.activity.stage === 'backfill'),
    ).toBeGreaterThan(v1);
    const held = backfill.map(x => (x.activity.kind === 'syncing' ? x.activity.heldFrom : -1));
    const dated = held.filter((h): h is number => h !== null);
    expect(dated[0]).toBe(WINDOW_FROM);
    for (let i = 1; i < dated.length; i++) expect(dated[i]).toBeLessThanOrEqual(dated[i - 1]!);

    expect(s.last()).toMatchObject({
      phase: 'complete',
      activity: { kind: 'idle' },
      heldFrom: null,
      target: null,
      syncedAt: NOW,
      error: null,
      wait: null,
      version: 2,
    });
    const versions = s.statuses.map(x => x.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect([...new Set(versions)]).toEqual([0, 1, 2]);
  });

  it('holds history back to the horizon when one is set', async () => {
    const s = open({ config: { horizonDays: 180 } });
    await s.until(complete, 'the history to the horizon');
    expect(s.last()).toMatchObject({ heldFrom: NOW - 180 * DAY, target: NOW - 180 * DAY });
    expect(plain((await s.service.report(YEAR)).report)).toEqual(whole(YEAR, NOW - 180 * DAY));
  });

  it('answers NO_DATA before the numbers, then the window’s report, then the whole history’s', async () => {
    const s = open();
    await expect(s.service.report(OPTS)).rejects.toMatchObject({ code: 'NO_DATA' });
    await expect(s.service.journey(1, NOW, {})).rejects.toBeInstanceOf(EngineError);
    await s.stepped();
    expect(s.last()).toMatchObject({ version: 1, phase: 'window' });
    const early = await s.service.report(OPTS);
    expect(plain(early.report)).toEqual(whole(OPTS, WINDOW_FROM));
    expect(early.report.options.historyFrom).toBe(WINDOW_FROM);

    await s.until(complete, 'the whole history');
    const done = await s.service.report(OPTS);
    expect(plain(done.report)).toEqual(whole(OPTS));
    expect(plain((await s.service.report(YEAR)).report)).toEqual(whole(YEAR));
    // The names of the deals it lists, and only those.
    const listed = [...(done.report.openDeals ?? []), ...done.report.stuck].map(d => d.leadId);
    expect(listed.length).toBeGreaterThan(0);
    const names = new Map(truth.leads.map(l => [l.id, l.name]));
    expect(done.leadNames).toEqual(
      Object.fromEntries(listed.map(id => [String(id), names.get(id)])),
    );
  });

  it('starts the backfill once the page drew the window’s numbers, or after a wait', async () => {
    const s = open();
    await s.stepped();
    expect(s.last()).toMatchObject({ version: 1, phase: 'window' });
    // The window is in; nothing else is asked of amoCRM until the page has drawn its numbers.
    const atWindow = requests();
    expect(s.timers.count(WINDOW_SHOWN_WAIT_MS, 'timeout')).toBe(1);
    await settle();
    expect(requests()).toBe(atWindow);
    // Asking is not drawing: the answer still has to reach the screen.
    await s.service.report(OPTS);
    expect(s.timers.count(0, 'timeout')).toBe(0);
    s.service.shown();
    expect(s.timers.fire(0)).toBeGreaterThan(0);
    expect(s.timers.count(WINDOW_SHOWN_WAIT_MS, 'timeout')).toBe(0);
    await s.stepped();
    expect(requests()).toBeGreaterThan(atWindow);

    // Without a page asking, the backfill starts after the wait.
    const t = open();
    await t.stepped();
    const quiet = requests();
    expect(t.timers.fire(WINDOW_SHOWN_WAIT_MS)).toBe(1);
    await t.stepped();
    expect(requests()).toBeGreaterThan(quiet);
  });

  it('answers a deal’s journey as the whole history gives it', async () => {
    const s = open();
    await s.until(complete, 'the whole history');
    const lead = truth.leads.find(l => l.pipelineId === MAIN && !l.isDeleted && l.closedAt)!;
    const stuck = { stuckDaysByStage: { [String(truth.pipeline.statuses[1]!.id)]: 2 } };
    const view = await s.service.journey(lead.id, NOW, stuck);
    expect(view.journey).not.toBeNull();
    const whole = buildModel(truth);
    expect(plain(view)).toEqual(
      plain(journeyView(whole, lead.id, NOW, stuck, visitsIn(truth, whole, lead.id))),
    );
    expect((await s.service.journey(999_999_999, NOW, stuck)).journey).toBeNull();
  });

  it('rebuilds the model at most every BACKFILL_MODEL_EVERY_MS while backfilling, and at its end', async () => {
    const s = open({ script: SMALL_PAGES });
    await s.stepped();
    expect(s.last()).toMatchObject({ version: 1, phase: 'window' });
    // Steps alternate: one with the clock still, one after BACKFILL_MODEL_EVERY_MS.
    const seen: { moved: boolean; before: number; after: number; phase: string }[] = [];
    for (let step = 0; s.last().phase !== 'complete'; step++) {
      const moved = step % 2 === 1;
      if (moved) s.time.now += BACKFILL_MODEL_EVERY_MS;
      const before = s.last().version;
      s.timers.fire(0);
      s.timers.fire(WINDOW_SHOWN_WAIT_MS);
      await s.stepped();
      const now = s.last();
      seen.push({ moved, before, after: now.version, phase: now.phase });
      // A rebuild mid-backfill gives exactly the numbers of the history held so far.
      if (now.phase === 'window' && now.version > before) {
        expect(now.heldFrom!).toBeLessThan(WINDOW_FROM);
        const view = await s.service.report(YEAR);
        expect(view.report.options.historyFrom).toBe(now.heldFrom);
        expect(plain(view.report)).toEqual(whole(YEAR, now.heldFrom));
      }
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ phase: 'complete', after: last.before + 1 });
    const backfilling = seen.slice(0, -1);
    expect(backfilling.some(step => step.moved)).toBe(true);
    expect(backfilling.some(step => !step.moved)).toBe(true);
    for (const step of backfilling) {
      expect(step.phase).toBe('window');
      expect(step.after - step.before).toBe(step.moved ? 1 : 0);
    }
  });

  it('ends at the whole history’s numbers after a backfill of many steps', async () => {
    const s = open({ script: SMALL_PAGES });
    await s.until(complete, 'the whole history');
    expect(plain((await s.service.report(YEAR)).report)).toEqual(whole(YEAR));
  });

  it('counts the window’s deals from its leads while their status changes still load', async () => {
    const gate = deferred();
    const s = open({ script: { hold: { methods: ['eventPages'], until: gate.promise } } });
    await s.until(() => s.client().parked() > 0, 'the window’s status changes');
    expect(s.last()).toMatchObject({ version: 0, activity: { kind: 'syncing', stage: 'window' } });
    const counts = await s.service.partial(PERIOD);
    expect(counts).toEqual(partialTruth(PERIOD));
    expect(counts!.deals).toBeGreaterThan(0);
    expect(counts!.open).toBeGreaterThan(0);
    s.setScript({});
    gate.resolve();
    await s.until(complete, 'the whole history');
    expect(await s.service.partial(PERIOD)).toEqual(partialTruth(PERIOD));
  });

  it('says it is syncing from the first request of a load, the account’s own', async () => {
    const gate = deferred();
    const s = open({ script: { hold: { methods: ['getAccount'], until: gate.promise } } });
    await s.until(() => s.client().parked() > 0, 'the account request');
    // Before any list page: a first load is under way, not idle.
    expect(s.last()).toMatchObject({
      version: 0,
      activity: { kind: 'syncing', stage: 'window', fraction: null, requests: 0 },
    });
    s.setScript({});
    gate.resolve();
    await s.until(complete, 'the whole history');
  });

  it('has no partial counts before the cache opens', async () => {
    const s = open({ cache: new Promise<ScopeStore>(() => undefined) });
    expect(await s.service.partial(PERIOD)).toBeNull();
    expect(s.last().activity).toEqual({ kind: 'opening' });
  });

  it('shows the wait the client reports, until when', async () => {
    const wait: WaitInfo = {
      reason: 'rate_limited',
      seconds: 5,
      attempt: 1,
      until: 0,
      budgetLeftSeconds: 595,
    };
    const s = open({ script: { wait } });
    await s.until(x => x.wait !== null, 'the wait');
    expect(s.last().wait).toEqual({ ...wait, until: NOW * 1000 + 5000 });
  });
});

describe('createDataService: later syncs', () => {
  it('refresh() syncs what changed now, though the copy is fresh', async () => {
    const s = open();
    await s.until(complete, 'the whole history');
    const before = requests();
    const version = s.last().version;
    s.time.now += 60_000;
    s.timers.fire(0);
    await settle();
    expect(requests()).toBe(before);
    const heard = s.statuses.length;
    s.service.refresh();
    await s.until(x => x.syncedAt === NOW + 60 && idle(x), 'the refresh');
    // Nothing changed: an incremental sync is two requests.
    expect(requests() - before).toBe(2);
    expect(
      s.statuses
        .slice(heard)
        .some(x => x.activity.kind === 'syncing' && x.activity.stage === 'refresh'),
    ).toBe(true);
    expect(s.last().version).toBe(version + 1);
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('refresh() during a load starts no second sync beside it', async () => {
    const gate = deferred();
    const lock = fakeLock();
    const s = open({ lock, script: { hold: { methods: ['eventPages'], until: gate.promise } } });
    await s.until(() => s.client().parked() > 0, 'the window load');
    s.service.refresh();
    s.service.refresh();
    s.setScript({});
    gate.resolve();
    await s.until(complete, 'the whole history');
    await settle();
    expect(s.statuses.some(x => x.activity.kind === 'other-tab')).toBe(false);
    expect(lock.asked.every(a => a.ran)).toBe(true);
    expect(s.last().version).toBe(2);
  });

  it('steps again every REFRESH_EVERY_MS', async () => {
    const s = open();
    await s.until(complete, 'the whole history');
    expect(s.timers.count(REFRESH_EVERY_MS, 'interval')).toBe(1);
    const before = requests();
    s.time.now += REFRESH_EVERY_MS;
    expect(s.timers.fire(REFRESH_EVERY_MS)).toBe(1);
    await s.until(x => x.syncedAt === NOW + REFRESH_EVERY_MS / 1000 && idle(x), 'the refresh');
    expect(requests() - before).toBe(2);
    // Still fresh: the next tick asks nothing.
    const after = requests();
    s.time.now += (FRESH_FOR_S - 1) * 1000;
    s.timers.fire(REFRESH_EVERY_MS);
    await settle();
    s.timers.fire(0);
    await settle();
    expect(requests()).toBe(after);
    expect(s.timers.count(REFRESH_EVERY_MS, 'interval')).toBe(1);
  });
});

describe('createDataService: tabs', () => {
  it('waits while another tab holds the lock, trying again every OTHER_TAB_RETRY_MS', async () => {
    const lock = fakeLock();
    const release = lock.hold();
    const s = open({ lock });
    await s.until(x => x.activity.kind === 'other-tab', 'the other tab');
    expect(lock.asked).toEqual([{ name: `funnel-lens-sync:${KEY}`, ran: false }]);
    expect(s.timers.count(OTHER_TAB_RETRY_MS, 'timeout')).toBe(1);
    expect(requests()).toBe(0);

    // Still held: it waits again, with one retry pending however it was woken.
    expect(s.timers.fire(OTHER_TAB_RETRY_MS)).toBe(1);
    await settle();
    expect(s.last().activity).toEqual({ kind: 'other-tab' });
    s.service.refresh();
    await settle();
    s.timers.fire(REFRESH_EVERY_MS);
    await settle();
    expect(s.timers.count(OTHER_TAB_RETRY_MS, 'timeout')).toBe(1);
    expect(requests()).toBe(0);

    // Free again: whatever wakes it first syncs, and the retry goes.
    release();
    s.service.refresh();
    await s.until(complete, 'its own sync');
    expect(s.timers.count(OTHER_TAB_RETRY_MS)).toBe(0);
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('reads what another tab saved when it says so, and publishes those numbers', async () => {
    const shared = createMemoryStore();
    const lock = fakeLock();
    const bus = channelBus();
    const other = bus.tab();
    lock.hold();
    const s = open({ cache: connection(shared), lock, channel: bus.tab() });
    await s.until(x => x.activity.kind === 'other-tab', 'the other tab');
    await fillCache(connection(shared), SCOPE, apiClient(), NOW);
    const heard = s.statuses.length;
    other.post(scopeKey({ ...SCOPE, pipelineId: PIPELINE_IDS.repeat }));
    await settle();
    expect(s.statuses.length).toBe(heard);

    other.post(KEY);
    await s.until(x => x.version === 1, 'the other tab’s numbers');
    await settle();
    expect(s.last()).toMatchObject({
      phase: 'complete',
      heldFrom: null,
      syncedAt: NOW,
      activity: { kind: 'idle' },
    });
    expect(s.timers.count(OTHER_TAB_RETRY_MS)).toBe(0);
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('tells other tabs of each step it saved, under the scope’s key', async () => {
    const bus = channelBus();
    const mine = bus.tab();
    const s = open({ channel: mine });
    await s.until(complete, 'the whole history');
    expect(mine.posted).toEqual([KEY, KEY]);
  });

  it('survives a broadcast whose reload fails: no unhandled rejection, no tab left waiting', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const shared = createMemoryStore();
      const lock = fakeLock();
      const bus = channelBus();
      const release = lock.hold();
      const cache = connection(shared);
      const s = open({ cache, lock, channel: bus.tab() });
      await s.until(x => x.activity.kind === 'other-tab', 'the other tab');
      cache.failLoads = new CacheError('READ_FAILED', 'broken copy');
      bus.tab().post(KEY);
      await settle(10);
      expect(unhandled).toEqual([]);
      expect(s.last().activity.kind).not.toBe('other-tab');
      expect(s.last().error).toMatchObject({ code: 'CACHE' });
      // It tries again by itself, and syncs once the other tab is gone.
      expect(s.timers.count(OTHER_TAB_RETRY_MS, 'timeout')).toBe(1);
      cache.failLoads = null;
      release();
      s.timers.fire(OTHER_TAB_RETRY_MS);
      await s.until(complete, 'its own sync');
      expect(s.last().error).toBeNull();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('createDataService: failures', () => {
  it('an API failure sets the error with its code and keeps the numbers', async () => {
    const s = open();
    await s.until(complete, 'the whole history');
    const version = s.last().version;
    sandbox.ctx.faults.set({ serverErrors: { status: 500, count: 100 } });
    const heard = s.statuses.length;
    s.service.refresh();
    await s.until(x => x.error !== null && idle(x), 'the failure');
    expect(s.last().error).toMatchObject({ code: 'SERVER', status: 500 });
    expect(s.last().error!.path).toMatch(/^\/api\/v4\//);
    expect(s.last()).toMatchObject({ version, phase: 'complete', wait: null });
    // The client's retries were shown while they waited.
    expect(s.statuses.slice(heard).some(x => x.wait?.reason === 'server_error')).toBe(true);
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));

    sandbox.ctx.faults.set({});
    s.service.refresh();
    await s.until(x => x.error === null && idle(x), 'a sync that works');
    expect(s.last().version).toBe(version + 1);
  });

  it('a refused session: error UNAUTHORIZED, no numbers, idle', async () => {
    const s = open({ script: { fail: new ApiError('UNAUTHORIZED', { status: 401 }) } });
    await s.until(x => x.error !== null, 'the failure');
    expect(s.last()).toMatchObject({
      error: { code: 'UNAUTHORIZED', status: 401 },
      activity: { kind: 'idle' },
      phase: 'none',
      version: 0,
    });
    await expect(s.service.report(OPTS)).rejects.toMatchObject({ code: 'NO_DATA' });
  });

  it('a pipeline that is not in the account ends in PIPELINE_GONE', async () => {
    const s = open({ config: { scope: { ...SCOPE, pipelineId: 999_999 } } });
    await s.until(x => x.error !== null, 'the failure');
    expect(s.last()).toMatchObject({
      error: { code: 'PIPELINE_GONE' },
      activity: { kind: 'idle' },
      version: 0,
    });
  });

  it('a pipeline deleted since the last sync ends in PIPELINE_GONE, keeping the numbers', async () => {
    const s = open();
    await s.until(complete, 'the whole history');
    const version = s.last().version;
    sandbox.ctx.account = {
      ...account,
      pipelines: account.pipelines.filter(p => p.id !== MAIN),
    };
    // The pipelines are read again once the meta is old.
    s.time.now += META_FRESH_FOR_S * 1000;
    s.service.refresh();
    await s.until(x => x.error !== null && idle(x), 'the failure');
    expect(s.last()).toMatchObject({ error: { code: 'PIPELINE_GONE' }, version });
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('a cached copy that no longer holds the pipeline ends in an error, idle', async () => {
    const store = createMemoryStore();
    await fillCache(store, SCOPE, apiClient(), NOW);
    const held = (await store.load(SCOPE))!;
    await store.save(SCOPE, {
      meta: { ...held.meta, pipelines: held.meta.pipelines.filter(p => p.id !== MAIN) },
      cores: new Map(),
      events: new Map(),
      replace: false,
    });
    sandbox.ctx.stats.reset();
    const s = open({ cache: store });
    await s.until(x => x.error !== null, 'the failure');
    await settle();
    expect(s.last()).toMatchObject({
      error: { code: 'PIPELINE_GONE' },
      activity: { kind: 'idle' },
      version: 0,
    });
    await expect(s.service.report(OPTS)).rejects.toMatchObject({ code: 'NO_DATA' });
    expect(requests()).toBe(0);
  });
});

describe('createDataService: dispose', () => {
  it('stops everything: no timers, questions refused, no status after', async () => {
    const bus = channelBus();
    const cache = connection(createMemoryStore());
    const s = open({ cache, channel: bus.tab() });
    await s.until(complete, 'the whole history');
    expect(bus.listeners()).toBe(1);
    s.service.dispose();
    expect(s.timers.live.size).toBe(0);
    expect(bus.listeners()).toBe(0);
    await settle();
    expect(cache.closed()).toBe(true);
    const heard = s.statuses.length;
    await expect(s.service.report(OPTS)).rejects.toMatchObject({ code: 'DISPOSED' });
    await expect(s.service.journey(1, NOW, {})).rejects.toMatchObject({ code: 'DISPOSED' });
    await expect(s.service.partial(PERIOD)).rejects.toMatchObject({ code: 'DISPOSED' });
    const before = requests();
    s.service.refresh();
    bus.tab().post(KEY);
    await settle();
    expect(requests()).toBe(before);
    expect(s.statuses.length).toBe(heard);
  });

  it('leaves no timer when disposed between two steps', async () => {
    const s = open();
    await s.stepped();
    const heard = s.statuses.length;
    s.service.dispose();
    expect(s.timers.live.size).toBe(0);
    await settle();
    expect(s.statuses.length).toBe(heard);
  });

  it('stops a load under way: its requests are aborted and nothing more is said', async () => {
    const gate = deferred();
    const lock = fakeLock();
    const s = open({ lock, script: { hold: { methods: ['eventPages'], until: gate.promise } } });
    await s.until(() => s.client().parked() > 0, 'the window load');
    const heard = s.statuses.length;
    s.service.dispose();
    expect(s.client().calls.every(c => c.signal?.aborted === true)).toBe(true);
    gate.resolve();
    await settle(10);
    expect(s.statuses.length).toBe(heard);
    expect(s.timers.live.size).toBe(0);
    // The lock is free again for other tabs.
    expect((await lock.tryRun(`funnel-lens-sync:${KEY}`, () => Promise.resolve(1))).ran).toBe(true);
  });
});

describe('createDataService: warm start', () => {
  it('shows the cached numbers before asking amoCRM anything', async () => {
    const shared = createMemoryStore();
    const first = open({ cache: connection(shared) });
    await first.until(complete, 'the first load');
    first.service.dispose();
    sandbox.ctx.stats.reset();

    const s = open({ cache: connection(shared) });
    const asked: number[] = [];
    s.service.subscribe(x => {
      if (x.version === 1 && asked.length === 0) asked.push(requests());
    });
    await s.until(x => x.version === 1 && idle(x), 'the cached numbers');
    expect(asked).toEqual([0]);
    expect(requests()).toBe(0);
    expect(s.last()).toMatchObject({ phase: 'complete', heldFrom: null, syncedAt: NOW });
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('refreshes a stale copy after showing it, with no request for the window', async () => {
    const shared = createMemoryStore();
    const first = open({ cache: connection(shared) });
    await first.until(complete, 'the first load');
    first.service.dispose();
    sandbox.ctx.stats.reset();

    const s = open({ cache: connection(shared), time: { now: (NOW + 3 * 3600) * 1000 } });
    const asked: number[] = [];
    s.service.subscribe(x => {
      if (x.version === 1 && asked.length === 0) asked.push(requests());
    });
    await s.until(x => x.syncedAt === NOW + 3 * 3600 && idle(x), 'the refresh');
    expect(asked).toEqual([0]);
    expect(
      s.statuses.some(x => x.activity.kind === 'syncing' && x.activity.stage === 'window'),
    ).toBe(false);
    expect(s.last().version).toBe(2);
  });
});
