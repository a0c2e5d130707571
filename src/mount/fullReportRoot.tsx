import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { Pipeline } from '../core';
import { ErrorBanner, ReportPage, useEnv } from '../ui';
import type { Host } from './host';
import { useOnce } from './useOnce';
import { usePipelineModel } from './usePipelineModel';

/** The pipelines the report offers: the ones chosen in settings, else every live one. */
export function offeredPipelines(host: Host, list: readonly Pipeline[]): Pipeline[] {
  const chosen = host.settings.pipelines;
  return chosen.length > 0
    ? list.filter(p => chosen.includes(p.id))
    : list.filter(p => !p.isArchive);
}

/** The full report on the advanced settings page: any offered pipeline, main one first. */
export function FullReportRoot({ host }: { readonly host: Host }): VNode {
  const { t } = useEnv();
  const { state, retry } = useOnce(host, (client, signal) => client.getPipelines({ signal }), null);
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
  if (!model || pipelineId === null) return <p class="fl-muted">{t('fl.report.loading')}</p>;
  return (
    <ReportPage
      data={model.data}
      report={model.report}
      pipelines={list.map(p => ({ id: p.id, name: p.name }))}
      pipelineId={pipelineId}
      onPipelineChange={setChosen}
    />
  );
}
