/**
 * `GET /api/v4/events` filters (reference §3). Unlike lead filters they are part of the events
 * method itself, so they always apply. The documented limits are enforced with amoCRM's
 * validation 400: at most 10 `entity_id`s and `created_by`s, and `entity_id` only together with
 * exactly one `filter[entity]`.
 */
import type { DemoEvent } from '../../demo/types';
import { invalidQuery } from '../problem';
import {
  field,
  inRange,
  intList,
  intParam,
  isRecord,
  rangeParam,
  stringList,
  type Query,
  type Range,
} from '../query';
import { matchesPair, statusPairs, type StatusPair } from './statusPairs';

export interface EventFilter {
  readonly id: ReadonlySet<string> | undefined;
  readonly type: ReadonlySet<string> | undefined;
  readonly entity: ReadonlySet<string> | undefined;
  readonly entity_id: ReadonlySet<number> | undefined;
  readonly created_by: ReadonlySet<number> | undefined;
  readonly created_at: Range | undefined;
  readonly before_statuses: readonly StatusPair[] | undefined;
  readonly after_statuses: readonly StatusPair[] | undefined;
  readonly after_responsible: ReadonlySet<number> | undefined;
}

const MAX_IDS = 10;

function atMostTen(ids: number[] | undefined, path: string): ReadonlySet<number> | undefined {
  if (ids !== undefined && ids.length > MAX_IDS) {
    throw invalidQuery(path, `at most ${MAX_IDS} ids per request, got ${ids.length}`);
  }
  return ids === undefined ? undefined : new Set(ids);
}

/** A single ts ("created after"), "from,to", or `[from]`/`[to]`. */
function createdAt(value: unknown): Range | undefined {
  if (value === undefined || isRecord(value)) return rangeParam(value, 'filter[created_at]');
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw invalidQuery('filter[created_at]', 'expected ts, "from,to" or [from]/[to]');
  }
  const [fromText, toText, ...extra] = String(value).split(',');
  if (extra.length > 0) throw invalidQuery('filter[created_at]', 'expected ts or "from,to"');
  const from = intParam(fromText, 'filter[created_at]', 0);
  const to = intParam(toText, 'filter[created_at]', 0);
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

function asSet<T>(items: T[] | undefined): ReadonlySet<T> | undefined {
  return items === undefined ? undefined : new Set(items);
}

export function parseEventFilter(query: Query): EventFilter {
  const entity = asSet(stringList(field(query, 'filter', 'entity'), 'filter[entity]'));
  const entityIds = intList(field(query, 'filter', 'entity_id'), 'filter[entity_id]');
  if (entityIds !== undefined && entity?.size !== 1) {
    throw invalidQuery(
      'filter[entity_id]',
      'filter[entity_id] needs filter[entity] with exactly one entity type',
      'NotSupportedChoice',
    );
  }
  return {
    id: asSet(stringList(field(query, 'filter', 'id'), 'filter[id]')),
    type: asSet(stringList(field(query, 'filter', 'type'), 'filter[type]')),
    entity,
    entity_id: atMostTen(entityIds, 'filter[entity_id]'),
    created_by: atMostTen(
      intList(field(query, 'filter', 'created_by'), 'filter[created_by]'),
      'filter[created_by]',
    ),
    created_at: createdAt(field(query, 'filter', 'created_at')),
    before_statuses: statusPairs(
      field(query, 'filter', 'value_before', 'leads_statuses'),
      'filter[value_before][leads_statuses]',
    ),
    after_statuses: statusPairs(
      field(query, 'filter', 'value_after', 'leads_statuses'),
      'filter[value_after][leads_statuses]',
    ),
    after_responsible: asSet(
      intList(
        field(query, 'filter', 'value_after', 'responsible_user_id'),
        'filter[value_after][responsible_user_id]',
      ),
    ),
  };
}

function has<T>(set: ReadonlySet<T> | undefined, value: T): boolean {
  return set === undefined || set.size === 0 || set.has(value);
}

function statusMatches(
  event: DemoEvent,
  side: 'value_before' | 'value_after',
  pairs: readonly StatusPair[] | undefined,
): boolean {
  if (pairs === undefined) return true;
  if (event.type !== 'lead_status_changed') return false;
  return event[side].some(value =>
    matchesPair(pairs, value.lead_status.pipeline_id, value.lead_status.id),
  );
}

function responsibleMatches(event: DemoEvent, users: ReadonlySet<number> | undefined): boolean {
  if (users === undefined) return true;
  if (event.type !== 'entity_responsible_changed') return false;
  return event.value_after.some(value => users.has(value.responsible_user.id));
}

export function eventMatches(filter: EventFilter): (event: DemoEvent) => boolean {
  return event =>
    has(filter.id, event.id) &&
    has(filter.type, event.type) &&
    has(filter.entity, event.entity_type) &&
    has(filter.entity_id, event.entity_id) &&
    has(filter.created_by, event.created_by) &&
    inRange(event.created_at, filter.created_at) &&
    statusMatches(event, 'value_before', filter.before_statuses) &&
    statusMatches(event, 'value_after', filter.after_statuses) &&
    responsibleMatches(event, filter.after_responsible);
}
