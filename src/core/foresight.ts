/**
 * Foresight in the report (docs/metrics.md, foresight, F.4): significant changes, the forecast's
 * range and working-hour durations, computed over the same scope as every other number and only
 * when asked, so a report that asks none of them is what it was before.
 */
import { DEFAULT_CONFIDENCE, transitionChanges } from './alerts';
import { baselineDecidedCounts, baselineWindows, decidedCounts } from './alertBaseline';
import type { CohortCounts } from './cohort';
import { distributions, distributionsZone } from './distributions';
import type { LeadFacts } from './facts';
import { forecastRange } from './forecastRange';
import type {
  AlertsReport,
  DistributionsReport,
  ForecastRange,
  ForesightEcho,
  ForesightOptions,
  WorkingDurations,
} from './foresightTypes';
import { quantile, sortedValues, summarize } from './quantile';
import type { Funnel } from './stages';
import type { StuckThreshold } from './stuck';
import type { OpenDeal, Period, StageTime } from './types';
import type { WorkingWeek } from './workingWeek';
import { workingHours } from './workingTime';

/** The level alerts use, or null when they were not asked for; a level outside [0.5, 1) throws. */
export function alertConfidence(options: ForesightOptions): number | null {
  const a = options.alerts;
  if (a === undefined || a === false) return null;
  const confidence = (a === true ? undefined : a.confidence) ?? DEFAULT_CONFIDENCE;
  if (!(confidence >= 0.5 && confidence < 1))
    throw new RangeError(`alerts: confidence ${confidence} is not in [0.5, 1)`);
  return confidence;
}

/**
 * F.2 over the report's cohort (`counts`) and its baseline, read from the same narrowed facts
 * (`byCreated`) the cohort came from.
 */
export function alertsReport(
  funnel: Funnel,
  counts: CohortCounts,
  byCreated: readonly LeadFacts[],
  window: Period & { readonly now: number },
  settings: { readonly confidence: number; readonly minSample: number },
): AlertsReport {
  const windows = baselineWindows(window, window.now);
  const earliest = windows[windows.length - 1]?.period.from ?? window.from;
  return {
    confidence: settings.confidence,
    minSample: settings.minSample,
    baseline: { from: earliest, to: window.from, windows: windows.length },
    transitions: transitionChanges(
      funnel,
      decidedCounts(counts),
      baselineDecidedCounts(funnel, byCreated, window, window.now),
      settings,
    ),
  };
}

/** The horizons asked for, or null; a horizon that is not a number above 0 throws. */
export function forecastHorizons(options: ForesightOptions): readonly number[] | null {
  const days = options.forecastDays;
  if (days === undefined) return null;
  const bad = days.find(h => !(h > 0 && Number.isFinite(h)));
  if (bad !== undefined)
    throw new RangeError(`forecastDays: ${bad} is not a number of days above 0`);
  return days;
}

/**
 * §6 in working hours, per place: the cohort's completed visits and its open deals' waits, each
 * measured with `workingHours` instead of elapsed hours. The same visits as `stageTimes`.
 */
export function workingStageTimes(
  places: number,
  cohort: readonly LeadFacts[],
  now: number,
  week: WorkingWeek,
): StageTime[] {
  const completed: number[][] = Array.from({ length: places }, () => []);
  const open: number[][] = Array.from({ length: places }, () => []);
  for (const f of cohort) {
    for (let k = 0; k < f.completedStages.length; k++) {
      const end = f.completedEnds[k] ?? 0;
      // Visit starts are whole seconds (the timeline's encoding relies on it) and the hours were
      // (end - start) / 3600, so rounding gives the start back exactly.
      const start = Math.round(end - (f.completedHours[k] ?? 0) * 3600);
      completed[f.completedStages[k] ?? -1]?.push(workingHours(start, end, week));
    }
    if (f.currentIndex >= 0 && f.currentVisitStart !== null)
      open[f.currentIndex]?.push(workingHours(f.currentVisitStart, now, week));
  }
  return completed.map((hours, i) => ({
    ...summarize(hours),
    openMedianHours: quantile(sortedValues(open[i] ?? []), 0.5),
  }));
}

/** §11.4 in working hours: from creation to the first status change, over the same leads. */
export function workingResponse(cohort: readonly LeadFacts[], week: WorkingWeek): WorkingDurations {
  const hours: number[] = [];
  for (const f of cohort)
    if (f.firstMoveAt !== null) hours.push(workingHours(f.lead.createdAt, f.firstMoveAt, week));
  return summarize(hours);
}

/**
 * Each deal with `workingHoursInStage`: the working hours from its current visit's start to
 * `now` (a lower bound too when `hoursAtLeast`). The order is left as given: on the working
 * clock (F.1a) `onWorkingClock` re-orders them.
 */
export function withWorkingHours(
  deals: OpenDeal[],
  scope: readonly LeadFacts[],
  now: number,
  week: WorkingWeek | undefined,
): OpenDeal[] {
  if (!week) return deals;
  const starts = new Map<number, number>();
  for (const f of scope)
    if (f.currentVisitStart !== null) starts.set(f.lead.id, f.currentVisitStart);
  return deals.map(d => ({
    ...d,
    workingHoursInStage: workingHours(starts.get(d.leadId) ?? now, now, week),
  }));
}

/** What `foresightBlocks` reads: the report's scope and cohort, as `reportFromModel` made them. */
export interface ForesightInputs {
  readonly funnel: Funnel;
  readonly counts: CohortCounts;
  readonly cohort: readonly LeadFacts[];
  readonly scope: readonly LeadFacts[];
  readonly scopeByCreated: readonly LeadFacts[];
  readonly minSample: number;
  readonly historyFrom: number | null;
  /** Per place (main, then side stages), as the report's stages carry them: F.5 marks them. */
  readonly thresholds?: readonly StuckThreshold[];
}

/** The report's top-level foresight blocks, each only when asked for. */
export function foresightBlocks(
  inputs: ForesightInputs,
  options: ForesightOptions & Period & { readonly now: number },
): {
  readonly alerts?: AlertsReport;
  readonly forecastRange?: ForecastRange;
  readonly workingResponse?: WorkingDurations;
  readonly distributions?: DistributionsReport;
} {
  const confidence = alertConfidence(options);
  const horizons = forecastHorizons(options);
  const week = options.workingWeek;
  const zone = distributionsZone(options.distributions);
  const { funnel, minSample } = inputs;
  return {
    ...(confidence !== null
      ? {
          alerts: alertsReport(funnel, inputs.counts, inputs.scopeByCreated, options, {
            confidence,
            minSample,
          }),
        }
      : {}),
    ...(horizons !== null
      ? {
          forecastRange: forecastRange(funnel, inputs.scope, options.now, {
            horizonsDays: horizons,
            historyFrom: inputs.historyFrom,
          }),
        }
      : {}),
    ...(week ? { workingResponse: workingResponse(inputs.cohort, week) } : {}),
    ...(zone !== null
      ? {
          distributions: distributions(
            funnel,
            { cohort: inputs.cohort, scope: inputs.scope, thresholds: inputs.thresholds ?? [] },
            options,
            zone,
          ),
        }
      : {}),
  };
}

/** The foresight options as used, each only when asked for. */
export function echoForesight(options: ForesightOptions): ForesightEcho {
  const confidence = alertConfidence(options);
  const horizons = forecastHorizons(options);
  const week = options.workingWeek;
  const zone = distributionsZone(options.distributions);
  return {
    ...(confidence !== null ? { alerts: { confidence } } : {}),
    ...(horizons !== null ? { forecastDays: [...horizons] } : {}),
    ...(week ? { workingWeek: week } : {}),
    ...(options.stuckClock !== undefined ? { stuckClock: options.stuckClock } : {}),
    ...(zone !== null ? { distributions: { timeZone: zone } } : {}),
  };
}
