import type { ComponentChildren, VNode } from 'preact';
import { difference } from '../../core';
import type { FunnelReport } from '../../core';
import type { I18nKey } from '../../i18n';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { previousComplete } from './HistoryNote';

export interface Props {
  readonly report: FunnelReport;
}

interface CellProps {
  readonly label: I18nKey;
  readonly hint: string;
  readonly value: string;
  readonly children?: ComponentChildren;
}

/** Characters of a total's small print that fit its card in the panel's narrowest width. */
const REVENUE_CHARS = 11;

function Cell({ label, hint, value, children }: CellProps): VNode {
  const { t } = useEnv();
  return (
    <div class="fl-total">
      <dt class="fl-total__label">{t(label)}</dt>
      <dd class="fl-total__value">
        <MetricHint text={hint} placement="below" align="start">
          <span class="fl-num">{value}</span>
        </MetricHint>
        {children}
      </dd>
    </div>
  );
}

/**
 * The period in four numbers: deals, won (and revenue), lost, conversion — with how many of the
 * deals are still open, and the change against the previous period as it stood at the same age
 * (metrics.md 11.2: a young period is not compared with a finished one). The comparison shows
 * only when the previous period lies inside the loaded history (HistoryNote says so otherwise).
 */
export function Totals({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const { totals } = report;
  const then = report.previous.sameAge.totals;
  const change = difference(totals.conversion, then.conversion);
  const previousHint = `${t('fl.metric.sameAge')}\n${t('fl.panel.hint.sameAgeValue', {
    value: fmt.percent(then.conversion),
    open: fmt.int(then.open),
    deals: fmt.int(then.deals),
    now: fmt.percent(report.previous.totals.conversion),
  })}`;
  // A quarter of the panel's width holds about eleven characters of the small print; a longer
  // amount (Indonesian rupiah, a large account) is shown compact, exact in its hint.
  const revenue = fmt.moneyFit(totals.revenueWon, REVENUE_CHARS);
  return (
    <dl class="fl-totals" aria-label={t('fl.panel.totals.label')}>
      <Cell
        label="fl.panel.totals.deals"
        hint={t('fl.metric.deals')}
        value={fmt.int(totals.deals)}
      />
      <Cell label="fl.panel.totals.won" hint={t('fl.metric.won')} value={fmt.int(totals.won)}>
        <MetricHint
          text={
            revenue.compact
              ? `${t('fl.metric.revenueWon')}\n${fmt.money(totals.revenueWon)}`
              : t('fl.metric.revenueWon')
          }
          placement="below"
          align="start"
        >
          <span class="fl-total__sub fl-num">{revenue.text}</span>
        </MetricHint>
      </Cell>
      <Cell label="fl.panel.totals.lost" hint={t('fl.metric.lost')} value={fmt.int(totals.lost)} />
      <Cell
        label="fl.panel.totals.conversion"
        hint={t('fl.metric.conversion')}
        value={fmt.percent(totals.conversion)}
      >
        {previousComplete(report) && (
          <MetricHint text={previousHint} placement="below">
            <span class={`fl-total__sub fl-num ${trendClass(change)}`}>{fmt.points(change)}</span>
          </MetricHint>
        )}
        <MetricHint text={t('fl.metric.open')} placement="below">
          <span class="fl-total__open">
            {t('fl.panel.totals.stillOpen', {
              open: fmt.int(totals.open),
              deals: fmt.int(totals.deals),
            })}
          </span>
        </MetricHint>
      </Cell>
    </dl>
  );
}

/** Up is good for every number the panel compares (conversions). */
export function trendClass(change: number | null): string {
  if (change === null || change === 0) return 'fl-trend';
  return change > 0 ? 'fl-trend fl-trend--up' : 'fl-trend fl-trend--down';
}
