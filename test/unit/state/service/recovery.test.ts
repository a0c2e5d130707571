/**
 * "We will try again later" is kept (issue 10): a sync that failed for a passing reason is retried
 * on schedule by the service itself — the test's timers are the only clock, so each retry fires
 * exactly when the test says that much time has passed, and not before.
 */
import { ApiError } from '../../../../src/api';
import {
  FIRST_RATE_LIMITED_RETRY_MS,
  FIRST_RETRY_MS,
  MAX_RETRY_MS,
  retryDelayMs,
  WAIT_BUDGET_SECONDS,
} from '../../../../src/state/service/retryPolicy';
import {
  createDataService,
  REFRESH_EVERY_MS,
  WINDOW_SHOWN_WAIT_MS,
} from '../../../../src/state/service/service';
import type { DataService, ServiceStatus } from '../../../../src/state/service/types';
import { createMemoryStore } from '../../../../src/sync';
import type { RunningSandbox } from '../../../../sandbox/server';
import { recordingTimers, settle } from '../../../support/stateFakes';
import type { ClientScript } from '../../../support/stateFakes';
import { CONFIG, NOW, portsOver, startEmulator } from './world';

jest.setTimeout(60_000);

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startEmulator();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.ctx.reset());

const live: DataService[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.dispose();
});

const OFFLINE = new ApiError('NETWORK', { path: '/api/v4/account' });

function open(initial: ClientScript) {
  const timers = recordingTimers();
  const time = { now: NOW * 1000 };
  let script = initial;
  let budget: number | null = null;
  const ports = portsOver(sandbox, {
    cache: createMemoryStore(),
    timers,
    time,
    script: () => script,
  });
  const service = createDataService(CONFIG, {
    ...ports,
    createClient: hooks => {
      budget = hooks.waitBudgetSeconds ?? null;
      return ports.createClient(hooks);
    },
  });
  live.push(service);
  const statuses: ServiceStatus[] = [];
  service.subscribe(s => statuses.push(s));
  const last = () => statuses.at(-1)!;
  /** Runs the loop's own zero-delay yields (never a retry) until `done` holds. */
  const until = async (done: (s: ServiceStatus) => boolean, what: string) => {
    const deadline = Date.now() + 30_000;
    while (!done(last())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      timers.fire(0);
      timers.fire(WINDOW_SHOWN_WAIT_MS);
      await new Promise(resolve => setTimeout(resolve, 1));
    }
  };
  return {
    service,
    timers,
    time,
    last,
    until,
    budget: () => budget,
    setScript: (next: ClientScript) => {
      script = next;
    },
  };
}

const failedIdle = (s: ServiceStatus) => s.error !== null && s.activity.kind === 'idle';
const complete = (s: ServiceStatus) =>
  s.phase === 'complete' && s.activity.kind === 'idle' && s.error === null;

describe('the automatic retry after a failed sync', () => {
  it('fires once its time has come, and the sync then completes', async () => {
    const s = open({ fail: OFFLINE });
    await s.until(failedIdle, 'the failure');
    expect(s.last()).toMatchObject({
      error: { code: 'NETWORK' },
      retryAt: NOW * 1000 + FIRST_RETRY_MS,
      phase: 'none',
    });
    expect(s.timers.count(FIRST_RETRY_MS, 'timeout')).toBe(1);

    // Nothing happens before its time: no other timer retries the sync sooner.
    s.setScript({});
    await settle();
    expect(s.last().error).toMatchObject({ code: 'NETWORK' });
    expect(sandbox.ctx.stats.snapshot().requests.total).toBe(0);

    s.time.now += FIRST_RETRY_MS;
    expect(s.timers.fire(FIRST_RETRY_MS)).toBe(1);
    await s.until(complete, 'the retried sync');
    expect(s.last()).toMatchObject({ error: null, retryAt: null });
    expect(s.timers.count(FIRST_RETRY_MS)).toBe(0);
  });

  it('waits twice as long after each failure in a row, up to the refresh period', async () => {
    const s = open({ fail: OFFLINE });
    await s.until(failedIdle, 'the failure');
    const delays: number[] = [];
    for (let k = 0; k < 6; k++) {
      const due = s.last().retryAt! - s.time.now;
      delays.push(due);
      s.time.now += due;
      expect(s.timers.count(due, 'timeout')).toBe(1);
      // (At ten minutes the background refresh's interval fires beside it.)
      s.timers.fire(due);
      // The retry started: it is no longer scheduled, and it failed again.
      await s.until(x => failedIdle(x) && x.retryAt !== null, `failure ${k + 2}`);
    }
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000]);
    expect(MAX_RETRY_MS).toBe(REFRESH_EVERY_MS);
  });

  it('after a rate limit that outlasted the wait budget, the first retry comes later', async () => {
    const s = open({ fail: new ApiError('RATE_LIMITED', { status: 429, retryAfter: 1 }) });
    await s.until(failedIdle, 'the failure');
    expect(s.last().retryAt).toBe(NOW * 1000 + FIRST_RATE_LIMITED_RETRY_MS);
    expect(s.timers.count(FIRST_RATE_LIMITED_RETRY_MS, 'timeout')).toBe(1);
  });

  it.each(['UNAUTHORIZED', 'FORBIDDEN', 'PAYMENT_REQUIRED', 'SCHEMA'] as const)(
    'is not scheduled after %s: only the user can mend it, and the panel says how',
    async code => {
      const s = open({ fail: new ApiError(code) });
      await s.until(failedIdle, 'the failure');
      expect(s.last()).toMatchObject({ error: { code }, retryAt: null });
      expect(s.timers.count(undefined, 'timeout')).toBe(0);
    },
  );

  it('the refresh button takes its place: no second retry is left behind', async () => {
    const s = open({ fail: OFFLINE });
    await s.until(failedIdle, 'the failure');
    s.setScript({});
    s.service.refresh();
    expect(s.timers.count(FIRST_RETRY_MS)).toBe(0);
    await s.until(complete, 'the refreshed sync');
    expect(s.last().retryAt).toBeNull();
  });

  it('dispose clears a scheduled retry', async () => {
    const s = open({ fail: OFFLINE });
    await s.until(failedIdle, 'the failure');
    s.service.dispose();
    expect(s.timers.live.size).toBe(0);
  });

  it('gives the client the widget’s wait budget for 429s: ten minutes, one refresh period', async () => {
    const s = open({});
    await s.until(complete, 'the first load');
    expect(s.budget()).toBe(WAIT_BUDGET_SECONDS);
    expect(WAIT_BUDGET_SECONDS * 1000).toBe(REFRESH_EVERY_MS);
  });
});

describe('retryDelayMs', () => {
  it('retries what passes, doubling, and never what needs the user', () => {
    expect(retryDelayMs({ code: 'SERVER', status: 502 }, 1)).toBe(FIRST_RETRY_MS);
    expect(retryDelayMs({ code: 'TIMEOUT' }, 2)).toBe(2 * FIRST_RETRY_MS);
    expect(retryDelayMs({ code: 'NETWORK' }, 50)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs({ code: 'RATE_LIMITED' }, 1)).toBe(FIRST_RATE_LIMITED_RETRY_MS);
    for (const code of ['UNAUTHORIZED', 'NOT_FOUND', 'PIPELINE_GONE', 'CACHE', 'HTTP'] as const)
      expect(retryDelayMs({ code }, 1)).toBeNull();
  });
});
