import type { VNode } from 'preact';
import type { FunnelReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';

export interface Props {
  readonly report: FunnelReport;
  readonly onOpen: (stageId: number) => void;
}

/**
 * metrics.md 11.3: the stages the admin set apart ("Недозвон"), listed below the funnel with
 * their own counts — a visit there is not a step forward, so they are not rows of the funnel.
 * Each opens its deals, stuck ones first, like a funnel stage.
 */
export function SideStages({ report, onOpen }: Props): VNode | null {
  const { t, fmt } = useEnv();
  const sides = report.sideStages;
  if (!sides || sides.length === 0) return null;
  return (
    <section class="fl-side" aria-label={t('fl.panel.side.title')}>
      <h3 class="fl-side__title">
        <MetricHint text={t('fl.metric.sideStages')} align="start">
          <span>{t('fl.panel.side.title')}</span>
        </MetricHint>
      </h3>
      <ul class="fl-side__list">
        {sides.map(s => (
          <li key={s.id} class="fl-side__row" data-stage-id={s.id}>
            <button
              type="button"
              class="fl-side__open"
              title={s.name}
              aria-label={t('fl.panel.side.open', { name: s.name })}
              onClick={() => onOpen(s.id)}
            >
              <span class="fl-side__name">{s.name}</span>
              {s.stuck > 0 && (
                <span class="fl-side__stuck">
                  {t('fl.panel.side.stuck', { count: fmt.int(s.stuck) })}
                </span>
              )}
            </button>
            <MetricHint text={t('fl.metric.sideCounts')} align="start">
              <span class="fl-side__nums">
                {t('fl.panel.side.counts', {
                  entered: fmt.int(s.entered),
                  current: fmt.int(s.current),
                  returned: fmt.int(s.returned),
                  lost: fmt.int(s.lost),
                })}
              </span>
            </MetricHint>
            {s.time.samples > 0 && (
              <MetricHint text={t('fl.metric.sideTime')} align="start">
                <span class="fl-side__time">
                  {t('fl.panel.side.time', { median: fmt.days(s.time.medianHours) })}
                </span>
              </MetricHint>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
