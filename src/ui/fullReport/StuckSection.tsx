import type { I18nKey } from '../../i18n';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { FunnelReport, OpenDeal } from '../../core';
import type { UiEnv } from '../env';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { daysOf } from './values';
import { workingText } from '../common/workingText';

/** Rows shown before "show all"; the CSV always has every stuck deal. */
export const STUCK_SHOWN = 50;

export interface Props {
  readonly report: FunnelReport;
  /** Deal names by lead id, from the synced leads. */
  readonly leadNames: ReadonlyMap<number, string>;
}

/** The task badge of a deal (metrics.md extensions, "Unattended"); "?" when not known. */
function taskText(d: OpenDeal): I18nKey {
  if (d.unattended === null) return 'fl.report.stuck.task.unknown';
  if (!d.unattended) return 'fl.report.stuck.task.set';
  return d.closestTaskAt === null ? 'fl.report.stuck.task.none' : 'fl.report.stuck.task.overdue';
}

/** The deal's name, linked to its card in amoCRM (the CSV has the name alone). */
function dealColumn<R extends OpenDeal>(env: UiEnv, name: (d: R) => string): Column<R> {
  return {
    label: env.t('fl.report.col.deal'),
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
  };
}

/** The deal (linked to its card), its stage and its manager: how both deal lists begin. */
export function dealColumns<R extends OpenDeal>(
  env: UiEnv,
  name: (d: R) => string,
  stageName: ReadonlyMap<number, string>,
): Column<R>[] {
  return [
    dealColumn(env, name),
    {
      label: env.t('fl.report.col.stage'),
      text: true,
      value: d => stageName.get(d.stageId) ?? `#${d.stageId}`,
    },
    {
      label: env.t('fl.report.col.manager'),
      text: true,
      value: d => env.userName(d.responsibleUserId),
    },
  ];
}

/**
 * Deals sitting at a stage longer than its threshold, the most overdue first; a filter keeps the
 * unattended ones (no open task, or the nearest one overdue), the deals nobody is working.
 */
export function StuckSection({ report, leadNames }: Props): VNode {
  const env = useEnv();
  const { t, fmt } = env;
  const [all, setAll] = useState(false);
  const [idleOnly, setIdleOnly] = useState(false);
  const idle = report.stuck.filter(d => d.unattended === true);
  const rows = idleOnly ? idle : report.stuck;
  const stageName = new Map(report.stages.map(s => [s.id, s.name]));
  const name = (d: OpenDeal): string => leadNames.get(d.leadId) ?? `#${d.leadId}`;
  // With the user's switch on (metrics.md F.4): working hours beside the calendar ones. On the
  // working clock (F.1a) the threshold, the overdue hours and the order are working hours too;
  // without it they stay in calendar time.
  const working = report.stuck.some(d => d.workingHoursInStage !== undefined);
  const onClock = report.stuck.some(d => d.thresholdWorkingHours !== undefined);
  const workingOver = (d: OpenDeal) =>
    (d.workingHoursInStage ?? 0) - (d.thresholdWorkingHours ?? 0);
  const atLeast = (d: OpenDeal, text: string) =>
    d.hoursAtLeast ? t('fl.common.atLeast', { value: text }) : text;
  /** The threshold and how far past it, in calendar days (§7; with the switch on, F.4 says so). */
  const calendarColumns = (): Column<OpenDeal>[] => [
    {
      label: t(working ? 'fl.working.col.threshold' : 'fl.report.col.threshold'),
      hint: working
        ? `${t('fl.report.hint.threshold')}\n${t('fl.working.threshold')}`
        : t('fl.report.hint.threshold'),
      value: d => daysOf(d.thresholdHours),
      show: d => fmt.days(d.thresholdHours),
    },
    {
      // What the list is ordered by (metrics.md 7), shown so the order explains itself.
      label: t(working ? 'fl.working.col.overdue' : 'fl.report.col.overdue'),
      hint: working
        ? `${t('fl.report.hint.overdue')}\n${t('fl.working.threshold')}`
        : t('fl.report.hint.overdue'),
      value: d => daysOf(d.hoursInStage - d.thresholdHours),
      show: d => atLeast(d, fmt.days(d.hoursInStage - d.thresholdHours)),
    },
  ];
  /** F.1a: the threshold and how far past it in working hours, what the list is ordered by. */
  const workingClockColumns = (): Column<OpenDeal>[] => [
    {
      label: t('fl.working.col.thresholdWorking'),
      hint: `${t('fl.report.hint.threshold')}\n${t('fl.working.thresholdWorking')}`,
      value: d => d.thresholdWorkingHours ?? null,
      show: d => workingText(t, fmt, d.thresholdWorkingHours ?? null),
    },
    {
      label: t('fl.working.col.overdueWorking'),
      hint: `${t('fl.report.hint.overdue')}\n${t('fl.working.thresholdWorking')}`,
      value: workingOver,
      show: d => atLeast(d, workingText(t, fmt, workingOver(d))),
    },
  ];
  const columns: Column<OpenDeal>[] = [
    ...dealColumns(env, name, stageName),
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
    ...(working
      ? [
          {
            label: t('fl.working.col.inStage'),
            hint: `${t('fl.metric.hoursInStage')}\n${t('fl.working.metric')}`,
            value: (d: OpenDeal) => d.workingHoursInStage ?? null,
            show: (d: OpenDeal) => atLeast(d, workingText(t, fmt, d.workingHoursInStage ?? null)),
          },
        ]
      : []),
    ...(onClock ? workingClockColumns() : calendarColumns()),
    {
      label: t('fl.report.col.budget'),
      hint: t('fl.report.hint.budget'),
      value: d => d.price,
      show: d => fmt.money(d.price),
    },
    {
      label: t('fl.report.col.task'),
      hint: t('fl.report.hint.task'),
      text: true,
      value: d => t(taskText(d)),
      show: d =>
        d.unattended ? (
          <span class="fl-badge fl-badge--idle">{t(taskText(d))}</span>
        ) : (
          t(taskText(d))
        ),
    },
  ];
  const more = rows.length - STUCK_SHOWN;
  const caption = idleOnly
    ? t('fl.report.stuck.filterCaption', {
        count: fmt.int(idle.length),
        total: fmt.int(report.stuck.length),
      })
    : t('fl.report.stuck.caption', { count: fmt.int(report.stuck.length) });
  return (
    <Section id="stuck" title={t('fl.report.stuck.title')}>
      {report.stuck.length === 0 ? (
        <p class="fl-muted">{t('fl.report.stuck.none')}</p>
      ) : (
        <>
          <button
            type="button"
            class="fl-report__filter"
            aria-pressed={idleOnly ? 'true' : 'false'}
            // The definition is also on the table's task column, for keyboard and screen readers.
            title={t('fl.report.hint.task')}
            onClick={() => setIdleOnly(on => !on)}
          >
            {t('fl.report.stuck.filter', { count: fmt.int(idle.length) })}
          </button>
          {rows.length === 0 ? (
            <p class="fl-muted">{t('fl.report.stuck.filterNone')}</p>
          ) : (
            <DataTable
              caption={caption}
              columns={columns}
              rows={rows}
              rowKey={d => d.leadId}
              csvName={idleOnly ? 'stuck-deals-unattended' : 'stuck-deals'}
              limit={all ? undefined : STUCK_SHOWN}
            >
              {more > 0 && !all ? (
                <button type="button" class="fl-report__more" onClick={() => setAll(true)}>
                  {t('fl.report.stuck.showAll', { count: fmt.int(rows.length) })}
                </button>
              ) : null}
            </DataTable>
          )}
        </>
      )}
    </Section>
  );
}
