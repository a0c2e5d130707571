import { unattended } from './activity';
import type { LeadFacts } from './facts';
import { quantile, sortedValues, summarize } from './quantile';
import type { Funnel } from './stages';
import type { StuckThreshold } from './stuck';
import type { OpenDeal, StageTime } from './types';

/** Completed visit durations per stage, in hours, over the given leads. */
function completedByStage(n: number, facts: readonly LeadFacts[]): number[][] {
  const byStage: number[][] = Array.from({ length: n }, () => []);
  for (const f of facts) {
    for (let k = 0; k < f.completedStages.length; k++) {
      byStage[f.completedStages[k] ?? -1]?.push(f.completedHours[k] ?? 0);
    }
  }
  return byStage;
}

/** Time in stage of a cohort (metrics.md 6), per place: `n` main stages, or main then side. */
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

/**
 * Every lead now at an open stage (side stages too, metrics.md 11.3) with its time there and its stage's threshold, ordered as the
 * contract orders `stuck`: furthest past the threshold first, then by lead id.
 */
export function openDeals(
  funnel: Funnel,
  candidates: readonly LeadFacts[],
  thresholds: readonly StuckThreshold[],
  now: number,
): OpenDeal[] {
  const deals: OpenDeal[] = [];
  for (const f of candidates) {
    const stage = funnel.places[f.currentIndex];
    const threshold = thresholds[f.currentIndex];
    if (!stage || !threshold || f.currentVisitStart === null) continue;
    deals.push({
      leadId: f.lead.id,
      stageId: stage.id,
      hoursInStage: (now - f.currentVisitStart) / 3600,
      hoursAtLeast: f.currentVisitCensored,
      thresholdHours: threshold.hours,
      price: f.lead.price,
      responsibleUserId: f.lead.responsibleUserId,
      unattended: unattended(f.lead, now),
      closestTaskAt: f.lead.closestTaskAt ?? null,
    });
  }
  return deals.sort(
    (a, b) =>
      b.hoursInStage - b.thresholdHours - (a.hoursInStage - a.thresholdHours) ||
      a.leadId - b.leadId,
  );
}
