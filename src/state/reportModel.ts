import { computed, createModel, effect, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { FunnelReport, ReportOptions } from '../core';
import type { DataModel } from './dataModel';
import type { Engine } from './engine/engine';
import type { LoadState } from './loadState';
import { latest } from './loadState';
import type { PeriodChoice } from './period';
import { resolvePeriod } from './period';
import type { Timers } from './ports';
import type { WidgetSettings } from './settings';

/** Stuck hours grow while the panel stays open; recompute this often even without new data. */
export const RECOMPUTE_EVERY_MS = 5 * 60_000;

export interface ReportDeps {
  readonly data: DataModel;
  readonly engine: Engine;
  readonly settings: ReadonlySignal<WidgetSettings>;
  readonly timeZone: string;
  readonly clock: () => number;
  readonly timers: Timers;
}

export interface ReportInit {
  readonly period: PeriodChoice;
  /** The full report also wants the conversion trend. */
  readonly trend?: 'week' | 'month';
}

/**
 * The funnel report for the chosen period and managers, recomputed by the engine (off the main
 * thread) whenever the data, the choice or the settings change. Responses that arrive after a
 * newer request are dropped.
 */
export const ReportModel = createModel((deps: ReportDeps, init: ReportInit) => {
  const period = signal<PeriodChoice>(init.period);
  const managers = signal<readonly number[] | null>(null);
  const trend = signal<'week' | 'month' | null>(init.trend ?? null);
  /** Epoch seconds, advanced by a timer so stuck hours stay current on an open panel. */
  const tick = signal(Math.floor(deps.clock() / 1000));
  const state = signal<LoadState<FunnelReport>>({ status: 'idle' });
  /** The stage whose deals are open in the drill-down, if any. */
  const selectedStage = signal<number | null>(null);

  const options = computed((): ReportOptions | null => {
    // Read first: a new dataset yields new options (a new object), so the report recomputes.
    if (deps.data.engineVersion.value === 0) return null;
    const now = Math.max(tick.value, Math.floor(deps.clock() / 1000));
    const s = deps.settings.value;
    const users = managers.value;
    const granularity = trend.value;
    return {
      ...resolvePeriod(period.value, now, deps.timeZone),
      now,
      stuckDaysByStage: s.stuckDays,
      minSample: s.minSample,
      includeOpenDeals: true,
      ...(users && users.length > 0 ? { responsibleUserIds: users } : {}),
      ...(granularity ? { trend: { granularity, timeZone: deps.timeZone } } : {}),
    };
  });

  effect(() => {
    const opts = options.value;
    if (!opts) return undefined;
    let current = true;
    state.value = { status: 'loading', previous: latest(state.peek()) };
    deps.engine.report(opts).then(
      report => {
        if (current) state.value = { status: 'ok', data: report };
      },
      (error: unknown) => {
        if (current) {
          const message = error instanceof Error ? error.message : String(error);
          state.value = { status: 'error', message, previous: latest(state.peek()) };
        }
      },
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
    period,
    managers,
    trend,
    state,
    selectedStage,
    report: computed(() => latest(state.value)),
    setPeriod: (choice: PeriodChoice) => {
      period.value = choice;
    },
    setManagers: (ids: readonly number[] | null) => {
      managers.value = ids && ids.length > 0 ? ids : null;
    },
    selectStage: (stageId: number | null) => {
      selectedStage.value = stageId;
    },
  };
});

export type ReportModel = InstanceType<typeof ReportModel>;
