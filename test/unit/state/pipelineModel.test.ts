/**
 * One pipeline's models as a mount gets them: the data service opened on the page (or in an
 * in-memory worker) over a memory cache and the API emulator, the data, report and card models
 * over it, timers the test fires. Numbers are checked against the whole demo account.
 */
import { buildModel, buildReport, leadJourney, stageNorms } from '../../../src/core';
import type { ReportOptions } from '../../../src/core';
import { PipelineModel } from '../../../src/state/pipelineModel';
import type { PipelineDeps } from '../../../src/state/pipelineModel';
import type { WorkerLike } from '../../../src/state/service/worker';
import { serveDataService } from '../../../src/state/service/serve';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import type { WidgetSettings } from '../../../src/state/settings';
import { createMemoryStore } from '../../../src/sync';
import type { ScopeStore } from '../../../src/sync';
import { connection, recordingTimers, settle } from '../../support/stateFakes';
import { messagePair } from './service/messagePair';
import {
  CONFIG,
  DAY,
  NOW,
  plain,
  portsOver,
  SCOPE,
  warmEmulator,
  truth,
  WINDOW_FROM,
} from './service/world';
import { visitsIn } from '../../support/visits';

jest.setTimeout(60_000);

const stage = String(truth.pipeline.statuses[1]!.id);
const SETTINGS: WidgetSettings = {
  ...DEFAULT_SETTINGS,
  minSample: 5,
  stuckDaysByStage: { [stage]: 3 },
  horizonDays: null,
};
/** What the report of the last 90 days asks, with these settings. */
const LAST_90: ReportOptions = {
  from: NOW - 90 * DAY,
  to: NOW,
  now: NOW,
  minSample: 5,
  stuckDaysByStage: { [stage]: 3 },
  includeOpenDeals: true,
  // What the report page asks of foresight (metrics.md F.4) at the settings' default level.
  alerts: { confidence: 0.95 },
  forecastDays: [30, 90],
  // F.5 on the report page, months in the account's zone.
  distributions: { timeZone: 'Europe/Moscow' },
};

const env = warmEmulator();
const { warm } = env;
const requests = () => env.sandbox.ctx.stats.snapshot().requests.total;

const live: PipelineModel[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m[Symbol.dispose]();
});

const mapStorage = (map: Map<string, string>) => ({
  get: (key: string) => map.get(key) ?? null,
  set: (key: string, value: string) => void map.set(key, value),
});

function setup(
  opts: {
    cache?: () => ScopeStore;
    settings?: WidgetSettings;
    spawnWorker?: (() => WorkerLike | null) | null;
    storage?: Map<string, string>;
  } = {},
) {
  /** The page service's timers (refresh, retries, the turns between steps). */
  const serviceTimers = recordingTimers();
  /** The models' own (the report's recompute tick). */
  const timers = recordingTimers();
  const caches: ReturnType<typeof connection>[] = [];
  const deps: PipelineDeps = {
    config: CONFIG,
    spawnWorker: opts.spawnWorker ?? null,
    pagePorts: () => {
      const cache = connection(opts.cache?.() ?? warm);
      caches.push(cache);
      return Promise.resolve(portsOver(env.sandbox, { cache, timers: serviceTimers }));
    },
    settings: opts.settings ?? SETTINGS,
    clock: () => NOW * 1000,
    timers,
    ...(opts.storage ? { storage: mapStorage(opts.storage) } : {}),
  };
  const model = new PipelineModel(deps, { period: { kind: 'last_90' } });
  live.push(model);
  const until = async (done: () => boolean, what: string) => {
    for (let i = 0; !done(); i++) {
      if (i > 5000) throw new Error(`no ${what}`);
      serviceTimers.fire(0);
      await new Promise(resolve => setTimeout(resolve, 1));
    }
  };
  return { model, serviceTimers, timers, caches, until };
}

describe('PipelineModel', () => {
  it('wires the service into the data and report models: the cached numbers, with no request', async () => {
    const s = setup();
    await s.until(() => s.model.report.state.value.status === 'ok', 'the report');
    expect(plain(s.model.report.report.value)).toEqual(plain(buildReport(truth, LAST_90)));
    expect(s.model.data.status.value).toMatchObject({ phase: 'complete', version: 1 });
    expect(s.model.data.pipeline.value?.id).toBe(SCOPE.pipelineId);
    expect(s.caches).toHaveLength(1);
    expect(requests()).toBe(0);
  });

  it('shows the window’s numbers first, then the whole history’s, on a first load', async () => {
    const s = setup({ cache: () => createMemoryStore() });
    await s.until(() => s.model.data.version.value === 1, 'the window');
    expect(s.model.data.status.value).toMatchObject({ phase: 'window', heldFrom: WINDOW_FROM });
    await s.until(() => s.model.report.state.value.status === 'ok', 'the window’s report');
    expect(plain(s.model.report.report.value)).toEqual(
      plain(buildReport({ ...truth, historyFrom: WINDOW_FROM }, LAST_90)),
    );
    // The page drew them (the panel says so after its paint): the backfill goes on.
    s.model.data.shown();
    s.serviceTimers.fire(0);
    await s.until(
      () =>
        s.model.data.status.value.phase === 'complete' &&
        s.model.report.state.value.status === 'ok',
      'the whole history',
    );
    expect(plain(s.model.report.report.value)).toEqual(plain(buildReport(truth, LAST_90)));
  });

  it('gives one card model per lead, over the same service', async () => {
    const s = setup();
    const lead = truth.leads.find(l => l.pipelineId === SCOPE.pipelineId && !l.closedAt)!;
    const other = truth.leads.find(l => l.id !== lead.id)!;
    const card = s.model.card(lead.id);
    expect(s.model.card(lead.id)).toBe(card);
    expect(s.model.card(other.id)).not.toBe(card);
    await s.until(() => card.state.value.status === 'ok', 'the journey');
    const core = buildModel(truth);
    const norms = stageNorms(core, { stuckDaysByStage: { [stage]: 3 } }, NOW);
    expect(plain(card.state.value)).toEqual(
      plain({
        status: 'ok',
        data: {
          journey: leadJourney(core, lead.id, NOW, norms, visitsIn(truth, core, lead.id) ?? []),
          norms,
          now: NOW,
        },
      }),
    );
  });

  it('remembers the cards’ working-hours switch apart from the report’s, per user', () => {
    const prefs = new Map<string, string>();
    const week = {
      days: [1, 2, 3, 4, 5],
      hours: [{ from: 540, to: 1080 }],
      timeZone: 'UTC',
      holidays: [],
    };
    const s = setup({ settings: { ...SETTINGS, workingWeek: week }, storage: prefs });
    const lead = truth.leads.find(l => l.pipelineId === SCOPE.pipelineId && !l.closedAt)!;
    const card = s.model.card(lead.id);
    expect(card.workingAvailable.value).toBe(true);
    card.setWorking(true);
    const at = `prefs:${SCOPE.accountId}:${SCOPE.userId}`;
    expect(prefs.get(`${at}:card:working`)).toBe('1');
    expect(card.workingWeek.value).toBe(week);
    expect(s.model.report.working.value).toBe(false);
    s.model.report.setWorking(true);
    expect(prefs.get(`${at}:report:working`)).toBe('1');
    // Another lead's card reads the same remembered choice.
    const other = truth.leads.find(l => l.pipelineId === SCOPE.pipelineId && l.id !== lead.id)!;
    expect(s.model.card(other.id).working.value).toBe(true);
  });

  it('hands the settings’ horizon to the report and the cards', async () => {
    const s = setup({ settings: { ...SETTINGS, horizonDays: 180 } });
    const lead = truth.leads.find(l => l.pipelineId === SCOPE.pipelineId && !l.closedAt)!;
    const card = s.model.card(lead.id);
    await s.until(
      () => card.state.value.status === 'ok' && s.model.report.state.value.status === 'ok',
      'the answers',
    );
    const opts = { ...LAST_90, horizonDays: 180 };
    expect(plain(s.model.report.report.value)).toEqual(plain(buildReport(truth, opts)));
    const stuck = { stuckDaysByStage: { [stage]: 3 }, horizonDays: 180 };
    const norms = stageNorms(buildModel(truth), stuck, NOW);
    const shown = card.state.value;
    expect(plain(shown.status === 'ok' ? shown.data.norms : null)).toEqual(plain(norms));
    expect(norms).not.toEqual(
      stageNorms(buildModel(truth), { stuckDaysByStage: { [stage]: 3 } }, NOW),
    );
  });

  it('runs the service in the worker it spawns, nothing on the page', async () => {
    const { worker, scope } = messagePair();
    const inside = recordingTimers();
    serveDataService(scope, () =>
      portsOver(env.sandbox, { cache: connection(warm), timers: inside }),
    );
    const s = setup({ spawnWorker: () => worker });
    await s.until(() => s.model.report.state.value.status === 'ok', 'the report');
    expect(plain(s.model.report.report.value)).toEqual(plain(buildReport(truth, LAST_90)));
    expect(s.caches).toHaveLength(0);
    s.model[Symbol.dispose]();
    expect(worker.terminated()).toBe(true);
  });

  it('disposes everything with it: the service, its timers and cache, the models and cards', async () => {
    const s = setup();
    await s.until(() => s.model.report.state.value.status === 'ok', 'the report');
    const lead = truth.leads.find(l => l.pipelineId === SCOPE.pipelineId && !l.closedAt)!;
    const card = s.model.card(lead.id);
    expect(card.state.value).toEqual({ status: 'loading', previous: null });
    expect(s.timers.live.size).toBeGreaterThan(0);
    expect(s.serviceTimers.live.size).toBeGreaterThan(0);

    s.model[Symbol.dispose]();
    expect(s.timers.live.size).toBe(0);
    expect(s.serviceTimers.live.size).toBe(0);
    await settle();
    expect(s.caches[0]!.closed()).toBe(true);
    // The journey was asked; the service refused it (DISPOSED) and the card, gone, dropped that.
    expect(card.state.value).toEqual({ status: 'loading', previous: null });
    const version = s.model.data.version.value;
    s.model.data.refresh();
    await settle();
    expect(s.model.data.version.value).toBe(version);
    expect(requests()).toBe(0);
  });
});
