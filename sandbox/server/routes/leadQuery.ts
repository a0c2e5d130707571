/**
 * `GET /api/v4/leads` filters (amoCRM's "Фильтрация (Alpha)" page, reference §2). All given
 * filters must hold; a multi-valued filter holds when any of its values does.
 */
import type { DemoLead } from '../../demo/types';
import { field, inRange, intList, rangeParam, type Query, type Range } from '../query';
import { matchesPair, statusPairs, type StatusPair } from './statusPairs';

export interface LeadFilter {
  readonly id?: ReadonlySet<number>;
  readonly pipeline_id?: ReadonlySet<number>;
  readonly responsible_user_id?: ReadonlySet<number>;
  readonly created_by?: ReadonlySet<number>;
  readonly updated_by?: ReadonlySet<number>;
  readonly statuses?: readonly StatusPair[];
  readonly price?: Range;
  readonly created_at?: Range;
  readonly updated_at?: Range;
  readonly closed_at?: Range;
  readonly closest_task_at?: Range;
}

const ID_FILTERS = [
  'id',
  'pipeline_id',
  'responsible_user_id',
  'created_by',
  'updated_by',
] as const;
const RANGE_FILTERS = [
  'price',
  'created_at',
  'updated_at',
  'closed_at',
  'closest_task_at',
] as const;

export function parseLeadFilter(query: Query): LeadFilter {
  const filter: { -readonly [K in keyof LeadFilter]: LeadFilter[K] } = {};
  for (const name of ID_FILTERS) {
    const ids = intList(field(query, 'filter', name), `filter[${name}]`);
    if (ids !== undefined) filter[name] = new Set(ids);
  }
  for (const name of RANGE_FILTERS) {
    const range = rangeParam(field(query, 'filter', name), `filter[${name}]`);
    if (range !== undefined) filter[name] = range;
  }
  const statuses = statusPairs(field(query, 'filter', 'statuses'), 'filter[statuses]');
  if (statuses !== undefined) filter.statuses = statuses;
  return filter;
}

function inSet(set: ReadonlySet<number> | undefined, value: number): boolean {
  return set === undefined || set.size === 0 || set.has(value);
}

export function leadMatches(filter: LeadFilter): (lead: DemoLead) => boolean {
  return lead =>
    ID_FILTERS.every(name => inSet(filter[name], lead[name])) &&
    RANGE_FILTERS.every(name => filter[name] === undefined || inRange(lead[name], filter[name])) &&
    (filter.statuses === undefined ||
      filter.statuses.length === 0 ||
      matchesPair(filter.statuses, lead.pipeline_id, lead.status_id));
}
