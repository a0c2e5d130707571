/**
 * updateModel against a model built afresh: random histories, a random few (or many) leads
 * changed, added or removed, and every report — several windows, horizons, a loaded history —
 * must come out as modelFromHistories over the new histories gives it. Both ways are taken:
 * the incremental one (at most 5% of the leads touched) and the rebuild.
 */
import fc from 'fast-check';
import {
  buildFunnel,
  buildVisits,
  leadFacts,
  modelFromHistories,
  orderEvents,
  reportFromModel,
  updateModel,
} from '../../../src/core';
import type { FunnelModel, LeadFacts, LeadHistory, ReportOptions } from '../../../src/core';
import { A, at, B, lead, LOST, mv, P, pipelineP, WON } from './builders';
import { leadArb, materialise } from './randomData';
import type { LeadSpec } from './randomData';

const FUNNEL = buildFunnel(pipelineP);
/** What the store hands the model for a lead it derived again. */
const factsOf = (h: LeadHistory): LeadFacts => leadFacts(FUNNEL, h.lead, h.visits);

const windowArb = fc.record({
  from: fc.integer({ min: -2400, max: 2400 }),
  len: fc.integer({ min: 1, max: 4800 }),
  horizon: fc.integer({ min: 90, max: 300 }),
});
type Window = typeof windowArb extends fc.Arbitrary<infer T> ? T : never;

/** Pipeline histories as the store derives them, keyed by lead id (ids given, not 1…n). */
function histories(
  specs: readonly (readonly [number, LeadSpec])[],
  historyFrom: number | null,
): Map<number, LeadHistory> {
  const out = new Map<number, LeadHistory>();
  for (const [id, spec] of specs) {
    const { leads, events } = materialise([spec]);
    const l = { ...leads[0]!, id };
    if (l.pipelineId !== P || l.isDeleted) continue;
    const closed = l.statusId === WON || l.statusId === LOST;
    if (historyFrom !== null && l.createdAt < historyFrom && closed) continue;
    const own = events
      .map(e => ({ ...e, id: `${id}:${e.id}`, leadId: id }))
      .filter(e => historyFrom === null || e.createdAt >= historyFrom);
    out.set(id, { lead: l, visits: buildVisits(l, orderEvents(own), historyFrom) });
  }
  return out;
}

/** A window, and horizons that cut through the history (it spans hours -2400…2800). */
const reportOptions = (w: Window): ReportOptions[] => [
  { from: at(w.from), to: at(w.from + w.len), now: at(5000), minSample: 1, includeOpenDeals: true },
  { from: at(-2400), to: at(2600), now: at(5000), horizonDays: w.horizon },
  { from: at(w.from), to: at(w.from + w.len), now: at(3000), horizonDays: 150, stuckDays: 2 },
];

const edits = fc.array(
  fc.record({
    kind: fc.constantFrom('change', 'add', 'remove'),
    pick: fc.nat(),
    spec: leadArb,
  }),
  { minLength: 1, maxLength: 60 },
);

function check(
  base: LeadSpec[],
  list: { kind: string; pick: number; spec: LeadSpec }[],
  w: Window,
  historyFrom: number | null,
  wantRebuild: boolean | 'by share',
): boolean {
  const before = new Map(base.map((s, k) => [k + 1, s] as const));
  const after = new Map(before);
  let next = base.length + 1;
  for (const e of list) {
    const ids = [...after.keys()];
    const id = ids[e.pick % Math.max(ids.length, 1)];
    if (e.kind === 'add' || id === undefined) after.set(next++, e.spec);
    else if (e.kind === 'change') after.set(id, e.spec);
    else after.delete(id);
  }
  const old = histories([...before], historyFrom);
  const now = histories([...after], historyFrom);
  const touched = new Set([...after].filter(([id, s]) => before.get(id) !== s).map(([id]) => id));
  const change = {
    changed: [...touched].filter(id => now.has(id)).map(id => factsOf(now.get(id)!)),
    removed: [...old.keys()].filter(id => !now.has(id)),
  };
  const model: FunnelModel = modelFromHistories(pipelineP, [], [...old.values()], historyFrom);
  let rebuilt = false;
  const updated = updateModel(model, change, () => {
    rebuilt = true;
    return [...now.values()].map(factsOf);
  });
  const fresh = modelFromHistories(pipelineP, [], [...now.values()], historyFrom);
  const share = (change.changed.length + change.removed.length) / Math.max(old.size, 1);
  expect(rebuilt).toBe(wantRebuild === 'by share' ? share > 0.05 : wantRebuild);
  expect(updated.facts.map(f => f.lead.id)).toEqual(fresh.facts.map(f => f.lead.id));
  expect(updated.byCreated.map(f => f.lead.id)).toEqual(fresh.byCreated.map(f => f.lead.id));
  expect([...updated.factsById.keys()].sort()).toEqual([...fresh.factsById.keys()].sort());
  expect(updated.facts).toEqual(fresh.facts);
  // Each stage's samples stay ordered by their end (the horizon cut is a binary search).
  for (const c of updated.completed) expect([...c.ends]).toEqual([...c.ends].sort((a, b) => a - b));
  for (const options of reportOptions(w))
    expect(reportFromModel(updated, options)).toEqual(reportFromModel(fresh, options));
  return rebuilt;
}

const historyFromArb = fc.option(fc.integer({ min: -2400, max: 2400 }).map(at), { nil: null });

describe('updateModel', () => {
  it('gives the reports of a fresh model when a few leads changed (incremental)', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 60, maxLength: 160 }),
        edits,
        windowArb,
        historyFromArb,
        (base, list, w, historyFrom) => {
          // At most 5% of the pipeline's leads touched: below what switches to a rebuild.
          const held = histories(
            [...base.entries()].map(([k, s]) => [k + 1, s]),
            historyFrom,
          );
          const few = Math.floor(0.05 * held.size);
          fc.pre(few >= 1);
          check(base, list.slice(0, few), w, historyFrom, false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the reports of a fresh model when many leads changed (rebuild)', () => {
    let rebuilds = 0;
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 1, maxLength: 40 }),
        edits,
        windowArb,
        historyFromArb,
        (base, list, w, historyFrom) => {
          if (check(base, list, w, historyFrom, 'by share')) rebuilds++;
        },
      ),
      { numRuns: 100 },
    );
    expect(rebuilds).toBeGreaterThan(50);
  });

  it('rebuilds above 5% of the leads touched, and only then', () => {
    const many = Array.from({ length: 40 }, (_, k) => ({
      lead: lead(k + 1, { createdAt: at(k) }),
      visits: buildVisits(lead(k + 1, { createdAt: at(k) }), []),
    }));
    const model = modelFromHistories(pipelineP, [], many, null);
    const moved = (id: number): LeadHistory => {
      const l = lead(id, { createdAt: at(id - 1), statusId: B, updatedAt: at(50) });
      return { lead: l, visits: buildVisits(l, [mv(id, 50, A, B, `m${id}`)]) };
    };
    const all = jest.fn(() => many.map(factsOf));
    const two = [moved(1), moved(2)].map(factsOf);
    updateModel(model, { changed: two, removed: [] }, all);
    expect(all).not.toHaveBeenCalled();
    updateModel(model, { changed: two, removed: [3] }, all);
    expect(all).toHaveBeenCalledTimes(1);
    expect(updateModel(model, { changed: [], removed: [] }, all)).toBe(model);
  });

  it('takes out the very sample a removed lead had, among others ending at the same time', () => {
    const visit = (id: number, created: number): LeadHistory => {
      const l = lead(id, { createdAt: at(created), statusId: B, updatedAt: at(10) });
      return { lead: l, visits: buildVisits(l, [mv(id, 10, A, B, `y${id}`)]) };
    };
    // Lead 1 spent 10 h at A, lead 2 spent 4 h; both left it at hour 10.
    const others = Array.from({ length: 38 }, (_, k) => visit(k + 3, -k - 1));
    const model = modelFromHistories(pipelineP, [], [visit(1, 0), visit(2, 6), ...others], null);
    const a = model.funnel.stages.findIndex(s => s.id === A);
    const updated = updateModel(model, { changed: [], removed: [2] }, () => []);
    const hours = [...updated.completed[a]!.hours];
    expect(hours).toContain(10);
    expect(hours).not.toContain(4);
    expect(hours).toHaveLength(39);
  });

  it('keeps the stage samples a moved lead completed, and drops the ones it no longer has', () => {
    const l = (id: number) => lead(id, { createdAt: at(0), statusId: B, updatedAt: at(10) });
    const hist = (id: number, end: number): LeadHistory => ({
      lead: l(id),
      visits: buildVisits(l(id), [mv(id, end, A, B, `x${id}`)]),
    });
    const base = Array.from({ length: 40 }, (_, k) => hist(k + 1, 10));
    const model = modelFromHistories(pipelineP, [], base, null);
    const a = model.funnel.stages.findIndex(s => s.id === A);
    const updated = updateModel(model, { changed: [factsOf(hist(5, 20))], removed: [7] }, () => []);
    expect([...updated.completed[a]!.hours].sort((x, y) => x - y)).toEqual([
      ...Array.from({ length: 38 }, () => 10),
      20,
    ]);
    expect([...updated.completed[a]!.ends]).toEqual([
      ...Array.from({ length: 38 }, () => at(10)),
      at(20),
    ]);
  });
});
