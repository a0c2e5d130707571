import type { VNode } from 'preact';
import type { SnoozedDeal, StageReport } from '../../core';
import { zonedParts } from '../../core';
import { civilToInput } from '../common/periodDates';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { dealColumns } from './StuckSection';
import { daysOf } from './values';

export interface Props {
  /** The report's `snoozed[]` (metrics.md F.6): present only when the snooze fields are named. */
  readonly snoozed: readonly SnoozedDeal[];
  readonly stages: readonly StageReport[];
  readonly leadNames: ReadonlyMap<number, string>;
}

/**
 * Deals a manager snoozed until a date, apart from the stuck ones: the first to come back first,
 * with the reason and whether the deal would be stuck without the mark.
 */
export function SnoozedSection({ snoozed, stages, leadNames }: Props): VNode {
  const env = useEnv();
  const { t, fmt, timeZone } = env;
  const stageName = new Map(stages.map(s => [s.id, s.name]));
  const name = (d: SnoozedDeal): string => leadNames.get(d.leadId) ?? `#${d.leadId}`;
  const yesNo = (d: SnoozedDeal): string =>
    t(d.stuck ? 'fl.report.snoozed.stuckYes' : 'fl.report.snoozed.stuckNo');
  const columns: Column<SnoozedDeal>[] = [
    ...dealColumns(env, name, stageName),
    {
      label: t('fl.report.col.until'),
      hint: t('fl.metric.snoozed'),
      text: true,
      // The CSV gets the account's calendar day, which sorts and parses anywhere.
      value: d => civilToInput(zonedParts(d.until, timeZone)),
      show: d => fmt.date(d.until),
    },
    {
      label: t('fl.report.col.snoozeReason'),
      text: true,
      value: d => d.reason,
      show: d => d.reason ?? <span class="fl-muted">{t('fl.report.snoozed.noReason')}</span>,
    },
    {
      label: t('fl.report.col.inStage'),
      hint: inStageHint(t('fl.metric.hoursInStage'), snoozed, t('fl.metric.hoursAtLeast')),
      value: d => daysOf(d.hoursInStage),
      show: d =>
        d.hoursAtLeast
          ? t('fl.common.atLeast', { value: fmt.days(d.hoursInStage) })
          : fmt.days(d.hoursInStage),
    },
    {
      label: t('fl.report.col.wouldBeStuck'),
      hint: t('fl.report.hint.wouldBeStuck'),
      text: true,
      value: yesNo,
      show: d => (d.stuck ? <span class="fl-badge fl-badge--idle">{yesNo(d)}</span> : yesNo(d)),
    },
    {
      label: t('fl.report.col.budget'),
      hint: t('fl.report.hint.budget'),
      value: d => d.price,
      show: d => fmt.money(d.price),
    },
  ];
  return (
    <Section id="snoozed" title={t('fl.report.snoozed.title')}>
      {snoozed.length === 0 ? (
        <p class="fl-muted">{t('fl.report.snoozed.none')}</p>
      ) : (
        <DataTable
          caption={t('fl.report.snoozed.caption', { count: fmt.int(snoozed.length) })}
          columns={columns}
          rows={snoozed}
          rowKey={d => d.leadId}
          csvName="snoozed-deals"
        />
      )}
    </Section>
  );
}

/** The in-stage definition, with the lower-bound note when some deal's entry is before history. */
function inStageHint(base: string, deals: readonly SnoozedDeal[], atLeast: string): string {
  return deals.some(d => d.hoursAtLeast) ? `${base}\n${atLeast}` : base;
}
