import type { VNode } from 'preact';
import type { ClosedModeReport, Durations, FunnelReport, StageReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { daysOf } from './values';

export interface Props {
  readonly report: FunnelReport;
  readonly closed: ClosedModeReport;
}

interface TimeRow {
  readonly key: 'close' | 'win';
  readonly label: string;
  readonly time: Durations;
}

interface LostRow {
  readonly stage: StageReport | undefined;
  readonly stageId: number;
  readonly count: number;
  readonly value: number;
}

/**
 * Counting by closing date (metrics.md extensions, "Counting modes", `mode: 'closed'`): the deals
 * of any creation date closed in the period, how they ended, where the lost ones were lost and
 * how long they took to close.
 */
export function ClosedSection({ report, closed }: Props): VNode {
  const { t, fmt } = useEnv();
  const dates = { from: fmt.date(report.period.from), to: fmt.date(report.period.to - 1) };
  const period = `${dates.from} – ${dates.to}`;
  const totals: Column<ClosedModeReport>[] = [
    { label: t('fl.report.col.bucket'), text: true, value: () => period },
    {
      label: t('fl.report.col.closed'),
      hint: t('fl.report.hint.closedDeals'),
      value: c => c.deals,
      show: c => fmt.int(c.deals),
    },
    {
      label: t('fl.report.col.won'),
      hint: t('fl.report.hint.closedWon'),
      value: c => c.won,
      show: c => fmt.int(c.won),
    },
    {
      label: t('fl.report.col.lost'),
      hint: t('fl.report.hint.closedLost'),
      value: c => c.lost,
      show: c => fmt.int(c.lost),
    },
    {
      label: t('fl.report.col.winRate'),
      hint: t('fl.report.hint.closedWinRate'),
      value: c => c.winRate,
      show: c => fmt.percent(c.winRate),
    },
    {
      label: t('fl.report.col.wonValue'),
      hint: t('fl.report.hint.closedWonValue'),
      value: c => c.value.won,
      show: c => fmt.money(c.value.won),
    },
    {
      label: t('fl.report.col.lostValue'),
      hint: t('fl.report.hint.closedLostValue'),
      value: c => c.value.lost,
      show: c => fmt.money(c.value.lost),
    },
  ];
  const timeRows: TimeRow[] = [
    { key: 'close', label: t('fl.report.closed.allRow'), time: closed.timeToClose },
    { key: 'win', label: t('fl.report.closed.wonRow'), time: closed.timeToWin },
  ];
  const times: Column<TimeRow>[] = [
    {
      label: t('fl.report.col.metric'),
      text: true,
      value: r => r.label,
      show: r => (
        <MetricHint
          text={t(r.key === 'close' ? 'fl.report.hint.closedDeals' : 'fl.report.hint.closedWon')}
          align="start"
        >
          {r.label}
        </MetricHint>
      ),
    },
    {
      label: t('fl.report.col.deals'),
      hint: t('fl.report.hint.closedSamples'),
      value: r => r.time.samples,
      show: r => fmt.int(r.time.samples),
    },
    {
      label: t('fl.report.col.medianDays'),
      hint: t('fl.report.hint.closeMedian'),
      value: r => daysOf(r.time.medianHours),
      show: r => fmt.days(r.time.medianHours),
    },
    {
      label: t('fl.report.col.p90Days'),
      hint: t('fl.report.hint.closeP90'),
      value: r => daysOf(r.time.p90Hours),
      show: r => fmt.days(r.time.p90Hours),
    },
  ];
  const stages = new Map(report.stages.map(s => [s.id, s]));
  const lostRows: LostRow[] = closed.lostFrom.map(l => ({ ...l, stage: stages.get(l.stageId) }));
  const lost: Column<LostRow>[] = [
    {
      label: t('fl.report.col.stage'),
      text: true,
      value: r => r.stage?.name ?? `#${r.stageId}`,
    },
    {
      label: t('fl.report.col.lost'),
      hint: t('fl.report.hint.lostFrom'),
      value: r => r.count,
      show: r => fmt.int(r.count),
    },
    {
      label: t('fl.report.col.lostValue'),
      hint: t('fl.report.hint.lostFromValue'),
      value: r => r.value,
      show: r => fmt.money(r.value),
    },
  ];
  return (
    <Section id="closed" title={t('fl.report.closed.title')}>
      <DataTable
        caption={t('fl.report.closed.caption', dates)}
        columns={totals}
        rows={[closed]}
        rowKey={() => 'closed'}
        csvName="closed"
      />
      <DataTable
        caption={t('fl.report.closed.timeCaption')}
        columns={times}
        rows={timeRows}
        rowKey={r => r.key}
        csvName="time-to-close"
      />
      <DataTable
        caption={t('fl.report.closed.lostCaption')}
        columns={lost}
        rows={lostRows}
        rowKey={r => r.stageId}
        csvName="closed-lost-from"
      />
    </Section>
  );
}
