import { computed, createModel, effect, signal } from '@preact/signals-core';
import type { CountingMode, ReportOptions, Slice } from '../core';
import type { DataModel } from './dataModel';
import type { LoadState } from './loadState';
import { latest, runInto } from './loadState';
import type { PeriodChoice } from './period';
import { resolvePeriod } from './period';
import type { Timers } from './ports';
import { syncNotice } from './notice';
import { readOnly } from './readOnly';
import type { DataService, PartialCounts, ReportView, StageDealsView } from './service/types';
import type { WidgetSettings } from './settings';
import type { SnapshotStorage } from './snapshot';
import { readSnapshot, writeSnapshot } from './snapshot';
import { snoozeFieldsOf } from './snooze';

/** Stuck hours grow while the panel stays open; recompute this often even without new data. */
export const RECOMPUTE_EVERY_MS = 5 * 60_000;

export type TrendStep = 'week' | 'month';

/** The forecast range's horizons on the report page (docs/metrics.md F.3). */
export const FORECAST_DAYS: readonly number[] = [30, 90];

export interface ReportDeps {
  readonly data: DataModel;
  readonly service: DataService;
  /** What the widget runs with; amoCRM re-creates the widget when an admin saves new ones. */
  readonly settings: WidgetSettings;
  readonly timeZone: string;
  readonly clock: () => number;
  readonly timers: Timers;
  /** Where the panel's last numbers are kept for the next page load (`at` names the pipeline). */
  readonly snapshots?: { readonly storage: SnapshotStorage; readonly at: string } | undefined;
  /**
   * Where the user's switches (counting mode, money) are remembered, under keys starting `at`;
   * none: every mount starts from counts by creation.
   */
  readonly prefs?: { readonly storage: SnapshotStorage; readonly at: string } | undefined;
}

export interface ReportInit {
  readonly period: PeriodChoice;
  /** The full report shows a conversion trend at this step; the panel shows none. */
  readonly trend?: TrendStep | undefined;
  /**
   * `byStage`: reports come without their deal lists, and the selected stage's deals are asked
   * for on their own (the panel); `full` (default): every report carries them (the full report).
   */
  readonly deals?: 'full' | 'byStage' | undefined;
}

const MODES: readonly CountingMode[] = ['created', 'closed', 'entered'];

/** The slice with its empty conditions dropped; null when it asks nothing. */
function normalSlice(slice: Slice | null): Slice | null {
  if (!slice) return null;
  const tagIds = slice.tagIds?.length ? slice.tagIds : undefined;
  const fields = slice.fields?.filter(f => f.values.length > 0);
  return tagIds || fields?.length
    ? { ...(tagIds ? { tagIds } : {}), ...(fields?.length ? { fields } : {}) }
    : null;
}

const namesMap = (view: { readonly leadNames: Readonly<Record<string, string>> } | null) =>
  new Map(Object.entries(view?.leadNames ?? {}).map(([id, n]) => [Number(id), n]));

/**
 * The funnel report for the chosen period and managers, recomputed by the data service (off the
 * main thread) whenever the data or the choice change. Responses that arrive after a newer
 * request are dropped. The choices are read-only signals, changed only through the actions.
 */
export const ReportModel = createModel((deps: ReportDeps, init: ReportInit) => {
  const period = signal<PeriodChoice>(init.period);
  const managers = signal<readonly number[] | null>(null);
  const trend = signal<TrendStep | null>(init.trend ?? null);
  const prefs = deps.prefs;
  const remembered = (name: string) => prefs?.storage.get(`${prefs.at}:${name}`) ?? null;
  const remember = (name: string, value: string) =>
    prefs?.storage.set(`${prefs.at}:${name}`, value);
  /** Counting mode and money (metrics.md extensions), remembered for the user. */
  const mode = signal<CountingMode>(MODES.find(m => m === remembered('mode')) ?? 'created');
  const money = signal(remembered('money') === '1');
  /**
   * Durations in working hours (metrics.md F.1, F.4): offered only when the admin set a working
   * week; the engine is asked for them only while this is on, so off costs nothing.
   */
  const week = deps.settings.workingWeek;
  const working = signal(week !== null && remembered('working') === '1');
  /** Snoozed deals (metrics.md F.6): asked for once the admin chose the fields. */
  const snooze = snoozeFieldsOf(deps.settings);
  /** Tags and field values the numbers are narrowed to (metrics.md extensions, "Slices"). */
  const slice = signal<Slice | null>(null);
  /** Epoch seconds, advanced by a timer so stuck hours stay current on an open panel. */
  const tick = signal(Math.floor(deps.clock() / 1000));
  const state = signal<LoadState<ReportView>>({ status: 'idle' });
  const partial = signal<PartialCounts | null>(null);
  /** The stage whose deals are open in the drill-down, if any. */
  const selectedStage = signal<number | null>(null);
  const byStage = init.deals === 'byStage';
  const stageDeals = signal<LoadState<StageDealsView>>({ status: 'idle' });

  const window = computed(() => {
    const now = Math.max(tick.value, Math.floor(deps.clock() / 1000));
    return { now, ...resolvePeriod(period.value, now, deps.timeZone) };
  });

  /** What every question asks: the report's numbers without the foresight blocks. */
  const baseOptions = computed((): ReportOptions | null => {
    // Read first: new numbers yield new options (a new object), so the report recomputes.
    if (deps.data.version.value === 0) return null;
    const users = managers.value;
    const step = trend.value;
    return {
      ...window.value,
      stuckDaysByStage: deps.settings.stuckDaysByStage,
      minSample: deps.settings.minSample,
      ...(deps.settings.horizonDays === null ? {} : { horizonDays: deps.settings.horizonDays }),
      includeOpenDeals: !byStage,
      ...(users && users.length > 0 ? { responsibleUserIds: users } : {}),
      ...(slice.value ? { slice: slice.value } : {}),
      ...(mode.value === 'created' ? {} : { mode: mode.value }),
      ...(money.value ? { money: true } : {}),
      // F.1a: with the switch on, "stuck" itself is judged on the working clock.
      ...(working.value && week ? { workingWeek: week, stuckClock: 'working' as const } : {}),
      ...(snooze ? { snooze } : {}),
      ...(step ? { trend: { granularity: step, timeZone: deps.timeZone } } : {}),
    };
  });

  /** The report's: with the significant changes, and the forecast's range on the page alone. */
  const options = computed((): ReportOptions | null => {
    const base = baseOptions.value;
    if (!base) return null;
    return {
      ...base,
      alerts: { confidence: deps.settings.alertConfidence },
      // The revenue range's draws cost ~0.8 s at 5,000 open deals: only the report page shows it.
      ...(byStage ? {} : { forecastDays: FORECAST_DAYS }),
      ...(byStage ? {} : { distributions: { timeZone: deps.timeZone } }),
    };
  });

  effect(() => {
    const opts = options.value;
    return opts ? runInto(state, deps.service.report(opts, byStage ? 'none' : 'full')) : undefined;
  });

  /** The choices a snapshot answers: everything that shapes the numbers but the moment. */
  const snapshotKey = computed(() =>
    JSON.stringify([
      period.value,
      managers.value,
      slice.value,
      mode.value,
      money.value,
      trend.value,
      deps.settings.stuckDaysByStage,
      deps.settings.minSample,
      deps.settings.horizonDays,
      deps.settings.alertConfidence,
      working.value ? deps.settings.workingWeek : null,
      snooze,
    ]),
  );
  /** Until the first report of these choices is in: the last one computed for them, if any. */
  const snapshot = computed(() => {
    const store = deps.snapshots;
    if (!store || !byStage || latest(state.value) !== null) return null;
    return readSnapshot(
      store.storage,
      store.at,
      snapshotKey.value,
      Math.floor(deps.clock() / 1000),
    );
  });
  // Only numbers over the whole history are kept: a window-phase report would come back as if
  // its older history were loaded.
  let written: ReportView | null = null;
  effect(() => {
    const s = state.value;
    const store = deps.snapshots;
    if (!store || s.status !== 'ok' || deps.data.status.value.phase !== 'complete') return;
    if (s.data === written) return;
    written = s.data;
    writeSnapshot(store.storage, store.at, snapshotKey.peek(), s.data);
  });

  // The drill-down's deals: asked again whenever the report is (new data, period, managers).
  // A deal list needs no foresight block: asking one would recompute the baseline every time.
  effect(() => {
    const opts = baseOptions.value;
    const stageId = selectedStage.value;
    if (!byStage || !opts || stageId === null) {
      stageDeals.value = { status: 'idle' };
      return undefined;
    }
    // Another stage's deals are no "previous" of this one's.
    if (latest(stageDeals.peek())?.stageId !== stageId) stageDeals.value = { status: 'idle' };
    return runInto(stageDeals, deps.service.stageDeals(opts, stageId));
  });

  // Before the first numbers: what the window's leads say so far, as they arrive.
  effect(() => {
    const s = deps.data.status.value;
    if (s.version > 0 || s.activity.kind !== 'syncing') {
      partial.value = null;
      return undefined;
    }
    let current = true;
    const { from, to } = window.value;
    deps.service.partial({ from, to }).then(
      counts => {
        if (current) partial.value = counts;
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  });

  effect(() => {
    const timer = deps.timers.setInterval(() => {
      tick.value = Math.floor(deps.clock() / 1000);
    }, RECOMPUTE_EVERY_MS);
    return () => deps.timers.clearInterval(timer);
  });

  return {
    period: readOnly(period),
    managers: readOnly(managers),
    slice: readOnly(slice),
    mode: readOnly(mode),
    money: readOnly(money),
    working: readOnly(working),
    /** Whether the working-hours switch is offered: the admin set a working week. */
    workingAvailable: computed(() => week !== null),
    trend: readOnly(trend),
    state: readOnly(state),
    partial: readOnly(partial),
    selectedStage: readOnly(selectedStage),
    report: computed(() => latest(state.value)?.report ?? snapshot.value?.view.report ?? null),
    /** The moment (epoch s) of a stored snapshot shown while the current numbers compute. */
    snapshotAt: computed(() => snapshot.value?.at ?? null),
    /** A failed sync with what the numbers on screen are: this report's, a snapshot, or none. */
    notice: computed(() =>
      syncNotice(deps.data.status.value, {
        computed: latest(state.value) !== null,
        snapshotAt: snapshot.value?.at ?? null,
      }),
    ),
    leadNames: computed((): ReadonlyMap<number, string> => namesMap(latest(state.value))),
    /** The selected stage's deals (panel): idle without a selection, loading while asked. */
    stageDeals: readOnly(stageDeals),
    selectedDeals: computed(() => latest(stageDeals.value)?.deals ?? null),
    stageDealNames: computed((): ReadonlyMap<number, string> => namesMap(latest(stageDeals.value))),
    setPeriod: (choice: PeriodChoice) => {
      period.value = choice;
    },
    setManagers: (ids: readonly number[] | null) => {
      managers.value = ids && ids.length > 0 ? ids : null;
    },
    setSlice: (next: Slice | null) => {
      slice.value = normalSlice(next);
    },
    setMode: (next: CountingMode) => {
      mode.value = next;
      remember('mode', next);
    },
    setMoney: (on: boolean) => {
      money.value = on;
      remember('money', on ? '1' : '0');
    },
    setWorking: (on: boolean) => {
      if (!week) return;
      working.value = on;
      remember('working', on ? '1' : '0');
    },
    setTrend: (step: TrendStep) => {
      trend.value = step;
    },
    selectStage: (stageId: number | null) => {
      selectedStage.value = stageId;
    },
  };
});

export type ReportModel = InstanceType<typeof ReportModel>;
