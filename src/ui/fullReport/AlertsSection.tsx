import type { I18nKey } from '../../i18n';
import type { VNode } from 'preact';
import type { AlertsReport, FunnelReport, TransitionChange } from '../../core';
import type { Translate } from '../../i18n';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { LOCALES } from '../format';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';

export interface Props {
  readonly report: FunnelReport;
  readonly alerts: AlertsReport;
}

type Verdict = 'down' | 'up' | 'no' | 'small' | 'none';

interface Row {
  readonly x: TransitionChange;
  readonly verdict: Verdict;
}

/**
 * What the table says of a transition (metrics.md F.2): no comparison without decided deals on
 * either side, not tested below `minSample` on either side, else the test's outcome.
 */
export function verdictOf(x: TransitionChange, minSample: number): Verdict {
  const { change } = x;
  if (!change) return 'none';
  if (x.current.n < minSample || x.baseline.n < minSample) return 'small';
  if (!change.flagged || change.direction === null) return 'no';
  return change.direction;
}

/** Flagged changes first, then the rest; each group in funnel order (the sort is stable). */
export function alertRows(alerts: AlertsReport): Row[] {
  const rows = alerts.transitions.map(x => ({ x, verdict: verdictOf(x, alerts.minSample) }));
  const flagged = (r: Row) => (r.verdict === 'down' || r.verdict === 'up' ? 0 : 1);
  return rows.sort((a, b) => flagged(a) - flagged(b));
}

/** A p-value to two significant digits, or "< 0.0001": smaller ones say no more. */
export function pValueText(lang: Translate['lang'], p: number): string {
  const nf = (opts: Intl.NumberFormatOptions) => new Intl.NumberFormat(LOCALES[lang], opts);
  if (p < 0.0001) return `< ${nf({ maximumFractionDigits: 4 }).format(0.0001)}`;
  return nf({ maximumSignificantDigits: 2 }).format(p);
}

/** A transition's end: a main stage, or won after the last (WeakestSection's name for it). */
const nameOf = (t: Translate, report: FunnelReport, stageId: number): string =>
  report.stages.find(s => s.id === stageId)?.name ?? t('fl.report.wonRow');

const rate = (k: number, n: number): number | null => (n > 0 ? k / n : null);

/**
 * Every main-stage transition of the period against its baseline, the flagged changes first: the
 * panel's badges with all their numbers, and the transitions that were not or could not be tested.
 */
export function AlertsSection({ report, alerts }: Props): VNode {
  const { t, fmt } = useEnv();
  const rows = alertRows(alerts);
  const tested = (r: Row) => r.verdict !== 'none' && r.verdict !== 'small';
  const counts = (c: { readonly k: number; readonly n: number }) =>
    t('fl.report.alerts.counts', { k: fmt.int(c.k), n: fmt.int(c.n) });
  const columns: Column<Row>[] = [
    {
      label: t('fl.report.alerts.col.transition'),
      text: true,
      value: r =>
        t('fl.report.alerts.transition', {
          from: nameOf(t, report, r.x.fromStageId),
          to: nameOf(t, report, r.x.toStageId),
        }),
    },
    {
      label: t('fl.report.alerts.col.current'),
      hint: t('fl.metric.alertCurrent'),
      value: r => `${r.x.current.k}/${r.x.current.n}`,
      show: r => counts(r.x.current),
    },
    {
      label: t('fl.report.alerts.col.currentRate'),
      hint: t('fl.metric.alertCurrent'),
      value: r => rate(r.x.current.k, r.x.current.n),
      show: r => fmt.percent(rate(r.x.current.k, r.x.current.n)),
    },
    {
      label: t('fl.report.alerts.col.baseline'),
      hint: t('fl.metric.alertBaseline'),
      value: r => `${r.x.baseline.k}/${r.x.baseline.n}`,
      show: r => counts(r.x.baseline),
    },
    {
      label: t('fl.report.alerts.col.baselineRate'),
      hint: t('fl.metric.alertBaseline'),
      value: r => rate(r.x.baseline.k, r.x.baseline.n),
      show: r => fmt.percent(rate(r.x.baseline.k, r.x.baseline.n)),
    },
    {
      label: t('fl.report.alerts.col.difference'),
      hint: t('fl.metric.alertDifference'),
      value: r => r.x.change?.difference ?? null,
      show: r => fmt.points(r.x.change?.difference ?? null),
    },
    {
      label: t('fl.report.alerts.col.low'),
      hint: t('fl.metric.alertInterval', { confidence: fmt.percent(alerts.confidence) }),
      value: r => r.x.change?.low ?? null,
      show: r => fmt.points(r.x.change?.low ?? null),
    },
    {
      label: t('fl.report.alerts.col.high'),
      hint: t('fl.metric.alertInterval', { confidence: fmt.percent(alerts.confidence) }),
      value: r => r.x.change?.high ?? null,
      show: r => fmt.points(r.x.change?.high ?? null),
    },
    {
      label: t('fl.report.alerts.col.pValue'),
      hint: t('fl.metric.alertPValue'),
      // A small sample is not tested: its p-value would read as a verdict.
      value: r => (tested(r) ? (r.x.change?.pValue ?? null) : null),
      show: r => {
        const p = r.x.change?.pValue;
        return tested(r) && p !== undefined ? pValueText(t.lang, p) : '—';
      },
    },
    {
      label: t('fl.report.alerts.col.verdict'),
      hint: t('fl.metric.alertVerdict', {
        confidence: fmt.percent(alerts.confidence),
        min: fmt.int(alerts.minSample),
      }),
      text: true,
      value: r => t(`fl.report.alerts.verdict.${r.verdict}` satisfies I18nKey),
    },
  ];
  const anyFlagged = rows.some(r => r.verdict === 'down' || r.verdict === 'up');
  return (
    <Section id="alerts" title={t('fl.report.alerts.title')}>
      <p class="fl-report__lead">
        <MetricHint text={t('fl.metric.alert')} align="start">
          {t('fl.report.alerts.intro', {
            confidence: fmt.percent(alerts.confidence),
            min: fmt.int(alerts.minSample),
            from: fmt.date(alerts.baseline.from),
            to: fmt.date(alerts.baseline.to - 1),
            windows: fmt.int(alerts.baseline.windows),
          })}
        </MetricHint>
      </p>
      {anyFlagged ? null : <p class="fl-muted">{t('fl.report.alerts.none')}</p>}
      <DataTable
        caption={t('fl.report.alerts.caption')}
        columns={columns}
        rows={rows}
        rowKey={r => r.x.fromStageId}
        csvName="alerts"
        rowClass={r =>
          r.verdict === 'down' || r.verdict === 'up'
            ? `fl-alert-row fl-alert-row--${r.verdict}`
            : undefined
        }
      />
    </Section>
  );
}
