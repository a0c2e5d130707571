/**
 * The report model over the fake data service (a real model over the demo pipeline answers, held
 * back and released in any order when a test says so), a real DataModel over that service,
 * recorded timers and a clock the test moves.
 */
import { buildReport } from '../../../src/core';
import type { Period, ReportOptions } from '../../../src/core';
import { DataModel } from '../../../src/state/dataModel';
import { latest } from '../../../src/state/loadState';
import type { PeriodChoice } from '../../../src/state/period';
import { RECOMPUTE_EVERY_MS, ReportModel } from '../../../src/state/reportModel';
import type { ReportInit } from '../../../src/state/reportModel';
import type { PartialCounts, ServiceStatus } from '../../../src/state/service/types';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import type { WidgetSettings } from '../../../src/state/settings';
import { DEMO_NOW, demoInput } from '../../support/demo';
import { fakeService } from '../../support/fakeService';
import type { FakeService } from '../../support/fakeService';
import { recordingTimers, settle } from '../../support/stateFakes';

const DAY = 86_400;
const NOW = DEMO_NOW;
const ZONE = 'Europe/Moscow';
const input = demoInput();
const stage = input.pipeline.statuses[1]!.id;
const SETTINGS: WidgetSettings = {
  ...DEFAULT_SETTINGS,
  minSample: 25,
  stuckDaysByStage: { [String(stage)]: 3 },
  horizonDays: 180,
};
const SYNCING: ServiceStatus['activity'] = {
  kind: 'syncing',
  stage: 'window',
  fraction: 0.3,
  secondsLeft: null,
  requests: 4,
  heldFrom: null,
};

const mapStorage = (map: Map<string, string>) => ({
  get: (key: string) => map.get(key) ?? null,
  set: (key: string, value: string) => void map.set(key, value),
});

const live: { dispose(): void }[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m.dispose();
});

function setup(
  opts: {
    init?: ReportInit;
    settings?: WidgetSettings;
    status?: Partial<ServiceStatus>;
    storage?: Map<string, string>;
    prefs?: Map<string, string>;
  } = {},
) {
  const fake = fakeService(input, opts.status);
  const asked: ReportOptions[] = [];
  const dealsAsked: ReportOptions[] = [];
  const periods: Period[] = [];
  const service: FakeService = {
    ...fake,
    report: (options, lists) => {
      asked.push(options);
      return fake.report(options, lists);
    },
    partial: period => {
      periods.push(period);
      return fake.partial(period);
    },
    stageDeals: (options, stageId) => {
      dealsAsked.push(options);
      return fake.stageDeals(options, stageId);
    },
  };
  const data = new DataModel({ service, pipelineId: input.pipeline.id });
  const timers = recordingTimers();
  const time = { now: NOW * 1000 };
  const model = new ReportModel(
    {
      data,
      service,
      settings: opts.settings ?? SETTINGS,
      timeZone: ZONE,
      clock: () => time.now,
      timers,
      snapshots: opts.storage && { storage: mapStorage(opts.storage), at: 'snapshot:1' },
      prefs: opts.prefs && { storage: mapStorage(opts.prefs), at: 'prefs:1' },
    },
    opts.init ?? { period: { kind: 'last_30' } },
  );
  live.push({ dispose: () => model[Symbol.dispose]() }, { dispose: () => data[Symbol.dispose]() });
  return {
    model,
    data,
    service,
    asked,
    dealsAsked,
    periods,
    timers,
    time,
    /** The options of the last report asked. */
    last: () => {
      const options = asked.at(-1);
      if (!options) throw new Error('no report asked');
      return options;
    },
    /** The service holds new numbers. */
    bump: () => service.setStatus({ version: service.status().version + 1 }),
  };
}

describe('ReportModel: what it asks the service', () => {
  it('asks nothing until the service holds numbers', async () => {
    const s = setup({ status: { version: 0 } });
    await settle();
    expect(s.asked).toHaveLength(0);
    expect(s.model.state.value).toEqual({ status: 'idle' });
    expect(s.model.report.value).toBeNull();
    s.bump();
    expect(s.asked).toHaveLength(1);
  });

  it('asks for the period up to now with the settings’ sample, thresholds and horizon', async () => {
    const s = setup();
    expect(s.asked).toEqual([
      {
        from: NOW - 30 * DAY,
        to: NOW,
        now: NOW,
        stuckDaysByStage: { [String(stage)]: 3 },
        minSample: 25,
        horizonDays: 180,
        includeOpenDeals: true,
        alerts: { confidence: 0.95 },
        forecastDays: [30, 90],
        distributions: { timeZone: ZONE },
      },
    ]);
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
    await settle();
    expect(s.model.state.value.status).toBe('ok');
    expect(s.model.report.value).toEqual(buildReport(input, s.last()));
  });

  it('asks for alerts at the settings’ level on both surfaces, the forecast range only on the page', () => {
    const full = setup({ settings: { ...SETTINGS, alertConfidence: 0.99 } });
    expect(full.last()).toMatchObject({ alerts: { confidence: 0.99 }, forecastDays: [30, 90] });
    // The panel shows no range, so it does not pay for the revenue draws.
    const panel = setup({ init: { period: { kind: 'last_30' }, deals: 'byStage' } });
    expect(panel.last().alerts).toEqual({ confidence: 0.95 });
    expect(panel.last()).not.toHaveProperty('forecastDays');
    // Distributions (F.5) are the page's alone, in the account's zone.
    expect(full.last().distributions).toEqual({ timeZone: ZONE });
    expect(panel.last()).not.toHaveProperty('distributions');
  });

  it('asks with no horizon when the settings load all history', () => {
    const s = setup({ settings: { ...DEFAULT_SETTINGS, horizonDays: null } });
    expect(s.last()).not.toHaveProperty('horizonDays');
    expect(s.last()).toMatchObject({ stuckDaysByStage: {}, minSample: 10 });
  });

  it('follows the period', () => {
    const s = setup({ init: { period: { kind: 'this_month' } } });
    expect(s.model.period.value).toEqual({ kind: 'this_month' });
    expect(s.last()).toMatchObject({ from: Date.UTC(2026, 9, 31, 21) / 1000, to: NOW });
    const custom: PeriodChoice = {
      kind: 'custom',
      from: { year: 2026, month: 11, day: 20 },
      to: { year: 2026, month: 11, day: 25 },
    };
    s.model.setPeriod(custom);
    expect(s.model.period.value).toEqual(custom);
    expect(s.last()).toMatchObject({
      from: Date.UTC(2026, 10, 19, 21) / 1000,
      to: Date.UTC(2026, 10, 25, 21) / 1000,
      now: NOW,
    });
    s.model.setPeriod({ kind: 'last_90' });
    expect(s.last()).toMatchObject({ from: NOW - 90 * DAY, to: NOW });
    expect(s.asked).toHaveLength(3);
  });

  it('follows the managers; none chosen means all', () => {
    const s = setup();
    expect(s.model.managers.value).toBeNull();
    s.model.setManagers([3, 4]);
    expect(s.model.managers.value).toEqual([3, 4]);
    expect(s.last().responsibleUserIds).toEqual([3, 4]);
    s.model.setManagers([]);
    expect(s.model.managers.value).toBeNull();
    expect(s.last()).not.toHaveProperty('responsibleUserIds');
    s.model.setManagers([5]);
    s.model.setManagers(null);
    expect(s.last()).not.toHaveProperty('responsibleUserIds');
    expect(s.asked).toHaveLength(5);
  });

  it('follows the slice; empty conditions ask nothing', () => {
    const s = setup();
    expect(s.model.slice.value).toBeNull();
    s.model.setSlice({ tagIds: [7], fields: [{ fieldId: 9, values: [] }] });
    expect(s.last().slice).toEqual({ tagIds: [7] });
    s.model.setSlice({ tagIds: [], fields: [{ fieldId: 9, values: [3, 'vk'] }] });
    expect(s.last().slice).toEqual({ fields: [{ fieldId: 9, values: [3, 'vk'] }] });
    s.model.setSlice({ tagIds: [] });
    expect(s.model.slice.value).toBeNull();
    expect(s.last()).not.toHaveProperty('slice');
  });

  it('counts by creation without money by default, and remembers the switches for the user', () => {
    const prefs = new Map<string, string>();
    const first = setup({ prefs });
    expect(first.model.mode.value).toBe('created');
    expect(first.last()).not.toHaveProperty('mode');
    expect(first.last()).not.toHaveProperty('money');
    first.model.setMode('closed');
    first.model.setMoney(true);
    expect(first.last()).toMatchObject({ mode: 'closed', money: true });

    const next = setup({ prefs });
    expect(next.model.mode.value).toBe('closed');
    expect(next.model.money.value).toBe(true);
    expect(next.last()).toMatchObject({ mode: 'closed', money: true });
    next.model.setMode('created');
    next.model.setMoney(false);
    expect(next.last()).not.toHaveProperty('mode');
    expect(next.last()).not.toHaveProperty('money');

    // Something else under the key (an older or a foreign write) reads as the default.
    prefs.set('prefs:1:mode', 'weekly');
    expect(setup({ prefs }).model.mode.value).toBe('created');
  });

  it('offers working hours only with a working week, asks for them only while on, and remembers it', async () => {
    const week = {
      days: [1, 2, 3, 4, 5],
      hours: [{ from: 540, to: 1080 }],
      timeZone: ZONE,
      holidays: [],
    };
    const prefs = new Map<string, string>();
    const none = setup({ prefs });
    expect(none.model.workingAvailable.value).toBe(false);
    none.model.setWorking(true);
    expect(none.model.working.value).toBe(false);
    expect(none.last()).not.toHaveProperty('workingWeek');

    const settings = { ...SETTINGS, workingWeek: week };
    const first = setup({
      prefs,
      settings,
      init: { period: { kind: 'last_30' }, deals: 'byStage' },
    });
    expect(first.model.workingAvailable.value).toBe(true);
    expect(first.model.working.value).toBe(false);
    expect(first.last()).not.toHaveProperty('workingWeek');
    expect(first.last()).not.toHaveProperty('stuckClock');
    first.model.setWorking(true);
    expect(first.last().workingWeek).toBe(week);
    // F.1a: with the switch on, "stuck" itself is on the working clock.
    expect(first.last().stuckClock).toBe('working');
    // The drill-down's deals carry their working hours and thresholds too (metrics.md F.4, F.1a).
    first.model.selectStage(stage);
    expect(first.dealsAsked.at(-1)?.workingWeek).toBe(week);
    expect(first.dealsAsked.at(-1)?.stuckClock).toBe('working');
    await settle();
    expect(first.model.report.value?.stages[0]?.workingTime).toBeDefined();
    expect(first.model.report.value?.stages[0]?.stuckThresholdWorkingHours).toEqual(
      expect.any(Number),
    );

    const next = setup({ prefs, settings });
    expect(next.model.working.value).toBe(true);
    next.model.setWorking(false);
    expect(next.last()).not.toHaveProperty('workingWeek');
    expect(next.last()).not.toHaveProperty('stuckClock');
    // Remembered on, then the admin cleared the week: nothing to switch on.
    expect(setup({ prefs: new Map([['prefs:1:working', '1']]) }).model.working.value).toBe(false);
  });

  it('asks for a trend only when it has a step, in the account’s zone', () => {
    const panel = setup();
    expect(panel.model.trend.value).toBeNull();
    expect(panel.last()).not.toHaveProperty('trend');

    const full = setup({ init: { period: { kind: 'last_90' }, trend: 'week' } });
    expect(full.last().trend).toEqual({ granularity: 'week', timeZone: ZONE });
    full.model.setTrend('month');
    expect(full.model.trend.value).toBe('month');
    expect(full.last().trend).toEqual({ granularity: 'month', timeZone: ZONE });
  });

  it('asks again whenever the service holds new numbers, and only then', () => {
    const s = setup();
    s.service.setStatus({ activity: SYNCING });
    s.service.setStatus({ activity: { kind: 'idle' } });
    expect(s.asked).toHaveLength(1);
    s.bump();
    expect(s.asked).toHaveLength(2);
    expect(s.asked[1]).toEqual(s.asked[0]);
    expect(s.asked[1]).not.toBe(s.asked[0]);
  });

  it('moves now every RECOMPUTE_EVERY_MS, so stuck hours grow on an open panel', () => {
    const s = setup();
    expect(s.timers.count(RECOMPUTE_EVERY_MS, 'interval')).toBe(1);
    s.time.now += RECOMPUTE_EVERY_MS;
    expect(s.timers.fire(RECOMPUTE_EVERY_MS)).toBe(1);
    expect(s.asked).toHaveLength(2);
    const later = NOW + RECOMPUTE_EVERY_MS / 1000;
    expect(s.last()).toMatchObject({ now: later, to: later, from: later - 30 * DAY });
  });

  it('uses the clock’s now for a choice made between ticks', () => {
    const s = setup();
    s.time.now += 60_000;
    s.model.setPeriod({ kind: 'last_90' });
    expect(s.last()).toMatchObject({ now: NOW + 60, to: NOW + 60 });
  });

  it('selecting a stage asks nothing', () => {
    const s = setup();
    expect(s.model.selectedStage.value).toBeNull();
    s.model.selectStage(stage);
    expect(s.model.selectedStage.value).toBe(stage);
    s.model.selectStage(null);
    expect(s.model.selectedStage.value).toBeNull();
    expect(s.asked).toHaveLength(1);
  });
});

describe('ReportModel: what it shows', () => {
  it('shows the answer, and keeps it while the next one computes', async () => {
    const s = setup();
    await settle();
    const view = latest(s.model.state.value);
    const first = s.model.report.value;
    expect(first).toEqual(buildReport(input, s.asked[0]!));
    expect(view?.report).toBe(first);
    s.model.setPeriod({ kind: 'last_90' });
    expect(s.model.state.value).toEqual({ status: 'loading', previous: view });
    expect(s.model.report.value).toBe(first);
    await settle();
    expect(s.model.report.value).toEqual(buildReport(input, s.last()));
  });

  it.each<['asc' | 'desc']>([['desc'], ['asc']])(
    'shows the newest request’s answer whatever order answers come in (%s)',
    async order => {
      const s = setup({ status: { version: 0 } });
      s.service.hold();
      s.bump();
      s.model.setPeriod({ kind: 'last_90' });
      expect(s.asked).toHaveLength(2);
      await s.service.release(order);
      await settle();
      expect(s.model.state.value.status).toBe('ok');
      expect(s.model.report.value).toEqual(buildReport(input, s.asked[1]!));
      expect(s.model.report.value).not.toEqual(buildReport(input, s.asked[0]!));
    },
  );

  it('shows a failure with its code, keeping the last report', async () => {
    const s = setup();
    await settle();
    const view = latest(s.model.state.value);
    const shown = s.model.report.value;
    s.service.failReports('FAILED');
    s.bump();
    await settle();
    expect(s.model.state.value).toMatchObject({
      status: 'error',
      error: { name: 'EngineError', code: 'FAILED' },
      previous: view,
    });
    expect(s.model.report.value).toBe(shown);
    s.service.failReports(null);
    s.bump();
    await settle();
    expect(s.model.state.value.status).toBe('ok');
  });

  it('names the deals the report lists', async () => {
    const s = setup();
    await settle();
    const report = s.model.report.value!;
    const listed = [...(report.openDeals ?? []), ...report.stuck].map(d => d.leadId);
    expect(listed.length).toBeGreaterThan(0);
    const names = new Map(input.leads.map(l => [l.id, l.name]));
    expect(s.model.leadNames.value).toEqual(new Map(listed.map(id => [id, names.get(id)])));
  });

  it('shows no names before a report', () => {
    const s = setup({ status: { version: 0 } });
    expect(s.model.leadNames.value).toEqual(new Map());
  });

  it('leaves no timer and ignores a late answer once disposed', async () => {
    const s = setup();
    s.service.hold();
    s.bump();
    s.model[Symbol.dispose]();
    expect(s.timers.live.size).toBe(0);
    await s.service.release();
    await settle();
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
  });

  it('exposes read-only signals: only its actions change it', () => {
    const s = setup();
    const { period, managers, trend, state, partial, selectedStage, report, leadNames } = s.model;
    for (const sig of [period, managers, trend, state, partial, selectedStage, report, leadNames]) {
      const before = sig.value;
      expect(() => {
        (sig as { value: unknown }).value = { kind: 'quarter' };
      }).toThrow();
      expect(sig.value).toBe(before);
    }
  });
});

describe('ReportModel: deals one stage at a time (the panel)', () => {
  const byStage: ReportInit = { period: { kind: 'last_30' }, deals: 'byStage' };
  const stages = input.pipeline.statuses.filter(s => s.type === 0).map(s => s.id);

  it('asks for reports without deal lists, with the same numbers', async () => {
    const s = setup({ init: byStage });
    await settle();
    const view = latest(s.model.state.value)!;
    expect(view.lists).toBe('none');
    expect(view.report.stuck).toEqual([]);
    expect(view.report.openDeals).toBeUndefined();
    expect(s.model.leadNames.value).toEqual(new Map());
    const full = s.service.fullReport();
    expect(full.stuck.length).toBeGreaterThan(0);
    expect({ ...view.report, stuck: full.stuck, openDeals: full.openDeals }).toEqual(full);
  });

  it('asks for the selected stage’s deals, names them, and nothing without a selection', async () => {
    const s = setup({ init: byStage });
    await settle();
    expect(s.model.stageDeals.value).toEqual({ status: 'idle' });
    expect(s.service.asked().stageDeals).toBe(0);
    const busiest = stages
      .map(id => ({
        id,
        n: (s.service.fullReport().openDeals ?? []).filter(d => d.stageId === id).length,
      }))
      .sort((a, b) => b.n - a.n)[0]!;
    s.model.selectStage(busiest.id);
    expect(s.model.stageDeals.value.status).toBe('loading');
    expect(s.model.selectedDeals.value).toBeNull();
    await settle();
    const expected = (s.service.fullReport().openDeals ?? []).filter(d => d.stageId === busiest.id);
    expect(expected.length).toBe(busiest.n);
    expect(s.model.selectedDeals.value).toEqual(expected);
    const names = new Map(input.leads.map(l => [l.id, l.name]));
    expect(s.model.stageDealNames.value).toEqual(
      new Map(expected.map(d => [d.leadId, names.get(d.leadId)])),
    );
    s.model.selectStage(null);
    expect(s.model.stageDeals.value).toEqual({ status: 'idle' });
    expect(s.service.asked().stageDeals).toBe(1);
  });

  it('asks a stage’s deals with the report’s options but no foresight block', () => {
    const s = setup({ init: byStage });
    s.model.selectStage(stages[0]!);
    expect(s.dealsAsked).toHaveLength(1);
    expect(s.dealsAsked[0]).not.toHaveProperty('alerts');
    expect({ ...s.dealsAsked[0], alerts: s.last().alerts }).toEqual(s.last());
  });

  it('asks again on new data or another choice, and never shows one stage’s deals as another’s', async () => {
    const s = setup({ init: byStage });
    await settle();
    const open = s.service.fullReport().openDeals ?? [];
    const first = stages.find(id => open.some(d => d.stageId === id));
    const second = stages.find(id => id !== first);
    s.model.selectStage(first!);
    await settle();
    s.bump();
    // New data: the same stage's deals stay on screen while the new ones compute.
    expect(s.model.stageDeals.value.status).toBe('loading');
    expect(latest(s.model.stageDeals.value)?.stageId).toBe(first);
    await settle();
    const user = s.model.selectedDeals.value![0]!.responsibleUserId!;
    s.model.setManagers([user]);
    await settle();
    expect(s.service.asked().stageDeals).toBe(3);
    expect(s.model.selectedDeals.value?.every(d => d.responsibleUserId === user)).toBe(true);
    s.service.hold();
    s.model.selectStage(second!);
    expect(s.model.selectedDeals.value).toBeNull();
    await s.service.release();
    await settle();
    expect(latest(s.model.stageDeals.value)?.stageId).toBe(second);
  });

  it('the full report keeps its lists and asks for no stage on its own', async () => {
    const s = setup();
    await settle();
    expect(latest(s.model.state.value)?.lists).toBe('full');
    s.model.selectStage(stage);
    await settle();
    expect(s.service.asked().stageDeals).toBe(0);
    expect(s.model.stageDeals.value).toEqual({ status: 'idle' });
  });
});

describe('ReportModel: partial counts while the window loads', () => {
  const counts = (deals: number): PartialCounts => ({
    period: { from: NOW - 30 * DAY, to: NOW },
    deals,
    won: 0,
    lost: 0,
    open: deals,
    atStage: { [String(stage)]: deals },
  });

  it('asks for the period’s counts while syncing before the first numbers, and shows them', async () => {
    const s = setup({ status: { version: 0, activity: SYNCING } });
    s.service.setPartial(counts(3));
    s.service.setStatus({ activity: { ...SYNCING, fraction: 0.31 } });
    await settle();
    expect(s.periods.at(-1)).toEqual({ from: NOW - 30 * DAY, to: NOW });
    expect(s.model.partial.value).toEqual(counts(3));
    // Each progress asks again, so the counts grow as leads arrive.
    const asked = s.periods.length;
    s.service.setPartial(counts(7));
    s.service.setStatus({ activity: { ...SYNCING, fraction: 0.5 } });
    await settle();
    expect(s.periods.length).toBe(asked + 1);
    expect(s.model.partial.value).toEqual(counts(7));
    // The first numbers end it.
    s.service.setStatus({ version: 1 });
    expect(s.model.partial.value).toBeNull();
    s.service.setStatus({ activity: { ...SYNCING, fraction: 0.9 } });
    await settle();
    expect(s.periods.length).toBe(asked + 1);
    expect(s.model.partial.value).toBeNull();
  });

  it.each<[string, Partial<ServiceStatus>]>([
    ['with numbers', { version: 1, activity: SYNCING }],
    ['while idle', { version: 0, activity: { kind: 'idle' } }],
    ['while opening', { version: 0, activity: { kind: 'opening' } }],
    ['while another tab syncs', { version: 0, activity: { kind: 'other-tab' } }],
  ])('asks nothing %s', async (_name, status) => {
    const s = setup({ status });
    s.service.setPartial(counts(3));
    await settle();
    expect(s.periods).toEqual([]);
    expect(s.model.partial.value).toBeNull();
  });

  it('drops counts that arrive after the first numbers', async () => {
    const s = setup({ status: { version: 0, activity: SYNCING } });
    s.service.setPartial(counts(3));
    s.service.hold();
    s.service.setStatus({ activity: { ...SYNCING, fraction: 0.4 } });
    s.service.setStatus({ version: 1 });
    await s.service.release();
    await settle();
    expect(s.model.partial.value).toBeNull();
  });
});

describe('ReportModel: the last numbers, kept for the next page load', () => {
  const PANEL: ReportInit = { period: { kind: 'last_30' }, deals: 'byStage' };

  /** A first page load that computed and kept the panel's numbers; returns what it showed. */
  async function firstLoad(storage: Map<string, string>) {
    const s = setup({ init: PANEL, storage });
    await settle();
    const shown = s.model.report.value;
    s.model[Symbol.dispose]();
    return shown;
  }

  it('shows the kept numbers at once on the next load, then the current ones', async () => {
    const storage = new Map<string, string>();
    const shown = await firstLoad(storage);
    expect(shown).not.toBeNull();
    expect(storage.has('snapshot:1')).toBe(true);

    const next = setup({ init: PANEL, storage, status: { version: 0, phase: 'none' } });
    next.time.now += 60_000;
    expect(next.model.state.value).toEqual({ status: 'idle' });
    expect(next.model.report.value).toEqual(shown);
    expect(next.model.snapshotAt.value).toBe(NOW);

    next.service.setStatus({ version: 1, phase: 'complete' });
    // While the current numbers compute, the kept ones stay on screen.
    expect(next.model.snapshotAt.value).toBe(NOW);
    await settle();
    expect(next.model.snapshotAt.value).toBeNull();
    expect(next.model.report.value?.now).toBe(NOW + 60);
  });

  it('keeps only numbers over the whole history, not a window’s', async () => {
    const storage = new Map<string, string>();
    setup({ init: PANEL, storage, status: { phase: 'window' } });
    await settle();
    expect(storage.size).toBe(0);
  });

  it('shows kept numbers only for the same choices, and not after a day', async () => {
    const storage = new Map<string, string>();
    await firstLoad(storage);
    const other = setup({
      init: { period: { kind: 'last_90' }, deals: 'byStage' },
      storage,
      status: { version: 0 },
    });
    expect(other.model.snapshotAt.value).toBeNull();
    other.model.setPeriod({ kind: 'last_30' });
    expect(other.model.snapshotAt.value).toBe(NOW);
    other.model.setManagers([3]);
    expect(other.model.snapshotAt.value).toBeNull();

    const stricter = setup({
      init: PANEL,
      storage,
      settings: { ...SETTINGS, minSample: 5 },
      status: { version: 0 },
    });
    expect(stricter.model.snapshotAt.value).toBeNull();
    const surer = setup({
      init: PANEL,
      storage,
      settings: { ...SETTINGS, alertConfidence: 0.99 },
      status: { version: 0 },
    });
    expect(surer.model.snapshotAt.value).toBeNull();

    const late = setup({ init: PANEL, storage, status: { version: 0 } });
    late.time.now += (24 * 3600 + 1) * 1000;
    late.model.setPeriod({ kind: 'last_30' });
    expect(late.model.report.value).toBeNull();
  });

  it('the full report neither keeps nor shows them (its deal lists would not fit)', async () => {
    const storage = new Map<string, string>();
    setup({ storage });
    await settle();
    expect(storage.size).toBe(0);
    await firstLoad(storage);
    const full = setup({ storage, status: { version: 0 } });
    expect(full.model.report.value).toBeNull();
  });
});
