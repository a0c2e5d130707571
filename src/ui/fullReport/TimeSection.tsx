import type { VNode } from 'preact';
import type { StageReport } from '../../core';
import type { I18nKey } from '../../i18n';
import { Chart, timeConfig, timeSummary } from '../chart';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { SOURCE_HINT, SOURCE_LABEL } from '../common/thresholdText';
import { useReportTools } from './tools';
import { workingText } from '../common/workingText';
import { daysOf } from './values';

export interface Props {
  readonly stages: readonly StageReport[];
}

/** How long deals stay in each stage (median and p90, not a mean), and who is stuck there. */
export function TimeSection({ stages }: Props): VNode {
  const { t, fmt } = useEnv();
  const { createChart } = useReportTools();
  // With the user's switch on the report carries working hours (metrics.md F.4): the period's
  // figures are then in working hours, and on the working clock (F.1a) the threshold and the stuck
  // count too; the chart stays in calendar days.
  const working = stages.some(s => s.workingTime !== undefined);
  const onClock = stages.some(s => s.stuckThresholdWorkingHours !== undefined);
  const inWorking = (
    label: I18nKey,
    hint: string,
    hours: (w: NonNullable<StageReport['workingTime']>) => number | null,
  ): Column<StageReport> => ({
    label: t(label),
    hint: `${hint}\n${t('fl.working.metric')}`,
    value: s => (s.workingTime ? hours(s.workingTime) : null),
    show: s => workingText(t, fmt, s.workingTime ? hours(s.workingTime) : null),
  });
  const columns: Column<StageReport>[] = [
    { label: t('fl.report.col.stage'), text: true, value: s => s.name },
    ...(working
      ? [
          inWorking('fl.working.col.median', t('fl.metric.median'), w => w.medianHours),
          inWorking('fl.working.col.p90', t('fl.metric.p90'), w => w.p90Hours),
          inWorking('fl.working.col.openMedian', t('fl.metric.openMedian'), w => w.openMedianHours),
        ]
      : []),
    {
      label: t('fl.report.col.median'),
      hint: t('fl.metric.median'),
      value: s => daysOf(s.time.medianHours),
      show: s => fmt.days(s.time.medianHours),
    },
    {
      label: t('fl.report.col.p90'),
      hint: t('fl.metric.p90'),
      value: s => daysOf(s.time.p90Hours),
      show: s => fmt.days(s.time.p90Hours),
    },
    {
      label: t('fl.report.col.openMedian'),
      hint: t('fl.metric.openMedian'),
      value: s => daysOf(s.time.openMedianHours),
      show: s => fmt.days(s.time.openMedianHours),
    },
    {
      label: t('fl.report.col.samples'),
      hint: t('fl.report.hint.samples'),
      value: s => s.time.samples,
      show: s => fmt.int(s.time.samples),
    },
    onClock
      ? {
          label: t('fl.working.col.thresholdWorking'),
          hint: `${t('fl.report.hint.threshold')}\n${t('fl.working.thresholdWorking')}`,
          value: s => s.stuckThresholdWorkingHours ?? null,
          show: s => workingText(t, fmt, s.stuckThresholdWorkingHours ?? null),
        }
      : {
          label: t(working ? 'fl.working.col.threshold' : 'fl.report.col.threshold'),
          hint: working
            ? `${t('fl.report.hint.threshold')}\n${t('fl.working.threshold')}`
            : t('fl.report.hint.threshold'),
          value: s => daysOf(s.stuckThresholdHours),
          show: s => fmt.days(s.stuckThresholdHours),
        },
    {
      label: t('fl.report.col.source'),
      text: true,
      value: s => t(SOURCE_LABEL[s.stuckThresholdSource]),
      show: s => (
        <MetricHint text={t(SOURCE_HINT[s.stuckThresholdSource])}>
          {t(SOURCE_LABEL[s.stuckThresholdSource])}
        </MetricHint>
      ),
    },
    {
      label: t('fl.report.col.stuck'),
      hint: onClock
        ? `${t('fl.metric.stuck')}\n${t('fl.working.thresholdWorking')}`
        : t('fl.metric.stuck'),
      value: s => s.stuck,
      show: s => fmt.int(s.stuck),
    },
  ];
  return (
    <Section id="time" title={t('fl.report.time.title')}>
      <Chart
        build={theme => timeConfig(stages, { t, fmt, theme })}
        source={stages}
        label={timeSummary(stages, { t, fmt })}
        height={240}
        createChart={createChart}
      />
      <DataTable
        caption={t('fl.report.time.caption')}
        columns={columns}
        rows={stages}
        rowKey={s => s.id}
        csvName="time-in-stage"
      />
    </Section>
  );
}
