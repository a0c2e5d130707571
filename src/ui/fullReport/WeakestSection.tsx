import type { VNode } from 'preact';
import type { FunnelReport } from '../../core';
import { adviceFor } from '../advice';
import { weakestIndex } from '../chart';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { Section } from './Section';

export interface Props {
  readonly report: FunnelReport;
}

/**
 * The weakest transition and what to do about it, first on the page: it is the report's answer,
 * and below the funnel's chart and table it sat more than a screen down. With money on, the same
 * transition (chosen by counts) in budgets.
 */
export function WeakestSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const money = report.money?.weakestTransition ?? null;
  const weak = weakestIndex(report);
  const stage = report.stages[weak];
  const transition = report.weakestTransition;
  const next = report.stages[weak + 1]?.name ?? t('fl.report.wonRow');
  return (
    <Section id="weakest" title={t('fl.report.weakest.title')}>
      {transition && stage ? (
        <div class="fl-callout fl-callout--weak" role="note">
          <p>
            <MetricHint
              text={t('fl.metric.weakest', { min: report.options.minSample })}
              align="start"
            >
              {t('fl.report.funnel.weakest', {
                from: stage.name,
                to: next,
                decided: fmt.percent(transition.decidedConversion),
                conversion: fmt.percent(transition.conversion),
              })}
            </MetricHint>
          </p>
          {money ? (
            <p>
              <MetricHint text={t('fl.report.hint.moneyWeakest')} align="start">
                {t('fl.report.funnel.moneyWeakest', {
                  reached: fmt.money(money.reached),
                  decided: fmt.money(money.decided),
                  next: fmt.money(money.next),
                  conversion: fmt.percent(money.conversion),
                  decidedConversion: fmt.percent(money.decidedConversion),
                })}
              </MetricHint>
            </p>
          ) : null}
          <p>{t(adviceFor(weak, report.stages.length))}</p>
        </div>
      ) : (
        <p class="fl-muted">{t('fl.report.funnel.noWeakest', { min: report.options.minSample })}</p>
      )}
    </Section>
  );
}
