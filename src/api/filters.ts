import type { Lead, StatusRef } from '../core';
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
  /** Leads at any of these statuses (`filter[statuses][i][pipeline_id|status_id]`). */
  readonly statuses?: readonly StatusRef[] | undefined;
  /** The list's order; default by id, oldest first (pages do not shift as leads are added). */
  readonly order?:
    | {
        readonly field: 'id' | 'created_at' | 'updated_at';
        readonly direction: 'asc' | 'desc';
      }
    | undefined;
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
  /** Status changes into any of these (`filter[value_after][leads_statuses]`). */
  readonly afterStatuses?: readonly StatusRef[] | undefined;
  /** Status changes out of any of these (`filter[value_before][leads_statuses]`). */
  readonly beforeStatuses?: readonly StatusRef[] | undefined;
}

/** `prefix[i][pipeline_id]=P&prefix[i][status_id]=S` for each pair. */
function statusPairs(prefix: string, pairs: readonly StatusRef[] | undefined): Query {
  return (pairs ?? []).flatMap((p, i) => [
    [`${prefix}[${i}][pipeline_id]`, p.pipelineId] as const,
    [`${prefix}[${i}][status_id]`, p.statusId] as const,
  ]);
}

const pairKey = (p: StatusRef): string => `${p.pipelineId}:${p.statusId}`;

/** Membership in a pair list, or "anything" when there is none. */
function inPairs(pairs: readonly StatusRef[] | undefined): (p: StatusRef | null) => boolean {
  if (pairs === undefined) return () => true;
  const wanted = new Set(pairs.map(pairKey));
  return p => p !== null && wanted.has(pairKey(p));
}

function range(field: string, from: number | undefined, to: number | undefined): Query {
  const out: [string, number][] = [];
  if (from !== undefined) out.push([`filter[${field}][from]`, from]);
  if (to !== undefined) out.push([`filter[${field}][to]`, to]);
  return out;
}

/** Lead list query in amoCRM's bracket syntax; by id unless the filter asks for another order. */
export function leadQuery(filter: LeadFilter): Query {
  const order = filter.order ?? { field: 'id', direction: 'asc' };
  return [
    [`order[${order.field}]`, order.direction],
    ...(filter.withLossReason === true ? [['with', 'loss_reason'] as const] : []),
    ...(filter.pipelineId === undefined
      ? []
      : [['filter[pipeline_id]', filter.pipelineId] as const]),
    ...range('updated_at', filter.updatedFrom, undefined),
    ...range('created_at', filter.createdFrom, filter.createdTo),
    ...(filter.ids ?? []).map(id => ['filter[id][]', id] as const),
    ...statusPairs('filter[statuses]', filter.statuses),
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
  const status = inPairs(filter.statuses);
  return lead =>
    status({ pipelineId: lead.pipelineId, statusId: lead.statusId }) &&
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
    ...statusPairs('filter[value_after][leads_statuses]', filter.afterStatuses),
    ...statusPairs('filter[value_before][leads_statuses]', filter.beforeStatuses),
  ];
}

/**
 * The `lead_status` of one side of a raw event, or null. It reads values nobody has checked yet
 * (an event the filter drops is never adapted), so it must not throw on any shape.
 */
function sideStatus(side: readonly unknown[] | null | undefined): StatusRef | null {
  const first: unknown = side?.[0];
  if (typeof first !== 'object' || first === null) return null;
  const status: unknown = (first as { lead_status?: unknown }).lead_status;
  if (typeof status !== 'object' || status === null) return null;
  const { id, pipeline_id: pipelineId } = status as { id?: unknown; pipeline_id?: unknown };
  return typeof id === 'number' && typeof pipelineId === 'number'
    ? { pipelineId, statusId: id }
    : null;
}

/** Client-side re-check of the event filters (type, entity, ids, created range, statuses). */
export function eventMatcher(filter: EventFilter): (event: RawEvent) => boolean {
  const types = new Set(filter.types);
  const ids = filter.entityIds === undefined ? null : new Set(filter.entityIds);
  const after = inPairs(filter.afterStatuses);
  const before = inPairs(filter.beforeStatuses);
  const bySides = filter.afterStatuses !== undefined || filter.beforeStatuses !== undefined;
  return event =>
    (!bySides ||
      (event.type === 'lead_status_changed' &&
        after(sideStatus(event.value_after)) &&
        before(sideStatus(event.value_before)))) &&
    types.has(event.type) &&
    (filter.entity === undefined ||
      event.entity_type == null ||
      event.entity_type === filter.entity) &&
    (ids === null || ids.has(event.entity_id)) &&
    within(event.created_at, filter.createdFrom, filter.createdTo);
}
