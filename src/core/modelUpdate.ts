/**
 * A model brought up to date after a few leads changed, without deriving the facts of the others
 * again: what a background refresh of a large account costs is then the changed leads, not the
 * whole history.
 */
import type { LeadFacts } from './facts';
import type { CompletedVisits, FunnelModel } from './model';
import { modelFromFacts } from './model';

/** Past this share of changed leads, building the model afresh is as cheap and simpler. */
const REBUILD_SHARE = 0.05;

export interface ModelChange {
  /** The facts of leads new or changed. */
  readonly changed: readonly LeadFacts[];
  readonly removed: readonly number[];
}

/**
 * The model after `change`. `all` gives every held lead's facts, for when rebuilding is the
 * cheaper way (many leads changed).
 */
export function updateModel(
  model: FunnelModel,
  change: ModelChange,
  all: () => readonly LeadFacts[],
): FunnelModel {
  const touched = change.changed.length + change.removed.length;
  if (touched === 0) return model;
  if (touched > REBUILD_SHARE * Math.max(model.facts.length, 1)) {
    return modelFromFacts(
      model.funnel,
      model.pipeline,
      model.lossReasons,
      all(),
      model.historyFrom,
    );
  }
  const gone = new Set<number>(change.removed);
  for (const f of change.changed) gone.add(f.lead.id);
  const fresh = change.changed;
  const factsById = new Map(model.factsById);
  const completed = model.completed.map(c => ({ ends: [...c.ends], hours: [...c.hours] }));
  for (const id of gone) {
    const old = factsById.get(id);
    if (old) takeCompleted(completed, old);
    factsById.delete(id);
  }
  for (const f of fresh) {
    factsById.set(f.lead.id, f);
    putCompleted(completed, f);
  }
  const byId = (a: LeadFacts, b: LeadFacts) => a.lead.id - b.lead.id;
  const byCreation = (a: LeadFacts, b: LeadFacts) =>
    a.lead.createdAt - b.lead.createdAt || a.lead.id - b.lead.id;
  return {
    ...model,
    facts: merged(model.facts, gone, fresh, byId),
    factsById,
    byCreated: merged(model.byCreated, gone, fresh, byCreation),
    completed: completed.map((c): CompletedVisits => ({
      ends: Float64Array.from(c.ends),
      hours: Float64Array.from(c.hours),
    })),
  };
}

/** `list` without the leads in `gone`, with `added` merged in, both in `order`. */
function merged(
  list: readonly LeadFacts[],
  gone: ReadonlySet<number>,
  added: readonly LeadFacts[],
  order: (a: LeadFacts, b: LeadFacts) => number,
): LeadFacts[] {
  const extra = [...added].sort(order);
  const out: LeadFacts[] = [];
  let k = 0;
  for (const f of list) {
    if (gone.has(f.lead.id)) continue;
    while (k < extra.length && order(extra[k] as LeadFacts, f) < 0)
      out.push(extra[k++] as LeadFacts);
    out.push(f);
  }
  while (k < extra.length) out.push(extra[k++] as LeadFacts);
  return out;
}

type Pairs = { ends: number[]; hours: number[] };

/** Removes one lead's completed visits from the per-stage lists (ordered by end). */
function takeCompleted(completed: Pairs[], f: LeadFacts): void {
  f.completedStages.forEach((i, k) => {
    const c = completed[i];
    const end = f.completedEnds[k] ?? 0;
    const hours = f.completedHours[k] ?? 0;
    if (!c) return;
    for (let at = lowerBound(c.ends, end); at < c.ends.length && c.ends[at] === end; at++) {
      if (c.hours[at] !== hours) continue;
      c.ends.splice(at, 1);
      c.hours.splice(at, 1);
      return;
    }
  });
}

function putCompleted(completed: Pairs[], f: LeadFacts): void {
  f.completedStages.forEach((i, k) => {
    const c = completed[i];
    if (!c) return;
    const end = f.completedEnds[k] ?? 0;
    const at = upperBound(c.ends, end);
    c.ends.splice(at, 0, end);
    c.hours.splice(at, 0, f.completedHours[k] ?? 0);
  });
}

function lowerBound(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
