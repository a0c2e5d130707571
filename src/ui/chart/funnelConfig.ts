import type { FunnelReport } from '../../core';
import type { ChartContext, ChartSpec } from './theme';
import { axis } from './theme';

/** Index of the stage the weakest transition starts from, or -1. */
export function weakestIndex(report: FunnelReport): number {
  const weak = report.weakestTransition;
  return weak ? report.stages.findIndex(s => s.id === weak.fromStageId) : -1;
}

/**
 * The funnel as horizontal bars: deals that reached each stage, then won. The bar of the stage the
 * weakest transition starts from is coloured, so the eye lands on the bottleneck first.
 */
export function funnelConfig(report: FunnelReport, { t, theme }: ChartContext): ChartSpec {
  const weak = weakestIndex(report);
  const n = report.stages.length;
  const labels = [...report.stages.map(s => s.name), t('fl.chart.won')];
  const data = [...report.stages.map(s => s.reached), report.won.reached];
  const colors = data.map((_, i) => (i === n ? theme.good : i === weak ? theme.weak : theme.bar));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t('fl.chart.reached'), data, backgroundColor: colors, borderColor: colors },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { ...axis(theme), beginAtZero: true },
        y: { ...axis(theme), grid: { display: false } },
      },
    },
  };
}

/** The chart's accessible name: each bar's count, and the bottleneck. */
export function funnelSummary(
  report: FunnelReport,
  { t, fmt }: Omit<ChartContext, 'theme'>,
): string {
  const bars = [
    ...report.stages.map(s => `${s.name}: ${fmt.int(s.reached)}`),
    `${t('fl.chart.won')}: ${fmt.int(report.won.reached)}`,
  ].join('; ');
  const weak = report.stages[weakestIndex(report)];
  return weak
    ? t('fl.chart.funnelLabelWeak', { bars, stage: weak.name })
    : t('fl.chart.funnelLabel', { bars });
}
