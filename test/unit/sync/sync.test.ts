/**
 * Sync against the sandbox's API emulator over real HTTP: what a full sync holds must be exactly
 * the pipeline's live leads and their histories, and an incremental sync after changes must end
 * where a fresh full sync would.
 */
import { createApiClient, createTokenHttp } from '../../../src/api';
import { applySync } from '../../../src/sync/merge';
import type { PipelineData } from '../../../src/sync/merge';
import { syncPipeline } from '../../../src/sync/sync';
import type { SyncOptions } from '../../../src/sync/sync';
import { buildReport } from '../../../src/core';
import { generateDemoAccount, PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { DemoAccount, DemoEvent, DemoLead } from '../../../sandbox/demo';
import { startSandbox } from '../../../sandbox/server';
import type { RunningSandbox } from '../../../sandbox/server';
import type { FaultSetting } from '../../../sandbox/server';

const NOW = Date.UTC(2026, 10, 1, 12) / 1000;
const MAIN = PIPELINE_IDS.main;

async function open(account: DemoAccount, faults?: FaultSetting): Promise<RunningSandbox> {
  return startSandbox({
    account,
    port: 0,
    rateLimit: { enabled: false },
    ...(faults && { faults }),
  });
}

function clientFor(sandbox: RunningSandbox) {
  return createApiClient({
    http: createTokenHttp({ baseURL: sandbox.url, token: 'sandbox-token' }),
    rateLimit: { limit: 1000, intervalMs: 1000 },
    sleep: () => Promise.resolve(),
  });
}

async function sync(
  sandbox: RunningSandbox,
  prev: PipelineData | null,
  now: number,
): Promise<PipelineData> {
  const opts: SyncOptions = {
    pipelineId: MAIN,
    since: prev ? prev.syncedAt : null,
    knownLeadIds: new Set(prev?.leads.map(l => l.id)),
    now: () => now,
  };
  return applySync(prev, await syncPipeline(clientFor(sandbox), opts), MAIN).data;
}

/** What the account says the pipeline holds: live leads now in it and every status event of theirs. */
function expected(account: DemoAccount) {
  const leads = account.leads.filter(l => l.pipeline_id === MAIN && !l.is_deleted).map(l => l.id);
  const ids = new Set(leads);
  const events = account.events
    .filter(e => e.type === 'lead_status_changed' && ids.has(e.entity_id))
    .map(e => e.id);
  return { leads: leads.sort((a, b) => a - b), events: events.sort() };
}

function held(data: PipelineData) {
  return {
    leads: data.leads.map(l => l.id).sort((a, b) => a - b),
    events: data.events.map(e => e.id).sort(),
  };
}

const account = generateDemoAccount({ seed: 7, leads: 400, now: NOW });

describe('syncPipeline + applySync against the emulator', () => {
  it('holds exactly the pipeline’s live leads and their histories after a full sync', async () => {
    const sandbox = await open(account);
    try {
      const data = await sync(sandbox, null, NOW);
      expect(held(data)).toEqual(expected(account));
      expect(data.account.timezone).toBe('Europe/Moscow');
      expect(data.users?.length).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });

  it.each<[string, FaultSetting]>([
    ['when the account ignores lead filters', { preset: 'nofilters' }],
    ['when pages drift while being read', { paginationShift: { items: 3, times: 4 } }],
    [
      'through server errors and rate limiting',
      { serverErrors: { status: 502, count: 2 }, rateLimitStorm: { retryAfter: 1, count: 1 } },
    ],
  ])('gets the same result %s', async (_name, faults) => {
    const sandbox = await open(account, faults);
    try {
      const data = await sync(sandbox, null, NOW);
      // Drift inserts real new items at the front while we page: everything that existed when
      // the sync started must be held exactly once; drift items are welcome but not required.
      const got = held(data);
      const before = expected(account);
      const after = expected(sandbox.ctx.account);
      expect(new Set(got.leads).size).toBe(got.leads.length);
      expect(new Set(got.events).size).toBe(got.events.length);
      expect(got.leads).toEqual(expect.arrayContaining(before.leads));
      expect(got.events).toEqual(expect.arrayContaining(before.events));
      expect(after.leads).toEqual(expect.arrayContaining(got.leads));
      expect(after.events).toEqual(expect.arrayContaining(got.events));
    } finally {
      await sandbox.close();
    }
  });

  it('ends an incremental sync where a full sync would, through moves, deletions and new leads', async () => {
    const sandbox = await open(account);
    try {
      const first = await sync(sandbox, null, NOW);
      sandbox.ctx.account = changed(account, NOW + 3600);
      const second = await sync(sandbox, first, NOW + 7200);
      const fresh = await sync(sandbox, null, NOW + 7200);
      expect(held(second)).toEqual(expected(sandbox.ctx.account));
      expect(held(second)).toEqual(held(fresh));
      const opts = { from: NOW - 90 * 86400, to: NOW + 7200, now: NOW + 7200 };
      const report = (d: PipelineData) =>
        buildReport(
          {
            pipeline: d.pipelines.find(p => p.id === MAIN)!,
            leads: d.leads,
            events: d.events,
            lossReasons: d.lossReasons,
          },
          opts,
        );
      expect(report(second)).toEqual(report(fresh));
    } finally {
      await sandbox.close();
    }
  });
});

let eventSeq = 0;
function statusEvent(lead: DemoLead, at: number, to: [number, number]): DemoEvent {
  return {
    id: `zz${String(++eventSeq).padStart(24, '0')}`,
    type: 'lead_status_changed',
    entity_id: lead.id,
    entity_type: 'lead',
    created_by: 0,
    created_at: at,
    value_before: [{ lead_status: { id: lead.status_id, pipeline_id: lead.pipeline_id } }],
    value_after: [{ lead_status: { id: to[1], pipeline_id: to[0] } }],
    account_id: lead.account_id,
  };
}

/**
 * The account an hour later: one main lead moved to the other pipeline, one deleted, one lead of
 * the other pipeline moved in (its history predates the last sync), one brand-new lead that
 * moved a stage, and one main lead that moved a stage.
 */
function changed(base: DemoAccount, at: number): DemoAccount {
  const open = base.leads.filter(l => !l.is_deleted && l.status_id !== 142 && l.status_id !== 143);
  const mains = open.filter(l => l.pipeline_id === MAIN);
  const other = open.find(l => l.pipeline_id === PIPELINE_IDS.repeat)!;
  const [leaving, deleted, moving] = mains;
  const events: DemoEvent[] = [];
  const leads = base.leads.map(l => {
    if (l === leaving) {
      events.push(statusEvent(l, at, [PIPELINE_IDS.repeat, 142]));
      return { ...l, pipeline_id: PIPELINE_IDS.repeat, status_id: 142, updated_at: at };
    }
    if (l === other) {
      events.push(statusEvent(l, at, [MAIN, STATUS_IDS.main.open[1]]));
      return { ...l, pipeline_id: MAIN, status_id: STATUS_IDS.main.open[1], updated_at: at };
    }
    if (l === moving) {
      events.push(statusEvent(l, at, [MAIN, STATUS_IDS.main.open[3]]));
      return { ...l, status_id: STATUS_IDS.main.open[3], updated_at: at };
    }
    if (l === deleted) {
      events.push({
        ...statusEvent(l, at, [MAIN, l.status_id]),
        type: 'lead_deleted',
        value_before: [],
        value_after: [],
      });
      return { ...l, is_deleted: true, updated_at: at };
    }
    return l;
  });
  const newId = Math.max(...base.leads.map(l => l.id)) + 1;
  const fresh: DemoLead = {
    ...mains[3]!,
    id: newId,
    status_id: STATUS_IDS.main.open[0],
    created_at: at - 60,
    updated_at: at,
  };
  events.push(statusEvent(fresh, at, [MAIN, STATUS_IDS.main.open[1]]));
  leads.push({ ...fresh, status_id: STATUS_IDS.main.open[1] });
  return { ...base, leads, events: [...base.events, ...events] };
}
