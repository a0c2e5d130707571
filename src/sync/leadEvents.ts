/**
 * One lead's status changes held compactly: six numbers per change in one typed array and the ids
 * beside it. A million changes as objects cost ~250 bytes each; this costs about half, and the
 * objects exist only while a lead's visits are derived again.
 */
import type { PackedEvents, StatusChange } from '../core';

const WIDTH = 6;

export interface LeadEvents {
  readonly ids: string[];
  /** createdAt, beforePipeline, beforeStatus, afterPipeline, afterStatus, leadId per change. */
  cols: Float64Array;
}

export function emptyLeadEvents(): LeadEvents {
  return { ids: [], cols: new Float64Array(0) };
}

/** Adds the changes whose ids are new; true when any was. */
export function addChanges(held: LeadEvents, changes: readonly StatusChange[]): boolean {
  const seen = new Set(held.ids);
  const fresh = changes.filter(e => !seen.has(e.id) && Boolean(seen.add(e.id)));
  if (fresh.length === 0) return false;
  const start = held.ids.length;
  const cols = new Float64Array((start + fresh.length) * WIDTH);
  cols.set(held.cols);
  fresh.forEach((e, k) => {
    const at = (start + k) * WIDTH;
    cols[at] = e.createdAt;
    cols[at + 1] = e.before.pipelineId;
    cols[at + 2] = e.before.statusId;
    cols[at + 3] = e.after.pipelineId;
    cols[at + 4] = e.after.statusId;
    cols[at + 5] = e.leadId;
    held.ids.push(e.id);
  });
  held.cols = cols;
  return true;
}

/** The held changes as objects, for §4's ordering. */
export function changesOf(held: LeadEvents): StatusChange[] {
  return held.ids.map((id, k) => {
    const at = k * WIDTH;
    const c = held.cols;
    return {
      id,
      leadId: c[at + 5] ?? 0,
      createdAt: c[at] ?? 0,
      before: { pipelineId: c[at + 1] ?? 0, statusId: c[at + 2] ?? 0 },
      after: { pipelineId: c[at + 3] ?? 0, statusId: c[at + 4] ?? 0 },
    };
  });
}

/** Many leads' changes as one packed record (the cache's events of a bucket). */
export function packLeadEvents(all: Iterable<LeadEvents>): PackedEvents {
  const list = [...all];
  const count = list.reduce((n, h) => n + h.ids.length, 0);
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
  for (const h of list) {
    for (let k = 0; k < h.ids.length; k++, i++) {
      const at = k * WIDTH;
      p.createdAt[i] = h.cols[at] ?? 0;
      p.beforePipeline[i] = h.cols[at + 1] ?? 0;
      p.beforeStatus[i] = h.cols[at + 2] ?? 0;
      p.afterPipeline[i] = h.cols[at + 3] ?? 0;
      p.afterStatus[i] = h.cols[at + 4] ?? 0;
      p.leadId[i] = h.cols[at + 5] ?? 0;
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
  for (const [lead, n] of counts) out.set(lead, { ids: [], cols: new Float64Array(n * WIDTH) });
  for (let i = 0; i < p.count; i++) {
    const held = out.get(p.leadId[i] ?? 0);
    if (!held) continue;
    const at = held.ids.length * WIDTH;
    held.cols[at] = p.createdAt[i] ?? 0;
    held.cols[at + 1] = p.beforePipeline[i] ?? 0;
    held.cols[at + 2] = p.beforeStatus[i] ?? 0;
    held.cols[at + 3] = p.afterPipeline[i] ?? 0;
    held.cols[at + 4] = p.afterStatus[i] ?? 0;
    held.cols[at + 5] = p.leadId[i] ?? 0;
    held.ids.push(ids[i] ?? '');
  }
  return out;
}
