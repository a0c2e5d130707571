import type { VNode } from 'preact';
import { CardBlock, ErrorBanner, useEnv } from '../ui';
import type { Host } from './host';
import { useOnce } from './useOnce';
import { usePipelineModel } from './usePipelineModel';

/** The lead card block: reads the lead to learn its pipeline, then that pipeline's model. */
export function CardRoot({
  host,
  leadId,
}: {
  readonly host: Host;
  readonly leadId: number;
}): VNode {
  const { t } = useEnv();
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
  if (!model) return <p class="fl-muted">{t('fl.card.loading')}</p>;
  return (
    <CardBlock
      data={model.data}
      card={model.card(leadId)}
      pipelineName={model.data.pipeline.value?.name ?? ''}
    />
  );
}
