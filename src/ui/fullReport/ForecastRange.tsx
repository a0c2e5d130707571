import type { VNode } from 'preact';
import type { ForecastRange as Range } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';

export interface Props {
  readonly range: Range;
}

type Horizon = Range['horizons'][number];

/**
 * The forecast within each horizon (metrics.md F.3): expected wins with the exact
 * Poisson-binomial's 90 % interval, expected revenue with the seeded Monte Carlo's.
 */
export function ForecastRange({ range }: Props): VNode {
  const { t, fmt } = useEnv();
  const winsRange = t('fl.metric.forecastWinsRange');
  const revenueRange = t('fl.metric.forecastRevenueRange', {
    draws: fmt.int(range.draws),
    seed: String(range.seed),
  });
  const columns: Column<Horizon>[] = [
    {
      label: t('fl.report.forecastRange.col.horizon'),
      text: true,
      value: h => h.horizonDays,
      show: h => t('fl.report.forecastRange.horizon', { days: fmt.int(h.horizonDays) }),
    },
    {
      label: t('fl.report.forecastRange.col.deals'),
      hint: t('fl.metric.forecastDeals'),
      value: h => h.deals,
      show: h => fmt.int(h.deals),
    },
    {
      label: t('fl.report.forecastRange.col.wins'),
      hint: t('fl.metric.forecastWins'),
      value: h => h.expectedWins,
      show: h => fmt.int(h.expectedWins),
    },
    {
      label: t('fl.report.forecastRange.col.winsLow'),
      hint: winsRange,
      value: h => h.winsLow,
      show: h => fmt.int(h.winsLow),
    },
    {
      label: t('fl.report.forecastRange.col.winsHigh'),
      hint: winsRange,
      value: h => h.winsHigh,
      show: h => fmt.int(h.winsHigh),
    },
    {
      label: t('fl.report.forecastRange.col.revenue'),
      hint: t('fl.metric.forecastRevenue'),
      value: h => h.expectedRevenue,
      show: h => fmt.money(h.expectedRevenue),
    },
    {
      label: t('fl.report.forecastRange.col.revenueLow'),
      hint: revenueRange,
      value: h => h.revenueLow,
      show: h => fmt.money(h.revenueLow),
    },
    {
      label: t('fl.report.forecastRange.col.revenueHigh'),
      hint: revenueRange,
      value: h => h.revenueHigh,
      show: h => fmt.money(h.revenueHigh),
    },
  ];
  return (
    <DataTable
      caption={t('fl.report.forecastRange.caption')}
      columns={columns}
      rows={range.horizons}
      rowKey={h => h.horizonDays}
      csvName="forecast-range"
    />
  );
}
