/**
 * Demo objects → amoCRM API v4 objects. The demo account already stores amoCRM's field names, so
 * this only adds what the API wraps around them: `_links.self` and `_embedded`.
 */
import type {
  DemoCustomField,
  DemoEvent,
  DemoLead,
  DemoLossReason,
  DemoPipeline,
  DemoStatus,
} from '../demo/types';

function self(origin: string, path: string) {
  return { self: { href: `${origin}${path}` } };
}

export function bySort<T extends { sort: number; id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.sort - b.sort || a.id - b.id);
}

export interface StatusOptions {
  /** `with=descriptions`: the sandbox has none, so each status gets an empty list. */
  readonly descriptions: boolean;
}

export function serializeStatus(origin: string, status: DemoStatus, options: StatusOptions) {
  return {
    id: status.id,
    name: status.name,
    sort: status.sort,
    is_editable: status.is_editable,
    pipeline_id: status.pipeline_id,
    color: status.color,
    type: status.type,
    account_id: status.account_id,
    _links: self(origin, `/api/v4/leads/pipelines/${status.pipeline_id}/statuses/${status.id}`),
    ...(options.descriptions && { descriptions: [] }),
  };
}

export function serializePipeline(origin: string, pipeline: DemoPipeline, options: StatusOptions) {
  return {
    id: pipeline.id,
    name: pipeline.name,
    sort: pipeline.sort,
    is_main: pipeline.is_main,
    is_unsorted_on: pipeline.is_unsorted_on,
    is_archive: pipeline.is_archive,
    account_id: pipeline.account_id,
    _links: self(origin, `/api/v4/leads/pipelines/${pipeline.id}`),
    _embedded: {
      statuses: bySort(pipeline.statuses).map(status => serializeStatus(origin, status, options)),
    },
  };
}

export function serializeLossReason(origin: string, reason: DemoLossReason) {
  return {
    id: reason.id,
    name: reason.name,
    sort: reason.sort,
    created_at: reason.created_at,
    updated_at: reason.updated_at,
    _links: self(origin, `/api/v4/leads/loss_reasons/${reason.id}`),
  };
}

/**
 * A lead field as `GET /api/v4/leads/custom_fields` returns it: the keys of the custom-fields
 * docs' field model for leads (`is_predefined` / `is_deletable` are for contacts and companies
 * only), with the settings the demo's fields do not use left at their empty values.
 */
export function serializeCustomField(origin: string, field: DemoCustomField, accountId: number) {
  return {
    id: field.id,
    name: field.name,
    type: field.type,
    account_id: accountId,
    code: field.code,
    sort: field.sort,
    is_api_only: field.is_api_only,
    enums: field.enums === null ? null : bySort(field.enums),
    group_id: null,
    required_statuses: [],
    is_computed: false,
    entity_type: 'leads',
    remind: null,
    currency: null,
    hidden_statuses: [],
    chained_lists: null,
    _links: self(origin, `/api/v4/leads/custom_fields/${field.id}`),
  };
}

/** amoCRM sends a date field's value as epoch seconds (a number); the demo keeps it as text. */
function fieldValuesOut(values: DemoLead['custom_fields_values']) {
  if (values === null || !values.some(v => v.field_type === 'date')) return values;
  return values.map(v =>
    v.field_type === 'date' ? { ...v, values: v.values.map(x => ({ value: Number(x.value) })) } : v,
  );
}

export interface LeadOptions {
  /** `with=loss_reason`: the reason as an ARRAY of full objects (reference §2 "Loss-reason shape"). */
  readonly lossReasons?: ReadonlyMap<number, DemoLossReason>;
}

export function serializeLead(origin: string, lead: DemoLead, options: LeadOptions) {
  const reason =
    lead.loss_reason_id === null ? undefined : options.lossReasons?.get(lead.loss_reason_id);
  return {
    id: lead.id,
    name: lead.name,
    price: lead.price,
    responsible_user_id: lead.responsible_user_id,
    group_id: lead.group_id,
    status_id: lead.status_id,
    pipeline_id: lead.pipeline_id,
    loss_reason_id: lead.loss_reason_id,
    created_by: lead.created_by,
    updated_by: lead.updated_by,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
    closed_at: lead.closed_at,
    closest_task_at: lead.closest_task_at,
    is_deleted: lead.is_deleted,
    custom_fields_values: fieldValuesOut(lead.custom_fields_values),
    score: lead.score,
    account_id: lead.account_id,
    _links: self(origin, `/api/v4/leads/${lead.id}`),
    _embedded: {
      tags: lead.tags.map(tag => ({ id: tag.id, name: tag.name, color: tag.color })),
      companies: [],
      ...(options.lossReasons !== undefined && {
        loss_reason: reason === undefined ? [] : [serializeLossReason(origin, reason)],
      }),
    },
  };
}

const ENTITY_PATHS: Readonly<Record<DemoEvent['entity_type'], string>> = { lead: 'leads' };

export interface EventOptions {
  /** `with=lead_name`: the account's leads by id, to add the lead's name to `_embedded.entity`. */
  readonly leads?: ReadonlyMap<number, DemoLead>;
}

export function serializeEvent(origin: string, event: DemoEvent, options: EventOptions) {
  const name = options.leads?.get(event.entity_id)?.name;
  return {
    id: event.id,
    type: event.type,
    entity_id: event.entity_id,
    entity_type: event.entity_type,
    created_by: event.created_by,
    created_at: event.created_at,
    value_after: event.value_after,
    value_before: event.value_before,
    account_id: event.account_id,
    _links: self(origin, `/api/v4/events/${event.id}`),
    _embedded: {
      entity: {
        id: event.entity_id,
        ...(name !== undefined && { name }),
        _links: self(origin, `/api/v4/${ENTITY_PATHS[event.entity_type]}/${event.entity_id}`),
      },
    },
  };
}
