import { useLayoutEffect, useState } from 'preact/hooks';
import type { Host } from './host';
import { createPipelineModels } from './models';
import type { PipelineModels } from './models';

/**
 * Models for the chosen pipeline, replaced when the choice changes and disposed with the
 * component. A layout effect, because Preact 11 runs passive-effect cleanups only later: an
 * unmounted page must not keep syncing.
 */
export function usePipelineModels(
  host: Host,
  pipelineId: number | null,
  init: Parameters<typeof createPipelineModels>[2] = {},
): PipelineModels | null {
  const [models, setModels] = useState<PipelineModels | null>(null);
  useLayoutEffect(() => {
    if (pipelineId === null) return undefined;
    const created = createPipelineModels(host, pipelineId, init);
    setModels(created);
    return () => created.dispose();
    // `init` is read once per pipeline on purpose: the user's later choices live in the model.
  }, [host, pipelineId]);
  return models && models.pipelineId === pipelineId ? models : null;
}
