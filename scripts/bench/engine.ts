/**
 * What the data service does with a large account's pages, against what JSON.parse of those pages
 * costs (issue #8: "work after JSON.parse ≤ 1 × parse"), and how much memory the held history and
 * the model take per status change. Run with --expose-gc for the memory figure:
 *
 *   node --expose-gc --import tsx scripts/bench/engine.ts [--leads 100000] [--changes 18] [--json]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readEventList, readLeadList } from '../../src/api';
import type { Pipeline } from '../../src/core';
import { buildFunnel, modelFromFacts, reportFromModel } from '../../src/core';
import { BUCKET_COUNT, createHistoryStore } from '../../src/sync';
import { pageText, syntheticLeads } from './synthetic';
import type { RawChange, RawLead } from './synthetic';

const NOW = Date.UTC(2026, 10, 26, 9) / 1000;
const DAY = 86_400;
const P = 3_104_455;
const STAGES = [
  5_233_221, 5_233_222, 5_233_223, 5_233_224, 5_233_225, 5_233_226, 5_233_227, 5_233_228,
];

const pipeline: Pipeline = {
  id: P,
  name: 'Bench',
  sort: 1,
  isMain: true,
  isArchive: false,
  statuses: [
    { id: 5_233_220, pipelineId: P, name: 'Incoming', sort: 5, type: 1, color: null },
    ...STAGES.map((id, i) => ({
      id,
      pipelineId: P,
      name: `Stage ${i}`,
      sort: 10 * (i + 1),
      type: 0,
      color: null,
    })),
    { id: 142, pipelineId: P, name: 'Won', sort: 10_000, type: 0, color: null },
    { id: 143, pipelineId: P, name: 'Lost', sort: 11_000, type: 0, color: null },
  ],
};

export interface EngineFigures {
  readonly leads: number;
  readonly events: number;
  readonly parseMs: number;
  readonly readMs: number;
  readonly mergeMs: number;
  readonly deriveMs: number;
  readonly packMs: number;
  readonly modelMs: number;
  readonly reportMs: number;
  readonly engineOverParse: number;
  readonly bytesPerEvent: number | null;
}

export async function measureEngine(leads: number, changesPerLead: number): Promise<EngineFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Typed arrays keep their contents outside the JS heap: both count. Their memory is given
  // back a little after the collection that drops them, so collect, wait, collect again.
  const retained = async () => {
    for (let k = 0; k < 3; k++) {
      gc?.();
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const baseline = await retained();
  const funnel = buildFunnel(pipeline);
  const store = createHistoryStore(P, null, funnel);
  store.allEventsLoaded(BUCKET_COUNT);
  const t = { parse: 0, read: 0, merge: 0 };
  let events = 0;
  const lap = (key: keyof typeof t, start: number) => {
    t[key] += performance.now() - start;
  };
  const feed = (
    key: 'leads' | 'events',
    items: readonly unknown[],
    page: number,
    last: boolean,
  ) => {
    const text = pageText(key, page, items, last);
    let s = performance.now();
    const body: unknown = JSON.parse(text);
    lap('parse', s);
    s = performance.now();
    if (key === 'leads') {
      const list = readLeadList(body);
      lap('read', s);
      s = performance.now();
      store.applyLeads(list);
    } else {
      const list = readEventList(body);
      lap('read', s);
      s = performance.now();
      store.applyChanges(list.changes);
      store.applyLifecycle(list.lifecycle);
      events += list.changes.length;
    }
    lap('merge', s);
  };
  const opts = {
    pipeline: { id: P, incoming: 5_233_220, stages: STAGES },
    leads,
    changesPerLead,
    now: NOW,
  };
  let batch: RawLead[] = [];
  let page = 0;
  for (const { lead } of syntheticLeads(opts)) {
    batch.push(lead);
    if (batch.length === 250) {
      feed('leads', batch, ++page, false);
      batch = [];
    }
  }
  if (batch.length > 0) feed('leads', batch, page + 1, true);
  let changes: RawChange[] = [];
  page = 0;
  for (const { changes: mine } of syntheticLeads(opts)) {
    for (const c of mine) {
      changes.push(c);
      if (changes.length === 100) {
        feed('events', changes, ++page, false);
        changes = [];
      }
    }
  }
  if (changes.length > 0) feed('events', changes, page + 1, true);

  let s = performance.now();
  store.derive();
  const deriveMs = performance.now() - s;
  s = performance.now();
  store.takeDirty();
  const packMs = performance.now() - s;
  s = performance.now();
  const model = modelFromFacts(funnel, pipeline, [], store.allFacts(), null);
  const modelMs = performance.now() - s;
  s = performance.now();
  reportFromModel(model, { from: NOW - 30 * DAY, to: NOW, now: NOW, includeOpenDeals: true });
  const reportMs = performance.now() - s;

  const held = (await retained()) - baseline;
  // Keep both alive up to the measurement.
  const alive = store.size() + model.facts.length;
  const work = t.read + t.merge + deriveMs + packMs + modelMs + reportMs;
  return {
    leads: alive > 0 ? store.size() : 0,
    events,
    parseMs: t.parse,
    readMs: t.read,
    mergeMs: t.merge,
    deriveMs,
    packMs,
    modelMs,
    reportMs,
    engineOverParse: work / t.parse,
    bytesPerEvent: gc ? held / events : null,
  };
}

if (process.argv[1]?.endsWith('engine.ts')) {
  const { values } = parseArgs({
    options: {
      leads: { type: 'string', default: '100000' },
      changes: { type: 'string', default: '18' },
      json: { type: 'boolean', default: false },
    },
  });
  void measureEngine(Number(values.leads), Number(values.changes)).then(figures => {
    process.stdout.write(
      `${values.json ? JSON.stringify(figures) : JSON.stringify(figures, null, 2)}\n`,
    );
  });
}
