import type { TrendBucket } from '../../core';
import type { ChartContext, ChartSpec } from './theme';
import { axis } from './theme';

/**
 * Conversion per calendar bucket as a line (left axis, percent) over the bucket's deals as bars
 * (right axis): a falling line over tall bars reads differently from one over two deals.
 */
export function trendConfig(
  buckets: readonly TrendBucket[],
  { t, fmt, theme }: ChartContext,
): ChartSpec {
  const labels = buckets.map(b => fmt.date(b.from));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'line',
          label: t('fl.chart.conversion'),
          data: buckets.map(b => b.totals.conversion),
          yAxisID: 'y',
          borderColor: theme.accent,
          backgroundColor: theme.accent,
          spanGaps: true,
          order: 0,
        },
        {
          type: 'bar',
          label: t('fl.chart.deals'),
          data: buckets.map(b => b.totals.deals),
          yAxisID: 'y1',
          backgroundColor: theme.bar,
          order: 1,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { labels: { color: theme.text } },
        tooltip: {
          callbacks: {
            label: item =>
              item.datasetIndex === 0
                ? `${item.dataset.label ?? ''}: ${fmt.percent(item.parsed.y)}`
                : `${item.dataset.label ?? ''}: ${fmt.int(item.parsed.y ?? 0)}`,
          },
        },
      },
      scales: {
        x: { ...axis(theme), grid: { display: false } },
        y: {
          ...axis(theme),
          position: 'left',
          beginAtZero: true,
          ticks: { color: theme.muted, callback: v => fmt.percent(Number(v)) },
        },
        y1: {
          ...axis(theme),
          position: 'right',
          beginAtZero: true,
          grid: { display: false },
          ticks: { color: theme.muted, precision: 0 },
        },
      },
    },
  };
}

export function trendSummary(
  buckets: readonly TrendBucket[],
  { t, fmt }: Omit<ChartContext, 'theme'>,
): string {
  const points = buckets
    .map(
      b => `${fmt.date(b.from)}: ${fmt.percent(b.totals.conversion)} (${fmt.int(b.totals.deals)})`,
    )
    .join('; ');
  return t('fl.chart.trendLabel', { points });
}
