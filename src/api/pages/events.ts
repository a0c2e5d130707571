import type { StatusChange, StatusRef } from '../../core';
import { tooFewItems, tooManyItems } from '../issues';
import * as schemas from '../schemas';
import type { RawEvent } from '../schemas';
import type { LeadLifecycle } from '../types';
import * as shape from './shape';
import { ShapeIssue } from './shape';
import type { Json, ReadWhere } from './shape';

// tsx, which runs the CLI, compiles imports to getters called on every use; in the per-field
// checks below they cost as much as the checks. Bound once here, they are plain calls.
const {
  atItem,
  checkLinks,
  fail,
  idIssueAt,
  isArray,
  isNumber,
  isObject,
  listItems,
  nullableArray,
  nullableNumber,
  nullableString,
  requiredId,
  requiredString,
  requiredTime,
  toSchemaError,
} = shape;
const { hasNoBefore } = schemas;

/** The status changes and lead deletions/restorations of an events body; other types are skipped. */
export interface EventList {
  readonly changes: StatusChange[];
  readonly lifecycle: LeadLifecycle[];
}

export interface EventPageRead extends EventList {
  /** Every event of the page, kept or not, checked against RawEventSchema (paging compares ids). */
  readonly listed: readonly RawEvent[];
}

/**
 * RawEventSchema, in its key order. The object itself is handed on (no copy): after these checks
 * it has every RawEvent field with the declared type, plus keys nobody reads.
 */
function checkEvent(value: unknown): RawEvent {
  if (!isObject(value)) return fail([], 'object', value);
  requiredString(value['id'], 'id');
  requiredString(value['type'], 'type');
  requiredId(value['entity_id'], 'entity_id');
  requiredTime(value['created_at'], 'created_at');
  nullableString(value['entity_type'], 'entity_type');
  nullableNumber(value['created_by'], 'created_by');
  nullableNumber(value['account_id'], 'account_id');
  nullableArray(value['value_before'], 'value_before');
  nullableArray(value['value_after'], 'value_after');
  checkLinks(value['_links']);
  return value as RawEvent;
}

/** One side of LeadStatusValuesSchema: a one-item tuple `[{lead_status: {id, pipeline_id}}]`. */
function statusSide(event: Json, key: 'value_before' | 'value_after'): StatusRef {
  const value = event[key];
  // zod words a tuple's type as "array" (../issues); the length is checked before the item.
  if (!isArray(value)) return fail([key], 'array', value);
  if (value.length < 1) throw new ShapeIssue([key], tooFewItems(1));
  if (value.length > 1) throw new ShapeIssue([key], tooManyItems(1));
  const item = value[0];
  if (!isObject(item)) return fail([key, 0], 'object', item);
  const status = item['lead_status'];
  if (!isObject(status)) return fail([key, 0, 'lead_status'], 'object', status);
  const statusId = status['id'];
  if (!isNumber(statusId)) return fail([key, 0, 'lead_status', 'id'], 'number', statusId);
  idIssueAt([key, 0, 'lead_status', 'id'], statusId);
  const pipelineId = status['pipeline_id'];
  if (!isNumber(pipelineId)) {
    return fail([key, 0, 'lead_status', 'pipeline_id'], 'number', pipelineId);
  }
  idIssueAt([key, 0, 'lead_status', 'pipeline_id'], pipelineId);
  return { pipelineId, statusId };
}

/** adaptStatusChange for an event already known to be `lead_status_changed`. */
function statusChange(event: RawEvent): StatusChange {
  const values = event as unknown as Json;
  const before = hasNoBefore(event) ? null : statusSide(values, 'value_before');
  const after = statusSide(values, 'value_after');
  return { id: event.id, leadId: event.entity_id, createdAt: event.created_at, before, after };
}

/** adaptLifecycle's rule: a deletion or restoration of a lead, anything else null. */
function lifecycleOf(event: RawEvent): LeadLifecycle | null {
  const kind =
    event.type === 'lead_deleted' ? 'deleted' : event.type === 'lead_restored' ? 'restored' : null;
  if (kind === null || event.entity_type !== 'lead') return null;
  return { id: event.id, leadId: event.entity_id, createdAt: event.created_at, kind };
}

/**
 * An events body read the way the zod path reads it: every event checked against RawEventSchema
 * (a bad one fails the page, kept or not), then, of the events `keep` accepts, status changes
 * adapted (their values checked strictly) and lifecycle events picked out.
 *
 * Issue order follows the zod path too: there the whole page is validated before any values are,
 * so a values problem is held back until every event's own fields have passed. Unlike
 * adaptStatusChanges over a filtered array, the index in a values issue is the event's place in the
 * body, not in the kept subset.
 */
export function readEventPage(
  body: unknown,
  where: ReadWhere = {},
  keep?: (event: RawEvent) => boolean,
): EventPageRead {
  try {
    const list = listItems(body, 'events');
    const changes: StatusChange[] = [];
    const lifecycle: LeadLifecycle[] = [];
    let valuesIssue: ShapeIssue | null = null;
    let index = 0;
    try {
      for (; index < list.length; index++) {
        const event = checkEvent(list[index]);
        if (keep !== undefined && !keep(event)) continue;
        if (event.type !== 'lead_status_changed') {
          const change = lifecycleOf(event);
          if (change !== null) lifecycle.push(change);
        } else if (valuesIssue === null) {
          try {
            changes.push(statusChange(event));
          } catch (error) {
            if (!(error instanceof ShapeIssue)) throw error;
            valuesIssue = error;
            error.keys.unshift('_embedded', 'events', index);
          }
        }
      }
    } catch (error) {
      throw atItem(error, 'events', index);
    }
    if (valuesIssue !== null) throw valuesIssue;
    // Each item passed checkEvent above.
    return { changes, lifecycle, listed: list as readonly RawEvent[] };
  } catch (error) {
    throw toSchemaError(error, where);
  }
}

/**
 * A GET /api/v4/events body (or a saved one): what `adaptStatusChanges(list, '_embedded.events')`
 * and `adaptLifecycles(list)` give over `parseWith(RawEventListSchema, body)._embedded.events`.
 */
export function readEventList(body: unknown, where: ReadWhere = {}): EventList {
  const { changes, lifecycle } = readEventPage(body, where);
  return { changes, lifecycle };
}
