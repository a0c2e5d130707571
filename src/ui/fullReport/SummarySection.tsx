import type { VNode } from 'preact';
import { difference } from '../../core';
import type { ForecastRange, FunnelReport, HorizonForecast, Totals } from '../../core';
import type { I18nKey, Translate } from '../../i18n';
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
  readonly label: string;
  readonly hint: string;
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
  /** For the forecast within a horizon: its 90 % interval (metrics.md F.3), shown under `now`. */
  readonly range?: readonly [low: number, high: number];
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

/** The longest horizon the report asked for (metrics.md F.4), if it asked for any. */
function longest(range: ForecastRange | undefined): HorizonForecast | undefined {
  return range?.horizons.reduce<HorizonForecast | undefined>(
    (best, h) => (best && best.horizonDays >= h.horizonDays ? best : h),
    undefined,
  );
}

/**
 * The forecast's rows: within the longest horizon asked, with its 90 % interval (metrics.md F.3).
 * A report that asked for no horizon has only §9's expectation, which has no time frame.
 */
function forecastRows(t: Translate, fmt: Formatters, report: FunnelReport): Row[] {
  const range = report.forecastRange;
  const h = longest(range);
  if (!range || !h) {
    const hint = t('fl.metric.forecast');
    return [
      {
        key: 'expectedWins',
        label: t('fl.report.col.expectedWins'),
        hint,
        kind: 'count',
        now: report.forecast.expectedWins,
        then: null,
        before: null,
      },
      {
        key: 'expectedRevenue',
        label: t('fl.report.col.expectedRevenue'),
        hint,
        kind: 'estimate',
        now: report.forecast.expectedRevenue,
        then: null,
        before: null,
      },
    ];
  }
  const days = { days: fmt.int(h.horizonDays) };
  const draws = { draws: fmt.int(range.draws), seed: String(range.seed) };
  return [
    {
      key: 'expectedWins',
      label: t('fl.report.summary.expectedWins', days),
      hint: withInterval(t('fl.metric.forecastWins'), t('fl.metric.forecastWinsRange')),
      kind: 'count',
      now: h.expectedWins,
      then: null,
      before: null,
      range: [h.winsLow, h.winsHigh],
    },
    {
      key: 'expectedRevenue',
      label: t('fl.report.summary.expectedRevenue', days),
      hint: withInterval(
        t('fl.metric.forecastRevenue'),
        t('fl.metric.forecastRevenueRange', draws),
      ),
      kind: 'money',
      now: h.expectedRevenue,
      then: null,
      before: null,
      range: [h.revenueLow, h.revenueHigh],
    },
  ];
}

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
      label: t(m.label),
      hint: t(m.hint),
      kind: m.kind,
      now: report.totals[m.key],
      then: SAME_AGE.has(m.key) ? (sameAge[m.key] ?? null) : null,
      before: report.previous.totals[m.key],
      ...(m.key === 'conversion' ? { counts: conversionCounts(report) } : {}),
    })),
    ...forecastRows(t, fmt, report),
  ];
  const min = report.options.minSample;
  const ci = t('fl.report.hint.interval');
  const share = ([k, n]: Count) => <Share k={k} n={n} min={min} />;
  // As a share's interval: drawn under the value, so the cell's text stays the value the CSV has.
  const ranged = (r: Row, [low, high]: NonNullable<Row['range']>) => (
    <span
      class="fl-range"
      data-ci={t('fl.report.interval', {
        low: show(fmt, r.kind, low),
        high: show(fmt, r.kind, high),
      })}
    >
      {show(fmt, r.kind, r.now)}
    </span>
  );
  const prev = report.previous.period;
  const range = { from: fmt.date(prev.from), to: fmt.date(prev.to - 1) };
  const columns: Column<Row>[] = [
    {
      label: t('fl.report.col.metric'),
      text: true,
      value: r => r.label,
      show: r => (
        <MetricHint text={r.hint} align="start">
          {r.label}
        </MetricHint>
      ),
    },
    {
      label: t('fl.report.col.now'),
      hint: withInterval(t('fl.report.hint.now'), ci),
      value: r => r.now,
      show: r => {
        if (r.counts) return share(r.counts.now);
        return r.range ? ranged(r, r.range) : show(fmt, r.kind, r.now);
      },
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
