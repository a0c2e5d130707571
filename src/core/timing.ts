import type { LeadFacts } from './facts';
import { quantile, sortedValues, summarize } from './quantile';
import type { Funnel } from './stages';
import type { OpenDeal, ReportOptions, StageTime } from './types';

/** Learned thresholds need at least this many completed visits (metrics.md 7). */
export const MIN_LEARNING_SAMPLES = 10;
/** Fallback threshold: 7 days. */
export const DEFAULT_THRESHOLD_HOURS = 168;

/** Completed visit durations per stage, in hours, over the given leads. */
export function completedByStage(n: number, facts: readonly LeadFacts[]): number[][] {
  const byStage: number[][] = Array.from({ length: n }, () => []);
  for (const f of facts) {
    for (let k = 0; k < f.completedStages.length; k++) {
      byStage[f.completedStages[k] ?? -1]?.push(f.completedHours[k] ?? 0);
    }
  }
  return byStage;
}

/** Time in stage of a cohort (metrics.md 6). */
export function stageTimes(n: number, cohort: readonly LeadFacts[], now: number): StageTime[] {
  const completed = completedByStage(n, cohort);
  const openAges: number[][] = Array.from({ length: n }, () => []);
  for (const f of cohort) {
    if (f.currentIndex >= 0 && f.currentVisitStart !== null) {
      openAges[f.currentIndex]?.push((now - f.currentVisitStart) / 3600);
    }
  }
  return completed.map((hours, i) => ({
    ...summarize(hours),
    openMedianHours: quantile(sortedValues(openAges[i] ?? []), 0.5),
  }));
}

export interface Threshold {
  readonly hours: number;
  readonly source: 'setting' | 'learned' | 'default';
}

/** Completed visit durations per stage, sorted ascending. */
export function sortedCompletedByStage(n: number, facts: readonly LeadFacts[]): Float64Array[] {
  return completedByStage(n, facts).map(sortedValues);
}

/**
 * Stuck threshold per stage (metrics.md 7): a per-stage setting, else `stuckDays`, else the p90
 * of completed visits of all pipeline leads when there are at least 10, else 7 days.
 */
export function stuckThresholds(
  funnel: Funnel,
  allCompletedSorted: readonly Float64Array[],
  options: Pick<ReportOptions, 'stuckDays' | 'stuckDaysByStage'>,
): Threshold[] {
  return funnel.stages.map((stage, i) => {
    const days = options.stuckDaysByStage?.[String(stage.id)] ?? options.stuckDays;
    if (days !== undefined) return { hours: days * 24, source: 'setting' };
    const hours = allCompletedSorted[i] ?? new Float64Array(0);
    if (hours.length >= MIN_LEARNING_SAMPLES) {
      return { hours: quantile(hours, 0.9) ?? DEFAULT_THRESHOLD_HOURS, source: 'learned' };
    }
    return { hours: DEFAULT_THRESHOLD_HOURS, source: 'default' };
  });
}

/**
 * Every lead now at an open stage with its time there and its stage's threshold, ordered as the
 * contract orders `stuck`: furthest past the threshold first, then by lead id.
 */
export function openDeals(
  funnel: Funnel,
  candidates: readonly LeadFacts[],
  thresholds: readonly Threshold[],
  now: number,
): OpenDeal[] {
  const deals: OpenDeal[] = [];
  for (const f of candidates) {
    const stage = funnel.stages[f.currentIndex];
    const threshold = thresholds[f.currentIndex];
    if (!stage || !threshold || f.currentVisitStart === null) continue;
    deals.push({
      leadId: f.lead.id,
      stageId: stage.id,
      hoursInStage: (now - f.currentVisitStart) / 3600,
      thresholdHours: threshold.hours,
      price: f.lead.price,
      responsibleUserId: f.lead.responsibleUserId,
    });
  }
  return deals.sort(
    (a, b) =>
      b.hoursInStage - b.thresholdHours - (a.hoursInStage - a.thresholdHours) ||
      a.leadId - b.leadId,
  );
}

export function isStuck(deal: OpenDeal): boolean {
  return deal.hoursInStage > deal.thresholdHours;
}
