import type { VNode } from 'preact';
import type { FunnelReport } from '../../core';
import { useEnv } from '../env';
import { AlertsSection } from './AlertsSection';
import { ClosedSection } from './ClosedSection';
import { DistributionsSection } from './DistributionsSection';
import { EnteredSection } from './EnteredSection';
import { FlowSection } from './FlowSection';
import { ForecastSection } from './ForecastSection';
import { FunnelSection } from './FunnelSection';
import { IncomingSection } from './IncomingSection';
import { LossSection } from './LossSection';
import { ManagersSection } from './ManagersSection';
import { PreviousSection } from './PreviousSection';
import { SnoozedSection } from './SnoozedSection';
import { StuckSection } from './StuckSection';
import { SummarySection } from './SummarySection';
import { TimeSection } from './TimeSection';
import { TrendSection } from './TrendSection';
import { WeakestSection } from './WeakestSection';

export interface Props {
  readonly report: FunnelReport;
  /** Deal names by lead id, for the stuck deals. */
  readonly leadNames: ReadonlyMap<number, string>;
  readonly granularity: 'week' | 'month';
}

/**
 * The report's sections in reading order: the counting mode's own section when one is chosen,
 * then the weakest link (the answer), the summary and the significant changes, the deals to act on last. The cohort
 * sections stay in every mode (the contract's numbers are about the cohort); a note says so.
 */
export function ReportSections({ report, leadNames, granularity }: Props): VNode {
  const { t } = useEnv();
  const byMode = report.closedMode ?? report.flow;
  return (
    <>
      {report.closedMode ? <ClosedSection report={report} closed={report.closedMode} /> : null}
      {report.flow ? <EnteredSection report={report} flow={report.flow} /> : null}
      {byMode ? <p class="fl-report__note">{t('fl.report.cohortNote')}</p> : null}
      {report.totals.deals === 0 ? <p class="fl-report__note">{t('fl.report.empty')}</p> : null}
      {report.totals.deals > 0 ? <WeakestSection report={report} /> : null}
      <SummarySection report={report} />
      {report.alerts ? <AlertsSection report={report} alerts={report.alerts} /> : null}
      <FunnelSection report={report} />
      {report.trend ? (
        <TrendSection
          buckets={report.trend}
          granularity={granularity}
          minSample={report.options.minSample}
        />
      ) : null}
      <TimeSection stages={report.stages} />
      {report.distributions ? (
        <DistributionsSection report={report} distributions={report.distributions} />
      ) : null}
      <IncomingSection report={report} />
      <ManagersSection report={report} />
      <PreviousSection report={report} />
      <LossSection report={report} />
      <FlowSection stages={report.stages} />
      <ForecastSection report={report} />
      <StuckSection report={report} leadNames={leadNames} />
      {report.snoozed ? (
        <SnoozedSection snoozed={report.snoozed} stages={report.stages} leadNames={leadNames} />
      ) : null}
    </>
  );
}
