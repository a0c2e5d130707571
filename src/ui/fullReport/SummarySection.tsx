import type { VNode } from 'preact';
import { difference } from '../../core';
import type { FunnelReport, Totals } from '../../core';
import type { I18nKey } from '../../i18n';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Formatters } from '../format';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { Share, withInterval } from './Share';
import { signedInt } from './values';

export interface Props {
  readonly report: FunnelReport;
}

type Kind = 'count' | 'share' | 'money' | 'estimate';

interface Row {
  readonly key: string;
  readonly label: I18nKey;
  readonly hint: I18nKey;
  readonly kind: Kind;
  readonly now: number | null;
  /** The previous period as it stood at the same age (metrics.md 11.2); null where not defined. */
  readonly then: number | null;
  /** The previous period as it stands today. */
  readonly before: number | null;
  /**
   * For the conversion: won and reached the first stage (metrics.md 9) now, at the same age and
   * today, so each share shows its 90 % Wilson interval.
   */
  readonly counts?: {
    readonly now: Count;
    readonly then: Count;
    readonly before: Count;
  };
}

type Count = readonly [won: number, reached: number];

const TOTALS: readonly { key: keyof Totals; label: I18nKey; hint: I18nKey; kind: Kind }[] = [
  { key: 'deals', label: 'fl.report.col.deals', hint: 'fl.metric.deals', kind: 'count' },
  { key: 'won', label: 'fl.report.col.won', hint: 'fl.metric.won', kind: 'count' },
  { key: 'lost', label: 'fl.report.col.lost', hint: 'fl.metric.lost', kind: 'count' },
  { key: 'open', label: 'fl.report.col.open', hint: 'fl.metric.open', kind: 'count' },
  { key: 'incoming', label: 'fl.report.col.incoming', hint: 'fl.metric.incoming', kind: 'count' },
  {
    key: 'conversion',
    label: 'fl.report.col.conversion',
    hint: 'fl.metric.conversion',
    kind: 'share',
  },
  {
    key: 'revenueWon',
    label: 'fl.report.col.revenueWon',
    hint: 'fl.metric.revenueWon',
    kind: 'money',
  },
];

function show(fmt: Formatters, kind: Kind, v: number | null): string {
  if (v === null) return '—';
  if (kind === 'share') return fmt.percent(v);
  // The forecast's revenue is an expectation: its last rubles would be false precision.
  if (kind === 'estimate') return `≈ ${fmt.moneyRough(v)}`;
  return kind === 'money' ? fmt.money(v) : fmt.int(v);
}

function change(fmt: Formatters, kind: Kind, d: number | null): string {
  if (d === null) return '—';
  if (kind === 'share') return fmt.points(d);
  return kind === 'money' ? (d > 0 ? '+' : '') + fmt.money(d) : signedInt(fmt, d);
}

/** Won ÷ reached the first stage, as counts, for the three cohorts the summary compares. */
function conversionCounts(r: FunnelReport): NonNullable<Row['counts']> {
  const first = (stages: readonly { readonly reached: number }[]) => stages[0]?.reached ?? 0;
  return {
    now: [r.totals.won, first(r.stages)],
    then: [r.previous.sameAge.totals.won, first(r.previous.sameAge.stages)],
    before: [r.previous.totals.won, first(r.previous.stages)],
  };
}

/** The totals the same-age comparison defines (metrics.md 11.2). */
const SAME_AGE = new Set<string>(['deals', 'won', 'lost', 'open', 'conversion']);

/**
 * The period's totals against the previous period of equal length — as it stood at the same age,
 * which the change is taken against, and as it stands today — and the forecast.
 */
export function SummarySection({ report }: Props): VNode {
  const { t, fmt } = useEnv();
  const sameAge = report.previous.sameAge.totals as Readonly<Record<string, number | null>>;
  const rows: Row[] = [
    ...TOTALS.map(m => ({
      key: m.key,
      label: m.label,
      hint: m.hint,
      kind: m.kind,
      now: report.totals[m.key],
      then: SAME_AGE.has(m.key) ? (sameAge[m.key] ?? null) : null,
      before: report.previous.totals[m.key],
      ...(m.key === 'conversion' ? { counts: conversionCounts(report) } : {}),
    })),
    {
      key: 'expectedWins',
      label: 'fl.report.col.expectedWins',
      hint: 'fl.metric.forecast',
      kind: 'count',
      now: report.forecast.expectedWins,
      then: null,
      before: null,
    },
    {
      key: 'expectedRevenue',
      label: 'fl.report.col.expectedRevenue',
      hint: 'fl.metric.forecast',
      kind: 'estimate',
      now: report.forecast.expectedRevenue,
      then: null,
      before: null,
    },
  ];
  const min = report.options.minSample;
  const ci = t('fl.report.hint.interval');
  const share = ([k, n]: Count) => <Share k={k} n={n} min={min} />;
  const prev = report.previous.period;
  const range = { from: fmt.date(prev.from), to: fmt.date(prev.to - 1) };
  const columns: Column<Row>[] = [
    {
      label: t('fl.report.col.metric'),
      text: true,
      value: r => t(r.label),
      show: r => (
        <MetricHint text={t(r.hint)} align="start">
          {t(r.label)}
        </MetricHint>
      ),
    },
    {
      label: t('fl.report.col.now'),
      hint: withInterval(t('fl.report.hint.now'), ci),
      value: r => r.now,
      show: r => (r.counts ? share(r.counts.now) : show(fmt, r.kind, r.now)),
    },
    {
      label: t('fl.report.summary.sameAge', range),
      hint: withInterval(t('fl.metric.sameAge'), ci),
      value: r => r.then,
      show: r => (r.counts ? share(r.counts.then) : show(fmt, r.kind, r.then)),
    },
    {
      label: t('fl.report.col.change'),
      hint: t('fl.report.hint.change'),
      value: r => difference(r.now, r.then),
      show: r => change(fmt, r.kind, difference(r.now, r.then)),
    },
    {
      label: t('fl.report.summary.previous', range),
      hint: withInterval(t('fl.metric.previous'), ci),
      value: r => r.before,
      show: r => (r.counts ? share(r.counts.before) : show(fmt, r.kind, r.before)),
    },
  ];
  return (
    <Section id="summary" title={t('fl.report.summary.title')}>
      <DataTable
        caption={t('fl.report.summary.caption', {
          from: fmt.date(report.period.from),
          to: fmt.date(report.period.to - 1),
        })}
        columns={columns}
        rows={rows}
        rowKey={r => r.key}
        csvName="summary"
      />
    </Section>
  );
}
