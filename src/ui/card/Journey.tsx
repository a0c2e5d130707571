import type { VNode } from 'preact';
import type { LeadJourney, Pipeline } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { workingText } from '../common/workingText';
import { useEnv } from '../env';
import { stepKind, stepName } from './steps';

export interface Props {
  readonly journey: LeadJourney;
  readonly pipelineId: number;
  readonly pipelines: readonly Pipeline[];
  /** With the «Рабочее время» switch on: each step's time in working hours (metrics.md F.4). */
  readonly working?: readonly number[] | null | undefined;
}

/** The deal's path: every stage it visited, when it entered and how long it stayed. */
export function Journey({ journey, pipelineId, pipelines, working = null }: Props): VNode {
  const { t, fmt } = useEnv();
  const last = journey.steps.length - 1;
  /** The working figure with its definition, the elapsed one beside it (calendar time). */
  const workingStep = (hours: number, elapsed: number, censored: boolean) => {
    const atLeast = (text: string) => (censored ? t('fl.common.atLeast', { value: text }) : text);
    const hint = [t('fl.card.working.step'), censored && t('fl.card.working.stepAtLeast')];
    return (
      <MetricHint text={[...hint, t('fl.working.metric')].filter(Boolean).join('\n')} align="start">
        {t('fl.card.working.value', {
          working: atLeast(workingText(t, fmt, hours)),
          days: atLeast(fmt.days(elapsed)),
        })}
      </MetricHint>
    );
  };
  return (
    <ol class="fl-journey" aria-label={t('fl.card.pathLabel')}>
      {journey.steps.map((step, i) => {
        const kind = stepKind(step, pipelineId, pipelines);
        const isCurrent = i === last && step.end === null;
        const hours = working?.[i];
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
                  {hours !== undefined
                    ? workingStep(hours, step.hours, step.censored)
                    : step.censored
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
