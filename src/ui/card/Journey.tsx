import type { VNode } from 'preact';
import type { LeadJourney, Pipeline } from '../../core';
import { useEnv } from '../env';
import { stepKind, stepName } from './steps';

export interface Props {
  readonly journey: LeadJourney;
  readonly pipelineId: number;
  readonly pipelines: readonly Pipeline[];
}

/** The deal's path: every stage it visited, when it entered and how long it stayed. */
export function Journey({ journey, pipelineId, pipelines }: Props): VNode {
  const { t, fmt } = useEnv();
  const last = journey.steps.length - 1;
  return (
    <ol class="fl-journey" aria-label={t('fl.card.pathLabel')}>
      {journey.steps.map((step, i) => {
        const kind = stepKind(step, pipelineId, pipelines);
        const isCurrent = i === last && step.end === null;
        return (
          <li
            key={`${step.start}-${i}`}
            class={`fl-journey__step fl-journey__step--${kind}${isCurrent ? ' fl-journey__step--current' : ''}`}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <span class="fl-journey__name">{stepName(step, kind, pipelines, t)}</span>
            <span class="fl-journey__meta fl-muted">
              <time dateTime={new Date(step.start * 1000).toISOString()}>
                {step.censored
                  ? t('fl.card.before', { date: fmt.date(step.start) })
                  : fmt.date(step.start)}
              </time>
              {kind === 'won' || kind === 'lost' ? null : (
                <span class="fl-num">
                  {' · '}
                  {step.censored
                    ? t('fl.common.atLeast', { value: fmt.days(step.hours) })
                    : fmt.days(step.hours)}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
