import type { VNode } from 'preact';
import type { OpenDeal } from '../../core';
import { isStuck } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';

export interface Props {
  readonly deal: OpenDeal;
  /** The lead's name from the synced data; null when it is not there. */
  readonly name: string | null;
}

/** One open deal: a link to its card, who owns it, days at the stage against the threshold, budget. */
export function DealRow({ deal, name }: Props): VNode {
  const env = useEnv();
  const { t, fmt } = env;
  const url = env.leadUrl(deal.leadId);
  const over = isStuck(deal.hoursInStage, deal.thresholdHours);
  const label = name || t('fl.drill.lead', { id: deal.leadId });
  return (
    <li class="fl-deal">
      <a
        class="fl-deal__name"
        href={url}
        // The narrow panel cuts long names with "…": the whole name is one hover away.
        title={label}
        onClick={e => {
          // amoCRM is a single-page app: navigate inside it instead of reloading the page.
          e.preventDefault();
          env.navigate(url);
        }}
      >
        {label}
      </a>
      <span class="fl-deal__budget fl-num">{fmt.money(deal.price)}</span>
      <span class="fl-deal__manager">{env.userName(deal.responsibleUserId)}</span>
      <MetricHint
        text={
          deal.hoursAtLeast
            ? `${t('fl.metric.hoursInStage')}\n${t('fl.metric.hoursAtLeast')}`
            : t('fl.metric.hoursInStage')
        }
      >
        <span class={over ? 'fl-deal__days fl-deal__days--over fl-num' : 'fl-deal__days fl-num'}>
          {t('fl.drill.daysOf', {
            // Entered the stage before the loaded history: only a lower bound is known.
            days: deal.hoursAtLeast
              ? t('fl.common.atLeast', { value: fmt.days(deal.hoursInStage) })
              : fmt.days(deal.hoursInStage),
            threshold: fmt.days(deal.thresholdHours),
          })}
        </span>
      </MetricHint>
      {deal.unattended === true && (
        <span class="fl-deal__task">
          <MetricHint text={t('fl.metric.unattended')} align="start">
            <span class="fl-deal__task-badge">
              {t(deal.closestTaskAt === null ? 'fl.drill.noTask' : 'fl.drill.taskOverdue')}
            </span>
          </MetricHint>
        </span>
      )}
    </li>
  );
}
