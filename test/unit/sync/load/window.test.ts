/**
 * The window over a fake source: what it reads (the pipeline's leads created since its start,
 * its open leads, the changes into and out of it since then), the state it leaves (history from
 * the start, the backfill set up or not needed), and that this is exactly the data of "history
 * from T": the report over it equals the report over everything read as history from T.
 */
import { buildFunnel, buildReport, modelFromFacts, reportFromModel } from '../../../../src/core';
import type { LoadProgress } from '../../../../src/sync';
import { BUCKET_COUNT, createHistoryStore, loadWindow } from '../../../../src/sync';
import { START } from '../../../../src/sync/load/keyset';
import { FIRST_PAGE } from '../../../../src/sync/load/window';
import { pipelineP, pipelineQ } from '../../core/builders';
import { eventCalls, fakeHistory, fakeSource, keepingSink, leadCalls } from './fakeSource';

const P = pipelineP.id;
const NOW = 2_000_000;
const FROM = 1_500_000;

function setup(pipelines = [pipelineP, pipelineQ]) {
  const data = fakeHistory(11, 500, 0, NOW);
  const fake = fakeSource(data, { leadPage: 25, eventPage: 20 });
  const kept = keepingSink();
  const progress: LoadProgress[] = [];
  const load = {
    source: fake.source,
    pipeline: pipelineP,
    pipelines,
    sink: kept.sink,
    onProgress: (p: LoadProgress) => progress.push(p),
  };
  return { data, fake, kept, progress, load };
}

const closed = (statusId: number) => statusId === 142 || statusId === 143;

describe('loadWindow', () => {
  it('reads the pipeline’s leads created since the start, its open leads and the changes since', async () => {
    const s = setup();
    await loadWindow(s.load, FROM, NOW, null);
    const want = s.data.leads.filter(
      l => l.pipelineId === P && (l.createdAt >= FROM || !closed(l.statusId)),
    );
    const got = s.kept.leads.map(l => l.id);
    expect(got).toHaveLength(new Set(got).size);
    expect(got.sort((a, b) => a - b)).toEqual(want.map(l => l.id));
    const touching = s.data.changes.filter(
      e => e.createdAt >= FROM && (e.before?.pipelineId === P || e.after.pipelineId === P),
    );
    // Leads that came into the pipeline from another: their moves before that too (metrics.md
    // 11.4 times a first response from the first move anywhere).
    const arrived = new Map<number, number>();
    for (const e of touching)
      if (e.before?.pipelineId !== P && e.after.pipelineId === P)
        arrived.set(e.leadId, Math.max(arrived.get(e.leadId) ?? 0, e.createdAt));
    const earlier = s.data.changes.filter(
      e => e.createdAt >= FROM && e.createdAt <= (arrived.get(e.leadId) ?? -Infinity),
    );
    const wanted = new Set([...touching, ...earlier].map(e => e.id));
    expect(earlier.some(e => e.before?.pipelineId !== P && e.after.pipelineId !== P)).toBe(true);
    const ids = s.kept.changes.map(e => e.id);
    expect(new Set(ids)).toEqual(wanted);
    // Old closed leads and changes before the start are left for the backfill.
    expect(want.length).toBeLessThan(s.data.leads.filter(l => l.pipelineId === P).length);
    expect(leadCalls(s.fake.calls).every(c => c.filter.pipelineId === P)).toBe(true);
    expect(eventCalls(s.fake.calls).every(c => c.filter.createdFrom === FROM)).toBe(true);
  });

  it('leaves history from its start, synced at its end, the backfill set up from there', async () => {
    const s = setup();
    expect(await loadWindow(s.load, FROM, NOW, null)).toEqual({
      from: FROM,
      target: null,
      syncedAt: NOW,
      backfill: { to: FROM, into: FIRST_PAGE, out: FIRST_PAGE, closed: START, oldest: null },
    });
    expect((await loadWindow(s.load, FROM, NOW, FROM - 1)).backfill).not.toBeNull();
  });

  it.each([
    ['at', FROM],
    ['inside', FROM + 1000],
  ])('needs no backfill when the target is %s the window', async (_where, target) => {
    const s = setup();
    expect(await loadWindow(s.load, FROM, NOW, target)).toEqual({
      from: FROM,
      target,
      syncedAt: NOW,
      backfill: null,
    });
  });

  it('reads no out-of-pipeline list, and plans none, without another pipeline', async () => {
    const s = setup([pipelineP]);
    const state = await loadWindow(s.load, FROM, NOW, null);
    expect(state.backfill?.out).toBeNull();
    expect(eventCalls(s.fake.calls)).toHaveLength(
      eventCalls(s.fake.calls).filter(c => c.filter.beforeStatuses === undefined).length,
    );
  });

  it('reports progress through the stage, from the start to the end', async () => {
    const s = setup();
    await loadWindow(s.load, FROM, NOW, null);
    expect(s.progress).toHaveLength(s.fake.calls.length);
    const f = s.progress.map(p => p.fraction!);
    expect(f.every((x, i) => x >= 0 && x <= 1 && (i === 0 || x >= f[i - 1]!))).toBe(true);
    expect(f.at(-1)).toBeGreaterThan(0.9);
    expect(s.progress.at(-1)).toMatchObject({
      stage: 'window',
      requests: s.fake.calls.length,
      leads: s.kept.leads.length,
      changes: s.kept.changes.length,
    });
  });

  it('gives the numbers of the whole history read as history from its start', async () => {
    const s = setup();
    const funnel = buildFunnel(pipelineP);
    const store = createHistoryStore(P, null, funnel);
    store.allEventsLoaded(BUCKET_COUNT);
    const state = await loadWindow(
      {
        ...s.load,
        sink: {
          leads: list => store.applyLeads(list),
          changes: (list, life) => {
            store.applyChanges(list);
            store.applyLifecycle(life);
          },
        },
      },
      FROM,
      NOW,
      null,
    );
    store.setHistoryFrom(state.from);
    store.derive();
    const input = {
      pipeline: pipelineP,
      leads: s.data.leads,
      events: s.data.changes,
      lossReasons: [],
    };
    for (const from of [FROM, FROM + 100_000, NOW - 50_000]) {
      const options = { from, to: NOW, now: NOW, includeOpenDeals: true };
      const held = modelFromFacts(funnel, pipelineP, [], store.allFacts(), state.from);
      const report = reportFromModel(held, options);
      expect(report).toEqual(buildReport({ ...input, historyFrom: FROM }, options));
      expect(report.totals.deals).toBeGreaterThan(5);
      expect(report.openDeals?.length).toBeGreaterThan(5);
    }
    expect(store.size()).toBeGreaterThan(50);
  });
});
