import type { VNode } from 'preact';
import { unworkedShare } from '../../core';
import type { FunnelReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { workingText } from '../common/workingText';
import { useEnv } from '../env';
import { Icon } from './Icon';

export interface Props {
  readonly report: FunnelReport;
  readonly pipelineId: number;
  /** The pipeline's incoming status, for amoCRM's list of the requests still waiting there. */
  readonly incomingStatusId: number | null;
}

/**
 * metrics.md 11.4 at a glance: how many of the period's incoming requests were declined or are
 * still waiting (the seed's warning: up to 30% are lost before anyone works them), and how long
 * the first response takes. The waiting ones open in amoCRM's list.
 */
export function IncomingQueue({ report, pipelineId, incomingStatusId }: Props): VNode | null {
  const env = useEnv();
  const { t, fmt } = env;
  const q = report.incoming;
  const r = report.response;
  // In working hours while the user's switch is on (metrics.md F.4: `workingResponse`).
  const w = report.workingResponse;
  if (q.entered === 0 && r.samples === 0) return null;
  const unworked = q.declined + q.waiting;
  return (
    <section class="fl-incoming" aria-labelledby="fl-incoming-title">
      <h3 class="fl-incoming__title" id="fl-incoming-title">
        {t('fl.panel.incoming.title')}
      </h3>
      <dl class="fl-incoming__nums">
        {q.entered > 0 && (
          <div>
            <dt>{t('fl.panel.incoming.unworked')}</dt>
            <dd>
              <MetricHint text={t('fl.metric.incomingUnworked')} align="start">
                <span class="fl-num">
                  {t('fl.panel.incoming.share', {
                    share: fmt.percent(unworkedShare(q)),
                    count: fmt.int(unworked),
                    entered: fmt.int(q.entered),
                  })}
                </span>
              </MetricHint>
              <span class="fl-incoming__split">
                {t('fl.panel.incoming.split', {
                  declined: fmt.int(q.declined),
                  waiting: fmt.int(q.waiting),
                })}
              </span>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('fl.panel.incoming.response')}</dt>
          <dd>
            <MetricHint
              text={
                w
                  ? `${t('fl.metric.response')}\n${t('fl.working.metric')}`
                  : t('fl.metric.response')
              }
              align="start"
            >
              <span class="fl-num">
                {r.samples === 0
                  ? '—'
                  : t('fl.panel.incoming.responseValue', {
                      median: w ? workingText(t, fmt, w.medianHours) : fmt.hours(r.medianHours),
                      p90: w ? workingText(t, fmt, w.p90Hours) : fmt.hours(r.p90Hours),
                    })}
              </span>
            </MetricHint>
            {r.waiting > 0 && (
              <MetricHint text={t('fl.metric.responseWaiting')} align="start">
                <span class="fl-incoming__split">
                  {t('fl.panel.incoming.noResponse', { count: fmt.int(r.waiting) })}
                </span>
              </MetricHint>
            )}
          </dd>
        </div>
      </dl>
      {q.waiting > 0 && incomingStatusId !== null && (
        <button
          type="button"
          class="fl-drill__list"
          title={t('fl.panel.incoming.openHint')}
          onClick={() => env.navigate(env.stageListUrl(pipelineId, [incomingStatusId]))}
        >
          <Icon name="external" />
          <span>{t('fl.panel.incoming.open')}</span>
        </button>
      )}
    </section>
  );
}
