import type { VNode } from 'preact';
import { difference } from '../../core';
import type { FunnelReport, WeakestTransition } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { adviceFor } from '../advice';
import { useEnv } from '../env';
import { previousComplete } from './HistoryNote';
import { stageName } from './names';
import { trendClass } from './Totals';

export interface Props {
  readonly report: FunnelReport;
  readonly weak: WeakestTransition;
  readonly onOpen: (stageId: number) => void;
}

/**
 * The weakest transition, its numbers and what to do about it. The transition's name is the
 * button that opens the stage's deals; a click anywhere on the card does the same, while the
 * numbers stay separate focus stops so their explanations are reachable by keyboard.
 */
export function WeakestCallout({ report, weak, onOpen }: Props): VNode {
  const { t, fmt } = useEnv();
  const fromIndex = report.stages.findIndex(s => s.id === weak.fromStageId);
  // Against the previous period at the same age (metrics.md 11.2), as the headline is.
  const then = report.previous.sameAge.stages.find(s => s.id === weak.fromStageId);
  const today = report.previous.stages.find(s => s.id === weak.fromStageId);
  const change = difference(weak.decidedConversion, then?.decidedConversion);
  const open = (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('.fl-hint__tip')) return;
    onOpen(weak.fromStageId);
  };
  return (
    // The card is a larger click target for the button inside it; keyboard users use the button.
    <section class="fl-weak" onClick={open}>
      <h3 class="fl-weak__title">
        <MetricHint
          text={t('fl.metric.weakest', { min: report.options.minSample })}
          align="start"
          placement="below"
        >
          {t('fl.panel.weak.title')}
        </MetricHint>
      </h3>
      <button type="button" class="fl-weak__open">
        {t('fl.panel.weak.transition', {
          from: stageName(t, report, weak.fromStageId),
          to: stageName(t, report, weak.toStageId),
        })}
      </button>
      <p class="fl-weak__nums">
        {/* The number the link was chosen by comes first; the plain one is for comparison. */}
        <MetricHint text={t('fl.metric.decidedConversion')} align="start">
          <span class="fl-num fl-weak__decided">
            {t('fl.panel.weak.decided', { value: fmt.percent(weak.decidedConversion) })}
          </span>
        </MetricHint>
        <MetricHint text={t('fl.metric.conversionToNext')}>
          <span class="fl-num">
            {t('fl.panel.weak.conversion', { value: fmt.percent(weak.conversion) })}
          </span>
        </MetricHint>
        {previousComplete(report) && (
          <MetricHint
            text={`${t('fl.metric.sameAge')}\n${t('fl.panel.hint.sameAgeStage', {
              value: fmt.percent(then?.decidedConversion ?? null),
              open: fmt.int(then?.undecided ?? 0),
              deals: fmt.int(then?.reached ?? 0),
              now: fmt.percent(today?.decidedConversion ?? null),
            })}`}
          >
            <span class={`fl-num ${trendClass(change)}`}>
              {t('fl.panel.weak.change', { value: fmt.points(change) })}
            </span>
          </MetricHint>
        )}
      </p>
      {report.money?.weakestTransition && (
        <p class="fl-weak__money">
          <MetricHint text={t('fl.report.hint.moneyWeakest')} align="start">
            {t('fl.report.funnel.moneyWeakest', {
              reached: fmt.money(report.money.weakestTransition.reached),
              decided: fmt.money(report.money.weakestTransition.decided),
              next: fmt.money(report.money.weakestTransition.next),
              conversion: fmt.percent(report.money.weakestTransition.conversion),
              decidedConversion: fmt.percent(report.money.weakestTransition.decidedConversion),
            })}
          </MetricHint>
        </p>
      )}
      <p class="fl-weak__advice">{t(adviceFor(Math.max(fromIndex, 0), report.stages.length))}</p>
    </section>
  );
}
