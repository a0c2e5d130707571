import { useComputed } from '@preact/signals';
import type { VNode } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import type { LeadJourney, Pipeline, SnoozeMark } from '../../core';
import type { CardModel, SnoozeControl } from '../../state';
import type { DataModel } from '../../state';
import { ErrorBanner, MetricHint, SyncStatus } from '../common';
import { SnoozeAction } from '../common/SnoozeAction';
import { workingText } from '../common/workingText';
import { useEnv } from '../env';
import { SOURCE_HINT } from '../common/thresholdText';
import { Journey } from './Journey';
import { StageGauge } from './StageGauge';
import { stepKind } from './steps';
import { journeyWorking } from './working';

export interface Props {
  readonly data: DataModel;
  readonly card: CardModel;
  readonly pipelineName: string;
  /**
   * Snoozing this deal (metrics.md F.6), where the fields are chosen: the action, the lead's mark
   * while its date is ahead, and its owner (who may edit it).
   */
  readonly snooze?: {
    readonly control: SnoozeControl;
    readonly mark: SnoozeMark | null;
    readonly responsibleUserId: number | null;
  } | null;
}

/** Where the deal is when it is not at an open stage: what to say instead of the gauge. */
function closedNote(journey: LeadJourney, pipelineId: number, pipelines: readonly Pipeline[]) {
  const last = journey.steps.at(-1);
  const kind = last ? stepKind(last, pipelineId, pipelines) : 'incoming';
  if (kind === 'won') return 'fl.card.isWon' as const;
  if (kind === 'lost') return 'fl.card.isLost' as const;
  return 'fl.card.isIncoming' as const;
}

/** The lead card's block: this deal's path through the funnel and its time in the current stage. */
export function CardBlock({ data, card, pipelineName, snooze = null }: Props): VNode {
  const { t, fmt } = useEnv();
  const pipelines = data.pipelines;
  const pipelineId = useComputed(() => data.pipeline.value?.id ?? 0);
  const state = card.state.value;
  const status = data.status.value;
  const notice = data.notice.value;
  // What was shown stays while a new answer is computed (the switch asks the engine again, F.1a).
  const view = state.status === 'ok' ? state.data : state.status === 'idle' ? null : state.previous;
  const id = useId();
  // Measured here only while the switch is on (metrics.md F.4): off, nothing is computed.
  const week = card.workingWeek.value;
  const working = useMemo(
    () => (view?.journey && week ? journeyWorking(view.journey, view.now, week) : null),
    [view, week],
  );
  const body = (): VNode | null => {
    if (state.status === 'error') return <ErrorBanner error={state.error} />;
    if (!view) {
      const first = status.activity.kind === 'syncing' && status.phase === 'none';
      // A failed first sync leaves nothing to compute; the banner above says why.
      if (!first && data.error.value) return null;
      return (
        <p class="fl-muted" role="status">
          {t(first ? 'fl.card.firstSync' : 'fl.card.loading')}
        </p>
      );
    }
    const { journey } = view;
    if (!journey)
      return <p class="fl-muted">{t('fl.card.notFound', { pipeline: pipelineName })}</p>;
    const current = journey.current;
    // F.1a: with the switch on the engine judged "stuck" on the working clock, against this.
    const workingThreshold = working ? (current?.norm.workingThreshold ?? null) : null;
    // F.6: a snoozed deal is not stuck until its date; its mark says so instead.
    const mark = snooze?.mark ?? null;
    return (
      <>
        {/* Only where the admin set a working week (metrics.md F.1). */}
        {card.workingAvailable.value && (
          <>
            <label class="fl-card__working" title={t('fl.working.switchHint')}>
              <input
                type="checkbox"
                checked={card.working.value}
                aria-describedby={`${id}-working`}
                onChange={e => card.setWorking(e.currentTarget.checked)}
              />
              {t('fl.working.switch')}
            </label>
            {/* Outside the label, so the switch's name stays its two words. */}
            <span class="fl-sr-only" id={`${id}-working`}>
              {t('fl.working.switchHint')}
            </span>
          </>
        )}
        {current ? (
          <div class="fl-card__now">
            {current.stuck && !mark ? (
              <MetricHint
                text={`${t(SOURCE_HINT[current.norm.threshold.source])} ${t('fl.card.stuckHint', {
                  threshold:
                    workingThreshold === null
                      ? fmt.days(current.norm.threshold.hours)
                      : workingText(t, fmt, workingThreshold.hours),
                })}${
                  workingThreshold !== null
                    ? `\n${t('fl.working.thresholdWorking')}`
                    : working
                      ? `\n${t('fl.working.threshold')}`
                      : ''
                }`}
                align="start"
              >
                <span class="fl-badge fl-badge--stuck">{t('fl.card.stuck')}</span>
              </MetricHint>
            ) : null}
            <StageGauge
              hoursInStage={current.hoursInStage}
              hoursAtLeast={current.hoursAtLeast}
              norm={current.norm}
              stuck={current.stuck}
              workingHours={working?.inStage ?? null}
            />
            {snooze && (current.stuck || mark) && (
              <SnoozeAction
                // A new mark (or none) after the refresh: the action starts over from it.
                key={mark?.until ?? 0}
                control={snooze.control}
                leadId={journey.leadId}
                responsibleUserId={snooze.responsibleUserId}
                mark={mark}
              />
            )}
          </div>
        ) : (
          <p class="fl-card__note">{t(closedNote(journey, pipelineId.value, pipelines.value))}</p>
        )}
        <h4 class="fl-card__subtitle">{t('fl.card.path', { pipeline: pipelineName })}</h4>
        <Journey
          journey={journey}
          pipelineId={pipelineId.value}
          pipelines={pipelines.value}
          working={working?.steps ?? null}
        />
      </>
    );
  };
  return (
    <div class="fl-card" aria-busy={state.status === 'loading'}>
      <ErrorBanner
        error={notice?.failure ?? null}
        shown={notice?.shown}
        retryAt={notice?.retryAt}
        onRetry={data.refresh}
      />
      {body()}
      <SyncStatus data={data} />
    </div>
  );
}
