/**
 * 429s are waited out within a wait budget (issue 10): amoCRM asks to be waited out, slowed down
 * for, and never hammered — about 20 rejections in 10 s earn the account a 403 block. The clock
 * is the test's: a sleep moves it, so every wait and the budget are exact.
 */
import { createApiClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { MAX_REJECTIONS_PER_WINDOW } from '../../../src/api/rateGate';
import type { Sleep, WaitInfo } from '../../../src/api/types';
import { createHttp } from '../../../src/api/http';
import { NO_RATE_LIMIT, fakeHttp, fakeServer, fixture } from './helpers';
import type { Reply, SentRequest } from './helpers';

const T0 = 1_800_000_000_000;
const ok: Reply = { status: 200, data: fixture('pipelines.json') };
const limited = (retryAfter?: number): Reply =>
  retryAfter === undefined
    ? { status: 429, text: 'Too Many Requests' }
    : { status: 429, data: { title: 'Too Many Requests', status: 429, retry_after: retryAfter } };

/** A clock only sleeps move (one request at a time, so waits never overlap). */
function fakeTime() {
  const time = { now: T0 };
  const waits: number[] = [];
  const sleep: Sleep = ms => {
    waits.push(ms);
    time.now += ms;
    return Promise.resolve();
  };
  return { time, waits, sleep, now: () => time.now };
}

function setup(replies: (i: number) => Reply, waitBudgetSeconds?: number) {
  const clock = fakeTime();
  const stamped: number[] = [];
  const { http, requests } = fakeHttp((_, i) => {
    stamped.push(clock.now());
    return replies(i);
  });
  const told: WaitInfo[] = [];
  const api = createApiClient({
    http,
    sleep: clock.sleep,
    now: clock.now,
    onWait: info => told.push(info),
    ...NO_RATE_LIMIT,
    ...(waitBudgetSeconds === undefined ? {} : { waitBudgetSeconds }),
  });
  return { api, requests, stamped, told, ...clock };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0; start < sorted.length; start++) {
    let end = start;
    while (end < sorted.length && sorted[end]! - sorted[start]! < windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

describe('a storm of 429s within the wait budget', () => {
  it('is waited out: backoff doubles to a minute, and the request then succeeds', async () => {
    const s = setup(i => (i < 8 ? limited() : ok), 600);
    expect(await s.api.getPipelines()).toHaveLength(1);
    expect(s.waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    expect(s.requests).toHaveLength(9);
    expect(sum(s.waits)).toBeLessThanOrEqual(600_000);
  });

  it('tells every wait: until when, and how much of the budget is left after it', async () => {
    const s = setup(i => (i < 3 ? limited() : ok), 600);
    await s.api.getPipelines();
    expect(s.told).toEqual([
      { reason: 'rate_limited', attempt: 1, seconds: 1, until: T0 + 1000, budgetLeftSeconds: 599 },
      { reason: 'rate_limited', attempt: 2, seconds: 2, until: T0 + 3000, budgetLeftSeconds: 597 },
      { reason: 'rate_limited', attempt: 3, seconds: 4, until: T0 + 7000, budgetLeftSeconds: 593 },
    ]);
  });

  it('honours retry_after as named, and waits longer once amoCRM keeps refusing', async () => {
    const s = setup(i => (i < 8 ? limited(3) : ok), 600);
    await s.api.getPipelines();
    // The server's 3 s, until our own backoff (from 1 s after three rounds) outgrows it.
    expect(s.waits).toEqual([3000, 3000, 3000, 3000, 3000, 4000, 8000, 16_000]);
  });

  it('a long storm is still waited out when the budget allows (the CLI passes 600 s)', async () => {
    const s = setup(i => (i < 14 ? limited(1) : ok), 600);
    expect(await s.api.getPipelines()).toHaveLength(1);
    const seconds = [1, 1, 1, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60];
    expect(s.waits).toEqual(seconds.map(x => x * 1000));
    expect(sum(s.waits)).toBeLessThanOrEqual(600_000);
    expect(maxInAnyWindow(s.stamped, 10_000)).toBeLessThanOrEqual(20);
  });

  it('a success ends the storm: the next storm has a budget of its own', async () => {
    // Each storm waits 1+2+4+8+16+32 = 63 s of a 100 s budget.
    const s = setup(i => (i % 7 === 6 ? ok : limited()), 100);
    expect(await s.api.getPipelines()).toHaveLength(1);
    expect(await s.api.getPipelines()).toHaveLength(1);
    expect(s.waits).toHaveLength(12);
    expect(s.waits.slice(6)).toEqual(s.waits.slice(0, 6));
  });
});

describe('the wait budget spent', () => {
  it('ends in RATE_LIMITED without waiting past the budget', async () => {
    const s = setup(() => limited(), 100);
    const error = await failure(s.api.getPipelines());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    // 63 s waited; the next minute would end at 123 s.
    expect(s.waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
    expect(s.requests).toHaveLength(7);
    expect(s.time.now - T0).toBeLessThanOrEqual(100_000);
  });

  it('a retry_after longer than the budget left fails at once, without knocking again', async () => {
    const s = setup(i => (i === 0 ? limited(30) : limited(120)), 100);
    const error = await failure(s.api.getPipelines());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 120 });
    expect(s.waits).toEqual([30_000]);
    expect(s.requests).toHaveLength(2);
  });

  it('the next call after giving up gets a fresh budget (the widget retries the sync later)', async () => {
    const s = setup(i => (i < 5 ? limited() : ok), 10);
    // 1 + 2 + 4 = 7 s; the next 8 s would end at 15 s.
    expect(await failure(s.api.getPipelines())).toMatchObject({ code: 'RATE_LIMITED' });
    expect(s.requests).toHaveLength(4);
    expect(await s.api.getPipelines()).toHaveLength(1);
    expect(s.requests).toHaveLength(6);
  });

  it('5xx keep their own count of retries, apart from the 429 budget', async () => {
    const s = setup(i => (i < 2 ? limited() : { status: 503 }), 600);
    expect(await failure(s.api.getPipelines())).toMatchObject({ code: 'SERVER', status: 503 });
    expect(s.told.map(w => w.reason)).toEqual([
      'rate_limited',
      'rate_limited',
      'server_error',
      'server_error',
      'server_error',
      'server_error',
    ]);
    expect(s.told.at(-1)).toMatchObject({ budgetLeftSeconds: null, attempt: 6 });
  });
});

describe('parallel requests in a storm (the real slots and sleep, on jest’s clock)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  async function settle<T>(work: Promise<T>): Promise<T> {
    const state = { done: false };
    const tracked = work.finally(() => {
      state.done = true;
    });
    for (let i = 0; i < 20_000 && !state.done; i++) await jest.advanceTimersByTimeAsync(50);
    return tracked;
  }

  it('never earns more than 20 rejections in any 10 s, and every request gets through', async () => {
    // amoCRM refuses the first 25 requests and asks for no wait at all; our backoff is tiny and
    // the request rate unlimited, so only the rejection window holds the probes back.
    const sent: SentRequest[] = [];
    const { http } = fakeHttp((request, i) => {
      sent.push(request);
      return i < 25 ? { status: 429, data: { status: 429, retry_after: 0 } } : ok;
    });
    const api = createApiClient({ http, backoffMs: 1, waitBudgetSeconds: 600, ...NO_RATE_LIMIT });
    const all = await settle(Promise.all(Array.from({ length: 7 }, () => api.getPipelines())));
    expect(all.every(p => p.length === 1)).toBe(true);
    const rejectedAt = sent.slice(0, 25).map(r => r.at);
    expect(maxInAnyWindow(rejectedAt, 10_000)).toBeLessThanOrEqual(20);
    // Half of amoCRM's 20: the page's client and the worker's may both be in a storm.
    expect(maxInAnyWindow(rejectedAt, 10_000)).toBeLessThanOrEqual(MAX_REJECTIONS_PER_WINDOW);
    // The 21st rejection waited for the 11th's window to pass, which waited for the 1st's.
    expect(sent[20]!.at - sent[0]!.at).toBeGreaterThanOrEqual(20_000);
  });

  it('one probe at a time: after a 429 no two requests are in the air until one is answered', async () => {
    let storm = false;
    let inFlight = 0;
    let most = 0;
    const server = fakeServer((_, i) => {
      storm = i < 10;
      return storm ? limited(2) : ok;
    });
    const http = createHttp({
      baseURL: 'https://example.amocrm.ru',
      adapter: async config => {
        inFlight++;
        if (storm) most = Math.max(most, inFlight);
        try {
          await new Promise(wake => setTimeout(wake, 100));
          return await server.adapter(config);
        } finally {
          inFlight--;
        }
      },
    });
    const api = createApiClient({ http, waitBudgetSeconds: 600 });
    const all = await settle(Promise.all(Array.from({ length: 7 }, () => api.getPipelines())));
    expect(all).toHaveLength(7);
    // Seven refused together, then probes alone (three refused, one answered), then the other six.
    expect(server.requests).toHaveLength(17);
    expect(most).toBe(1);
  });
});
