/**
 * The report model over a controlled engine (answers come when and in the order a test says) and
 * a stand-in for the data model's one signal it reads, engineVersion.
 */
import { signal } from '@preact/signals-core';
import type { FunnelReport } from '../../../src/core';
import type { DataModel } from '../../../src/state/dataModel';
import { EngineError } from '../../../src/state/engine/errors';
import type { PeriodChoice } from '../../../src/state/period';
import { RECOMPUTE_EVERY_MS, ReportModel } from '../../../src/state/reportModel';
import type { ReportInit } from '../../../src/state/reportModel';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import type { WidgetSettings } from '../../../src/state/settings';
import { controlledEngine, recordingTimers, settle } from '../../support/stateFakes';

const DAY = 86_400;
const NOW = Date.UTC(2026, 10, 26, 9) / 1000;
const ZONE = 'Europe/Moscow';
const SETTINGS: WidgetSettings = {
  ...DEFAULT_SETTINGS,
  minSample: 25,
  stuckDaysByStage: { '142': 3 },
};
/** A report the model only passes along: a marker is enough. */
const report = (n: number) => ({ marker: n }) as unknown as FunnelReport;

const live: { dispose(): void }[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m.dispose();
});

function setup(init: ReportInit = { period: { kind: 'last_30' } }, settings = SETTINGS) {
  const engineVersion = signal(0);
  const data = { engineVersion } as unknown as DataModel;
  const engine = controlledEngine();
  const timers = recordingTimers();
  const time = { now: NOW * 1000 };
  const model = new ReportModel(
    { data, engine, settings, timeZone: ZONE, clock: () => time.now, timers },
    init,
  );
  live.push({ dispose: () => model[Symbol.dispose]() });
  return {
    model,
    engine,
    timers,
    time,
    /** The data model holds new data. */
    bump: () => {
      engineVersion.value++;
    },
    /** The options of the last report asked of the engine. */
    last: () => {
      const ask = engine.reports.at(-1);
      if (!ask) throw new Error('no report asked');
      return ask.options;
    },
  };
}

describe('ReportModel: what it asks the engine', () => {
  it('asks nothing until the data model holds data', async () => {
    const s = setup();
    await settle();
    expect(s.engine.reports).toHaveLength(0);
    expect(s.model.state.value).toEqual({ status: 'idle' });
    expect(s.model.report.value).toBeNull();
  });

  it('asks for the period up to now with the settings’ thresholds and sample', () => {
    const s = setup();
    s.bump();
    expect(s.engine.reports).toHaveLength(1);
    expect(s.last()).toEqual({
      from: NOW - 30 * DAY,
      to: NOW,
      now: NOW,
      stuckDaysByStage: { '142': 3 },
      minSample: 25,
      includeOpenDeals: true,
    });
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
  });

  it('passes the defaults when settings say nothing', () => {
    const s = setup(undefined, DEFAULT_SETTINGS);
    s.bump();
    expect(s.last()).toMatchObject({ stuckDaysByStage: {}, minSample: 10 });
  });

  it('follows the period', () => {
    const s = setup({ period: { kind: 'this_month' } });
    s.bump();
    expect(s.last()).toMatchObject({ from: Date.UTC(2026, 9, 31, 21) / 1000, to: NOW });
    const custom: PeriodChoice = {
      kind: 'custom',
      from: { year: 2026, month: 11, day: 20 },
      to: { year: 2026, month: 11, day: 25 },
    };
    s.model.setPeriod(custom);
    expect(s.model.period.value).toEqual(custom);
    expect(s.engine.reports).toHaveLength(2);
    expect(s.last()).toMatchObject({
      from: Date.UTC(2026, 10, 19, 21) / 1000,
      to: Date.UTC(2026, 10, 25, 21) / 1000,
      now: NOW,
    });
    s.model.setPeriod({ kind: 'last_90' });
    expect(s.last()).toMatchObject({ from: NOW - 90 * DAY, to: NOW });
  });

  it('follows the managers; none chosen means all', () => {
    const s = setup();
    s.bump();
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
    expect(s.engine.reports).toHaveLength(5);
  });

  it('asks for a trend only when it has a step, in the account’s zone', () => {
    const panel = setup();
    panel.bump();
    expect(panel.model.trend.value).toBeNull();
    expect(panel.last()).not.toHaveProperty('trend');

    const full = setup({ period: { kind: 'last_90' }, trend: 'week' });
    full.bump();
    expect(full.last().trend).toEqual({ granularity: 'week', timeZone: ZONE });
    full.model.setTrend('month');
    expect(full.model.trend.value).toBe('month');
    expect(full.last().trend).toEqual({ granularity: 'month', timeZone: ZONE });
  });

  it('recomputes when the data model holds new data', () => {
    const s = setup();
    s.bump();
    s.bump();
    expect(s.engine.reports).toHaveLength(2);
    expect(s.engine.reports[1]!.options).toEqual(s.engine.reports[0]!.options);
    expect(s.engine.reports[1]!.options).not.toBe(s.engine.reports[0]!.options);
  });

  it('moves now every RECOMPUTE_EVERY_MS, so stuck hours grow on an open panel', () => {
    const s = setup();
    s.bump();
    expect(s.timers.count(RECOMPUTE_EVERY_MS, 'interval')).toBe(1);
    s.time.now += RECOMPUTE_EVERY_MS;
    expect(s.timers.fire(RECOMPUTE_EVERY_MS)).toBe(1);
    expect(s.engine.reports).toHaveLength(2);
    expect(s.last()).toMatchObject({
      now: NOW + RECOMPUTE_EVERY_MS / 1000,
      to: NOW + RECOMPUTE_EVERY_MS / 1000,
    });
  });

  it('uses the clock’s now for a choice made between ticks', () => {
    const s = setup();
    s.bump();
    s.time.now += 60_000;
    s.model.setPeriod({ kind: 'last_90' });
    expect(s.last()).toMatchObject({ now: NOW + 60, to: NOW + 60 });
  });

  it('selecting a stage asks nothing of the engine', () => {
    const s = setup();
    s.bump();
    expect(s.model.selectedStage.value).toBeNull();
    s.model.selectStage(1001);
    expect(s.model.selectedStage.value).toBe(1001);
    s.model.selectStage(null);
    expect(s.model.selectedStage.value).toBeNull();
    expect(s.engine.reports).toHaveLength(1);
  });
});

describe('ReportModel: what it shows', () => {
  it('shows the answer, and keeps it while the next one computes', async () => {
    const s = setup();
    s.bump();
    s.engine.reports[0]!.answer.resolve(report(1));
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: report(1) });
    expect(s.model.report.value).toEqual(report(1));
    s.model.setPeriod({ kind: 'last_90' });
    expect(s.model.state.value).toEqual({ status: 'loading', previous: report(1) });
    expect(s.model.report.value).toEqual(report(1));
  });

  it('drops an answer that arrives after a newer request', async () => {
    const s = setup();
    s.bump();
    s.model.setPeriod({ kind: 'last_90' });
    const [older, newer] = s.engine.reports;
    newer!.answer.resolve(report(2));
    await settle();
    older!.answer.resolve(report(1));
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: report(2) });
  });

  it('drops an older answer that arrives first, waiting for the newer one', async () => {
    const s = setup();
    s.bump();
    s.model.setManagers([3]);
    const [older, newer] = s.engine.reports;
    older!.answer.resolve(report(1));
    await settle();
    expect(s.model.state.value.status).toBe('loading');
    newer!.answer.resolve(report(2));
    await settle();
    expect(s.model.state.value).toEqual({ status: 'ok', data: report(2) });
  });

  it('shows a failure as an EngineError, keeping the last report', async () => {
    const s = setup();
    s.bump();
    s.engine.reports[0]!.answer.resolve(report(1));
    await settle();
    s.model.setPeriod({ kind: 'quarter' });
    const failure = new EngineError('WORKER_FAILED');
    s.engine.reports[1]!.answer.reject(failure);
    await settle();
    expect(s.model.state.value).toEqual({ status: 'error', error: failure, previous: report(1) });
    expect(s.model.report.value).toEqual(report(1));

    s.model.setPeriod({ kind: 'last_30' });
    s.engine.reports[2]!.answer.reject(new TypeError('x is undefined'));
    await settle();
    const shown = s.model.state.value;
    expect(shown.status).toBe('error');
    if (shown.status !== 'error') return;
    expect(shown.error).toBeInstanceOf(EngineError);
    expect(shown.error.code).toBe('FAILED');
    expect(shown.previous).toEqual(report(1));
  });

  it('leaves no timer and ignores a late answer once disposed', async () => {
    const s = setup();
    s.bump();
    s.model[Symbol.dispose]();
    expect(s.timers.live.size).toBe(0);
    s.engine.reports[0]!.answer.resolve(report(1));
    await settle();
    expect(s.model.state.value).toEqual({ status: 'loading', previous: null });
  });

  it('exposes read-only signals: only its actions change it', () => {
    const s = setup();
    const { period, managers, trend, state, selectedStage, report: shown } = s.model;
    for (const sig of [period, managers, trend, state, selectedStage, shown]) {
      const before = sig.value;
      expect(() => {
        (sig as { value: unknown }).value = { kind: 'quarter' };
      }).toThrow();
      expect(sig.value).toBe(before);
    }
  });
});
