import type { Pipeline, Status } from './types';
import { INCOMING_STATUS_TYPE, LOST_STATUS_ID, ORDINARY_STATUS_TYPE, WON_STATUS_ID } from './types';

/** The funnel of one pipeline: its open stages in order, and how to look a status up. */
export interface Funnel {
  readonly pipelineId: number;
  /** Open stages in funnel order (metrics.md section 2), indexed 0 … n-1. */
  readonly stages: readonly Status[];
  /** Stage index by status id, for open stages of this pipeline only. */
  readonly indexOf: ReadonlyMap<number, number>;
  /** The pipeline's incoming status ids (type 1; one in practice): metrics.md 11.4. */
  readonly incoming: ReadonlySet<number>;
}

/**
 * Open stages are the pipeline's statuses of type 0 other than 142/143, ordered by `sort`, ties by
 * `id`. The incoming status (type 1) is not a stage, nor is a status of any other type. Stages are
 * never matched by name.
 *
 * @example
 * buildFunnel(pipeline).stages.map(s => s.name) //=> ['Новый лид', 'Взяли в работу', …]
 */
export function buildFunnel(pipeline: Pipeline): Funnel {
  const stages = pipeline.statuses
    .filter(
      s =>
        s.type === ORDINARY_STATUS_TYPE &&
        s.id !== WON_STATUS_ID &&
        s.id !== LOST_STATUS_ID &&
        // A status listed under another pipeline is not one of this pipeline's stages.
        s.pipelineId === pipeline.id,
    )
    .slice()
    .sort((a, b) => a.sort - b.sort || a.id - b.id);
  return {
    pipelineId: pipeline.id,
    stages,
    indexOf: new Map(stages.map((s, i) => [s.id, i])),
    incoming: new Set(
      pipeline.statuses
        .filter(s => s.type === INCOMING_STATUS_TYPE && s.pipelineId === pipeline.id)
        .map(s => s.id),
    ),
  };
}

/** Index of `(pipelineId, statusId)` among the funnel's open stages, or -1. */
export function stageIndex(funnel: Funnel, pipelineId: number, statusId: number): number {
  return pipelineId === funnel.pipelineId ? (funnel.indexOf.get(statusId) ?? -1) : -1;
}

/** Whether `(pipelineId, statusId)` is the funnel's incoming status. */
export function isIncoming(funnel: Funnel, pipelineId: number, statusId: number): boolean {
  return pipelineId === funnel.pipelineId && funnel.incoming.has(statusId);
}
