import type { Lead } from '../core';
import type { Query } from './query';
import type { RawEvent } from './schemas';

/** amoCRM caps: leads 250 per page; events 100 on amoCRM (Kommo says 250, the RU page 100). */
export const MAX_LEAD_LIMIT = 250;
export const MAX_EVENT_LIMIT = 100;
export const MAX_EVENT_ENTITY_IDS = 10;

export interface LeadFilter {
  readonly pipelineId?: number | undefined;
  /** Inclusive, epoch seconds. */
  readonly updatedFrom?: number | undefined;
  /** Sent as repeated `filter[id][]`; keep batches small (a few hundred) to bound the URL length. */
  readonly ids?: readonly number[] | undefined;
  /** Inclusive, epoch seconds. */
  readonly createdFrom?: number | undefined;
  /** Inclusive, epoch seconds. */
  readonly createdTo?: number | undefined;
  /** Adds `with=loss_reason` (the embedded reason also fills `lossReasonId`). */
  readonly withLossReason?: boolean | undefined;
}

export interface EventFilter {
  /** Event types, e.g. ['lead_status_changed']; sent as a comma list. */
  readonly types: readonly string[];
  readonly entity?: 'lead' | undefined;
  /** At most 10, and only with `entity: 'lead'` (an amoCRM rule). */
  readonly entityIds?: readonly number[] | undefined;
  /** Inclusive, epoch seconds. */
  readonly createdFrom?: number | undefined;
  /** Inclusive, epoch seconds. */
  readonly createdTo?: number | undefined;
}

function range(field: string, from: number | undefined, to: number | undefined): Query {
  const out: [string, number][] = [];
  if (from !== undefined) out.push([`filter[${field}][from]`, from]);
  if (to !== undefined) out.push([`filter[${field}][to]`, to]);
  return out;
}

/** Lead list query in amoCRM's bracket syntax, ordered by id so pages do not shift under us. */
export function leadQuery(filter: LeadFilter): Query {
  return [
    ['order[id]', 'asc'],
    ...(filter.withLossReason === true ? [['with', 'loss_reason'] as const] : []),
    ...(filter.pipelineId === undefined
      ? []
      : [['filter[pipeline_id]', filter.pipelineId] as const]),
    ...range('updated_at', filter.updatedFrom, undefined),
    ...range('created_at', filter.createdFrom, filter.createdTo),
    ...(filter.ids ?? []).map(id => ['filter[id][]', id] as const),
  ];
}

function within(value: number, from: number | undefined, to: number | undefined): boolean {
  return (from === undefined || value >= from) && (to === undefined || value <= to);
}

/**
 * Accounts without the paid API-filter add-on ignore `filter[...]` silently and return everything,
 * so every filter sent is checked again on what came back.
 */
export function leadMatcher(filter: LeadFilter): (lead: Lead) => boolean {
  const ids = filter.ids === undefined ? null : new Set(filter.ids);
  return lead =>
    (filter.pipelineId === undefined || lead.pipelineId === filter.pipelineId) &&
    within(lead.updatedAt, filter.updatedFrom, undefined) &&
    within(lead.createdAt, filter.createdFrom, filter.createdTo) &&
    (ids === null || ids.has(lead.id));
}

/** Throws on a query amoCRM would reject, before any request is sent (a programming error). */
export function assertEventFilter(filter: EventFilter): void {
  if (filter.types.length === 0) throw new RangeError('eventPages: types must not be empty');
  const ids = filter.entityIds;
  if (ids === undefined) return;
  if (filter.entity !== 'lead') throw new RangeError('eventPages: entityIds need entity "lead"');
  if (ids.length > MAX_EVENT_ENTITY_IDS) {
    throw new RangeError(`eventPages: at most ${MAX_EVENT_ENTITY_IDS} entityIds per request`);
  }
}

export function eventQuery(filter: EventFilter): Query {
  return [
    ['filter[type]', filter.types.join(',')],
    ...(filter.entity === undefined ? [] : [['filter[entity]', filter.entity] as const]),
    ...(filter.entityIds ?? []).map(id => ['filter[entity_id][]', id] as const),
    ...range('created_at', filter.createdFrom, filter.createdTo),
  ];
}

/** Client-side re-check of the event filters (type, entity, ids, created range). */
export function eventMatcher(filter: EventFilter): (event: RawEvent) => boolean {
  const types = new Set(filter.types);
  const ids = filter.entityIds === undefined ? null : new Set(filter.entityIds);
  return event =>
    types.has(event.type) &&
    (filter.entity === undefined ||
      event.entity_type == null ||
      event.entity_type === filter.entity) &&
    (ids === null || ids.has(event.entity_id)) &&
    within(event.created_at, filter.createdFrom, filter.createdTo);
}
