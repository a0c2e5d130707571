import { compareIds, mostLinked, sameStatus } from './sameSecond';
import type { Lead, StatusChange, StatusRef } from './types';

export { sameStatus };

/**
 * A stay of a lead in one status (metrics.md 4). `end` is null for the visit still going on.
 * Besides the status, a visit keeps what the rules after §4 read from the event that began it:
 * the `value_before` it came from (lost-from stage, backward moves), or null for the first visit
 * and for a visit begun by §4.5 because events are missing.
 */
export interface Visit {
  readonly pipelineId: number;
  readonly statusId: number;
  readonly start: number;
  readonly end: number | null;
  /** The event's `value_before`; null when no event began this visit. */
  readonly from: StatusRef | null;
  /**
   * Extension (loaded history): the visit began before the history the data holds, so `start` is
   * only the start of that history and the visit's length is unknown (at least `end - start`).
   */
  readonly censored: boolean;
}

/** The events that change the status, each id once (the first copy kept). */
function distinctMoves(events: readonly StatusChange[]): StatusChange[] {
  // A lead has a handful of changes: below a few dozen, a scan is cheaper than a Set.
  const seen = events.length > 24 ? new Set<string>() : null;
  const ids: string[] = [];
  const kept: StatusChange[] = [];
  for (const e of events) {
    if (seen ? seen.has(e.id) : ids.includes(e.id)) continue;
    if (seen) seen.add(e.id);
    else ids.push(e.id);
    if (e.before === null || !sameStatus(e.before, e.after)) kept.push(e);
  }
  return kept;
}

/**
 * A lead's status-change events cleaned and ordered (metrics.md 4.1–4.2): duplicates by id and
 * no-op changes dropped, ordered by time. Events sharing a timestamp take the order with the most
 * links holding — each event starting where the one before it ended, and the last ending at the
 * lead's `current` status — ties broken by the smallest list of ids (`sameSecond.ts`).
 */
export function orderEvents(
  events: readonly StatusChange[],
  current: StatusRef | null = null,
): StatusChange[] {
  const kept = distinctMoves(events);
  // Ids make the base order deterministic whatever order the pages arrived in.
  const before = (a: StatusChange, b: StatusChange) =>
    a.createdAt - b.createdAt || compareIds(a.id, b.id);
  // Held changes mostly come in order already: check before paying for a sort.
  if (kept.some((e, k) => k > 0 && before(kept[k - 1] ?? e, e) > 0)) kept.sort(before);
  // Most leads have no two changes in one second: then the order is the time order.
  if (!kept.some((e, k) => k > 0 && kept[k - 1]?.createdAt === e.createdAt)) return kept;
  const groups: StatusChange[][] = [];
  for (const e of kept) {
    const last = groups.at(-1);
    if (last && last[0]?.createdAt === e.createdAt) last.push(e);
    else groups.push([e]);
  }
  return mostLinked(groups, current);
}

/**
 * The visits of a lead (metrics.md 4.3–4.5) from its ordered events. The first visit is to the
 * status the first event left (or the current status when there are no events), entered at
 * `created_at`. If the events do not lead to the lead's current status, some are missing: the last
 * visit ends, and a visit to the current status starts, at `max(updated_at, last event time)`.
 *
 * With `historyFrom` (the data holds status changes from that time on only), a lead created
 * earlier has a first visit whose real start is unknown: it is marked `censored` and starts at
 * `historyFrom`.
 *
 * Two inputs the contract is silent on (docs/metrics.md, inputs the contract settles): an event
 * dated before the first visit's start counts as happening at that start, so no visit has a
 * negative length; and an event without a `value_before` came from wherever the lead was — as the
 * first event it is where the lead began, so it moves nothing.
 */
export function buildVisits(
  lead: Lead,
  ordered: readonly StatusChange[],
  historyFrom: number | null = null,
): Visit[] {
  const first = ordered[0];
  const censored = historyFrom !== null && lead.createdAt < historyFrom;
  const floor = censored ? historyFrom : lead.createdAt;
  const begin = first ? (first.before ?? first.after) : lead;
  const visits: Visit[] = [];
  let cur: Mutable<Visit> = {
    pipelineId: begin.pipelineId,
    statusId: begin.statusId,
    start: floor,
    end: null,
    from: null,
    censored,
  };
  visits.push(cur);
  for (const e of ordered) {
    const from = e.before ?? { pipelineId: cur.pipelineId, statusId: cur.statusId };
    if (e.before === null && sameStatus(from, e.after)) continue;
    const t = Math.max(floor, e.createdAt);
    cur.end = t;
    cur = {
      pipelineId: e.after.pipelineId,
      statusId: e.after.statusId,
      start: t,
      end: null,
      from,
      censored: false,
    };
    visits.push(cur);
  }
  if (cur.pipelineId !== lead.pipelineId || cur.statusId !== lead.statusId) {
    const last = ordered[ordered.length - 1];
    const at = Math.max(floor, lead.updatedAt, last ? last.createdAt : Number.NEGATIVE_INFINITY);
    cur.end = at;
    visits.push({
      pipelineId: lead.pipelineId,
      statusId: lead.statusId,
      start: at,
      end: null,
      from: null,
      censored: false,
    });
  }
  return visits;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Groups events by lead id, keeping only leads in `wanted`; one pass over the events. */
export function eventsByLead(
  events: readonly StatusChange[],
  wanted: ReadonlySet<number>,
): Map<number, StatusChange[]> {
  const byLead = new Map<number, StatusChange[]>();
  for (const e of events) {
    if (!wanted.has(e.leadId)) continue;
    const list = byLead.get(e.leadId);
    if (list) list.push(e);
    else byLead.set(e.leadId, [e]);
  }
  return byLead;
}
