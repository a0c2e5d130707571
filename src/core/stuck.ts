/**
 * The stuck threshold, in one place (metrics.md 7 and its extensions): where each stage's
 * threshold comes from, and when a deal is past it. Every surface that says "stuck" (the panel,
 * the drill-down, the full report, the lead card, the CLI) reads these.
 */
import type { Funnel } from './stages';
import { quantile } from './quantile';

/** Learned thresholds need at least this many completed visits (metrics.md 7). */
export const MIN_LEARNING_SAMPLES = 10;
/** Fallback threshold: 7 days. */
export const DEFAULT_THRESHOLD_HOURS = 168;

/** How the thresholds are chosen: the report's options, the card's, the CLI's flags. */
export interface StuckOptions {
  /** One threshold for every stage, in days (metrics.md 7). */
  readonly stuckDays?: number | undefined;
  /**
   * Extension: per-stage thresholds in days keyed by stage id; they win over `stuckDays` for the
   * stages they name. Stages not named fall back to `stuckDays`, then to the learned p90.
   */
  readonly stuckDaysByStage?: Readonly<Record<string, number>> | undefined;
}

/** Where a threshold came from: a setting, the history's p90, or the 7-day fallback. */
export type ThresholdSource = 'setting' | 'learned' | 'default';

export interface StuckThreshold {
  readonly hours: number;
  readonly source: ThresholdSource;
}

/**
 * Stuck threshold per stage (metrics.md 7): a per-stage setting, else `stuckDays`, else the p90
 * of the completed visits of all pipeline leads when there are at least 10, else 7 days.
 *
 * @example
 * stuckThresholds(funnel, completedSorted, { stuckDaysByStage: { '31': 3 } })[0]
 * //=> { hours: 72, source: 'setting' }
 */
export function stuckThresholds(
  funnel: Funnel,
  completedSorted: readonly Float64Array[],
  options: StuckOptions,
): StuckThreshold[] {
  return funnel.stages.map((stage, i) => {
    const days = options.stuckDaysByStage?.[String(stage.id)] ?? options.stuckDays;
    if (days !== undefined) return { hours: days * 24, source: 'setting' };
    const hours = completedSorted[i] ?? new Float64Array(0);
    if (hours.length >= MIN_LEARNING_SAMPLES) {
      return { hours: quantile(hours, 0.9) ?? DEFAULT_THRESHOLD_HOURS, source: 'learned' };
    }
    return { hours: DEFAULT_THRESHOLD_HOURS, source: 'default' };
  });
}

/** metrics.md 7: a deal is stuck when its time at the stage is over the stage's threshold. */
export function isStuck(hoursInStage: number, thresholdHours: number): boolean {
  return hoursInStage > thresholdHours;
}

/** The options as the report echoes them (`options.stuckDays`, `options.stuckDaysByStage`). */
export function echoStuckOptions(options: StuckOptions): {
  readonly stuckDays: number | null;
  readonly stuckDaysByStage: Readonly<Record<string, number>> | null;
} {
  const byStage = options.stuckDaysByStage;
  return {
    stuckDays: options.stuckDays ?? null,
    stuckDaysByStage: byStage && Object.keys(byStage).length > 0 ? { ...byStage } : null,
  };
}
