/**
 * A HistorySource over lists in memory, answering as amoCRM and apiSource do: lead lists
 * filtered, ordered (by the field asked, then id) and paged; status-change lists newest first;
 * every page re-checked by the client's own matchers. It can also act as an account without the
 * API filter add-on (filters ignored) or a server that ignores the order, and records each call.
 */
import type { EventFilter, LeadFilter, LeadLifecycle } from '../../../../src/api';
import { eventMatcher, leadMatcher } from '../../../../src/api/filters';
import type { RawEvent } from '../../../../src/api';
import type { Lead, Pipeline, StatusChange } from '../../../../src/core';
import type { HistorySource } from '../../../../src/sync';
import { pipelineP, pipelineQ } from '../../core/builders';

export interface FakeData {
  leads?: Lead[];
  changes?: StatusChange[];
  lifecycle?: LeadLifecycle[];
  pipelines?: Pipeline[];
}

export interface FakeOptions {
  /** Leads per page (amoCRM: 250). */
  readonly leadPage?: number;
  /** Events per page (amoCRM: 100). */
  readonly eventPage?: number;
  /** Lead filters ignored (no API filter add-on): every lead comes back, by id. */
  readonly ignoreFilters?: boolean;
  /** Lead lists come back by id whatever order was asked. */
  readonly ignoreOrder?: boolean;
}

export type Call =
  | { readonly kind: 'leads'; readonly filter: LeadFilter; readonly page: number }
  | { readonly kind: 'events'; readonly filter: EventFilter; readonly page: number }
  | { readonly kind: 'account' | 'pipelines' | 'users' | 'lossReasons' };

const side = (p: { pipelineId: number; statusId: number }) => [
  { lead_status: { id: p.statusId, pipeline_id: p.pipelineId } },
];

function rawOf(e: StatusChange | LeadLifecycle): RawEvent {
  const base = {
    id: e.id,
    entity_id: e.leadId,
    entity_type: 'lead',
    created_at: e.createdAt,
    created_by: 0,
    account_id: 1,
  };
  return 'kind' in e
    ? { ...base, type: `lead_${e.kind}`, value_before: [], value_after: [] }
    : {
        ...base,
        type: 'lead_status_changed',
        value_before: e.before ? side(e.before) : [],
        value_after: side(e.after),
      };
}

export function fakeSource(data: FakeData, options: FakeOptions = {}) {
  const calls: Call[] = [];
  const leadPage = options.leadPage ?? 250;
  const eventPage = options.eventPage ?? 100;
  const source: HistorySource = {
    account() {
      calls.push({ kind: 'account' });
      return Promise.resolve({
        id: 1,
        name: 'Fake',
        subdomain: 'fake',
        currentUserId: 1,
        timezone: 'UTC',
        currency: 'RUB',
        currencySymbol: '₽',
        usersGroups: [],
      });
    },
    pipelines() {
      calls.push({ kind: 'pipelines' });
      return Promise.resolve(data.pipelines ?? [pipelineP, pipelineQ]);
    },
    users() {
      calls.push({ kind: 'users' });
      return Promise.resolve([{ id: 1, name: 'One', groupId: 0, isActive: true }]);
    },
    lossReasons() {
      calls.push({ kind: 'lossReasons' });
      return Promise.resolve([{ id: 1, name: 'Price', sort: 1 }]);
    },
    leads(filter, page) {
      calls.push({ kind: 'leads', filter, page });
      const matches = leadMatcher(filter);
      let list = (data.leads ?? []).filter(l => options.ignoreFilters === true || matches(l));
      const order =
        options.ignoreFilters === true || options.ignoreOrder === true ? undefined : filter.order;
      const value = (l: Lead) =>
        order?.field === 'created_at'
          ? l.createdAt
          : order?.field === 'updated_at'
            ? l.updatedAt
            : l.id;
      const sign = order?.direction === 'desc' ? -1 : 1;
      list = [...list].sort((a, b) => sign * (value(a) - value(b)) || a.id - b.id);
      const slice = list.slice((page - 1) * leadPage, page * leadPage);
      return Promise.resolve({
        items: slice.filter(matches),
        more: page * leadPage < list.length,
        returned: slice.length,
      });
    },
    events(filter, page) {
      calls.push({ kind: 'events', filter, page });
      const matches = eventMatcher(filter);
      const all = [...(data.changes ?? []), ...(data.lifecycle ?? [])]
        .filter(e => matches(rawOf(e)))
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      const slice = all.slice((page - 1) * eventPage, page * eventPage);
      return Promise.resolve({
        changes: slice.filter((e): e is StatusChange => !('kind' in e)),
        lifecycle: slice.filter((e): e is LeadLifecycle => 'kind' in e),
        more: page * eventPage < all.length,
        oldest: slice.length === 0 ? null : Math.min(...slice.map(e => e.createdAt)),
      });
    },
  };
  return { source, calls, data };
}

/** A sink that keeps what it is given, in order. */
export function keepingSink() {
  const leads: Lead[] = [];
  const changes: StatusChange[] = [];
  const lifecycle: LeadLifecycle[] = [];
  return {
    leads,
    changes,
    lifecycle,
    sink: {
      leads: (list: readonly Lead[]) => void leads.push(...list),
      changes: (list: readonly StatusChange[], life: readonly LeadLifecycle[]) => {
        changes.push(...list);
        lifecycle.push(...life);
      },
    },
  };
}

export const leadCalls = (calls: readonly Call[]) =>
  calls.filter((c): c is Extract<Call, { kind: 'leads' }> => c.kind === 'leads');
export const eventCalls = (calls: readonly Call[]) =>
  calls.filter((c): c is Extract<Call, { kind: 'events' }> => c.kind === 'events');

/**
 * A pipeline's random history between `from` and `to`: leads of P (some closed) and of Q, each
 * walking over both pipelines' statuses, so there are changes within P, into P, out of P and
 * within Q. Deterministic for a seed.
 */
export function fakeHistory(seed: number, count: number, from: number, to: number) {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const P = pipelineP.id;
  const Q = pipelineQ.id;
  const places = [
    ...pipelineP.statuses.map(x => ({ pipelineId: P, statusId: x.id })),
    ...pipelineQ.statuses.filter(x => x.id !== 143).map(x => ({ pipelineId: Q, statusId: x.id })),
  ];
  const leads: Lead[] = [];
  const changes: StatusChange[] = [];
  for (let id = 1; id <= count; id++) {
    const createdAt = Math.floor(from + rnd() * (to - from));
    let at = createdAt;
    let cur = pick(places.filter(p => p.statusId !== 142 && p.statusId !== 143));
    const steps = Math.floor(rnd() * 5);
    for (let k = 0; k < steps; k++) {
      const next = pick(places);
      const t = at + 1 + Math.floor(rnd() * (to - at) * 0.3);
      if (t >= to) break;
      at = t;
      changes.push({ id: `e${id}-${k}`, leadId: id, createdAt: at, before: cur, after: next });
      cur = next;
    }
    leads.push({
      id,
      name: `Lead ${id}`,
      pipelineId: cur.pipelineId,
      statusId: cur.statusId,
      createdAt,
      updatedAt: at,
      closedAt: null,
      price: 100,
      responsibleUserId: 1,
      lossReasonId: null,
      isDeleted: false,
    });
  }
  return { leads, changes };
}
