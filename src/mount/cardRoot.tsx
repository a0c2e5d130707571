import type { VNode } from 'preact';
import { ErrorBanner, loadCardBlock, useEnv } from '../ui';
import type { Host } from './host';
import { snoozeControlOf } from './snoozeControl';
import { useChunk } from './useChunk';
import { useOnce } from './useOnce';
import { usePipelineModel } from './usePipelineModel';

/** What the block's chunk could not be fetched as: the words of a failed request, with a retry. */
const CHUNK_FAILED = { code: 'NETWORK' } as const;

/** The lead card block: reads the lead to learn its pipeline, then that pipeline's model. */
export function CardRoot({
  host,
  leadId,
}: {
  readonly host: Host;
  readonly leadId: number;
}): VNode {
  const env = useEnv();
  const { t } = env;
  // The block's own chunk, fetched while the lead is read.
  const chunk = useChunk(loadCardBlock);
  const { state, retry } = useOnce(
    host,
    (client, signal) => client.getLead(leadId, { signal }),
    leadId,
  );
  const pipelineId = state.status === 'ok' ? (state.value?.pipelineId ?? null) : null;
  const model = usePipelineModel(host, pipelineId, {
    period: { kind: host.settings.defaultPeriod },
  });
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={retry} />;
  // 204: no such lead, or one this user may not see.
  if (state.status === 'ok' && state.value === null)
    return <p class="fl-muted">{t('fl.card.leadNotFound')}</p>;
  if (chunk.failed) return <ErrorBanner error={CHUNK_FAILED} onRetry={chunk.retry} />;
  const block = chunk.value;
  if (!model || !block) return <p class="fl-muted">{t('fl.card.loading')}</p>;
  const lead = state.status === 'ok' ? state.value : null;
  // After a write amoCRM took: the lead is read again for its mark, and the data refreshed.
  const control = snoozeControlOf(host, () => {
    model.data.refresh();
    retry();
  });
  const { CardBlock, leadSnooze } = block;
  return (
    <CardBlock
      data={model.data}
      card={model.card(leadId)}
      pipelineName={model.data.pipeline.value?.name ?? ''}
      snooze={control && lead ? leadSnooze(lead, control, Math.floor(env.clock() / 1000)) : null}
    />
  );
}
