import type { VNode } from 'preact';
import type { FlowReport, FunnelReport } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';

export interface Props {
  readonly report: FunnelReport;
  readonly flow: FlowReport;
}

type Row = FlowReport['stages'][number] & { readonly name: string };

/**
 * Counting by stage entry (metrics.md extensions, "Counting modes", `mode: 'entered'`): per stage,
 * the deals of any creation date that entered it in the period and the share that moved on within
 * it. Not FlowSection, which shows skips and moves back of the cohort.
 */
export function EnteredSection({ report, flow }: Props): VNode {
  const { t, fmt } = useEnv();
  const names = new Map(report.stages.map(s => [s.id, s.name]));
  const rows: Row[] = flow.stages.map(s => ({ ...s, name: names.get(s.id) ?? `#${s.id}` }));
  const columns: Column<Row>[] = [
    { label: t('fl.report.col.stage'), text: true, value: r => r.name },
    {
      label: t('fl.report.col.entered'),
      hint: t('fl.report.hint.entered'),
      value: r => r.entered,
      show: r => fmt.int(r.entered),
    },
    {
      label: t('fl.report.col.movedOn'),
      hint: t('fl.report.hint.movedOn'),
      value: r => r.movedOn,
      show: r => fmt.int(r.movedOn),
    },
    {
      label: t('fl.report.col.movedOnShare'),
      hint: t('fl.report.hint.movedOnShare'),
      value: r => r.share,
      show: r => fmt.percent(r.share),
    },
    {
      label: t('fl.report.col.enteredValue'),
      hint: t('fl.report.hint.enteredValue'),
      value: r => r.value.entered,
      show: r => fmt.money(r.value.entered),
    },
    {
      label: t('fl.report.col.movedOnValue'),
      hint: t('fl.report.hint.movedOnValue'),
      value: r => r.value.movedOn,
      show: r => fmt.money(r.value.movedOn),
    },
  ];
  return (
    <Section id="entered" title={t('fl.report.entered.title')}>
      <DataTable
        caption={t('fl.report.entered.caption', {
          from: fmt.date(report.period.from),
          to: fmt.date(report.period.to - 1),
        })}
        columns={columns}
        rows={rows}
        rowKey={r => r.id}
        csvName="stage-entries"
      />
    </Section>
  );
}
