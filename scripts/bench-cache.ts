/**
 * What the scope stores cost at issue #8's scale: 100k leads, 1M status changes and ~1.1M visits
 * in 64 buckets. Prints a full save, a load (cores only), loadEvents of one bucket and the
 * one-bucket save an incremental refresh makes, which should cost ~1/64 of a full save.
 * `npx tsx scripts/bench-cache.ts [--leads N] [--events N] [--visits N] [--runs N]`.
 *
 * IndexedDB here is fake-indexeddb in Node: far slower than Chromium's, so only the ratios mean
 * something; Chromium figures come from a browser run. Timings belong in a benchmark, not tests.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { PackedEvents } from '../src/core';
import { BUCKET_COUNT, bucketOf, createMemoryStore } from '../src/sync';
import type { BucketCore, CacheScope, ScopeChange, ScopeMeta, ScopeStore } from '../src/sync';
import { openIdbStore } from '../src/sync/idb';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    events: { type: 'string', default: '1000000' },
    visits: { type: 'string', default: '1100000' },
    runs: { type: 'string', default: '3' },
  },
});
const LEADS = Number(values.leads);
const EVENTS = Number(values.events);
const VISITS = Number(values.visits);
const RUNS = Number(values.runs);

const T0 = 1_767_225_600;
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const int = (n: number) => Math.floor(rand() * n);
const ULID = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const eventId = () => Array.from({ length: 26 }, () => ULID[int(32)]).join('');

/** `n` items spread over the leads: item i belongs to the i-th lead id of the bucket, round robin. */
function leadIdsFor(ids: readonly number[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ids[Math.floor((i * ids.length) / n)] ?? 0;
  return out;
}

const f64 = (n: number, value: () => number) => Float64Array.from({ length: n }, value);
const u32 = (n: number, value: () => number) => Uint32Array.from({ length: n }, value);

/** Bucket `b` of the scope: its share of leads, events and visits as random packed columns. */
function bucket(b: number): { core: BucketCore; events: PackedEvents } {
  const ids: number[] = [];
  for (let id = b === 0 ? BUCKET_COUNT : b; id <= LEADS; id += BUCKET_COUNT) ids.push(id);
  const n = ids.length;
  const e = Math.round((EVENTS * n) / LEADS);
  const v = Math.round((VISITS * n) / LEADS);
  const time = () => T0 - int(365 * 86_400);
  const core: BucketCore = {
    leads: {
      count: n,
      names: JSON.stringify(ids.map(id => `Deal #${id} for customer ${int(10_000)}`)),
      id: Float64Array.from(ids),
      pipelineId: f64(n, () => 1),
      statusId: f64(n, () => 100 + int(10)),
      createdAt: f64(n, time),
      updatedAt: f64(n, time),
      closedAt: f64(n, () => (rand() < 0.5 ? Number.NaN : time())),
      price: f64(n, () => int(1_000_000)),
      responsibleUserId: f64(n, () => int(50)),
      lossReasonId: f64(n, () => Number.NaN),
      isDeleted: new Uint8Array(n),
    },
    visits: {
      count: v,
      leadId: leadIdsFor(ids, v),
      pipelineId: u32(v, () => 1),
      statusId: u32(v, () => 100 + int(10)),
      start: f64(v, time),
      end: f64(v, () => (rand() < 0.1 ? Number.NaN : time())),
      fromPipeline: u32(v, () => 1),
      fromStatus: u32(v, () => 100 + int(10)),
      censored: new Uint8Array(v),
    },
  };
  const events: PackedEvents = {
    count: e,
    ids: JSON.stringify(Array.from({ length: e }, eventId)),
    leadId: leadIdsFor(ids, e),
    createdAt: f64(e, time),
    beforePipeline: f64(e, () => 1),
    beforeStatus: f64(e, () => 100 + int(10)),
    afterPipeline: f64(e, () => 1),
    afterStatus: f64(e, () => 100 + int(10)),
  };
  return { core, events };
}

function bytes(record: object): number {
  return Object.values(record).reduce<number>(
    (sum, v) =>
      sum + (ArrayBuffer.isView(v) ? v.byteLength : typeof v === 'string' ? 2 * v.length : 0),
    0,
  );
}

const SCOPE: CacheScope = { accountId: 1, userId: 1, pipelineId: 1 };
const META: ScopeMeta = {
  pipelineId: 1,
  account: {
    id: 1,
    name: 'Bench',
    subdomain: 'bench',
    currentUserId: 1,
    timezone: 'Europe/Moscow',
    currency: 'RUB',
    currencySymbol: '₽',
    usersGroups: [],
  },
  pipelines: [],
  users: null,
  lossReasons: [],
  metaAt: T0,
  history: { from: null, target: null, backfill: null, syncedAt: T0 },
};

/** The median of `runs` timings of `run`, in ms. */
async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

type Built = Map<number, { core: BucketCore; events: PackedEvents }>;

async function bench(name: string, store: ScopeStore, built: Built): Promise<void> {
  const full: ScopeChange = {
    meta: META,
    cores: new Map([...built].map(([b, d]) => [b, d.core])),
    events: new Map([...built].map(([b, d]) => [b, d.events])),
    replace: true,
  };
  // The bucket a one-lead change rewrites: its whole core and events, nothing else.
  const one = bucketOf(4242);
  const changed = built.get(one);
  if (changed === undefined) throw new Error(`bucket ${one} was not built`);
  const incremental: ScopeChange = {
    meta: META,
    cores: new Map([[one, changed.core]]),
    events: new Map([[one, changed.events]]),
    replace: false,
  };
  const rows: [string, number][] = [
    ['full save (64 buckets, replace)', await median(RUNS, () => store.save(SCOPE, full))],
    ['load (meta + 64 cores)', await median(RUNS, () => store.load(SCOPE))],
    ['loadEvents (1 bucket)', await median(RUNS, () => store.loadEvents(SCOPE, [one]))],
    ['one-bucket save (core + events)', await median(RUNS, () => store.save(SCOPE, incremental))],
  ];
  const loaded = await store.load(SCOPE);
  const held = [...(loaded?.cores.values() ?? [])].reduce((n, c) => n + c.leads.count, 0);
  if (held !== LEADS) throw new Error(`${name}: loaded ${held} leads, expected ${LEADS}`);
  console.log(`\n${name}, median of ${RUNS}:`);
  for (const [label, ms] of rows)
    console.log(`  ${label.padEnd(36)} ${ms.toFixed(1).padStart(8)} ms`);
  const fullMs = rows[0]?.[1] ?? Number.NaN;
  const oneMs = rows[3]?.[1] ?? Number.NaN;
  console.log(
    `  ${'one-bucket save / full save'.padEnd(36)} ${(oneMs / fullMs).toFixed(3)} (1/64 = 0.016)`,
  );
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const built: Built = new Map(Array.from({ length: BUCKET_COUNT }, (_, b) => [b, bucket(b)]));
  const parts = [...built.values()];
  const sum = (f: (d: (typeof parts)[number]) => number) => parts.reduce((n, d) => n + f(d), 0);
  console.log(
    `${sum(d => d.core.leads.count)} leads, ${sum(d => d.events.count)} events, ` +
      `${sum(d => d.core.visits.count)} visits in ${BUCKET_COUNT} buckets: ` +
      `cores ${mb(sum(d => bytes(d.core.leads) + bytes(d.core.visits)))}, ` +
      `events ${mb(sum(d => bytes(d.events)))} (a string counted at 2 bytes a char)`,
  );
  const idb = await openIdbStore({ indexedDB: new IDBFactory(), name: 'bench-cache' });
  await bench('IndexedDB store (fake-indexeddb in Node)', idb, built);
  idb.close();
  await bench('memory store', createMemoryStore(), built);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
