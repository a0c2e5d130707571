import type { LossReasonReport, StageReport } from '../../core';
import type { Translate } from '../../i18n';
import type { ChartContext, ChartSpec } from './theme';
import { axis } from './theme';

export function reasonName(reason: LossReasonReport, t: Translate): string {
  return reason.name ?? (reason.reasonId === null ? t('fl.chart.noReason') : `#${reason.reasonId}`);
}

/**
 * One bar per loss reason, split by the stage the deals were lost from, so "which reason, and
 * where" reads from one picture. Stages take distinct palette colours, not amoCRM's: amoCRM offers
 * a few pastels and pipelines often repeat them, which would make two stages look like one.
 */
export function lossConfig(
  reasons: readonly LossReasonReport[],
  stages: readonly StageReport[],
  { t, theme }: ChartContext,
): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels: reasons.map(r => reasonName(r, t)),
      datasets: stages.map((s, i) => ({
        label: s.name,
        data: reasons.map(r => r.byStage[String(s.id)] ?? 0),
        backgroundColor: theme.palette[i % theme.palette.length] ?? theme.bar,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: {
          ...axis(theme),
          stacked: true,
          beginAtZero: true,
          ticks: { color: theme.muted, precision: 0 },
        },
        y: { ...axis(theme), stacked: true, grid: { display: false } },
      },
    },
  };
}

export function lossSummary(
  reasons: readonly LossReasonReport[],
  { t, fmt }: Omit<ChartContext, 'theme'>,
): string {
  const items = reasons.map(r => `${reasonName(r, t)}: ${fmt.int(r.count)}`).join('; ');
  return t('fl.chart.lossLabel', { items });
}
