import type { VNode } from 'preact';
import type { FunnelReport, LossReasonReport } from '../../core';
import { Chart, lossConfig, lossSummary, reasonName } from '../chart';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { useReportTools } from './tools';

export interface Props {
  readonly report: FunnelReport;
}

/** Why deals were lost, and at which stage (the one they were moved to "lost" from). */
export function LossSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const { createChart } = useReportTools();
  const reasons = report.lossReasons;
  const byStage = report.stages.map((s): Column<LossReasonReport> => ({
    label: s.name,
    hint: t('fl.metric.lostHere'),
    value: r => r.byStage[String(s.id)] ?? 0,
    show: r => fmt.int(r.byStage[String(s.id)] ?? 0),
  }));
  const columns: Column<LossReasonReport>[] = [
    { label: t('fl.report.col.reason'), text: true, value: r => reasonName(r, t) },
    ...byStage,
    {
      label: t('fl.report.col.total'),
      hint: t('fl.report.hint.lossTotal'),
      value: r => r.count,
      show: r => fmt.int(r.count),
    },
  ];
  return (
    <Section id="loss" title={t('fl.report.loss.title')}>
      {reasons.length === 0 ? (
        <p class="fl-muted">{t('fl.report.loss.none')}</p>
      ) : (
        <>
          <Chart
            build={theme => lossConfig(reasons, report.stages, { t, fmt, theme })}
            source={report}
            label={lossSummary(reasons, { t, fmt })}
            height={Math.max(140, reasons.length * 30 + 60)}
            createChart={createChart}
          />
          <DataTable
            caption={t('fl.report.loss.caption')}
            columns={columns}
            rows={reasons}
            rowKey={r => r.reasonId ?? 'none'}
            csvName="loss-reasons"
          />
        </>
      )}
    </Section>
  );
}
