import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { FunnelReport, OpenDeal } from '../../core';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { daysOf } from './values';

/** Rows shown before "show all"; the CSV always has every stuck deal. */
export const STUCK_SHOWN = 50;

export interface Props {
  readonly report: FunnelReport;
  /** Deal names by lead id, from the synced leads. */
  readonly leadNames: ReadonlyMap<number, string>;
}

/** Deals sitting at a stage longer than its threshold, the most overdue first. */
export function StuckSection({ report, leadNames }: Props): VNode {
  const env = useEnv();
  const { t, fmt } = env;
  const [all, setAll] = useState(false);
  const stageName = new Map(report.stages.map(s => [s.id, s.name]));
  const name = (d: OpenDeal): string => leadNames.get(d.leadId) ?? `#${d.leadId}`;
  const columns: Column<OpenDeal>[] = [
    {
      label: t('fl.report.col.deal'),
      text: true,
      value: name,
      show: d => {
        const url = env.leadUrl(d.leadId);
        return (
          <a
            href={url}
            onClick={e => {
              e.preventDefault();
              env.navigate(url);
            }}
          >
            {name(d)}
          </a>
        );
      },
    },
    {
      label: t('fl.report.col.stage'),
      text: true,
      value: d => stageName.get(d.stageId) ?? `#${d.stageId}`,
    },
    {
      label: t('fl.report.col.manager'),
      text: true,
      value: d => env.userName(d.responsibleUserId),
    },
    {
      label: t('fl.report.col.inStage'),
      hint: report.stuck.some(d => d.hoursAtLeast)
        ? `${t('fl.metric.hoursInStage')}\n${t('fl.metric.hoursAtLeast')}`
        : t('fl.metric.hoursInStage'),
      value: d => daysOf(d.hoursInStage),
      // Entered the stage before the loaded history: only a lower bound is known.
      show: d =>
        d.hoursAtLeast
          ? t('fl.common.atLeast', { value: fmt.days(d.hoursInStage) })
          : fmt.days(d.hoursInStage),
    },
    {
      label: t('fl.report.col.threshold'),
      hint: t('fl.report.hint.threshold'),
      value: d => daysOf(d.thresholdHours),
      show: d => fmt.days(d.thresholdHours),
    },
    {
      // What the list is ordered by (metrics.md 7), shown so the order explains itself.
      label: t('fl.report.col.overdue'),
      hint: t('fl.report.hint.overdue'),
      value: d => daysOf(d.hoursInStage - d.thresholdHours),
      show: d =>
        d.hoursAtLeast
          ? t('fl.common.atLeast', { value: fmt.days(d.hoursInStage - d.thresholdHours) })
          : fmt.days(d.hoursInStage - d.thresholdHours),
    },
    {
      label: t('fl.report.col.budget'),
      hint: t('fl.report.hint.budget'),
      value: d => d.price,
      show: d => fmt.money(d.price),
    },
  ];
  const more = report.stuck.length - STUCK_SHOWN;
  return (
    <Section id="stuck" title={t('fl.report.stuck.title')}>
      {report.stuck.length === 0 ? (
        <p class="fl-muted">{t('fl.report.stuck.none')}</p>
      ) : (
        <DataTable
          caption={t('fl.report.stuck.caption', { count: fmt.int(report.stuck.length) })}
          columns={columns}
          rows={report.stuck}
          rowKey={d => d.leadId}
          csvName="stuck-deals"
          limit={all ? undefined : STUCK_SHOWN}
        >
          {more > 0 && !all ? (
            <button type="button" class="fl-report__more" onClick={() => setAll(true)}>
              {t('fl.report.stuck.showAll', { count: fmt.int(report.stuck.length) })}
            </button>
          ) : null}
        </DataTable>
      )}
    </Section>
  );
}
