/**
 * One lead's status changes held compactly: five numbers per change in one flat array (times and
 * amoCRM ids fit 32 bits; the lead id is the owner's) and the ids beside it. A change as an object
 * costs ~250 bytes; this costs the id string and 40 bytes, and the objects exist only while a
 * lead's visits are derived. A plain array, not a typed one: a typed array of more than 64 bytes
 * lives outside the heap with a finalizer, and a full load grew 300,000 of them (bench: merge
 * 15 % slower, more collection work); the cache still gets 32-bit columns (`packLeadEvents`).
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
  readonly cols: number[];
  /** The ids as a set, made only once a lead holds many: a scan is cheaper below that. */
  seen?: Set<string>;
}

/** Held ids above which repeats are checked in a set (a lead bouncing between stages). */
const SCAN_UP_TO = 32;

export function emptyLeadEvents(): LeadEvents {
  return { ids: [], cols: [] };
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
  held.cols.push(e.createdAt, before.pipelineId, before.statusId, after.pipelineId, after.statusId);
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
  const out = {
    leadId: new Float64Array(count),
    cols: new Uint32Array(count * WIDTH),
    ids: [] as string[],
  };
  let at = 0;
  for (const [id, h] of list) at = copyLead(out, at, id, h);
  return { count, ids: JSON.stringify(out.ids), leadId: out.leadId, cols: out.cols };
}

/**
 * One lead's changes into the packed columns from row `at`; the next free row. Apart from its
 * caller so V8 optimizes it once: as one function the loop was compiled on the stack and thrown
 * away at its end, once per bucket (bench: a third of the packing time).
 */
function copyLead(
  out: { leadId: Float64Array; cols: Uint32Array; ids: string[] },
  at: number,
  id: number,
  h: LeadEvents,
): number {
  const n = h.ids.length;
  const base = at * WIDTH;
  // Loops, not fill/set: a lead holds a handful of changes, below what the generic paths repay.
  for (let k = 0; k < n * WIDTH; k++) out.cols[base + k] = h.cols[k] ?? 0;
  for (let k = 0; k < n; k++) {
    out.leadId[at + k] = id;
    out.ids.push(h.ids[k] ?? '');
  }
  return at + n;
}

/** A packed record split back into each lead's changes (a lead's changes are contiguous). */
export function unpackLeadEvents(p: PackedEvents): Map<number, LeadEvents> {
  const ids = JSON.parse(p.ids) as string[];
  const out = new Map<number, LeadEvents>();
  for (let i = 0; i < p.count;) {
    const lead = p.leadId[i] ?? 0;
    let j = i + 1;
    while (j < p.count && p.leadId[j] === lead) j++;
    out.set(lead, {
      ids: ids.slice(i, j),
      cols: Array.from(p.cols.subarray(i * WIDTH, j * WIDTH)),
    });
    i = j;
  }
  return out;
}
