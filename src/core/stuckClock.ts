/**
 * Stuck on the working clock (docs/metrics.md, foresight, F.1a): the §7 rule run on working hours,
 * so a deal that sat through a weekend is not stuck for it. The elapsed rule (./stuck) stays the
 * default; this file only re-reads its thresholds and deals in working hours when asked.
 */
import type { CompletedVisits } from './model';
import { sortedHours } from './order';
import { quantile } from './quantile';
import type { Funnel } from './stages';
import type { StuckOptions, StuckThreshold } from './stuck';
import { MIN_LEARNING_SAMPLES } from './stuck';
import type { OpenDeal } from './types';
import type { WorkingWeek } from './workingWeek';
import { workingHours } from './workingTime';

/** Which clock the stuck rule reads: elapsed hours (§7) or working hours (F.1a). */
export type StuckClock = 'elapsed' | 'working';

/** The fallback threshold in days of the clock (§7's 168 hours is 7 elapsed days). */
export const DEFAULT_THRESHOLD_DAYS = 7;

/**
 * The week the stuck rule reads, or null on the elapsed clock. The working clock needs a working
 * week; asking for it without one is refused rather than silently left elapsed.
 */
export function stuckClockWeek(options: {
  readonly stuckClock?: StuckClock | undefined;
  readonly workingWeek?: WorkingWeek | undefined;
}): WorkingWeek | null {
  // Read as a string: a question that crossed to the worker is not held to the type.
  const clock: string = options.stuckClock ?? 'elapsed';
  if (clock === 'elapsed') return null;
  if (clock !== 'working') throw new RangeError(`stuckClock: unknown clock ${clock}`);
  if (!options.workingWeek) throw new RangeError('stuckClock: working needs a workingWeek');
  return options.workingWeek;
}

/** Hours of one working day: the sum of the week's intervals (F.1: the same every working day). */
export function workingDayHours(week: WorkingWeek): number {
  return week.hours.reduce((s, h) => s + (h.to - h.from), 0) / 60;
}

const memo = new WeakMap<readonly CompletedVisits[], { key: string; samples: Float64Array[] }>();

/**
 * Per place, the same completed visits `learningSamples` keeps (ended at or after the horizon's
 * cut), each measured in working hours, sorted. Kept per model, cut and week (by
 * value: a week that crossed to the worker is a new object each time), as the elapsed ones.
 */
export function workingLearningSamples(
  completed: readonly CompletedVisits[],
  now: number,
  horizonDays: number | undefined,
  week: WorkingWeek,
): Float64Array[] {
  const cut = horizonDays === undefined ? Number.NEGATIVE_INFINITY : now - horizonDays * 86_400;
  const key = `${cut}|${JSON.stringify(week)}`;
  const held = memo.get(completed);
  if (held?.key === key) return held.samples;
  const samples = completed.map(c => {
    const hours: number[] = [];
    for (let k = 0; k < c.ends.length; k++) {
      const end = c.ends[k] ?? 0;
      if (!(end >= cut)) continue;
      // Starts are whole seconds and hours were (end - start) / 3600: rounding restores the start.
      const start = Math.round(end - (c.hours[k] ?? 0) * 3600);
      hours.push(workingHours(start, end, week));
    }
    return sortedHours(Float64Array.from(hours));
  });
  memo.set(completed, { key, samples });
  return samples;
}

/**
 * The working thresholds per place when the report asked for the working clock, else null (a
 * working clock without a week throws, see `stuckClockWeek`).
 */
export function stuckClockThresholds(
  funnel: Funnel,
  completed: readonly CompletedVisits[],
  options: StuckOptions & Parameters<typeof stuckClockWeek>[0] & { readonly now: number },
): StuckThreshold[] | null {
  const week = stuckClockWeek(options);
  if (!week) return null;
  const samples = workingLearningSamples(completed, options.now, options.horizonDays, week);
  return workingThresholds(funnel, samples, options, week);
}

/** `stuckThresholdWorkingHours` of the place, present only on the working clock. */
export function workingThresholdField(
  thresholds: readonly StuckThreshold[] | null,
  place: number,
): { readonly stuckThresholdWorkingHours?: number } {
  return thresholds ? { stuckThresholdWorkingHours: thresholds[place]?.hours ?? 0 } : {};
}

/**
 * F.1a thresholds per place in working hours, from the same source as the elapsed one: a setting of
 * `d` days is `d` working days (`d × h`), the learned one is the p90 of the working-hour samples
 * (at least 10), the fallback is 7 working days.
 */
export function workingThresholds(
  funnel: Funnel,
  samples: readonly Float64Array[],
  options: StuckOptions,
  week: WorkingWeek,
): StuckThreshold[] {
  const h = workingDayHours(week);
  return funnel.places.map((stage, i) => {
    const days = options.stuckDaysByStage?.[String(stage.id)] ?? options.stuckDays;
    if (days !== undefined) return { hours: days * h, source: 'setting' };
    const hours = samples[i] ?? new Float64Array(0);
    const p90 = hours.length >= MIN_LEARNING_SAMPLES ? quantile(hours, 0.9) : null;
    if (p90 !== null) return { hours: p90, source: 'learned' };
    return { hours: DEFAULT_THRESHOLD_DAYS * h, source: 'default' };
  });
}

/**
 * The deals with `thresholdWorkingHours` of their place, ordered by how far past it their working
 * hours are (then lead id); each must already carry `workingHoursInStage`. Without working
 * thresholds (the elapsed clock) the deals as given.
 */
export function onWorkingClock(
  deals: OpenDeal[],
  funnel: Funnel,
  thresholds: readonly StuckThreshold[] | null,
): OpenDeal[] {
  if (!thresholds) return deals;
  const byStage = new Map(funnel.places.map((s, i) => [s.id, thresholds[i]?.hours ?? 0]));
  return deals
    .map(d => ({ ...d, thresholdWorkingHours: byStage.get(d.stageId) ?? 0 }))
    .sort((a, b) => workingExcess(b) - workingExcess(a) || a.leadId - b.leadId);
}

function workingExcess(d: OpenDeal): number {
  return (d.workingHoursInStage ?? 0) - (d.thresholdWorkingHours ?? 0);
}
