import type { StageReport } from '../../core';
import type { ChartContext, ChartSpec } from './theme';
import { axis } from './theme';

const days = (hours: number | null): number | null => (hours === null ? null : hours / 24);

/** Median and p90 of completed visits per stage, in days, side by side. */
export function timeConfig(stages: readonly StageReport[], { t, theme }: ChartContext): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels: stages.map(s => s.name),
      datasets: [
        {
          label: t('fl.chart.median'),
          data: stages.map(s => days(s.time.medianHours)),
          backgroundColor: theme.accent,
        },
        {
          label: t('fl.chart.p90'),
          data: stages.map(s => days(s.time.p90Hours)),
          backgroundColor: theme.bar,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { ...axis(theme), grid: { display: false } },
        y: {
          ...axis(theme),
          beginAtZero: true,
          title: { display: true, text: t('fl.chart.daysAxis'), color: theme.muted },
        },
      },
    },
  };
}

export function timeSummary(
  stages: readonly StageReport[],
  { t, fmt }: Omit<ChartContext, 'theme'>,
): string {
  const items = stages
    .map(s => `${s.name}: ${fmt.days(s.time.medianHours)} / ${fmt.days(s.time.p90Hours)}`)
    .join('; ');
  return t('fl.chart.timeLabel', { items });
}
