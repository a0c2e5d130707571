import type { VNode } from 'preact';
import type { CloseMonth } from '../../core';
import { Chart, closeTrendConfig } from '../chart';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { monthLabel } from './distributionText';
import { useReportTools } from './tools';
import { daysOf } from './values';

export interface Props {
  readonly months: readonly CloseMonth[];
  readonly zone: string;
}

/** Time to close by month of closing (metrics.md F.5 b): won and lost apart. */
export function CloseTrend({ months, zone }: Props): VNode {
  const { t, fmt } = useEnv();
  const { createChart } = useReportTools();
  const labels = months.map(m => monthLabel(m.month, fmt));
  const count = t('fl.report.dist.close.hint.count');
  const median = t('fl.report.dist.close.hint.median');
  const p90 = t('fl.report.dist.close.hint.p90');
  const columns: Column<CloseMonth>[] = [
    {
      label: t('fl.report.dist.close.col.month'),
      text: true,
      value: m => m.month,
      show: m => monthLabel(m.month, fmt),
    },
    {
      label: t('fl.report.dist.close.col.wonCount'),
      hint: count,
      value: m => m.won.samples,
      show: m => fmt.int(m.won.samples),
    },
    {
      label: t('fl.report.dist.close.col.wonMedian'),
      hint: median,
      value: m => daysOf(m.won.medianHours),
      show: m => fmt.days(m.won.medianHours),
    },
    {
      label: t('fl.report.dist.close.col.wonP90'),
      hint: p90,
      value: m => daysOf(m.won.p90Hours),
      show: m => fmt.days(m.won.p90Hours),
    },
    {
      label: t('fl.report.dist.close.col.lostCount'),
      hint: count,
      value: m => m.lost.samples,
      show: m => fmt.int(m.lost.samples),
    },
    {
      label: t('fl.report.dist.close.col.lostMedian'),
      hint: median,
      value: m => daysOf(m.lost.medianHours),
      show: m => fmt.days(m.lost.medianHours),
    },
    {
      label: t('fl.report.dist.close.col.lostP90'),
      hint: p90,
      value: m => daysOf(m.lost.p90Hours),
      show: m => fmt.days(m.lost.p90Hours),
    },
  ];
  const points = months
    .map(
      (m, k) =>
        `${labels[k] ?? m.month}: ${fmt.days(m.won.medianHours)} / ${fmt.days(m.lost.medianHours)}`,
    )
    .join('; ');
  return (
    <div class="fl-dist">
      <h3>{t('fl.report.dist.close.heading')}</h3>
      <p class="fl-report__lead">{t('fl.report.dist.close.intro', { zone })}</p>
      <Chart
        build={theme => closeTrendConfig(months, labels, { t, fmt, theme })}
        source={months}
        label={t('fl.report.dist.close.label', { points })}
        height={220}
        createChart={createChart}
      />
      <DataTable
        caption={t('fl.report.dist.close.caption')}
        columns={columns}
        rows={months}
        rowKey={m => m.month}
        csvName="time-to-close"
      />
    </div>
  );
}
