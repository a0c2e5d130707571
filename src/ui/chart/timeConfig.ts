import type { StageReport } from '../../core';
import type { ChartContext, ChartSpec } from './theme';
import { axis, pairedBars } from './theme';

const days = (hours: number | null): number | null => (hours === null ? null : hours / 24);

/** Median and p90 of completed visits per stage, in days, side by side. */
export function timeConfig(stages: readonly StageReport[], { t, theme }: ChartContext): ChartSpec {
  return pairedBars(
    theme,
    stages.map(s => s.name),
    [
      { label: t('fl.chart.median'), data: stages.map(s => days(s.time.medianHours)) },
      { label: t('fl.chart.p90'), data: stages.map(s => days(s.time.p90Hours)) },
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

export function timeSummary(
  stages: readonly StageReport[],
  { t, fmt }: Omit<ChartContext, 'theme'>,
): string {
  const items = stages
    .map(s => `${s.name}: ${fmt.days(s.time.medianHours)} / ${fmt.days(s.time.p90Hours)}`)
    .join('; ');
  return t('fl.chart.timeLabel', { items });
}
