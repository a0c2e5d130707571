/**
 * The backfill over a fake source: how far each list's cursor says history is held, the list
 * lagging furthest read next so the held history moves back steadily, the pipeline's oldest lead
 * read once, completion, and steps resumed from saved cursors reading what one long step reads.
 */
import type { Backfill, HistoryState, KeysetCursor, PageCursor } from '../../../../src/sync';
import { backfillStep, heldFrom } from '../../../../src/sync/load/backfill';
import { START } from '../../../../src/sync/load/keyset';
import type { LoadProgress } from '../../../../src/sync';
import { FIRST_PAGE } from '../../../../src/sync/load/window';
import type { StatusChange } from '../../../../src/core';
import { A, pipelineP, pipelineQ } from '../../core/builders';
import { eventCalls, fakeHistory, fakeSource, keepingSink, leadCalls } from './fakeSource';
import type { Call } from './fakeSource';

const P = pipelineP.id;
const TO = 1_000_000;
const NOW = 1_100_000;

function stateWith(over: Partial<Backfill> = {}, target: number | null = null): HistoryState {
  return {
    from: TO,
    target,
    syncedAt: NOW,
    backfill: { to: TO, into: FIRST_PAGE, out: FIRST_PAGE, closed: START, oldest: null, ...over },
  };
}

const page = (oldest: number | null, done = false, n = 2): PageCursor => ({
  page: n,
  oldest,
  done,
});
const keyset = (boundary: number | null, done = false): KeysetCursor => ({
  boundary,
  atBoundary: [],
  done,
});

describe('heldFrom', () => {
  it('is the window’s start before any page, and the state’s own start once done', () => {
    expect(heldFrom(stateWith())).toBe(TO);
    expect(heldFrom({ ...stateWith(), from: 5, backfill: null })).toBe(5);
    expect(heldFrom({ ...stateWith(), from: null, backfill: null })).toBeNull();
  });

  it('is the latest start among the lists: the oldest time each has read past, plus one', () => {
    const s = stateWith({ into: page(500), out: page(700), closed: keyset(600) });
    expect(heldFrom(s)).toBe(701);
    expect(heldFrom(stateWith({ into: page(500), out: page(400), closed: keyset(600) }))).toBe(601);
    expect(heldFrom(stateWith({ into: page(800), out: page(400), closed: keyset(600) }))).toBe(801);
  });

  it('counts a finished list as held down to the target, and a missing out list likewise', () => {
    const all = stateWith({ into: page(null, true), out: null, closed: keyset(null, true) }, 300);
    expect(heldFrom(all)).toBe(300);
    const none = stateWith({ into: page(null, true), out: null, closed: keyset(null, true) });
    expect(heldFrom(none)).toBeNull();
    expect(heldFrom(stateWith({ into: page(null, true), out: null, closed: keyset(450) }))).toBe(
      451,
    );
  });

  it('holds nothing of a list read by page number until it is done', () => {
    const paged: KeysetCursor = { ...START, page: 7 };
    expect(heldFrom(stateWith({ into: page(100), out: page(100), closed: paged }))).toBe(TO);
    const done: KeysetCursor = { ...paged, done: true };
    expect(heldFrom(stateWith({ into: page(100), out: page(100), closed: done }, 50))).toBe(101);
  });
});

type Lane = 'into' | 'out' | 'closed' | 'oldest' | 'arrivals';
function laneOf(c: Call): Lane {
  if (c.kind === 'leads') return c.filter.statuses === undefined ? 'oldest' : 'closed';
  if (c.kind !== 'events') throw new Error(`unexpected ${c.kind}`);
  if (c.filter.entityIds !== undefined) return 'arrivals';
  return c.filter.beforeStatuses === undefined ? 'into' : 'out';
}

/** Changes in `range` of the leads that came into P from another pipeline, up to their arrival. */
function beforeArrival(changes: readonly StatusChange[], inRange: (t: number) => boolean) {
  const arrived = new Map<number, number>();
  for (const e of changes)
    if (inRange(e.createdAt) && e.before?.pipelineId !== P && e.after.pipelineId === P)
      arrived.set(e.leadId, Math.max(arrived.get(e.leadId) ?? 0, e.createdAt));
  return changes.filter(
    e => inRange(e.createdAt) && e.createdAt <= (arrived.get(e.leadId) ?? -Infinity),
  );
}

function setup(target: number | null = null, options = { leadPage: 20, eventPage: 10 }) {
  const data = fakeHistory(7, 400, 0, NOW);
  const fake = fakeSource(data, options);
  const kept = keepingSink();
  const progress: LoadProgress[] = [];
  const load = {
    source: fake.source,
    pipeline: pipelineP,
    pipelines: [pipelineP, pipelineQ],
    sink: kept.sink,
    onProgress: (p: LoadProgress) => progress.push(p),
  };
  return { data, fake, kept, progress, load, state: stateWith({}, target) };
}

/** Runs steps of `n` requests, each from the state saved as JSON (as the cache keeps it). */
async function stepwise(s: ReturnType<typeof setup> & { callsAfter?: number[] }, n: number) {
  let state = s.state;
  const states: HistoryState[] = [];
  s.callsAfter = [];
  for (let i = 0; state.backfill !== null; i++) {
    if (i > 1000) throw new Error('does not end');
    state = JSON.parse(JSON.stringify(await backfillStep(s.load, state, n))) as HistoryState;
    states.push(state);
    s.callsAfter.push(s.fake.calls.length);
  }
  return states;
}

describe('backfillStep', () => {
  it('reads exactly the older history: closed leads and changes into and out of the pipeline', async () => {
    const s = setup(200_000);
    // At the window's first second: the window read these.
    s.data.leads.push({ ...s.data.leads[0]!, id: 9001, statusId: 142, createdAt: TO });
    s.data.changes.push({
      id: 'at-window',
      leadId: 9001,
      createdAt: TO,
      before: { pipelineId: P, statusId: A },
      after: { pipelineId: P, statusId: 142 },
    });
    await stepwise(s, 1000);
    const inRange = (t: number) => t >= 200_000 && t < TO;
    const closed = s.data.leads.filter(
      l => l.pipelineId === P && (l.statusId === 142 || l.statusId === 143) && inRange(l.createdAt),
    );
    expect(s.kept.leads.map(l => l.id).sort((a, b) => a - b)).toEqual(closed.map(l => l.id));
    const touching = s.data.changes.filter(
      e => inRange(e.createdAt) && (e.after.pipelineId === P || e.before?.pipelineId === P),
    );
    // And the moves elsewhere of leads before they came into the pipeline (metrics.md 11.4).
    const earlier = beforeArrival(s.data.changes, inRange);
    expect(earlier.some(e => e.before?.pipelineId !== P && e.after.pipelineId !== P)).toBe(true);
    const got = s.kept.changes.map(e => e.id);
    // All of those; besides them only other changes (in range) of the arrived leads, which a
    // request for ten leads at once brings up to the latest of their arrivals.
    expect(got).toEqual(expect.arrayContaining([...touching, ...earlier].map(e => e.id)));
    const arrivedIds = new Set(earlier.map(e => e.leadId));
    const wanted = new Set(touching.map(e => e.id));
    const extra = s.kept.changes.filter(e => !wanted.has(e.id));
    expect(extra.every(e => arrivedIds.has(e.leadId) && inRange(e.createdAt))).toBe(true);
    // Into and out of the pipeline are apart: only those arrivals' changes come twice.
    const twice = got.filter((id, i) => got.indexOf(id) !== i);
    const arrivedLeads = new Set(earlier.map(e => e.leadId));
    const theirs = new Set(s.data.changes.filter(e => arrivedLeads.has(e.leadId)).map(e => e.id));
    expect(twice.every(id => theirs.has(id))).toBe(true);
    expect(closed.length).toBeGreaterThan(20);
    expect(touching.length).toBeGreaterThan(50);
  });

  it('reads the lane lagging furthest behind, so the history held moves back steadily', async () => {
    const s = setup(null);
    const states = await stepwise(s, 1);
    // A step reads one page of its lane, then the histories of the leads that page saw arrive.
    const lanes = s.fake.calls.map(laneOf).filter(lane => lane !== 'arrivals');
    expect(lanes[0]).toBe('oldest');
    // Each step read the lane whose held start was the latest before it.
    // Step 0 read only the oldest lead; step i reads lanes[i] from the state step i - 1 left.
    states.slice(0, -1).forEach((before, i) => {
      const lane = lanes[i + 1];
      const b = before.backfill!;
      const floor = Number.NEGATIVE_INFINITY;
      const start = (c: PageCursor | KeysetCursor | null) =>
        c === null || c.done
          ? floor
          : 'boundary' in c
            ? c.boundary === null
              ? TO
              : c.boundary + 1
            : c.oldest === null
              ? TO
              : c.oldest + 1;
      const starts = { into: start(b.into), out: start(b.out), closed: start(b.closed) };
      expect(starts[lane as 'into']).toBe(Math.max(...Object.values(starts)));
    });
    const froms = states.map(x => x.from);
    for (let i = 1; i < froms.length; i++)
      expect(froms[i] ?? Number.NEGATIVE_INFINITY).toBeLessThanOrEqual(froms[i - 1]!);
    expect(new Set(lanes)).toEqual(new Set(['oldest', 'into', 'out', 'closed']));
    expect(s.fake.calls.some(c => laneOf(c) === 'arrivals')).toBe(true);
  });

  it('with no target, reads the pipeline’s oldest lead once, for the progress estimate', async () => {
    const s = setup(null);
    const states = await stepwise(s, 3);
    const oldest = leadCalls(s.fake.calls).filter(c => c.filter.statuses === undefined);
    expect(oldest).toEqual([
      {
        kind: 'leads',
        filter: { pipelineId: P, order: { field: 'created_at', direction: 'asc' } },
        page: 1,
      },
    ]);
    const first = Math.min(...s.data.leads.filter(l => l.pipelineId === P).map(l => l.createdAt));
    expect(states[0]?.backfill?.oldest).toBe(first);
    // Progress goes from the window back to that lead.
    const fractions = s.progress.map(p => p.fraction ?? -1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(s.progress.at(-1)?.fraction).toBe(1);
    expect(s.progress.every(p => p.stage === 'backfill')).toBe(true);
  });

  it('with a target, never asks for the oldest lead and reads nothing before the target', async () => {
    const s = setup(500_000);
    await stepwise(s, 5);
    expect(leadCalls(s.fake.calls).every(c => c.filter.statuses !== undefined)).toBe(true);
    expect(leadCalls(s.fake.calls).every(c => c.filter.createdFrom === 500_000)).toBe(true);
    expect(eventCalls(s.fake.calls).every(c => c.filter.createdFrom === 500_000)).toBe(true);
    expect(s.kept.changes.every(e => e.createdAt >= 500_000 && e.createdAt < TO)).toBe(true);
  });

  it.each([
    ['a target', 300_000],
    ['all history', null],
  ])('ends with %s held: from = target, no backfill left', async (_name, target) => {
    const s = setup(target);
    const states = await stepwise(s, 4);
    expect(states.at(-1)).toEqual({ from: target, target, syncedAt: NOW, backfill: null });
    expect(states.slice(0, -1).every(x => x.backfill !== null)).toBe(true);
    // A finished state is left as it is.
    const calls = s.fake.calls.length;
    expect(await backfillStep(s.load, states.at(-1)!, 10)).toEqual(states.at(-1));
    expect(s.fake.calls).toHaveLength(calls);
  });

  it('goes on from saved cursors: steps read what one long step reads, nothing twice', async () => {
    const whole = setup(null);
    await stepwise(whole, 100_000);
    const steps: ReturnType<typeof setup> & { callsAfter?: number[] } = setup(null);
    const states = await stepwise(steps, 3);
    expect(states.length).toBeGreaterThan(10);
    // The same pages in the same order; the arrivals are read per step, so in other batches.
    const pages = (calls: Call[]) => calls.filter(c => laneOf(c) !== 'arrivals');
    expect(pages(steps.fake.calls)).toEqual(pages(whole.fake.calls));
    const touching = (changes: readonly StatusChange[]) =>
      new Set(
        changes.filter(e => e.before?.pipelineId === P || e.after.pipelineId === P).map(e => e.id),
      );
    expect(touching(steps.kept.changes)).toEqual(touching(whole.kept.changes));
    const arrivedIds = (kept: readonly StatusChange[]) =>
      new Set(
        beforeArrival(kept, () => true)
          .filter(e => e.before?.pipelineId !== P && e.after.pipelineId !== P)
          .map(e => e.id),
      );
    expect(arrivedIds(steps.kept.changes)).toEqual(arrivedIds(whole.kept.changes));
    expect(steps.kept.leads).toEqual(whole.kept.leads);
    // Each step kept to its budget: a page is read only while fewer than 3 requests were made;
    // past it go only the histories of the leads its last page saw arrive.
    const bounds = [0, ...(steps.callsAfter ?? [])];
    for (let i = 1; i < bounds.length; i++) {
      const mine = steps.fake.calls.slice(bounds[i - 1], bounds[i]);
      mine.forEach((c, k) => {
        if (laneOf(c) !== 'arrivals') expect(k).toBeLessThan(3);
      });
    }
    expect(steps.fake.calls.some(c => laneOf(c) === 'arrivals')).toBe(true);
  });

  it('ends though the other pipelines were deleted while it ran (the out list has no filter)', async () => {
    const s = setup(null);
    const started = await backfillStep(s.load, s.state, 3);
    expect(started.backfill?.out).not.toBeNull();
    const load = { ...s.load, pipelines: [pipelineP] };
    const states = await stepwise({ ...s, load, state: started }, 3);
    expect(states.at(-1)).toMatchObject({ from: null, backfill: null });
    expect(states.length).toBeLessThan(100);
  });

  it('reads no out-of-pipeline list when the account has no other pipeline', async () => {
    const s = setup(null);
    const load = { ...s.load, pipelines: [pipelineP] };
    const state = stepwise({ ...s, load, state: stateWith({ out: null }) }, 1000);
    await state;
    expect(eventCalls(s.fake.calls).every(c => c.filter.beforeStatuses === undefined)).toBe(true);
  });
});
