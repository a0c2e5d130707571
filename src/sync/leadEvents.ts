/**
 * One lead's status changes held compactly: five 32-bit numbers per change in one typed array
 * (times and amoCRM ids fit 32 bits; the lead id is the owner's) and the ids beside it. A change
 * as an object costs ~250 bytes; this costs the id string and 20 bytes, and the objects exist only
 * while a lead's visits are derived. The array grows by doubling: a lead's changes arrive a page
 * at a time, and copying on every arrival made a full load allocate a million arrays.
 */
import type { StatusChange, StatusRef } from '../core';

const WIDTH = 5;

/**
 * A bucket's status changes as the cache keeps them: the held columns of its leads one after the
 * other (so packing is a copy of each lead's array), whose lead each change is, and the ids.
 */
export interface PackedEvents {
  readonly count: number;
  /** JSON array of the change ids (strings), in order. */
  readonly ids: string;
  /** The lead of each change. */
  readonly leadId: Float64Array;
  /** createdAt, beforePipeline, beforeStatus, afterPipeline, afterStatus per change. */
  readonly cols: Uint32Array;
}

export interface LeadEvents {
  readonly ids: string[];
  /** createdAt, beforePipeline, beforeStatus, afterPipeline, afterStatus per change. */
  cols: Uint32Array;
  /** The ids as a set, made only once a lead holds many: a scan is cheaper below that. */
  seen?: Set<string>;
}

/** Held ids above which repeats are checked in a set (a lead bouncing between stages). */
const SCAN_UP_TO = 32;

export function emptyLeadEvents(): LeadEvents {
  return { ids: [], cols: new Uint32Array(0) };
}

const MAX = 0xffff_ffff;
const fits = (v: number): boolean => Number.isInteger(v) && v >= 0 && v <= MAX;
/** amoCRM's pipeline ids are positive, so pipeline 0 can stand for an empty `value_before`. */
const UNSAID: StatusRef = { pipelineId: 0, statusId: 0 };

/**
 * Adds one change unless its id is held; true when it was added. Times (epoch seconds until
 * 2106) and amoCRM's status and pipeline ids are unsigned 32-bit numbers; a change with anything
 * else cannot be held exactly, and is refused by name rather than wrapped.
 */
export function addChange(held: LeadEvents, e: StatusChange): boolean {
  if (held.seen ? held.seen.has(e.id) : held.ids.includes(e.id)) return false;
  const { after } = e;
  const before = e.before ?? UNSAID;
  if (
    !fits(e.createdAt) ||
    !fits(before.pipelineId) ||
    !fits(before.statusId) ||
    !fits(after.pipelineId) ||
    !fits(after.statusId)
  )
    throw new RangeError(
      `status change ${e.id} of lead ${e.leadId}: a time or id is not a 32-bit whole number`,
    );
  const at = held.ids.length * WIDTH;
  if (at + WIDTH > held.cols.length) {
    // Room for four changes at first: most leads have a handful, which then takes one or two
    // copies instead of one per change.
    const grown = new Uint32Array(Math.max(2 * held.cols.length, 4 * WIDTH));
    grown.set(held.cols);
    held.cols = grown;
  }
  const cols = held.cols;
  cols[at] = e.createdAt;
  cols[at + 1] = before.pipelineId;
  cols[at + 2] = before.statusId;
  cols[at + 3] = after.pipelineId;
  cols[at + 4] = after.statusId;
  held.ids.push(e.id);
  if (held.seen) held.seen.add(e.id);
  else if (held.ids.length > SCAN_UP_TO) held.seen = new Set(held.ids);
  return true;
}

/** Adds the changes whose ids are new; true when any was. */
export function addChanges(held: LeadEvents, changes: readonly StatusChange[]): boolean {
  let added = false;
  for (const e of changes) if (addChange(held, e)) added = true;
  return added;
}

/** The held changes of lead `leadId` as objects, for §4's ordering. */
export function changesOf(leadId: number, held: LeadEvents): StatusChange[] {
  const c = held.cols;
  return held.ids.map((id, k) => {
    const at = k * WIDTH;
    return {
      id,
      leadId,
      createdAt: c[at] ?? 0,
      before: c[at + 1] ? { pipelineId: c[at + 1] ?? 0, statusId: c[at + 2] ?? 0 } : null,
      after: { pipelineId: c[at + 3] ?? 0, statusId: c[at + 4] ?? 0 },
    };
  });
}

/** Many leads' changes as one packed record (the cache's events of a bucket). */
export function packLeadEvents(all: Iterable<readonly [number, LeadEvents]>): PackedEvents {
  const list = [...all];
  const count = list.reduce((n, [, h]) => n + h.ids.length, 0);
  const leadId = new Float64Array(count);
  const cols = new Uint32Array(count * WIDTH);
  const ids: string[] = [];
  for (const [id, h] of list) {
    const n = h.ids.length;
    leadId.fill(id, ids.length, ids.length + n);
    cols.set(h.cols.subarray(0, n * WIDTH), ids.length * WIDTH);
    for (const changeId of h.ids) ids.push(changeId);
  }
  return { count, ids: JSON.stringify(ids), leadId, cols };
}

/** A packed record split back into each lead's changes (a lead's changes are contiguous). */
export function unpackLeadEvents(p: PackedEvents): Map<number, LeadEvents> {
  const ids = JSON.parse(p.ids) as string[];
  const out = new Map<number, LeadEvents>();
  for (let i = 0; i < p.count;) {
    const lead = p.leadId[i] ?? 0;
    let j = i + 1;
    while (j < p.count && p.leadId[j] === lead) j++;
    out.set(lead, { ids: ids.slice(i, j), cols: p.cols.slice(i * WIDTH, j * WIDTH) });
    i = j;
  }
  return out;
}
