import type { VNode } from 'preact';
import type { TrendBucket } from '../../core';
import { Chart, trendConfig, trendSummary } from '../chart';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { Share, withInterval } from './Share';
import { useReportTools } from './tools';

export interface Props {
  readonly buckets: readonly TrendBucket[];
  readonly granularity: 'week' | 'month';
  /** Below it a bucket's conversion is greyed (too few deals to read it alone). */
  readonly minSample: number;
}

/**
 * The period's conversion per calendar week or month, each bucket a cohort of its own; buckets
 * whose deals are mostly still open are marked as too young to compare.
 */
export function TrendSection({ buckets, granularity, minSample }: Props): VNode {
  const { t, fmt } = useEnv();
  const { createChart } = useReportTools();
  const columns: Column<TrendBucket>[] = [
    {
      label: t('fl.report.col.bucket'),
      text: true,
      value: b => `${fmt.date(b.from)} – ${fmt.date(b.to - 1)}`,
    },
    {
      label: t('fl.report.col.deals'),
      hint: t('fl.metric.deals'),
      value: b => b.totals.deals,
      show: b => fmt.int(b.totals.deals),
    },
    {
      label: t('fl.report.col.firstStage'),
      hint: t('fl.metric.reached'),
      value: b => b.reached[0] ?? 0,
      show: b => fmt.int(b.reached[0] ?? 0),
    },
    {
      label: t('fl.report.col.won'),
      hint: t('fl.metric.won'),
      value: b => b.totals.won,
      show: b => fmt.int(b.totals.won),
    },
    {
      label: t('fl.report.col.lost'),
      hint: t('fl.metric.lost'),
      value: b => b.totals.lost,
      show: b => fmt.int(b.totals.lost),
    },
    {
      label: t('fl.report.col.open'),
      hint: t('fl.metric.open'),
      value: b => b.totals.open,
      show: b => fmt.int(b.totals.open),
    },
    {
      label: t('fl.report.col.conversion'),
      hint: withInterval(t('fl.metric.conversion'), t('fl.report.hint.interval')),
      value: b => b.totals.conversion,
      show: b => {
        // metrics.md 9: won ÷ reached the first stage.
        const share = <Share k={b.totals.won} n={b.reached[0] ?? 0} min={minSample} />;
        return b.young ? (
          <MetricHint text={t('fl.metric.young')}>
            <span class="fl-young">
              {share} · {t('fl.report.trend.young')}
            </span>
          </MetricHint>
        ) : (
          share
        );
      },
    },
  ];
  return (
    <Section
      id="trend"
      title={t(granularity === 'week' ? 'fl.report.trend.titleWeek' : 'fl.report.trend.titleMonth')}
    >
      {buckets.length > 1 ? (
        <Chart
          build={theme => trendConfig(buckets, { t, fmt, theme })}
          source={buckets}
          label={trendSummary(buckets, { t, fmt })}
          height={240}
          createChart={createChart}
        />
      ) : null}
      <DataTable
        caption={t('fl.report.trend.caption')}
        columns={columns}
        rows={buckets}
        rowKey={b => b.from}
        csvName={`trend-${granularity}`}
      />
    </Section>
  );
}
