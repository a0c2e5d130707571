import type { VNode } from 'preact';
import type { OpenDeal, SnoozeMark } from '../../core';
import { isDealStuck } from '../../core';
import type { SnoozeControl } from '../../state';
import { MetricHint } from '../common/MetricHint';
import { SnoozeAction } from '../common/SnoozeAction';
import { workingText } from '../common/workingText';
import { useEnv } from '../env';

export interface Props {
  readonly deal: OpenDeal;
  /** The lead's name from the synced data; null when it is not there. */
  readonly name: string | null;
  /** The snooze action (metrics.md F.6), where the fields are chosen; and the deal's mark. */
  readonly snooze?: SnoozeControl | null | undefined;
  readonly mark?: SnoozeMark | null | undefined;
}

/** One open deal: a link to its card, who owns it, days at the stage against the threshold, budget. */
export function DealRow({ deal, name, snooze = null, mark = null }: Props): VNode {
  const env = useEnv();
  const { t, fmt } = env;
  const url = env.leadUrl(deal.leadId);
  const over = isDealStuck(deal) && !mark;
  const label = name || t('fl.drill.lead', { id: deal.leadId });
  // Entered the stage before the loaded history: only a lower bound is known.
  const atLeast = (text: string) =>
    deal.hoursAtLeast ? t('fl.common.atLeast', { value: text }) : text;
  /**
   * With the switch on: the working hours at the stage, judged against the working threshold
   * (F.1a); a report without it (elapsed clock) keeps the calendar threshold (F.4).
   */
  const working = deal.workingHoursInStage;
  const workingThreshold = deal.thresholdWorkingHours;
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
        text={[
          t('fl.metric.hoursInStage'),
          deal.hoursAtLeast && t('fl.metric.hoursAtLeast'),
          working !== undefined && t('fl.working.metric'),
          working !== undefined &&
            t(
              workingThreshold === undefined
                ? 'fl.working.threshold'
                : 'fl.working.thresholdWorking',
            ),
        ]
          .filter(Boolean)
          .join('\n')}
      >
        <span class={over ? 'fl-deal__days fl-deal__days--over fl-num' : 'fl-deal__days fl-num'}>
          {working === undefined
            ? t('fl.drill.daysOf', {
                days: atLeast(fmt.days(deal.hoursInStage)),
                threshold: fmt.days(deal.thresholdHours),
              })
            : workingThreshold !== undefined
              ? t('fl.working.dealOfWorking', {
                  working: atLeast(workingText(t, fmt, working)),
                  threshold: workingText(t, fmt, workingThreshold),
                  days: atLeast(fmt.days(deal.hoursInStage)),
                })
              : t('fl.working.dealOf', {
                  working: atLeast(workingText(t, fmt, working)),
                  days: atLeast(fmt.days(deal.hoursInStage)),
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
      {/* Offered on stuck deals and shown on snoozed ones; the card offers it on any deal. */}
      {snooze && (over || mark) && (
        <SnoozeAction
          // A new mark (or none) after the refresh: the action starts over from it.
          key={mark?.until ?? 0}
          control={snooze}
          leadId={deal.leadId}
          responsibleUserId={deal.responsibleUserId}
          mark={mark}
        />
      )}
    </li>
  );
}
