/**
 * amoCRM's front-end list filter, as the leads list URL carries it (reference §6.4):
 * `filter[pipe][<pipelineId>][]=<statusId>` (one or more), `filter[main_user][]=<userId>`,
 * `filter_date_switch=created|updated|closed` with `filter_date_from` / `filter_date_to`
 * (DD.MM.YYYY in the account's timezone), applied only with `useFilter=y`, as amoCRM does.
 * Anything malformed is a QueryError naming the parameter (the page shows it as a 400).
 */
import type { DemoLead } from '../../demo/types';
import { invalidQuery } from '../problem';
import { field, intList, isRecord, type Query } from '../query';
import { matchesPair, type StatusPair } from '../routes/statusPairs';

const DATE_FIELDS = {
  created: 'created_at',
  updated: 'updated_at',
  closed: 'closed_at',
} as const;

type DateField = (typeof DATE_FIELDS)[keyof typeof DATE_FIELDS];

export interface ListFilter {
  /** The list's own pipeline, used when no stage filter is given. */
  readonly pipelineId: number;
  readonly statuses?: readonly StatusPair[];
  readonly mainUsers?: ReadonlySet<number>;
  readonly date?: { readonly field: DateField; readonly from?: number; readonly to?: number };
}

function pipeStatuses(query: Query): StatusPair[] | undefined {
  const pipe = field(query, 'filter', 'pipe');
  if (pipe === undefined) return undefined;
  if (!isRecord(pipe))
    throw invalidQuery('filter[pipe]', 'expected filter[pipe][<pipeline>][]=<status>');
  return Object.entries(pipe).flatMap(([pipelineKey, statuses]) => {
    const path = `filter[pipe][${pipelineKey}]`;
    const pipelineId = Number(pipelineKey);
    if (!/^\d+$/.test(pipelineKey) || !Number.isSafeInteger(pipelineId)) {
      throw invalidQuery(path, 'the pipeline id must be an integer');
    }
    const ids = intList(statuses, path) ?? [];
    return ids.map(statusId => ({ pipeline_id: pipelineId, status_id: statusId }));
  });
}

/** Start (or end) of a DD.MM.YYYY day in the account's fixed offset, epoch seconds. */
function dayBound(value: unknown, path: string, offset: string, end: boolean): number | undefined {
  if (value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim()) : null;
  if (match === null) throw invalidQuery(path, `expected DD.MM.YYYY, got ${JSON.stringify(value)}`);
  const [, day, month, year] = match;
  const time = end ? '23:59:59' : '00:00:00';
  const ms = Date.parse(`${year}-${month}-${day}T${time}${offset}`);
  if (Number.isNaN(ms)) throw invalidQuery(path, `no such date ${match[0]}`);
  return Math.floor(ms / 1000);
}

function dateFilter(query: Query, offset: string): ListFilter['date'] {
  const from = dayBound(query.filter_date_from, 'filter_date_from', offset, false);
  const to = dayBound(query.filter_date_to, 'filter_date_to', offset, true);
  if (from === undefined && to === undefined) return undefined;
  const switchValue = query.filter_date_switch ?? 'created';
  const dateField =
    typeof switchValue === 'string'
      ? DATE_FIELDS[switchValue as keyof typeof DATE_FIELDS]
      : undefined;
  if (dateField === undefined) {
    throw invalidQuery('filter_date_switch', 'expected created, updated or closed');
  }
  return { field: dateField, ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

/** Whether the URL asks for its filter to be applied (`useFilter=y`, any case). */
export function filterRequested(query: Query): boolean {
  return typeof query.useFilter === 'string' && query.useFilter.toLowerCase() === 'y';
}

export function parseListFilter(query: Query, pipelineId: number, offset: string): ListFilter {
  if (!filterRequested(query)) return { pipelineId };
  const statuses = pipeStatuses(query);
  const mainUsers = intList(field(query, 'filter', 'main_user'), 'filter[main_user]');
  const date = dateFilter(query, offset);
  return {
    pipelineId,
    ...(statuses !== undefined && statuses.length > 0 && { statuses }),
    ...(mainUsers !== undefined && mainUsers.length > 0 && { mainUsers: new Set(mainUsers) }),
    ...(date !== undefined && { date }),
  };
}

export function listFilterMatches(filter: ListFilter): (lead: DemoLead) => boolean {
  const { statuses, mainUsers, date } = filter;
  return lead => {
    const inStages =
      statuses === undefined
        ? lead.pipeline_id === filter.pipelineId
        : matchesPair(statuses, lead.pipeline_id, lead.status_id);
    if (!inStages) return false;
    if (mainUsers !== undefined && !mainUsers.has(lead.responsible_user_id)) return false;
    if (date === undefined) return true;
    const value = lead[date.field];
    if (value === null) return false;
    return (
      (date.from === undefined || value >= date.from) && (date.to === undefined || value <= date.to)
    );
  };
}
