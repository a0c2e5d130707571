import { quantile } from './quantile';
import type { Visit } from './history';
import type { FunnelModel } from './model';
import { stageIndex } from './stages';
import type { StuckOptions, StuckThreshold } from './stuck';
import { isStuck, learningSamples, stuckThresholds } from './stuck';
import type { StuckClock } from './stuckClock';
import { stuckClockThresholds } from './stuckClock';
import type { WorkingWeek } from './workingWeek';
import { workingHours } from './workingTime';

/** The card's question: the report's stuck options, and F.1a's clock with its week. */
export interface JourneyOptions extends StuckOptions {
  readonly stuckClock?: StuckClock | undefined;
  readonly workingWeek?: WorkingWeek | undefined;
}

/**
 * The norm a single deal is measured against: the completed visits of all the pipeline's leads
 * (within the history horizon, metrics.md 11.1) and the stage's stuck threshold.
 */
export interface StageNorm {
  readonly stageId: number;
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly threshold: StuckThreshold;
  /** F.1a: the threshold in working hours; present on the working clock. */
  readonly workingThreshold?: StuckThreshold;
}

export function stageNorms(model: FunnelModel, options: JourneyOptions, now: number): StageNorm[] {
  const samples = learningSamples(model.completed, now, options.horizonDays);
  const thresholds = stuckThresholds(model.funnel, samples, options);
  const working = stuckClockThresholds(model.funnel, model.completed, { ...options, now });
  return model.funnel.places.map((s, i) => {
    const sorted = samples[i] ?? new Float64Array(0);
    return {
      stageId: s.id,
      samples: sorted.length,
      medianHours: quantile(sorted, 0.5),
      p90Hours: quantile(sorted, 0.9),
      threshold: thresholds[i] ?? { hours: 0, source: 'default' },
      ...(working ? { workingThreshold: working[i] ?? { hours: 0, source: 'default' } } : {}),
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
  /** The visit began before the loaded history: `start` is that history's start, `hours` a lower bound. */
  readonly censored: boolean;
}

export interface LeadJourney {
  readonly leadId: number;
  readonly steps: readonly JourneyStep[];
  /** Where the deal sits now, measured against its stage's norm; null unless at an open stage. */
  readonly current: {
    readonly stageId: number;
    readonly hoursInStage: number;
    /** `hoursInStage` is a lower bound (the visit began before the loaded history). */
    readonly hoursAtLeast: boolean;
    readonly norm: StageNorm;
    /** F.1a: working hours of the current visit, up to `now`; present on the working clock. */
    readonly workingHoursInStage?: number;
    /** §7, or F.1a's rule on the working clock (when the norm has a working threshold). */
    readonly stuck: boolean;
  } | null;
  readonly reachedIndex: number;
}

/**
 * One deal's path through the funnel (the visits of metrics.md 4) and its time in the current
 * stage against the stage's median, p90 and stuck threshold, from the lead's `visits` (the model
 * keeps facts, not visits: see `leadVisits`). `null` if the lead is not a pipeline lead of the
 * model.
 */
export function leadJourney(
  model: FunnelModel,
  leadId: number,
  now: number,
  norms: readonly StageNorm[],
  visits: readonly Visit[],
  week: WorkingWeek | null = null,
): LeadJourney | null {
  const facts = model.factsById.get(leadId);
  if (!facts) return null;
  const steps = visits.map(v => ({
    pipelineId: v.pipelineId,
    statusId: v.statusId,
    stageIndex: stageIndex(model.funnel, v.pipelineId, v.statusId),
    start: v.start,
    end: v.end,
    hours: ((v.end ?? now) - v.start) / 3600,
    censored: v.censored,
  }));
  const norm = norms[facts.currentIndex];
  const stage = model.funnel.places[facts.currentIndex];
  const current =
    norm && stage && facts.currentVisitStart !== null
      ? (() => {
          const hoursInStage = (now - facts.currentVisitStart) / 3600;
          const hoursAtLeast = facts.currentVisitCensored;
          const working = norm.workingThreshold;
          if (week && working) {
            const workingHoursInStage = workingHours(facts.currentVisitStart, now, week);
            return {
              stageId: stage.id,
              hoursInStage,
              hoursAtLeast,
              norm,
              workingHoursInStage,
              stuck: isStuck(workingHoursInStage, working.hours, hoursAtLeast),
            };
          }
          return {
            stageId: stage.id,
            hoursInStage,
            hoursAtLeast,
            norm,
            stuck: isStuck(hoursInStage, norm.threshold.hours, hoursAtLeast),
          };
        })()
      : null;
  return { leadId, steps, current, reachedIndex: facts.reachedIndex };
}
