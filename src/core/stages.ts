import type { Pipeline, Status } from './types';
import { INCOMING_STATUS_TYPE, LOST_STATUS_ID, ORDINARY_STATUS_TYPE, WON_STATUS_ID } from './types';

/** The funnel of one pipeline: its open stages in order, and how to look a status up. */
export interface Funnel {
  readonly pipelineId: number;
  /** Main stages in funnel order (metrics.md 2 and 11.3), indexed 0 … n-1. */
  readonly stages: readonly Status[];
  /** Stage index by status id, for main stages of this pipeline only. */
  readonly indexOf: ReadonlyMap<number, number>;
  /**
   * metrics.md 11.3: the side stages, in sort order. Where a fact needs a place for them they are
   * numbered after the main stages, n … n+s-1, so one index covers every open stage.
   */
  readonly side: readonly Status[];
  /** Place (n + k) by status id, for side stages only. */
  readonly sideIndexOf: ReadonlyMap<number, number>;
  /** Main stages then side stages: the stages a place indexes. */
  readonly places: readonly Status[];
  /** The pipeline's incoming status ids (type 1; one in practice): metrics.md 11.4. */
  readonly incoming: ReadonlySet<number>;
}

/**
 * Open stages are the pipeline's statuses of type 0 other than 142/143, ordered by `sort`, ties by
 * `id`. The incoming status (type 1) is not a stage, nor is a status of any other type. Stages are
 * never matched by name. The open stages named in `sideStageIds` are side stages (metrics.md
 * 11.3); an id that is not an open stage is ignored here: callers that must refuse it ask
 * `unknownSideStage` first.
 *
 * @example
 * buildFunnel(pipeline).stages.map(s => s.name) //=> ['Новый лид', 'Взяли в работу', …]
 */
export function buildFunnel(pipeline: Pipeline, sideStageIds: readonly number[] = []): Funnel {
  const sideIds = new Set(sideStageIds);
  const open = openStages(pipeline);
  const stages = open.filter(s => !sideIds.has(s.id));
  const side = open.filter(s => sideIds.has(s.id));
  return {
    pipelineId: pipeline.id,
    stages,
    indexOf: new Map(stages.map((s, i) => [s.id, i])),
    side,
    sideIndexOf: new Map(side.map((s, k) => [s.id, stages.length + k])),
    places: [...stages, ...side],
    incoming: new Set(
      pipeline.statuses
        .filter(s => s.type === INCOMING_STATUS_TYPE && s.pipelineId === pipeline.id)
        .map(s => s.id),
    ),
  };
}

/** The first of `ids` that is not an open stage of the pipeline (metrics.md 11.3: an error). */
export function unknownSideStage(pipeline: Pipeline, ids: readonly number[]): number | null {
  const open = new Set(openStages(pipeline).map(s => s.id));
  return ids.find(id => !open.has(id)) ?? null;
}

function openStages(pipeline: Pipeline): Status[] {
  return pipeline.statuses
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
}

/** Index of `(pipelineId, statusId)` among the funnel's main stages, or -1. */
export function stageIndex(funnel: Funnel, pipelineId: number, statusId: number): number {
  return pipelineId === funnel.pipelineId ? (funnel.indexOf.get(statusId) ?? -1) : -1;
}

/** Place of `(pipelineId, statusId)` among all open stages (main 0 … n-1, side n …), or -1. */
export function openPlace(funnel: Funnel, pipelineId: number, statusId: number): number {
  if (pipelineId !== funnel.pipelineId) return -1;
  return funnel.indexOf.get(statusId) ?? funnel.sideIndexOf.get(statusId) ?? -1;
}

/** Whether `(pipelineId, statusId)` is the funnel's incoming status. */
export function isIncoming(funnel: Funnel, pipelineId: number, statusId: number): boolean {
  return pipelineId === funnel.pipelineId && funnel.incoming.has(statusId);
}
