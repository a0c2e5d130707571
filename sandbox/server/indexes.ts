/**
 * Where a list build starts: the few leads or events a filter names, found through per-account
 * indexes, instead of the whole account. At 100,000 leads (~430,000 events) a scan per distinct
 * filter costs 15–90 ms, and a sync sends one distinct filter per batch of ids (`filter[id][]`
 * for leads, ten `filter[entity_id][]` for events), so each batch would pay it. The candidates
 * are only a superset: the route still applies every filter, the rights and the order.
 */
import { bisector } from 'd3-array';
import type { DemoAccount, DemoEvent, DemoLead } from '../demo/types';
import type { Range } from './query';
import { leadIndex } from './rights';

const eventsOfLead = new WeakMap<DemoAccount, ReadonlyMap<number, readonly DemoEvent[]>>();

/** Every event of each lead, oldest first; built once per account object. */
export function eventsByLead(account: DemoAccount): ReadonlyMap<number, readonly DemoEvent[]> {
  let index = eventsOfLead.get(account);
  if (index === undefined) {
    const built = new Map<number, DemoEvent[]>();
    for (const event of account.events) {
      const list = built.get(event.entity_id);
      if (list === undefined) built.set(event.entity_id, [event]);
      else list.push(event);
    }
    index = built;
    eventsOfLead.set(account, index);
  }
  return index;
}

const timeOrdered = new WeakMap<DemoAccount, boolean>();

/**
 * Whether the events really are oldest first, as DemoAccount promises. Checked once per account,
 * because a hand-made account that breaks the promise must still be answered correctly.
 */
function eventsTimeOrdered(account: DemoAccount): boolean {
  let ordered = timeOrdered.get(account);
  if (ordered === undefined) {
    const { events } = account;
    ordered = events.every(
      (event, i) => i === 0 || (events[i - 1]?.created_at ?? 0) <= event.created_at,
    );
    timeOrdered.set(account, ordered);
  }
  return ordered;
}

const byCreatedAt = bisector((event: DemoEvent) => event.created_at);

/** The events inside `range` (bounds inclusive) as one slice of the time-ordered log. */
export function eventsInRange(
  account: DemoAccount,
  range: Range | undefined,
): readonly DemoEvent[] {
  const { events } = account;
  if (range === undefined || !eventsTimeOrdered(account)) return events;
  const start = range.from === undefined ? 0 : byCreatedAt.left(events, range.from);
  const end = range.to === undefined ? events.length : byCreatedAt.right(events, range.to);
  return events.slice(start, Math.max(start, end));
}

export interface EventSelection {
  readonly entityIds: ReadonlySet<number> | undefined;
  readonly createdAt: Range | undefined;
}

/** Events that may match: those of the named leads, else those in the time range. */
export function eventCandidates(
  account: DemoAccount,
  selection: EventSelection,
): readonly DemoEvent[] {
  const ids = selection.entityIds;
  if (ids !== undefined && ids.size > 0) {
    const index = eventsByLead(account);
    return [...ids].flatMap(id => index.get(id) ?? []);
  }
  return eventsInRange(account, selection.createdAt);
}

/** Leads that may match: the named ones when the filter names ids, else all. */
export function leadCandidates(
  account: DemoAccount,
  ids: ReadonlySet<number> | undefined,
): readonly DemoLead[] {
  if (ids === undefined || ids.size === 0) return account.leads;
  const index = leadIndex(account);
  return [...ids].flatMap(id => {
    const lead = index.get(id);
    return lead === undefined ? [] : [lead];
  });
}
