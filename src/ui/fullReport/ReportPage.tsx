// For its effect: @preact/signals makes a component that reads `.value` re-render on change.
import '@preact/signals';
import type { VNode } from 'preact';
import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { DataModel } from '../../state';
import type { ReportModel } from '../../state';
import type { CreateChart } from '../chart';
import { defaultCreateChart } from '../chart';
import { ErrorBanner } from '../common';
import type { Props as ControlsProps } from './Controls';
import { useEnv } from '../env';
import { Controls } from './Controls';
import { ReportSections } from './ReportSections';
import type { Download, ReportTools } from './tools';
import { browserDownload, ReportToolsContext } from './tools';

export interface Props {
  readonly data: DataModel;
  readonly report: ReportModel;
  readonly pipelines: readonly { readonly id: number; readonly name: string }[];
  readonly pipelineId: number;
  readonly onPipelineChange: (id: number) => void;
  readonly sliceNames?: ControlsProps['sliceNames'];
  /** Draws charts; tests pass a fake (jsdom has no canvas). */
  readonly createChart?: CreateChart | undefined;
  /** Saves CSV files; tests capture them instead. */
  readonly download?: Download | undefined;
}

/**
 * The whole metric contract on one page (the widget's advanced settings page): every section a
 * heading, a chart where a picture helps, and a table with the same numbers and a CSV of it.
 * Cached numbers stay on screen through syncs, recomputations and errors.
 */
export function ReportPage({
  data,
  report,
  pipelines,
  pipelineId,
  onPipelineChange,
  sliceNames,
  createChart = defaultCreateChart,
  download = browserDownload,
}: Props): VNode {
  const { t, timeZone } = useEnv();
  const tools = useMemo<ReportTools>(
    () => ({ download, createChart, filePrefix: `funnel-lens-${pipelineId}` }),
    [download, createChart, pipelineId],
  );
  const state = report.state.value;
  const shown = report.report.value;
  // As the panel does: the numbers are in the document, the backfill may go on.
  useLayoutEffect(() => {
    if (shown) data.shown();
  }, [data, shown]);
  const status = data.status.value;
  const notice = report.notice.value;
  const name = pipelines.find(p => p.id === pipelineId)?.name ?? shown?.pipeline.name ?? '';
  let placeholder: string | null = null;
  // A failed first load is not loading: the banner says there are no numbers yet, and why.
  if (!shown && !(notice?.shown.kind === 'nothing' && status.activity.kind === 'idle')) {
    const fetching = status.activity.kind !== 'idle' || status.phase === 'none';
    placeholder = t(
      fetching || data.version.value === 0 ? 'fl.report.loading' : 'fl.report.computing',
    );
  }
  return (
    <ReportToolsContext.Provider value={tools}>
      <div
        class="fl-report fl-report--page"
        aria-busy={state.status === 'loading'}
        // As the panel's: the window and instant of the numbers shown, so support and tests can
        // reproduce them with `funnel-lens report --from --to --now` (and the page's choices).
        data-from={shown?.period.from}
        data-to={shown?.period.to}
        data-now={shown?.now}
        data-history-from={shown?.options.historyFrom ?? undefined}
        data-horizon-days={shown?.options.horizonDays ?? undefined}
        data-side-stages={shown?.options.sideStageIds?.join(',')}
      >
        <h1 class="fl-report__title">{t('fl.report.title', { pipeline: name })}</h1>
        <Controls
          data={data}
          report={report}
          pipelines={pipelines}
          pipelineId={pipelineId}
          timeZone={timeZone}
          onPipelineChange={onPipelineChange}
          sliceNames={sliceNames}
        />
        <ErrorBanner
          error={notice?.failure ?? null}
          shown={notice?.shown}
          retryAt={notice?.retryAt}
          onRetry={data.refresh}
        />
        <ErrorBanner error={state.status === 'error' ? state.error : null} />
        {state.status === 'loading' && shown ? (
          <p class="fl-muted" role="status">
            {t('fl.report.recomputing')}
          </p>
        ) : null}
        {shown ? (
          <ReportSections
            report={shown}
            leadNames={report.leadNames.value}
            granularity={report.trend.value ?? 'week'}
          />
        ) : (
          placeholder && (
            <p class="fl-muted" role="status">
              {placeholder}
            </p>
          )
        )}
      </div>
    </ReportToolsContext.Provider>
  );
}
