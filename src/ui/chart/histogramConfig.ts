import type { CloseMonth, StageHistogram } from '../../core';
import type { ChartContext, ChartSpec } from './theme';
import { axis, pairedBars } from './theme';

/**
 * A stage's time-in-stage histogram (metrics.md F.5): one bar per fixed bin, the bars from the
 * stuck threshold's bin on in the warning colour, so how much of the stage runs past the
 * threshold is seen at a glance. `labels` name the bins (the section words them).
 */
export function histogramConfig(
  stage: StageHistogram,
  labels: readonly string[],
  { t, theme }: ChartContext,
): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: [
        {
          label: t('fl.report.dist.hist.col.visits'),
          data: [...stage.counts],
          backgroundColor: stage.counts.map((_, k) =>
            k >= stage.thresholdBin ? theme.warn : theme.bar,
          ),
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { ...axis(theme), grid: { display: false } },
        y: { ...axis(theme), beginAtZero: true, ticks: { color: theme.muted, precision: 0 } },
      },
    },
  };
}

const days = (hours: number | null): number | null => (hours === null ? null : hours / 24);

/**
 * The median days to close per month, won beside lost. Bars, as the trend's chart: a line would
 * add chart.js's line parts to a bundle with a size budget.
 */
export function closeTrendConfig(
  months: readonly CloseMonth[],
  labels: readonly string[],
  { t, theme }: ChartContext,
): ChartSpec {
  return pairedBars(
    theme,
    [...labels],
    [
      { label: t('fl.report.dist.close.won'), data: months.map(m => days(m.won.medianHours)) },
      { label: t('fl.report.dist.close.lost'), data: months.map(m => days(m.lost.medianHours)) },
    ],
    {
      y: {
        ...axis(theme),
        beginAtZero: true,
        title: { display: true, text: t('fl.chart.daysAxis'), color: theme.muted },
      },
    },
  );
}
