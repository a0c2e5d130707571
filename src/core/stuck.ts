/**
 * The stuck threshold, in one place (metrics.md 7 and its extensions): where each stage's
 * threshold comes from, and when a deal is past it. Every surface that says "stuck" (the panel,
 * the drill-down, the full report, the lead card, the CLI) reads these.
 */
import type { CompletedVisits } from './model';
import { sortedHours } from './order';
import type { Funnel } from './stages';
import type { OpenDeal } from './types';
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
  /**
   * metrics.md 11.1: learned thresholds and the card's norms count only completed visits that
   * ended in the last H days; all of them when undefined.
   */
  readonly horizonDays?: number | undefined;
}

/** Where a threshold came from: a setting, the history's p90, or the 7-day fallback. */
export type ThresholdSource = 'setting' | 'learned' | 'default';

export interface StuckThreshold {
  readonly hours: number;
  readonly source: ThresholdSource;
}

const memo = new WeakMap<readonly CompletedVisits[], { cut: number; samples: Float64Array[] }>();

/**
 * Per stage, the completed visits the thresholds and norms learn from (metrics.md 7, 11.1): those
 * that ended at or after `now - horizonDays·86400` (all without a horizon), their hours sorted.
 * The last answer is kept per model: reports for one instant ask the same question many times.
 */
export function learningSamples(
  completed: readonly CompletedVisits[],
  now: number,
  horizonDays: number | undefined,
): Float64Array[] {
  const cut = horizonDays === undefined ? Number.NEGATIVE_INFINITY : now - horizonDays * 86_400;
  const held = memo.get(completed);
  if (held?.cut === cut) return held.samples;
  const samples = completed.map(c => sortedHours(c.hours.subarray(firstAtOrAfter(c.ends, cut))));
  memo.set(completed, { cut, samples });
  return samples;
}

/** First index of an ascending array whose value is at least `t`. */
function firstAtOrAfter(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Stuck threshold per place, main then side stages (metrics.md 7, 11.3): a per-stage setting, else `stuckDays`, else the p90
 * of the learning samples when there are at least 10, else 7 days.
 *
 * @example
 * stuckThresholds(funnel, samples, { stuckDaysByStage: { '31': 3 } })[0]
 * //=> { hours: 72, source: 'setting' }
 */
export function stuckThresholds(
  funnel: Funnel,
  samples: readonly Float64Array[],
  options: StuckOptions,
): StuckThreshold[] {
  return funnel.places.map((stage, i) => {
    const days = options.stuckDaysByStage?.[String(stage.id)] ?? options.stuckDays;
    if (days !== undefined) return { hours: days * 24, source: 'setting' };
    const hours = samples[i] ?? new Float64Array(0);
    if (hours.length >= MIN_LEARNING_SAMPLES) {
      return { hours: quantile(hours, 0.9) ?? DEFAULT_THRESHOLD_HOURS, source: 'learned' };
    }
    return { hours: DEFAULT_THRESHOLD_HOURS, source: 'default' };
  });
}

/**
 * metrics.md 7: a deal is stuck when its time at the stage is over the stage's threshold. When
 * that time is only known to be at least `hoursInStage` (the visit began before the loaded
 * history), it is stuck exactly when the threshold is at most that.
 */
export function isStuck(hoursInStage: number, thresholdHours: number, atLeast = false): boolean {
  return atLeast ? thresholdHours <= hoursInStage : hoursInStage > thresholdHours;
}

/**
 * A deal of the report as the report judged it: on F.1a's working clock when it carries its
 * working threshold (then its working hours are there too), else by §7's elapsed rule.
 */
export function isDealStuck(
  d: Pick<
    OpenDeal,
    | 'hoursInStage'
    | 'thresholdHours'
    | 'hoursAtLeast'
    | 'workingHoursInStage'
    | 'thresholdWorkingHours'
  >,
): boolean {
  return d.thresholdWorkingHours === undefined
    ? isStuck(d.hoursInStage, d.thresholdHours, d.hoursAtLeast)
    : isStuck(d.workingHoursInStage ?? 0, d.thresholdWorkingHours, d.hoursAtLeast);
}

/** The options as the report echoes them (`stuckDays`, `stuckDaysByStage`, `horizonDays`). */
export function echoStuckOptions(options: StuckOptions): {
  readonly stuckDays: number | null;
  readonly stuckDaysByStage: Readonly<Record<string, number>> | null;
  readonly horizonDays: number | null;
} {
  const byStage = options.stuckDaysByStage;
  return {
    stuckDays: options.stuckDays ?? null,
    horizonDays: options.horizonDays ?? null,
    stuckDaysByStage: byStage && Object.keys(byStage).length > 0 ? { ...byStage } : null,
  };
}
