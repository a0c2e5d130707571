import type { VNode } from 'preact';
import type { StageReport } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';

export interface Props {
  readonly stages: readonly StageReport[];
}

/** Process compliance: stages deals jumped over, and moves back to an earlier stage. */
export function FlowSection({ stages }: Props): VNode {
  const { t, fmt } = useEnv();
  const columns: Column<StageReport>[] = [
    { label: t('fl.report.col.stage'), text: true, value: s => s.name },
    {
      label: t('fl.report.col.skipped'),
      hint: t('fl.metric.skipped'),
      value: s => s.skipped,
      show: s => fmt.int(s.skipped),
    },
    {
      label: t('fl.report.col.movedBack'),
      hint: t('fl.metric.movedBack'),
      value: s => s.movedBack,
      show: s => fmt.int(s.movedBack),
    },
  ];
  return (
    <Section id="flow" title={t('fl.report.flow.title')}>
      <DataTable
        caption={t('fl.report.flow.caption')}
        columns={columns}
        rows={stages}
        rowKey={s => s.id}
        csvName="skips-and-moves-back"
      />
    </Section>
  );
}
