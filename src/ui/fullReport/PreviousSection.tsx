import type { VNode } from 'preact';
import { difference } from '../../core';
import type { FunnelReport, StageReport } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { signedInt } from './values';

export interface Props {
  readonly report: FunnelReport;
}

interface Row {
  readonly stage: StageReport;
  readonly before: {
    reached: number;
    conversionToNext: number | null;
    decidedConversion: number | null;
  };
}

/** Each stage now against the previous period of equal length. */
export function PreviousSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const prev = new Map(report.previous.stages.map(s => [s.id, s]));
  const rows: Row[] = report.stages.map(stage => ({
    stage,
    before: prev.get(stage.id) ?? { reached: 0, conversionToNext: null, decidedConversion: null },
  }));
  const was = t('fl.report.col.was');
  const change = t('fl.report.col.change');
  const shareColumns = (
    [
      ['fl.report.col.toNext', 'fl.metric.conversionToNext', 'conversionToNext'],
      ['fl.report.col.decided', 'fl.metric.decidedConversion', 'decidedConversion'],
    ] as const
  ).flatMap(([label, hint, key]): Column<Row>[] => [
    {
      label: t(label),
      hint: t(hint),
      value: r => r.stage[key],
      show: r => fmt.percent(r.stage[key]),
    },
    {
      label: `${t(label)}: ${was}`,
      hint: t('fl.metric.previous'),
      value: r => r.before[key],
      show: r => fmt.percent(r.before[key]),
    },
    {
      label: `${t(label)}: ${change}`,
      hint: t('fl.report.hint.change'),
      value: r => difference(r.stage[key], r.before[key]),
      show: r => fmt.points(difference(r.stage[key], r.before[key])),
    },
  ]);
  const columns: Column<Row>[] = [
    { label: t('fl.report.col.stage'), text: true, value: r => r.stage.name },
    {
      label: t('fl.report.col.reached'),
      hint: t('fl.metric.reached'),
      value: r => r.stage.reached,
      show: r => fmt.int(r.stage.reached),
    },
    {
      label: `${t('fl.report.col.reached')}: ${was}`,
      hint: t('fl.metric.previous'),
      value: r => r.before.reached,
      show: r => fmt.int(r.before.reached),
    },
    {
      label: `${t('fl.report.col.reached')}: ${change}`,
      hint: t('fl.report.hint.change'),
      value: r => r.stage.reached - r.before.reached,
      show: r => signedInt(fmt, r.stage.reached - r.before.reached),
    },
    ...shareColumns,
  ];
  const p = report.previous.period;
  return (
    <Section id="previous" title={t('fl.report.previous.title')}>
      <DataTable
        caption={t('fl.report.previous.caption', {
          from: fmt.date(p.from),
          to: fmt.date(p.to - 1),
        })}
        columns={columns}
        rows={rows}
        rowKey={r => r.stage.id}
        csvName="previous-period"
      />
    </Section>
  );
}
