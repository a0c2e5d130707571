import type { VNode } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { toApiError } from '../api';
import type { ApiError } from '../api';
import type { Pipeline } from '../core';
import { CardModel } from '../state';
import { signal } from '@preact/signals-core';
import { CardBlock } from '../ui';
import { ErrorBanner } from '../ui';
import { useEnv } from '../ui';
import { ReportPage } from '../ui';
import type { Host } from './host';
import { usePipelineModels } from './usePipelineModels';

/** The pipelines the report offers: the ones chosen in settings, else every live one. */
function offered(host: Host, list: readonly Pipeline[]): Pipeline[] {
  const chosen = host.settings.pipelines;
  return chosen.length > 0
    ? list.filter(p => chosen.includes(p.id))
    : list.filter(p => !p.isArchive);
}

type Once<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly error: ApiError };

/** Reads a little from the API (pipelines, a lead), abortable, with its error kept for a retry. */
function useOnce<T>(host: Host, read: (signal: AbortSignal) => Promise<T>, key: unknown) {
  const [state, setState] = useState<Once<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useLayoutEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    read(abort.signal).then(
      value => {
        if (!abort.signal.aborted) setState({ status: 'ok', value });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => abort.abort();
  }, [host, attempt, key]);
  return { state, retry: () => setAttempt(a => a + 1) };
}

export function ReportRoot({ host }: { readonly host: Host }): VNode {
  const { t } = useEnv();
  const client = useMemo(() => host.createClient({ onWait: () => undefined }), [host]);
  const { state, retry } = useOnce(host, signal => client.getPipelines({ signal }), null);
  const [chosen, setChosen] = useState<number | null>(null);
  const list = state.status === 'ok' ? offered(host, state.value) : [];
  const pipelineId = chosen ?? list.find(p => p.isMain)?.id ?? list[0]?.id ?? null;
  const models = usePipelineModels(host, pipelineId, { trend: 'week' });
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={retry} />;
  if (state.status === 'ok' && list.length === 0)
    return <p class="fl-muted">{t('fl.report.noPipelines')}</p>;
  if (!models || pipelineId === null) return <p class="fl-muted">{t('fl.report.loading')}</p>;
  return (
    <ReportPage
      data={models.data}
      report={models.report}
      pipelines={list.map(p => ({ id: p.id, name: p.name }))}
      pipelineId={pipelineId}
      onPipelineChange={setChosen}
    />
  );
}

export function CardRoot({
  host,
  leadId,
}: {
  readonly host: Host;
  readonly leadId: number;
}): VNode {
  const { t } = useEnv();
  const client = useMemo(() => host.createClient({ onWait: () => undefined }), [host]);
  const { state, retry } = useOnce(host, signal => client.getLead(leadId, { signal }), leadId);
  const pipelineId = state.status === 'ok' ? (state.value?.pipelineId ?? null) : null;
  const models = usePipelineModels(host, pipelineId);
  const [card, setCard] = useState<CardModel | null>(null);
  useLayoutEffect(() => {
    if (!models) return undefined;
    const created = new CardModel({
      data: models.data,
      engine: models.engine,
      settings: signal(host.settings),
      leadId,
      clock: host.clock,
    });
    setCard(created);
    return () => created[Symbol.dispose]();
  }, [host, models, leadId]);
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={retry} />;
  // 204: no such lead, or one this user may not see.
  if (state.status === 'ok' && state.value === null)
    return <p class="fl-muted">{t('fl.card.notFound')}</p>;
  if (!models || !card) return <p class="fl-muted">{t('fl.card.loading')}</p>;
  return (
    <CardBlock
      data={models.data}
      card={card}
      pipelineName={models.data.pipeline.value?.name ?? ''}
    />
  );
}
