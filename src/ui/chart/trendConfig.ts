import type { TrendBucket } from '../../core';
import type { ChartContext, ChartSpec } from './theme';
import { axis, pairedBars } from './theme';

/**
 * Conversion per calendar bucket (left axis, percent) beside the bucket's deals (right axis): a
 * falling conversion over many deals reads differently from one over two. Both are bars: a line
 * chart would add chart.js's line parts to a bundle with a size budget.
 */
export function trendConfig(
  buckets: readonly TrendBucket[],
  { t, fmt, theme }: ChartContext,
): ChartSpec {
  return pairedBars(
    theme,
    buckets.map(b => fmt.date(b.from)),
    [
      {
        label: t('fl.chart.conversion'),
        data: buckets.map(b => b.totals.conversion),
        yAxisID: 'y',
      },
      { label: t('fl.chart.deals'), data: buckets.map(b => b.totals.deals), yAxisID: 'y1' },
    ],
    {
      y: {
        ...axis(theme),
        position: 'left',
        beginAtZero: true,
        ticks: { color: theme.muted, callback: (v: number | string) => fmt.percent(Number(v)) },
      },
      y1: {
        ...axis(theme),
        position: 'right',
        beginAtZero: true,
        grid: { display: false },
        ticks: { color: theme.muted, precision: 0 },
      },
    },
  );
}

export function trendSummary(
  buckets: readonly TrendBucket[],
  { t, fmt }: Omit<ChartContext, 'theme'>,
): string {
  const points = buckets
    .map(
      b =>
        `${fmt.date(b.from)}: ${fmt.percent(b.totals.conversion)} (${fmt.int(b.totals.deals)}` +
        `${b.young ? `, ${t('fl.report.trend.young')}` : ''})`,
    )
    .join('; ');
  return t('fl.chart.trendLabel', { points });
}
