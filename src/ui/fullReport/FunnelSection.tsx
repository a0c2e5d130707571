import type { I18nKey } from '../../i18n';
import type { VNode } from 'preact';
import type { FunnelReport, StageReport } from '../../core';
import { Chart, funnelConfig, funnelSummary, weakestIndex } from '../chart';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { Share, withInterval } from './Share';
import { useReportTools } from './tools';

export interface Props {
  readonly report: FunnelReport;
}

/** A funnel row: an open stage, or the won line at the bottom (only `reached` applies to it). */
interface Row {
  readonly name: string;
  readonly stage: StageReport | null;
  readonly reached: number;
}

type Money = NonNullable<FunnelReport['money']>;
type MoneyStage = Money['stages'][number];

/**
 * Reach, drop-off and conversion per stage; the weakest transition leads the report
 * (WeakestSection). With money on, each count has the sum of its deals' budgets beside it.
 */
export function FunnelSection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const { createChart } = useReportTools();
  const weak = weakestIndex(report);
  const weakStage = report.stages[weak];
  const count = (pick: (s: StageReport) => number) => (r: Row) => (r.stage ? pick(r.stage) : null);
  const share = (pick: (s: StageReport) => number | null) => (r: Row) =>
    r.stage ? pick(r.stage) : null;
  const intCell = (f: (r: Row) => number | null) => (r: Row) => {
    const v = f(r);
    return v === null ? '' : fmt.int(v);
  };
  const min = report.options.minSample;
  const ci = t('fl.report.hint.interval');
  // The numerator of a stage's conversions (metrics.md 5): the next stage's reach, or won.
  const nextReached = (s: StageReport): number => {
    const i = report.stages.indexOf(s);
    return report.stages[i + 1]?.reached ?? report.won.reached;
  };
  const current = count(s => s.current);
  const skipped = count(s => s.skipped);
  const undecided = count(s => s.undecided);
  const lostHere = count(s => s.lostHere);
  const toNext = share(s => s.conversionToNext);
  const decided = share(s => s.decidedConversion);
  const toWon = share(s => s.conversionToWon);
  const money = report.money;
  const moneyOf = new Map(money?.stages.map(m => [m.id, m]));
  /** The budget column beside a count column, when money is on; `won`: its won row's value. */
  const sum = (
    label: I18nKey,
    pick: (m: MoneyStage) => number,
    won: (m: Money) => number | null = () => null,
  ): Column<Row>[] => {
    if (!money) return [];
    const value = (r: Row): number | null => {
      if (!r.stage) return won(money);
      const m = moneyOf.get(r.stage.id);
      return m ? pick(m) : null;
    };
    return [
      {
        label: t(label),
        hint: t('fl.report.hint.money'),
        value,
        show: r => {
          const v = value(r);
          return v === null ? '' : fmt.money(v);
        },
      },
    ];
  };
  const unattended = (r: Row): number | null => r.stage?.unattended ?? null;
  const columns: Column<Row>[] = [
    {
      label: t('fl.report.col.stage'),
      text: true,
      value: r => r.name,
      show: r => (
        <>
          {r.stage ? (
            r.name
          ) : (
            <MetricHint text={t('fl.metric.wonReached')} align="start">
              {r.name}
            </MetricHint>
          )}
          {r.stage && r.stage === weakStage ? (
            <span class="fl-badge fl-badge--weak">{t('fl.report.weakBadge')}</span>
          ) : null}
        </>
      ),
    },
    {
      label: t('fl.report.col.reached'),
      hint: t('fl.metric.reached'),
      value: r => r.reached,
      show: r => fmt.int(r.reached),
    },
    ...sum(
      'fl.report.col.reachedValue',
      m => m.reached,
      m => m.won.reached,
    ),
    {
      label: t('fl.report.col.current'),
      hint: t('fl.metric.current'),
      value: current,
      show: intCell(current),
    },
    ...sum('fl.report.col.currentValue', m => m.current),
    {
      label: t('fl.report.col.skipped'),
      hint: t('fl.metric.skipped'),
      value: skipped,
      show: intCell(skipped),
    },
    {
      label: t('fl.report.col.undecided'),
      hint: t('fl.metric.undecided'),
      value: undecided,
      show: intCell(undecided),
    },
    ...sum('fl.report.col.undecidedValue', m => m.undecided),
    {
      label: t('fl.report.col.lostHere'),
      hint: t('fl.metric.lostHere'),
      value: lostHere,
      show: intCell(lostHere),
    },
    ...sum('fl.report.col.lostHereValue', m => m.lostHere),
    {
      label: t('fl.report.col.toNext'),
      hint: withInterval(t('fl.metric.conversionToNext'), ci),
      value: toNext,
      show: r => r.stage && <Share k={nextReached(r.stage)} n={r.stage.reached} min={min} />,
    },
    {
      label: t('fl.report.col.decided'),
      hint: withInterval(t('fl.metric.decidedConversion'), ci),
      value: decided,
      show: r =>
        r.stage && (
          <Share k={nextReached(r.stage)} n={r.stage.reached - r.stage.undecided} min={min} />
        ),
    },
    {
      label: t('fl.report.col.toWon'),
      hint: withInterval(t('fl.metric.conversionToWon'), ci),
      value: toWon,
      show: r => r.stage && <Share k={report.won.reached} n={r.stage.reached} min={min} />,
    },
    {
      // All pipeline deals now at the stage, as `now` counts them; "?" when partly unknown.
      label: t('fl.report.col.unattended'),
      hint: t('fl.report.hint.unattended'),
      value: unattended,
      show: r => (r.stage ? (r.stage.unattended === null ? '?' : fmt.int(r.stage.unattended)) : ''),
    },
  ];
  const rows: Row[] = [
    ...report.stages.map(s => ({ name: s.name, stage: s, reached: s.reached })),
    { name: t('fl.report.wonRow'), stage: null, reached: report.won.reached },
  ];
  return (
    <Section id="funnel" title={t('fl.report.funnel.title')}>
      <Chart
        build={theme => funnelConfig(report, { t, fmt, theme })}
        source={report}
        label={funnelSummary(report, { t, fmt })}
        height={Math.max(160, rows.length * 34)}
        createChart={createChart}
      />
      {money ? (
        <p class="fl-report__lead">
          <MetricHint text={t('fl.report.hint.moneyTotals')} align="start">
            {t('fl.report.funnel.moneyTotals', {
              deals: fmt.money(money.totals.deals),
              won: fmt.money(money.totals.won),
              lost: fmt.money(money.totals.lost),
              open: fmt.money(money.totals.open),
            })}
          </MetricHint>
        </p>
      ) : null}
      <DataTable
        caption={t('fl.report.funnel.caption')}
        columns={columns}
        rows={rows}
        rowKey={r => r.stage?.id ?? 'won'}
        rowClass={r => (r.stage && r.stage === weakStage ? 'fl-row--weak' : undefined)}
        csvName="funnel"
      />
    </Section>
  );
}
