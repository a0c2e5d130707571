import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { Pipeline } from '../core';
import { ErrorBanner, loadFullReport, useEnv } from '../ui';
import type { Host } from './host';
import { useChunk } from './useChunk';
import { useOnce } from './useOnce';
import { useSliceNames } from './useSliceNames';
import { usePipelineModel } from './usePipelineModel';

/** The pipelines the report offers: the ones chosen in settings, else every live one. */
export function offeredPipelines(host: Host, list: readonly Pipeline[]): Pipeline[] {
  const chosen = host.settings.pipelines;
  return chosen.length > 0
    ? list.filter(p => chosen.includes(p.id))
    : list.filter(p => !p.isArchive);
}

export function FullReportRoot({ host }: { readonly host: Host }): VNode {
  const { t } = useEnv();
  // The report's own chunk (chart.js included), loaded when this page first needs it.
  const chunk = useChunk(loadFullReport);
  const { state, retry } = useOnce(host, (client, signal) => client.getPipelines({ signal }), null);
  const sliceNames = useSliceNames(host);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = state.status === 'ok' ? offeredPipelines(host, state.value) : [];
  const pipelineId = chosen ?? list.find(p => p.isMain)?.id ?? list[0]?.id ?? null;
  // The one place the trend's default is decided: the full report opens on a weekly trend.
  const model = usePipelineModel(host, pipelineId, {
    period: { kind: host.settings.defaultPeriod },
    trend: 'week',
  });
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={retry} />;
  if (state.status === 'ok' && list.length === 0)
    return <p class="fl-muted">{t('fl.report.noPipelines')}</p>;
  if (chunk.failed)
    return (
      <div class="fl-error" role="alert">
        <p class="fl-error__text">{t('fl.report.chunkFailed')}</p>
        <button type="button" class="fl-error__retry" onClick={chunk.retry}>
          {t('fl.common.retry')}
        </button>
      </div>
    );
  const ReportPage = chunk.value;
  if (!model || pipelineId === null || !ReportPage)
    return <p class="fl-muted">{t('fl.report.loading')}</p>;
  return (
    <ReportPage
      data={model.data}
      report={model.report}
      pipelines={list.map(p => ({ id: p.id, name: p.name }))}
      pipelineId={pipelineId}
      onPipelineChange={setChosen}
      sliceNames={sliceNames}
    />
  );
}
