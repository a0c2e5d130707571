import type { VNode } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { ErrorBanner } from '../common/ErrorBanner';
import { useChunk } from '../common/useChunk';
import { useEnv } from '../env';
import type { Props } from './Drilldown';
import { DrillFrame } from './DrillFrame';
import { loadDrilldown } from './loadDrilldown';

/** What the chunk could not be fetched as: the words of a failed request, with a retry. */
const FETCH_FAILED = { code: 'NETWORK' } as const;

/**
 * The stage's drill-down once its chunk is here. Until then the stage's title and the way back
 * stand where it will be, with a loading line (or, when the fetch failed, why and a retry).
 */
export function DrilldownChunk(props: Props): VNode {
  const { t } = useEnv();
  const chunk = useChunk(loadDrilldown);
  const idPrefix = useId();
  const back = useRef<HTMLButtonElement>(null);
  const Drilldown = chunk.value;
  // The stage row that was clicked is gone: focus waits on the way back, as in the drill-down.
  useLayoutEffect(() => {
    if (!Drilldown) back.current?.focus();
  }, []);
  if (Drilldown) return <Drilldown {...props} />;
  return (
    <DrillFrame
      title={props.stage.name}
      idPrefix={idPrefix}
      back={back}
      onBack={props.onBack}
      busy={!chunk.failed}
    >
      {chunk.failed ? (
        <ErrorBanner error={FETCH_FAILED} onRetry={chunk.retry} />
      ) : (
        <p class="fl-drill__empty" role="status">
          {t('fl.drill.loading')}
        </p>
      )}
    </DrillFrame>
  );
}
