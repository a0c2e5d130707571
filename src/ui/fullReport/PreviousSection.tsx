import type { VNode } from 'preact';
import { difference } from '../../core';
import type { FunnelReport, SameAge, StageReport } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { Share, withInterval } from './Share';
import { signedInt } from './values';

export interface Props {
  readonly report: FunnelReport;
}

interface Row {
  readonly stage: StageReport;
  readonly then: SameAge['stages'][number];
}

/**
 * Each stage now against the previous period as it stood at the same age (metrics.md 11.2), with
 * the undecided deals of both beside their conversions: a young period's open deals are the reason
 * its conversions can still rise.
 */
export function PreviousSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const { sameAge } = report.previous;
  const then = new Map(sameAge.stages.map(s => [s.id, s]));
  const rows: Row[] = report.stages.map(stage => ({
    stage,
    then: then.get(stage.id) ?? { id: stage.id, reached: 0, undecided: 0, decidedConversion: null },
  }));
  const ci = t('fl.report.hint.interval');
  const min = report.options.minSample;
  // The decided conversion is next ÷ (reached − undecided) exactly, so its numerator is whole.
  const decided = (s: {
    readonly reached: number;
    readonly undecided: number;
    readonly decidedConversion: number | null;
  }) => {
    const n = s.reached - s.undecided;
    return <Share k={Math.round((s.decidedConversion ?? 0) * n)} n={n} min={min} />;
  };
  const was = t('fl.report.col.was');
  const change = t('fl.report.col.change');
  const count = (key: 'reached' | 'undecided', label: 'reached' | 'undecided'): Column<Row>[] => [
    {
      label: t(`fl.report.col.${label}`),
      hint: t(`fl.metric.${label}`),
      value: r => r.stage[key],
      show: r => fmt.int(r.stage[key]),
    },
    {
      label: `${t(`fl.report.col.${label}`)}: ${was}`,
      hint: t('fl.metric.sameAge'),
      value: r => r.then[key],
      show: r => fmt.int(r.then[key]),
    },
  ];
  const columns: Column<Row>[] = [
    { label: t('fl.report.col.stage'), text: true, value: r => r.stage.name },
    ...count('reached', 'reached'),
    {
      label: `${t('fl.report.col.reached')}: ${change}`,
      hint: t('fl.report.hint.change'),
      value: r => r.stage.reached - r.then.reached,
      show: r => signedInt(fmt, r.stage.reached - r.then.reached),
    },
    ...count('undecided', 'undecided'),
    {
      label: t('fl.report.col.decided'),
      hint: withInterval(t('fl.metric.decidedConversion'), ci),
      value: r => r.stage.decidedConversion,
      show: r => decided(r.stage),
    },
    {
      label: `${t('fl.report.col.decided')}: ${was}`,
      hint: withInterval(t('fl.metric.sameAge'), ci),
      value: r => r.then.decidedConversion,
      show: r => decided(r.then),
    },
    {
      label: `${t('fl.report.col.decided')}: ${change}`,
      hint: t('fl.report.hint.change'),
      value: r => difference(r.stage.decidedConversion, r.then.decidedConversion),
      show: r => fmt.points(difference(r.stage.decidedConversion, r.then.decidedConversion)),
    },
  ];
  const p = report.previous.period;
  return (
    <Section id="previous" title={t('fl.report.previous.title')}>
      <DataTable
        caption={t('fl.report.previous.caption', {
          from: fmt.date(p.from),
          to: fmt.date(p.to - 1),
          cut: fmt.dateTime(sameAge.cut),
        })}
        columns={columns}
        rows={rows}
        rowKey={r => r.stage.id}
        csvName="previous-period"
      />
    </Section>
  );
}
