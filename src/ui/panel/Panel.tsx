// Loaded for its effect, not only its types: @preact/signals' Preact integration is what makes a
// component that reads `.value` while rendering re-render when that signal changes.
import '@preact/signals';
import type { Signal } from '@preact/signals';
import type { VNode } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { INCOMING_STATUS_TYPE } from '../../core';
import type { DataModel } from '../../state';
import type { ReportModel, SnoozeControl } from '../../state';
import { latest as latestOf } from '../../state';
import { ErrorBanner } from '../common/ErrorBanner';
import { ManagerFilter } from '../common/ManagerFilter';
import { PeriodPicker } from '../common/PeriodPicker';
import type { NamesState } from '../common/SliceFilter';
import { SliceFilter } from '../common/SliceFilter';
import { SyncStatus } from '../common/SyncStatus';
import { useEnv } from '../env';
import { CollapsedStrip } from './CollapsedStrip';
import { PanelHeader } from './PanelHeader';
import { HistoryNote } from './HistoryNote';
import { PanelReport } from './PanelReport';
import { PartialCounts } from './PartialCounts';

export interface Props {
  readonly data: DataModel;
  readonly report: ReportModel;
  readonly pipelineId: number;
  readonly pipelineName: string;
  /** Folded to a narrow strip; the host persists it between page loads. */
  readonly collapsed: Signal<boolean>;
  /** The current user: results count only the deals this user may see. */
  readonly userName: string;
  /** The slice filter's tag and field names, read when it first opens; ids without it. */
  readonly sliceNames?:
    | {
        readonly state: NamesState;
        readonly load: () => void;
        /** The admin's source field (settings), which the filter lists first. */
        readonly sourceFieldId: number | null;
      }
    | undefined;
  /** Snoozing stuck deals (metrics.md F.6); null or absent where it is not offered. */
  readonly snooze?: SnoozeControl | null | undefined;
}

const NO_NAMES: NamesState = { status: 'idle' };
const noop = () => undefined;

/**
 * Funnel Lens beside amoCRM's leads list or pipeline: freshness, errors, period and managers,
 * the period's totals, the weakest link and the funnel, and each stage's deals on a click.
 */
export function Panel({
  data,
  report,
  pipelineId,
  pipelineName,
  collapsed,
  userName,
  sliceNames,
  snooze = null,
}: Props): VNode {
  const { t, fmt, timeZone } = useEnv();
  const bodyId = useId();
  /** Set when our own toggle changed `collapsed`, so focus follows to the other toggle. */
  const toggled = useRef(false);
  /** The stage row to focus when the funnel comes back from a drill-down. */
  const returnTo = useRef<number | null>(null);
  const focusToggle = toggled.current;
  toggled.current = false;
  const focusStageId = returnTo.current;
  returnTo.current = null;

  const latest = report.report.value;
  const current = latest !== null && report.snapshotAt.value === null;
  // Once the numbers are in the document (the browser paints them at the end of this task), the
  // service's backfill may go on: after the window it waits for this, so its requests and
  // parsing do not compete with drawing the first exact numbers. A layout effect, not an effect:
  // Preact defers effects to a frame timer that would outlive an unmount.
  useLayoutEffect(() => {
    if (current) data.shown();
  }, [data, latest, current]);
  const toggle = (value: boolean) => {
    toggled.current = true;
    collapsed.value = value;
  };
  if (collapsed.value) {
    return (
      <CollapsedStrip report={latest} onExpand={() => toggle(false)} focusToggle={focusToggle} />
    );
  }

  const status = data.status.value;
  const syncing = status.activity.kind === 'syncing';
  const partial = report.partial.value;
  const state = report.state.value;
  const selected = report.selectedStage.value;
  // A stored snapshot stands in for the numbers until the current ones are computed.
  const snapshotAt = report.snapshotAt.value;
  const notice = report.notice.value;
  return (
    <aside
      class="fl-panel"
      aria-label={t('fl.panel.region')}
      // The exact window and instant of the numbers shown, for support and tests to reproduce
      // them with `funnel-lens report --from --to --now`.
      data-from={latest?.period.from}
      data-to={latest?.period.to}
      data-now={latest?.now}
      data-history-from={latest?.options.historyFrom ?? undefined}
      data-horizon-days={latest?.options.horizonDays ?? undefined}
      data-side-stages={latest?.options.sideStageIds?.join(',')}
      // none → window (the period's numbers are exact, older history loading) → complete;
      // `snapshot` while the last load's numbers are shown and the current ones compute.
      data-phase={snapshotAt === null ? status.phase : 'snapshot'}
    >
      {/* 20-odd stops (controls, totals, the weakest link) stand before the stages. */}
      {latest && selected === null && latest.totals.deals > 0 && (
        <button
          type="button"
          class="fl-skip"
          onClick={e => {
            const panel = e.currentTarget.closest('.fl-panel');
            panel?.querySelector<HTMLElement>('.fl-funnel button.fl-row__main')?.focus();
          }}
        >
          {t('fl.panel.skip')}
        </button>
      )}
      <PanelHeader
        pipelineName={pipelineName}
        bodyId={bodyId}
        syncing={syncing}
        onRefresh={data.refresh}
        onCollapse={() => toggle(true)}
        focusToggle={focusToggle}
      />
      <div class="fl-panel__body" id={bodyId}>
        <SyncStatus data={data} />
        <ErrorBanner
          error={notice?.failure ?? null}
          shown={notice?.shown}
          retryAt={notice?.retryAt}
          onRetry={syncing ? undefined : data.refresh}
        />
        <ErrorBanner error={state.status === 'error' ? state.error : null} />
        {data.version.value === 0 && snapshotAt === null ? (
          partial ? (
            <PartialCounts counts={partial} stages={data.pipeline.value} />
          ) : (
            syncing && <p class="fl-panel__note">{t('fl.panel.waitingData')}</p>
          )
        ) : (
          <>
            <div class="fl-controls">
              <PeriodPicker
                value={report.period.value}
                onChange={report.setPeriod}
                timeZone={timeZone}
              />
              <ManagerFilter value={report.managers.value} onChange={report.setManagers} />
              <SliceFilter
                value={report.slice.value}
                onChange={report.setSlice}
                facets={latestOf(state)?.facets ?? null}
                names={sliceNames?.state ?? NO_NAMES}
                onNeedNames={sliceNames?.load ?? noop}
                sourceFieldId={sliceNames?.sourceFieldId ?? null}
              />
              <label class="fl-check fl-money-switch">
                <input
                  type="checkbox"
                  checked={report.money.value}
                  onChange={e => report.setMoney(e.currentTarget.checked)}
                />
                <span title={t('fl.metric.moneyReached')}>{t('fl.panel.money')}</span>
              </label>
              {/* Only where the admin set a working week (metrics.md F.1). */}
              {report.workingAvailable.value && (
                <label class="fl-check fl-working-switch">
                  <input
                    type="checkbox"
                    checked={report.working.value}
                    onChange={e => report.setWorking(e.currentTarget.checked)}
                  />
                  <span title={t('fl.working.switchHint')}>{t('fl.working.switch')}</span>
                </label>
              )}
            </div>
            <p class="fl-rights">{t('fl.panel.rights', { user: userName })}</p>
            {/* After a failed sync nothing is being computed: the banner says what is shown. */}
            {snapshotAt !== null && notice === null && (
              <p class="fl-panel__note" role="note">
                {t('fl.panel.snapshot', { time: fmt.dateTime(snapshotAt) })}
              </p>
            )}
            {latest && <HistoryNote report={latest} loading={status.phase === 'window'} />}
            <PanelReport
              report={latest}
              computing={state.status === 'loading'}
              selectedStage={selected}
              stageDeals={report.selectedDeals.value}
              leadNames={report.stageDealNames.value}
              pipelineId={pipelineId}
              incomingStatusId={
                data.pipeline.value?.statuses.find(s => s.type === INCOMING_STATUS_TYPE)?.id ?? null
              }
              onOpen={report.selectStage}
              onBack={() => {
                returnTo.current = selected;
                report.selectStage(null);
              }}
              focusStageId={focusStageId}
              snooze={snooze}
            />
          </>
        )}
      </div>
    </aside>
  );
}
