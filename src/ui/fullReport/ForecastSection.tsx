import type { VNode } from 'preact';
import type { FunnelReport, StageReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { ForecastRange } from './ForecastRange';
import { Section } from './Section';

export interface Props {
  readonly report: FunnelReport;
}

interface Row {
  readonly stage: StageReport;
  readonly p: number | null;
}

/** What the open deals are likely to bring, from how deals past each stage ended before. */
export function ForecastSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const { forecast } = report;
  const p = new Map(forecast.probabilities.map(x => [x.stageId, x.p]));
  const rows: Row[] = report.stages.map(stage => ({ stage, p: p.get(stage.id) ?? null }));
  const columns: Column<Row>[] = [
    { label: t('fl.report.col.stage'), text: true, value: r => r.stage.name },
    {
      label: t('fl.report.col.probability'),
      hint: t('fl.metric.forecast'),
      value: r => r.p,
      show: r => fmt.percent(r.p),
    },
    {
      label: t('fl.report.col.nowCount'),
      hint: t('fl.metric.nowAtStage'),
      value: r => r.stage.now.count,
      show: r => fmt.int(r.stage.now.count),
    },
    {
      label: t('fl.report.col.nowValue'),
      hint: t('fl.metric.nowAtStage'),
      value: r => r.stage.now.value,
      show: r => fmt.money(r.stage.now.value),
    },
  ];
  return (
    <Section id="forecast" title={t('fl.report.forecast.title')}>
      {report.forecastRange ? <ForecastRange range={report.forecastRange} /> : null}
      {report.forecastRange?.horizons.length ? null : (
        // With no horizon asked, §9's expectation is all there is; it has no time frame, so says so.
        <p class="fl-report__lead">
          <strong>{t('fl.report.forecastRange.unbounded')}</strong>{' '}
          <MetricHint text={t('fl.metric.forecast')} align="start">
            {t('fl.report.forecast.expected', {
              // An expectation, not a count: two significant digits say as much as it knows.
              wins: fmt.int(forecast.expectedWins),
              revenue: fmt.moneyRough(forecast.expectedRevenue),
            })}
          </MetricHint>
        </p>
      )}
      <DataTable
        caption={t('fl.report.forecast.caption')}
        columns={columns}
        rows={rows}
        rowKey={r => r.stage.id}
        csvName="forecast"
      />
    </Section>
  );
}
