import type { JourneyStep } from '../../core';
import { INCOMING_STATUS_TYPE, LOST_STATUS_ID, WON_STATUS_ID } from '../../core';
import type { Pipeline } from '../../core';
import type { Translate } from '../../i18n';

export type StepKind = 'stage' | 'incoming' | 'won' | 'lost' | 'other';

/** What a journey step was, for the funnel of `pipelineId` (metrics.md 2: by id, never by name). */
export function stepKind(
  step: JourneyStep,
  pipelineId: number,
  pipelines: readonly Pipeline[],
): StepKind {
  if (step.pipelineId !== pipelineId) return 'other';
  if (step.statusId === WON_STATUS_ID) return 'won';
  if (step.statusId === LOST_STATUS_ID) return 'lost';
  if (step.stageIndex >= 0) return 'stage';
  const status = pipelines
    .find(p => p.id === pipelineId)
    ?.statuses.find(s => s.id === step.statusId);
  // A status of this pipeline that is not an open stage is its incoming one (or unknown to us).
  return status && status.type !== INCOMING_STATUS_TYPE ? 'stage' : 'incoming';
}

/** A step's name: the stage's own name, or what the step means outside the funnel. */
export function stepName(
  step: JourneyStep,
  kind: StepKind,
  pipelines: readonly Pipeline[],
  t: Translate,
): string {
  switch (kind) {
    case 'won':
      return t('fl.card.won');
    case 'lost':
      return t('fl.card.lost');
    case 'incoming':
      return t('fl.card.incoming');
    case 'other': {
      const name = pipelines.find(p => p.id === step.pipelineId)?.name;
      return name ? t('fl.card.otherPipelineNamed', { name }) : t('fl.card.otherPipeline');
    }
    case 'stage': {
      const status = pipelines
        .find(p => p.id === step.pipelineId)
        ?.statuses.find(s => s.id === step.statusId);
      return status?.name ?? `#${step.statusId}`;
    }
  }
}
