/**
 * The keeper against the sandbox's API emulator over real HTTP: the window it loads first gives
 * exactly the numbers the whole history gives under "history from" (docs/metrics.md); the
 * backfill ends where the whole history is; a reload in the middle goes on from the saved
 * cursors; a refresh with nothing changed costs two requests; and a refresh through moves,
 * deletions and new leads ends where a fresh load would.
 */
import { createApiClient, createTokenHttp } from '../../../src/api';
import { buildFunnel, buildReport, modelFromFacts, reportFromModel } from '../../../src/core';
import type { FunnelInput, ReportOptions } from '../../../src/core';
import {
  apiSource,
  BACKFILL_PAGES,
  backfillPages,
  createKeeper,
  createMemoryStore,
} from '../../../src/sync';
import type { Keeper, ScopeStore } from '../../../src/sync';
import { generateDemoAccount, PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { DemoAccount } from '../../../sandbox/demo';
import { demoFunnelInput } from '../../../sandbox/demo/funnelInput';
import { startSandbox } from '../../../sandbox/server';
import type { FaultSetting, RunningSandbox } from '../../../sandbox/server';
import { changed } from './changedAccount';

const NOW = Date.UTC(2026, 10, 1, 12) / 1000;
const DAY = 86_400;
const MAIN = PIPELINE_IDS.main;
const SCOPE = { accountId: 1, userId: 1, pipelineId: MAIN };
const account = generateDemoAccount({ seed: 7, leads: 400, now: NOW });
jest.setTimeout(60_000);

async function open(a: DemoAccount, faults?: FaultSetting): Promise<RunningSandbox> {
  return startSandbox({
    account: a,
    port: 0,
    rateLimit: { enabled: false },
    ...(faults && { faults }),
  });
}

function keeperFor(
  sandbox: RunningSandbox,
  cache: ScopeStore,
  clock: { now: number },
  target: number | null = null,
  stepPages?: (held: number) => number,
  sideStageIds?: readonly number[],
): Keeper {
  const client = createApiClient({
    http: createTokenHttp({ baseURL: sandbox.url, token: 'sandbox-token' }),
    rateLimit: { limit: 1000, intervalMs: 1000 },
    sleep: () => Promise.resolve(),
  });
  return createKeeper({
    scope: SCOPE,
    cache,
    source: apiSource(client),
    readUsers: true,
    now: () => clock.now,
    windowFrom: now => now - 60 * DAY,
    target: () => target,
    ...(stepPages && { stepPages }),
    ...(sideStageIds && { sideStageIds }),
  });
}

/** The report the keeper's data gives, and the one the whole account gives under its history. */
function reports(k: Keeper, truth: FunnelInput, opts: ReportOptions) {
  const store = k.store()!;
  const meta = k.meta()!;
  const pipeline = meta.pipelines.find(p => p.id === MAIN)!;
  const model = modelFromFacts(
    buildFunnel(pipeline),
    pipeline,
    meta.lossReasons,
    store.allFacts(),
    store.historyFrom(),
  );
  return {
    held: JSON.parse(JSON.stringify(reportFromModel(model, opts))),
    whole: JSON.parse(
      JSON.stringify(buildReport({ ...truth, historyFrom: store.historyFrom() }, opts)),
    ),
  };
}

async function runAll(k: Keeper): Promise<number> {
  let steps = 0;
  for (let kind = k.next(); kind !== null; kind = k.next()) {
    await k.step(kind);
    steps++;
  }
  return steps;
}

const window30 = { from: NOW - 30 * DAY, to: NOW, now: NOW, includeOpenDeals: true };

describe('keeper against the emulator', () => {
  it('derives the held facts again when the admin sets side stages apart (metrics.md 11.3)', async () => {
    const sandbox = await open(account);
    try {
      const cache = createMemoryStore();
      await runAll(keeperFor(sandbox, cache, { now: NOW }));
      const side = STATUS_IDS.main.open[1];
      const k = keeperFor(sandbox, cache, { now: NOW }, null, undefined, [side]);
      expect(await k.open()).toBe(true);
      const store = k.store()!;
      const pipeline = k.meta()!.pipelines.find(p => p.id === MAIN)!;
      const model = modelFromFacts(
        buildFunnel(pipeline, [side]),
        pipeline,
        k.meta()!.lossReasons,
        store.allFacts(),
        store.historyFrom(),
      );
      const truth = demoFunnelInput(account, MAIN);
      const year = { ...window30, from: NOW - 365 * DAY };
      const held = JSON.parse(JSON.stringify(reportFromModel(model, year)));
      expect(held.sideStages[0].id).toBe(side);
      expect(held.sideStages[0].entered).toBeGreaterThan(0);
      expect(held).toEqual(
        JSON.parse(JSON.stringify(buildReport({ ...truth, sideStageIds: [side] }, year))),
      );
    } finally {
      await sandbox.close();
    }
  });

  it('loads the window first with exact numbers, then backfills to the whole history', async () => {
    const sandbox = await open(account);
    try {
      const k = keeperFor(sandbox, createMemoryStore(), { now: NOW });
      expect(k.next()).toBe('window');
      const first = await k.step('window');
      expect(first.kind).toBe('window');
      expect(k.meta()?.history.from).toBe(NOW - 60 * DAY);
      expect(k.meta()?.history.backfill).not.toBeNull();
      const truth = demoFunnelInput(account, MAIN);
      const inWindow = reports(k, truth, window30);
      expect(inWindow.held).toEqual(inWindow.whole);
      expect(inWindow.held.options.historyFrom).toBe(NOW - 60 * DAY);
      expect(await runAll(k)).toBeGreaterThanOrEqual(1);
      expect(k.meta()?.history).toMatchObject({ from: null, backfill: null });
      const year = {
        ...window30,
        from: NOW - 365 * DAY,
        trend: { granularity: 'month', timeZone: 'Europe/Moscow' },
      } as const;
      const done = reports(k, truth, year);
      expect(done.held).toEqual(done.whole);
      expect(done.held).toEqual(JSON.parse(JSON.stringify(buildReport(truth, year))));
    } finally {
      await sandbox.close();
    }
  });

  it('keeps the closed leads a page read ahead of the status changes, whole history at the end', async () => {
    // 3,000 leads: 250 closed leads a page reach months further back than 100 status changes
    // a page, so the closed-lead list runs ahead of the history held for many steps.
    const big = generateDemoAccount({ seed: 11, leads: 3000, now: NOW });
    const sandbox = await open(big);
    try {
      const k = keeperFor(sandbox, createMemoryStore(), { now: NOW });
      await runAll(k);
      const truth = demoFunnelInput(big, MAIN);
      const ours = truth.leads.filter(l => l.pipelineId === MAIN && !l.isDeleted).map(l => l.id);
      expect(new Set(k.store()!.leadIds())).toEqual(new Set(ours));
      const year = { ...window30, from: NOW - 365 * DAY };
      const done = reports(k, truth, year);
      expect(done.held).toEqual(JSON.parse(JSON.stringify(buildReport(truth, year))));
    } finally {
      await sandbox.close();
    }
  });

  it('reads as many pages a backfill step as its step size allows, growing with the leads held', async () => {
    expect([0, 10_000, 100_000].map(backfillPages)).toEqual([BACKFILL_PAGES, BACKFILL_PAGES, 200]);
    const sandbox = await open(account);
    try {
      const held: number[] = [];
      const k = keeperFor(sandbox, createMemoryStore(), { now: NOW }, null, n => {
        held.push(n);
        return 3;
      });
      await k.step('window');
      const size = k.store()!.size();
      const before = sandbox.ctx.stats.snapshot().requests.byPath;
      await k.step('backfill');
      const after = sandbox.ctx.stats.snapshot().requests.byPath;
      const lists = (by: Record<string, number>) =>
        (by['/api/v4/leads'] ?? 0) + (by['/api/v4/events'] ?? 0);
      // Three requests: the first step's look at the pipeline's oldest lead, and two pages.
      expect(lists(after) - lists(before)).toBe(3);
      expect(held).toEqual([size]);
    } finally {
      await sandbox.close();
    }
  });

  it('backfills in several steps, exact at each, and ends holding every lead once', async () => {
    // Enough history that one step (BACKFILL_PAGES requests) cannot read it all: each step reads
    // some closed leads older than the history it ends with, which must not be lost.
    const big = generateDemoAccount({ seed: 7, leads: 2000, now: NOW });
    const sandbox = await open(big);
    try {
      const cache = createMemoryStore();
      const clock = { now: NOW };
      let k = keeperFor(sandbox, cache, clock);
      await k.step('window');
      const truth = demoFunnelInput(big, MAIN);
      const year = { ...window30, from: NOW - 365 * DAY };
      const froms: (number | null)[] = [];
      while (k.next() === 'backfill') {
        await k.step('backfill');
        froms.push(k.meta()!.history.from);
        const r = reports(k, truth, year);
        expect(r.held).toEqual(r.whole);
        // Every other step from a reload, as when the page is opened again.
        if (froms.length % 2 === 1) {
          k = keeperFor(sandbox, cache, clock);
          await k.open();
        }
      }
      expect(froms.length).toBeGreaterThanOrEqual(3);
      expect(froms.at(-1)).toBeNull();
      const ids = truth.leads.filter(l => l.pipelineId === MAIN && !l.isDeleted).map(l => l.id);
      expect([...k.store()!.leadIds()].sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
      expect(reports(k, truth, year).held).toEqual(
        JSON.parse(JSON.stringify(buildReport(truth, year))),
      );
    } finally {
      await sandbox.close();
    }
  });

  it('goes on from the saved cursors after a reload mid-backfill, fetching nothing twice', async () => {
    const sandbox = await open(account);
    try {
      const cache = createMemoryStore();
      const clock = { now: NOW };
      const a = keeperFor(sandbox, cache, clock);
      await a.step('window');
      await a.step('backfill');
      const before = sandbox.ctx.stats.snapshot().requests.total;
      const cursors = a.meta()?.history.backfill;
      const b = keeperFor(sandbox, cache, clock);
      expect(await b.open()).toBe(true);
      expect(b.meta()?.history.backfill).toEqual(cursors);
      await runAll(b);
      const resumed = sandbox.ctx.stats.snapshot().requests.total - before;
      // A fresh keeper that loads everything in one go, for the cost of the whole backfill.
      const fresh = keeperFor(sandbox, createMemoryStore(), clock);
      await fresh.step('window');
      const start = sandbox.ctx.stats.snapshot().requests.total;
      await fresh.step('backfill');
      const oneStep = sandbox.ctx.stats.snapshot().requests.total - start;
      await runAll(fresh);
      const whole = sandbox.ctx.stats.snapshot().requests.total - start;
      expect(resumed).toBeLessThanOrEqual(whole - oneStep + 2);
      const truth = demoFunnelInput(account, MAIN);
      const r = reports(b, truth, window30);
      expect(r.held).toEqual(r.whole);
    } finally {
      await sandbox.close();
    }
  });

  it('refreshes with two requests when nothing changed, and ends where a fresh load would', async () => {
    const sandbox = await open(account);
    try {
      const clock = { now: NOW };
      const k = keeperFor(sandbox, createMemoryStore(), clock);
      await runAll(k);
      clock.now = NOW + 600;
      const idle = sandbox.ctx.stats.snapshot().requests.total;
      await k.step('refresh');
      expect(sandbox.ctx.stats.snapshot().requests.total - idle).toBe(2);

      sandbox.ctx.account = changed(account, NOW + 3600);
      clock.now = NOW + 7200;
      await k.step('refresh');
      const fresh = keeperFor(sandbox, createMemoryStore(), clock);
      await runAll(fresh);
      const after = demoFunnelInput(sandbox.ctx.account, MAIN);
      const opts = { ...window30, from: NOW - 90 * DAY, to: NOW + 7200, now: NOW + 7200 };
      expect(reports(k, after, opts).held).toEqual(reports(fresh, after, opts).held);
      expect(reports(k, after, opts).held).toEqual(
        JSON.parse(JSON.stringify(buildReport(after, opts))),
      );
    } finally {
      await sandbox.close();
    }
  });

  it('refreshes after a reload (events read from the cache) as it would without one', async () => {
    const sandbox = await open(account);
    try {
      const cache = createMemoryStore();
      const clock = { now: NOW };
      await runAll(keeperFor(sandbox, cache, clock));
      sandbox.ctx.account = changed(account, NOW + 3600);
      clock.now = NOW + 7200;
      // A new session: the cores come from the cache, each bucket's changes only when needed.
      const k = keeperFor(sandbox, cache, clock);
      expect(await k.open()).toBe(true);
      await k.step('refresh');
      const after = demoFunnelInput(sandbox.ctx.account, MAIN);
      const opts = { ...window30, from: NOW - 90 * DAY, to: NOW + 7200, now: NOW + 7200 };
      expect(reports(k, after, opts).held).toEqual(
        JSON.parse(JSON.stringify(buildReport(after, opts))),
      );
      // What was saved holds the new changes too: a third session reads the same.
      const again = keeperFor(sandbox, cache, clock);
      await again.open();
      const store = again.store()!;
      const wanted = store.missingEvents(true);
      store.loadEvents(wanted, await cache.loadEvents(SCOPE, wanted));
      const moves = sandbox.ctx.account.events.filter(
        e => e.created_at === NOW + 3600 && e.type === 'lead_status_changed',
      );
      const heldMoves = moves.filter(e => store.lead(e.entity_id));
      expect(heldMoves.length).toBeGreaterThanOrEqual(2);
      for (const e of heldMoves) expect(store.changeIdsOf(e.entity_id)).toContain(e.id);
    } finally {
      await sandbox.close();
    }
  });

  it('holds everything there was, once, when pages drift while being read', async () => {
    const sandbox = await open(account, { paginationShift: { items: 3, times: 4 } });
    try {
      const k = keeperFor(sandbox, createMemoryStore(), { now: NOW });
      await runAll(k);
      // Drift puts real new items at the front of a list while it is read: everything that
      // existed when the load began must be held exactly once; drifted items may or may not be.
      const store = k.store()!;
      const ids = (a: DemoAccount) =>
        a.leads.filter(l => l.pipeline_id === MAIN && !l.is_deleted).map(l => l.id);
      const held = [...store.leadIds()];
      expect(held).toEqual(expect.arrayContaining(ids(account)));
      expect(ids(sandbox.ctx.account)).toEqual(expect.arrayContaining(held));
      // The changes that touch the pipeline: into it or out of it (the lists the keeper reads).
      const touches = (sides: readonly unknown[]) =>
        sides.some(
          v => (v as { lead_status?: { pipeline_id?: number } }).lead_status?.pipeline_id === MAIN,
        );
      const all = (a: DemoAccount, lead: number) =>
        a.events.filter(e => e.type === 'lead_status_changed' && e.entity_id === lead);
      const changes = (a: DemoAccount, lead: number) =>
        all(a, lead)
          .filter(e => touches(e.value_after) || touches(e.value_before))
          .map(e => e.id);
      for (const lead of ids(account)) {
        const mine = store.changeIdsOf(lead);
        expect(new Set(mine).size).toBe(mine.length);
        expect(mine).toEqual(expect.arrayContaining(changes(account, lead)));
        // Besides those, a lead that came from another pipeline has its moves there (§11.4).
        const every = all(sandbox.ctx.account, lead);
        expect(every.map(e => e.id)).toEqual(expect.arrayContaining([...mine]));
        if (mine.length > changes(sandbox.ctx.account, lead).length)
          expect(every.some(e => !touches(e.value_before) && touches(e.value_after))).toBe(true);
      }
    } finally {
      await sandbox.close();
    }
  });

  it.each<[string, FaultSetting]>([
    ['when the account ignores lead filters', { preset: 'nofilters' }],
    [
      'through server errors and rate limiting',
      { serverErrors: { status: 502, count: 2 }, rateLimitStorm: { retryAfter: 1, count: 1 } },
    ],
  ])('gets the same numbers %s', async (_name, faults) => {
    const sandbox = await open(account, faults);
    try {
      const k = keeperFor(sandbox, createMemoryStore(), { now: NOW });
      await runAll(k);
      const r = reports(k, demoFunnelInput(sandbox.ctx.account, MAIN), window30);
      expect(r.held.stages).toEqual(r.whole.stages);
    } finally {
      await sandbox.close();
    }
  });
});
