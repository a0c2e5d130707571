/**
 * One lead's status changes held compactly: five 32-bit numbers per change in one typed array
 * (times and amoCRM ids fit 32 bits; the lead id is the owner's) and the ids beside it. A change
 * as an object costs ~250 bytes; this costs the id string and 20 bytes, and the objects exist only
 * while a lead's visits are derived. The array grows by doubling: a lead's changes arrive a page
 * at a time, and copying on every arrival made a full load allocate a million arrays.
 */
import type { PackedEvents, StatusChange } from '../core';

const WIDTH = 5;
/** Below this many held ids a scan beats building a Set to check for repeats. */
const SCAN_UP_TO = 32;

export interface LeadEvents {
  readonly ids: string[];
  /** createdAt, beforePipeline, beforeStatus, afterPipeline, afterStatus per change. */
  cols: Uint32Array;
}

export function emptyLeadEvents(): LeadEvents {
  return { ids: [], cols: new Uint32Array(0) };
}

function hasId(held: LeadEvents, seen: Set<string> | null, id: string): boolean {
  return seen ? seen.has(id) : held.ids.includes(id);
}

/** Adds the changes whose ids are new; true when any was. */
export function addChanges(held: LeadEvents, changes: readonly StatusChange[]): boolean {
  const seen = held.ids.length + changes.length > SCAN_UP_TO ? new Set(held.ids) : null;
  let added = false;
  for (const e of changes) {
    if (hasId(held, seen, e.id)) continue;
    const at = held.ids.length * WIDTH;
    if (at + WIDTH > held.cols.length) {
      const grown = new Uint32Array(Math.max(2 * held.cols.length, at + WIDTH));
      grown.set(held.cols);
      held.cols = grown;
    }
    held.cols[at] = e.createdAt;
    held.cols[at + 1] = e.before.pipelineId;
    held.cols[at + 2] = e.before.statusId;
    held.cols[at + 3] = e.after.pipelineId;
    held.cols[at + 4] = e.after.statusId;
    held.ids.push(e.id);
    seen?.add(e.id);
    added = true;
  }
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
      before: { pipelineId: c[at + 1] ?? 0, statusId: c[at + 2] ?? 0 },
      after: { pipelineId: c[at + 3] ?? 0, statusId: c[at + 4] ?? 0 },
    };
  });
}

/** Many leads' changes as one packed record (the cache's events of a bucket). */
export function packLeadEvents(all: Iterable<[number, LeadEvents]>): PackedEvents {
  const list = [...all];
  const count = list.reduce((n, [, h]) => n + h.ids.length, 0);
  const f = () => new Float64Array(count);
  const p = {
    leadId: f(),
    createdAt: f(),
    beforePipeline: f(),
    beforeStatus: f(),
    afterPipeline: f(),
    afterStatus: f(),
  };
  const ids: string[] = [];
  let i = 0;
  for (const [leadId, h] of list) {
    for (let k = 0; k < h.ids.length; k++, i++) {
      const at = k * WIDTH;
      p.leadId[i] = leadId;
      p.createdAt[i] = h.cols[at] ?? 0;
      p.beforePipeline[i] = h.cols[at + 1] ?? 0;
      p.beforeStatus[i] = h.cols[at + 2] ?? 0;
      p.afterPipeline[i] = h.cols[at + 3] ?? 0;
      p.afterStatus[i] = h.cols[at + 4] ?? 0;
      ids.push(h.ids[k] ?? '');
    }
  }
  return { count, ids: JSON.stringify(ids), ...p };
}

/** A packed record split back into each lead's changes. */
export function unpackLeadEvents(p: PackedEvents): Map<number, LeadEvents> {
  const ids = JSON.parse(p.ids) as string[];
  const counts = new Map<number, number>();
  for (let i = 0; i < p.count; i++) {
    const lead = p.leadId[i] ?? 0;
    counts.set(lead, (counts.get(lead) ?? 0) + 1);
  }
  const out = new Map<number, LeadEvents>();
  for (const [lead, n] of counts) out.set(lead, { ids: [], cols: new Uint32Array(n * WIDTH) });
  for (let i = 0; i < p.count; i++) {
    const held = out.get(p.leadId[i] ?? 0);
    if (!held) continue;
    const at = held.ids.length * WIDTH;
    held.cols[at] = p.createdAt[i] ?? 0;
    held.cols[at + 1] = p.beforePipeline[i] ?? 0;
    held.cols[at + 2] = p.beforeStatus[i] ?? 0;
    held.cols[at + 3] = p.afterPipeline[i] ?? 0;
    held.cols[at + 4] = p.afterStatus[i] ?? 0;
    held.ids.push(ids[i] ?? '');
  }
  return out;
}
