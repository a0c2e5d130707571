/**
 * The lists a pipeline's history is read from, as amoCRM filters. Status changes are asked for
 * by status where that saves requests: the ones into a status of the pipeline (moves within it
 * included) and the ones out of it into another pipeline — together exactly the changes that
 * touch the pipeline, each once.
 */
import type { EventFilter, LeadFilter } from '../../api';
import type { Pipeline, StatusRef } from '../../core';
import { LOST_STATUS_ID, WON_STATUS_ID } from '../../core';
import type { KeysetList } from './keyset';

export const STATUS_CHANGED = ['lead_status_changed'] as const;
/** With deletions and restorations: what an incremental sync reads. */
export const SYNC_EVENT_TYPES = ['lead_status_changed', 'lead_deleted', 'lead_restored'] as const;

/**
 * Above this many other statuses the "out of the pipeline" filter would make a URL of several
 * kilobytes; the changes out of the pipeline are then asked for by their `value_before` alone
 * (moves within the pipeline then come twice, and are de-duplicated).
 */
export const MAX_OUT_PAIRS = 60;
/** amoCRM's cap on `filter[entity_id]`. */
export const ENTITY_IDS = 10;

const refs = (pipeline: Pipeline, keep: (id: number) => boolean): StatusRef[] =>
  pipeline.statuses
    .filter(s => s.pipelineId === pipeline.id && keep(s.id))
    .map(s => ({ pipelineId: pipeline.id, statusId: s.id }));

const closed = (id: number): boolean => id === WON_STATUS_ID || id === LOST_STATUS_ID;

/** Every status of the pipeline, 142 and 143 included (statuses are pairs, metrics.md 2). */
export function allStatuses(pipeline: Pipeline): StatusRef[] {
  const own = refs(pipeline, () => true);
  for (const id of [WON_STATUS_ID, LOST_STATUS_ID])
    if (!own.some(s => s.statusId === id)) own.push({ pipelineId: pipeline.id, statusId: id });
  return own;
}

export const openStatuses = (pipeline: Pipeline): StatusRef[] => refs(pipeline, id => !closed(id));

export const closedStatuses = (pipeline: Pipeline): StatusRef[] => [
  { pipelineId: pipeline.id, statusId: WON_STATUS_ID },
  { pipelineId: pipeline.id, statusId: LOST_STATUS_ID },
];

export interface Range {
  /** Inclusive; undefined = from the beginning. */
  readonly from?: number | undefined;
  /** Inclusive. */
  readonly to: number;
}

/** Status changes into the pipeline's statuses within the range. */
export function intoList(pipeline: Pipeline, range: Range): EventFilter {
  return {
    types: STATUS_CHANGED,
    entity: 'lead',
    afterStatuses: allStatuses(pipeline),
    createdFrom: range.from,
    createdTo: range.to,
  };
}

/** Status changes out of the pipeline into another one; null without other pipelines. */
export function outList(
  pipeline: Pipeline,
  others: readonly Pipeline[],
  range: Range,
): EventFilter | null {
  const elsewhere = others.filter(p => p.id !== pipeline.id).flatMap(allStatuses);
  if (elsewhere.length === 0) return null;
  return {
    types: STATUS_CHANGED,
    entity: 'lead',
    beforeStatuses: allStatuses(pipeline),
    ...(elsewhere.length <= MAX_OUT_PAIRS ? { afterStatuses: elsewhere } : {}),
    createdFrom: range.from,
    createdTo: range.to,
  };
}

/** The pipeline's leads created from `from` on, oldest first. */
export function createdSinceList(pipeline: Pipeline, from: number): KeysetList {
  return {
    filter: { pipelineId: pipeline.id, createdFrom: from },
    field: 'created_at',
    direction: 'asc',
  };
}

/** The pipeline's open leads created before `before`, newest first. */
export function openBeforeList(pipeline: Pipeline, before: number): KeysetList {
  return {
    filter: { pipelineId: pipeline.id, statuses: openStatuses(pipeline), createdTo: before - 1 },
    field: 'created_at',
    direction: 'desc',
  };
}

/** The pipeline's closed leads created in [from, before), newest first. */
export function closedBeforeList(pipeline: Pipeline, before: number, from?: number): KeysetList {
  const filter: LeadFilter = {
    pipelineId: pipeline.id,
    statuses: closedStatuses(pipeline),
    createdTo: before - 1,
    ...(from === undefined ? {} : { createdFrom: from }),
  };
  return { filter, field: 'created_at', direction: 'desc' };
}

/** Leads of any pipeline updated from `since` on (a lead leaving the pipeline must be seen). */
export function updatedSinceList(since: number): KeysetList {
  return { filter: { updatedFrom: since }, field: 'updated_at', direction: 'asc' };
}
