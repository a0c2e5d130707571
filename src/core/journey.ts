import { buildVisits, orderEvents } from './history';
import { quantile } from './quantile';
import type { FunnelModel } from './model';
import { stageIndex } from './stages';
import type { StuckOptions, StuckThreshold } from './stuck';
import { isStuck, stuckThresholds } from './stuck';

/** The norm a single deal is measured against: all completed visits of the pipeline's leads. */
export interface StageNorm {
  readonly stageId: number;
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly threshold: StuckThreshold;
}

export function stageNorms(model: FunnelModel, options: StuckOptions): StageNorm[] {
  const thresholds = stuckThresholds(model.funnel, model.completedSorted, options);
  return model.funnel.stages.map((s, i) => {
    const sorted = model.completedSorted[i] ?? new Float64Array(0);
    return {
      stageId: s.id,
      samples: sorted.length,
      medianHours: quantile(sorted, 0.5),
      p90Hours: quantile(sorted, 0.9),
      threshold: thresholds[i] ?? { hours: 0, source: 'default' },
    };
  });
}

export interface JourneyStep {
  readonly pipelineId: number;
  readonly statusId: number;
  /** Open stage index in the model's pipeline, or -1 (incoming, won, lost, other pipeline). */
  readonly stageIndex: number;
  readonly start: number;
  readonly end: number | null;
  /** Duration; for the visit still going on, up to `now`. */
  readonly hours: number;
}

export interface LeadJourney {
  readonly leadId: number;
  readonly steps: readonly JourneyStep[];
  /** Where the deal sits now, measured against its stage's norm; null unless at an open stage. */
  readonly current: {
    readonly stageId: number;
    readonly hoursInStage: number;
    readonly norm: StageNorm;
    readonly stuck: boolean;
  } | null;
  readonly reachedIndex: number;
}

/**
 * One deal's path through the funnel (the visits of metrics.md 4) and its time in the current
 * stage against the stage's median, p90 and stuck threshold. `null` if the lead is not a pipeline
 * lead of the model.
 */
export function leadJourney(
  model: FunnelModel,
  leadId: number,
  now: number,
  norms: readonly StageNorm[],
): LeadJourney | null {
  const facts = model.factsById.get(leadId);
  if (!facts) return null;
  const visits = buildVisits(facts.lead, orderEvents(model.eventsOf.get(leadId) ?? []));
  const steps = visits.map(v => ({
    pipelineId: v.pipelineId,
    statusId: v.statusId,
    stageIndex: stageIndex(model.funnel, v.pipelineId, v.statusId),
    start: v.start,
    end: v.end,
    hours: ((v.end ?? now) - v.start) / 3600,
  }));
  const norm = norms[facts.currentIndex];
  const stage = model.funnel.stages[facts.currentIndex];
  const current =
    norm && stage && facts.currentVisitStart !== null
      ? (() => {
          const hoursInStage = (now - facts.currentVisitStart) / 3600;
          return {
            stageId: stage.id,
            hoursInStage,
            norm,
            stuck: isStuck(hoursInStage, norm.threshold.hours),
          };
        })()
      : null;
  return { leadId, steps, current, reachedIndex: facts.reachedIndex };
}
