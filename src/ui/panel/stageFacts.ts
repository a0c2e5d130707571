import type { StageReport } from '../../core';
import type { Translate } from '../../i18n';
import { SOURCE_HINT } from '../common/thresholdText';
import type { Formatters } from '../format';
import { workingText } from '../common/workingText';

/**
 * The panel calls a stage "slow" when its median time is at least this many times the median of
 * all stages' medians: relative to this funnel's own pace, so a long B2B cycle is not all red.
 */
export const SLOW_FACTOR = 2;

/**
 * The median of the stages' median hours (stages without completed visits left out): the middle
 * one, or halfway between the two middle ones — the engine's quantile rule (metrics.md 6) at 0.5,
 * in the same arithmetic. Written out for a dozen numbers so that the core's quantile, and
 * d3-array with it, stay out of what every page of the Leads section loads.
 */
export function medianOfMedians(stages: readonly StageReport[]): number | null {
  const medians = Float64Array.from(
    stages.flatMap(s => (s.time.medianHours === null ? [] : [s.time.medianHours])),
  ).sort();
  if (medians.length === 0) return null;
  const h = (medians.length - 1) / 2;
  const low = medians[Math.floor(h)] ?? 0;
  const high = medians[Math.ceil(h)] ?? low;
  return low + (high - low) * (h - Math.floor(h));
}

export function isSlow(stage: StageReport, base: number | null): boolean {
  const m = stage.time.medianHours;
  return m !== null && base !== null && base > 0 && m >= SLOW_FACTOR * base;
}

/** Hint texts join the contract's definition with the stage's own values, one per line. */
const lines = (...parts: readonly (string | false | null)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');

/**
 * The decided conversion's counts (metrics.md 5): reached the next stage, out of those decided
 * here. Its denominator is what the weakest-link rule (§8) holds against `minSample`.
 */
export function decidedCounts(
  stages: readonly StageReport[],
  wonReached: number,
  i: number,
): { readonly count: number; readonly total: number } {
  const s = stages[i];
  if (!s) return { count: 0, total: 0 };
  return { count: stages[i + 1]?.reached ?? wonReached, total: s.reached - s.undecided };
}

export function conversionHint(
  t: Translate,
  fmt: Formatters,
  s: StageReport,
  small: { readonly min: number; readonly count: number; readonly total: number } | null,
): string {
  return lines(
    t('fl.metric.conversionToNext'),
    t('fl.panel.hint.decided', { value: fmt.percent(s.decidedConversion) }),
    small &&
      t('fl.panel.hint.small', {
        min: fmt.int(small.min),
        count: fmt.int(small.count),
        total: fmt.int(small.total),
      }),
  );
}

export function decidedHint(
  t: Translate,
  fmt: Formatters,
  small: { readonly min: number; readonly count: number; readonly total: number } | null,
  weakMin: number | null,
): string {
  return lines(
    t('fl.metric.decidedConversion'),
    weakMin !== null && t('fl.metric.weakest', { min: weakMin }),
    small &&
      t('fl.panel.hint.small', {
        min: fmt.int(small.min),
        count: fmt.int(small.count),
        total: fmt.int(small.total),
      }),
  );
}

export function timeHint(
  t: Translate,
  fmt: Formatters,
  s: StageReport,
  base: number | null,
): string {
  return lines(
    t('fl.metric.median'),
    t('fl.panel.hint.time', {
      median: fmt.days(s.time.medianHours),
      p90: fmt.days(s.time.p90Hours),
      open: fmt.days(s.time.openMedianHours),
      samples: fmt.int(s.time.samples),
    }),
    t('fl.panel.hint.slowRule', { median: fmt.days(base) }),
  );
}

export function stuckHint(t: Translate, fmt: Formatters, s: StageReport): string {
  return lines(
    t('fl.metric.stuck'),
    t('fl.panel.hint.threshold', {
      days:
        s.stuckThresholdWorkingHours === undefined
          ? fmt.days(s.stuckThresholdHours)
          : workingText(t, fmt, s.stuckThresholdWorkingHours),
    }),
    t(SOURCE_HINT[s.stuckThresholdSource]),
    // With working hours on, say which clock the threshold is on (metrics.md F.4, F.1a).
    s.stuckThresholdWorkingHours !== undefined
      ? t('fl.working.thresholdWorking')
      : s.workingTime !== undefined && t('fl.working.threshold'),
  );
}

/** `timeHint` for the working-hours figures (metrics.md F.4): which clock, then the values. */
export function workingTimeHint(
  t: Translate,
  fmt: Formatters,
  w: NonNullable<StageReport['workingTime']>,
  base: number | null,
): string {
  return lines(
    t('fl.working.metric'),
    t('fl.working.stageHint', {
      median: workingText(t, fmt, w.medianHours),
      p90: workingText(t, fmt, w.p90Hours),
      open: workingText(t, fmt, w.openMedianHours),
      samples: fmt.int(w.samples),
    }),
    // «Медленно» is still judged on elapsed medians, in calendar days.
    t('fl.panel.hint.slowRule', { median: fmt.days(base) }),
  );
}
