import { useLayoutEffect, useState } from 'preact/hooks';
import type { ReportInit } from '../state';
import { PipelineModel } from '../state';
import type { Host } from './host';
import { pipelineDeps } from './host';

/**
 * The chosen pipeline's model, replaced when the choice changes and disposed with the component.
 * A layout effect, because Preact 11 runs passive-effect cleanups only later: an unmounted page
 * must not keep syncing.
 */
export function usePipelineModel(
  host: Host,
  pipelineId: number | null,
  init: ReportInit,
): PipelineModel | null {
  const [held, setHeld] = useState<{ id: number; model: PipelineModel } | null>(null);
  useLayoutEffect(() => {
    if (pipelineId === null) return undefined;
    const model = new PipelineModel(pipelineDeps(host, pipelineId, init.period), init);
    setHeld({ id: pipelineId, model });
    return () => model[Symbol.dispose]();
    // `init` is read once per pipeline on purpose: the user's later choices live in the model.
  }, [host, pipelineId]);
  return held && held.id === pipelineId ? held.model : null;
}
