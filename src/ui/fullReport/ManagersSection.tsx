import type { VNode } from 'preact';
import type { FunnelReport, ManagerReport } from '../../core';
import type { I18nKey } from '../../i18n';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Column } from './DataTable';
import { DataTable } from './DataTable';
import { Section } from './Section';
import { Share, withInterval } from './Share';
import { ratio } from '../../core';

export interface Props {
  readonly report: FunnelReport;
}

/**
 * A manager's conversion from stage i to the next, from their `reached` (metrics.md 5 applied to
 * their cohort). The last stage's needs won-reached per manager, which the report does not carry,
 * so it is not shown.
 */
export function managerConversion(m: ManagerReport, i: number): number | null {
  const here = m.reached[i];
  const next = m.reached[i + 1];
  return here === undefined || next === undefined ? null : ratio(next, here);
}

/** Managers side by side (the current responsible user of each deal), small books flagged. */
export function ManagersSection({ report }: Props): VNode {
  const env = useEnv();
  const { t, fmt } = env;
  const min = report.options.minSample;
  const small = (m: ManagerReport): boolean => m.deals < min;
  const count = (
    label: I18nKey,
    hint: I18nKey,
    pick: (m: ManagerReport) => number,
  ): Column<ManagerReport> => ({
    label: t(label),
    hint: t(hint),
    value: pick,
    show: m => fmt.int(pick(m)),
  });
  const counts = [
    count('fl.report.col.deals', 'fl.metric.deals', m => m.deals),
    count('fl.report.col.won', 'fl.metric.won', m => m.won),
    count('fl.report.col.lost', 'fl.metric.lost', m => m.lost),
    count('fl.report.col.open', 'fl.metric.open', m => m.open),
  ];
  const steps = report.stages.slice(0, -1).map((s, i): Column<ManagerReport> => ({
    label: t('fl.report.col.stageToNext', { stage: s.name }),
    hint: withInterval(t('fl.report.hint.managerConversion'), t('fl.report.hint.interval')),
    value: m => managerConversion(m, i),
    show: m => <Share k={m.reached[i + 1] ?? 0} n={m.reached[i] ?? 0} min={min} />,
  }));
  const columns: Column<ManagerReport>[] = [
    {
      label: t('fl.report.col.manager'),
      text: true,
      value: m => env.userName(m.userId),
      show: m => (
        <>
          {env.userName(m.userId)}
          {small(m) ? (
            <MetricHint text={t('fl.report.managers.smallHint', { min })}>
              <span class="fl-badge fl-badge--warn">{t('fl.report.managers.small')}</span>
            </MetricHint>
          ) : null}
        </>
      ),
    },
    ...counts,
    {
      label: t('fl.report.col.winRate'),
      hint: withInterval(t('fl.metric.winRate'), t('fl.report.hint.interval')),
      value: m => m.winRate,
      show: m => <Share k={m.won} n={m.won + m.lost} min={min} />,
    },
    ...steps,
  ];
  return (
    <Section id="managers" title={t('fl.report.managers.title')}>
      <DataTable
        caption={t('fl.report.managers.caption')}
        columns={columns}
        rows={report.managers}
        rowKey={m => m.userId ?? 'none'}
        rowClass={m => (small(m) ? 'fl-row--small' : undefined)}
        csvName="managers"
      >
        <p class="fl-muted">{t('fl.report.managers.note')}</p>
      </DataTable>
    </Section>
  );
}
