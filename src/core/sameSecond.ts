/**
 * metrics.md 4.2: the order of a lead's events when some share a timestamp. Only events of one
 * timestamp may change places; a link holds where an event's `value_before` is the `value_after`
 * of the event before it, and one more where the last event ends at the lead's current status.
 * The order with the most links wins, ties by the smallest list of ids compared as strings.
 *
 * Exact: a group's best order depends only on where the history stands when the group begins,
 * so the most links from each group on are computed backwards (per entry status), and within a
 * group over subsets of its events (bitmask, memoised); the order is then built forwards, taking
 * at each place the smallest id that still reaches the most links. Automations move a lead a few
 * times in a second, so groups are small; a group above EXACT_LIMIT events keeps its time-and-id
 * order rather than cost 2^n.
 */
import type { StatusChange, StatusRef } from './types';

export const EXACT_LIMIT = 16;

export function sameStatus(a: StatusRef, b: StatusRef): boolean {
  return a.pipelineId === b.pipelineId && a.statusId === b.statusId;
}

/** An event with no `value_before` came from wherever the lead was, so it links to any status. */
const link = (from: StatusRef | null, e: StatusChange): number =>
  from !== null && (e.before === null || sameStatus(from, e.before)) ? 1 : 0;

const keyOf = (r: StatusRef | null): string => (r ? `${r.pipelineId}:${r.statusId}` : '');

/** How many links hold from a group on, by the status the history stands at when it begins. */
type LinksFrom = (at: StatusRef | null) => number;

/**
 * One group's table. `best[mask * n + last]`: the most links from the end of `last` on (this
 * group's events outside `mask`, then the later groups), once the events in `mask` are placed
 * with `last` the latest. `joins[last * n + e]`: 1 when `e` starts where `last` ends.
 */
interface GroupTable {
  readonly events: readonly StatusChange[];
  readonly best: Int32Array | null;
  readonly joins: Uint8Array;
  readonly from: LinksFrom;
}

function memo(fn: LinksFrom): LinksFrom {
  const seen = new Map<string, number>();
  return at => {
    const key = keyOf(at);
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = fn(at)));
    return v;
  };
}

/** The events in their fixed order (time, then id): one event, or too many to search. */
function fixedTable(events: readonly StatusChange[], next: LinksFrom): GroupTable {
  let inner = 0;
  let prev: StatusChange | null = null;
  for (const e of events) {
    if (prev) inner += link(prev.after, e);
    prev = e;
  }
  const first = events[0];
  const end = prev?.after ?? null;
  return {
    events,
    best: null,
    joins: new Uint8Array(0),
    from: memo(at => (first ? link(at, first) : 0) + inner + next(end)),
  };
}

function groupTable(events: readonly StatusChange[], next: LinksFrom): GroupTable {
  const n = events.length;
  if (n === 1 || n > EXACT_LIMIT) return fixedTable(events, next);
  const joins = new Uint8Array(n * n);
  events.forEach((a, i) => events.forEach((b, j) => (joins[i * n + j] = link(a.after, b))));
  const full = (1 << n) - 1;
  const best = new Int32Array((full + 1) * n);
  events.forEach((e, last) => (best[full * n + last] = next(e.after)));
  for (let mask = full - 1; mask > 0; mask--) {
    for (let last = 0; last < n; last++) {
      if (!(mask & (1 << last))) continue;
      let most = -1;
      for (let e = 0; e < n; e++) {
        if (mask & (1 << e)) continue;
        const links = (joins[last * n + e] ?? 0) + (best[(mask | (1 << e)) * n + e] ?? 0);
        if (links > most) most = links;
      }
      best[mask * n + last] = most;
    }
  }
  const from = (at: StatusRef | null) => {
    let most = -1;
    events.forEach((e, k) => (most = Math.max(most, link(at, e) + (best[(1 << k) * n + k] ?? 0))));
    return most;
  };
  return { events, best, joins, from: memo(from) };
}

/** One searched group in its best order from `at`: the smallest id that still reaches the most. */
function place(table: GroupTable, best: Int32Array, at: StatusRef | null): StatusChange[] {
  const { events, joins } = table;
  const n = events.length;
  const byId = events
    .map((e, k) => ({ id: e.id, k }))
    .sort((a, b) => compareIds(a.id, b.id))
    .map(x => x.k);
  const out: StatusChange[] = [];
  let mask = 0;
  let last = -1;
  let left = table.from(at);
  while (out.length < n) {
    const gain = (e: number) => {
      const event = events[e];
      if (last >= 0) return joins[last * n + e] ?? 0;
      return event ? link(at, event) : 0;
    };
    const chosen = byId.find(
      e => !(mask & (1 << e)) && gain(e) + (best[(mask | (1 << e)) * n + e] ?? 0) === left,
    );
    const event = chosen === undefined ? undefined : events[chosen];
    // Unreachable: some event always reaches the most links; guards the loop all the same.
    if (chosen === undefined || !event) return [...events];
    left -= gain(chosen);
    mask |= 1 << chosen;
    last = chosen;
    out.push(event);
  }
  return out;
}

/** The groups (each in time-then-id order, groups in time order) as one list in the best order. */
export function mostLinked(
  groups: readonly (readonly StatusChange[])[],
  current: StatusRef | null,
): StatusChange[] {
  const tables: GroupTable[] = [];
  let next: LinksFrom = at => (at !== null && current !== null && sameStatus(at, current) ? 1 : 0);
  for (let k = groups.length - 1; k >= 0; k--) {
    const table = groupTable(groups[k] ?? [], next);
    tables.push(table);
    next = table.from;
  }
  tables.reverse();
  const out: StatusChange[] = [];
  let at: StatusRef | null = null;
  for (const table of tables) {
    const ordered: readonly StatusChange[] = table.best
      ? place(table, table.best, at)
      : table.events;
    out.push(...ordered);
    at = ordered.at(-1)?.after ?? at;
  }
  return out;
}

/** Event ids compared as strings (metrics.md 4.2's tie rule, and the base order of events). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
