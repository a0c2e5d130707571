import { createApiClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { realSleep } from '../../../src/api/request';
import type { Sleep, WaitInfo } from '../../../src/api/types';
import { NO_RATE_LIMIT, fakeHttp, fixture, instantSleep } from './helpers';
import type { Reply } from './helpers';

const PIPELINES = fixture('pipelines.json');

function setup(
  replies: Reply[],
  extra: { sleep?: Sleep; now?: () => number; maxRetryAfterSeconds?: number } = {},
) {
  const { http, requests } = fakeHttp((_, i) => replies[Math.min(i, replies.length - 1)]!);
  const instant = instantSleep();
  const waitsTold: WaitInfo[] = [];
  const api = createApiClient({
    http,
    sleep: instant.sleep,
    onWait: info => waitsTold.push(info),
    ...NO_RATE_LIMIT,
    ...extra,
  });
  return { api, requests, waits: instant.waits, waitsTold };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const ok: Reply = { status: 200, data: PIPELINES };
const problem = (name: string): Reply => {
  const body = fixture(name);
  return { status: body.status, data: body };
};

describe('429 Too Many Requests', () => {
  it('waits retry_after seconds from the JSON body, tells onWait, then succeeds', async () => {
    const { api, requests, waits, waitsTold } = setup([problem('kommo_error_429.json'), ok]);
    expect(await api.getPipelines()).toHaveLength(1);
    expect(waits).toEqual([300_000]);
    // The default budget is five minutes: this one wait spends all of it.
    expect(waitsTold).toEqual([
      {
        reason: 'rate_limited',
        seconds: 300,
        attempt: 1,
        until: expect.any(Number),
        budgetLeftSeconds: 0,
      },
    ]);
    expect(requests).toHaveLength(2);
  });

  it('uses the Retry-After header when the body is not JSON', async () => {
    const limited: Reply = {
      status: 429,
      text: '<html>Too Many Requests</html>',
      headers: { 'Retry-After': '7' },
    };
    const { api, waits } = setup([limited, ok]);
    await api.getPipelines();
    expect(waits).toEqual([7000]);
  });

  it('reads an HTTP-date Retry-After against the injected clock', async () => {
    const limited: Reply = {
      status: 429,
      text: '',
      headers: { 'Retry-After': 'Wed, 21 Oct 2026 07:28:12 GMT' },
    };
    const now = () => Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    const { api, waits } = setup([limited, ok], { now });
    await api.getPipelines();
    expect(waits).toEqual([12_000]);
  });

  it('backs off exponentially without any hint, then gives up with RATE_LIMITED once the wait budget is spent', async () => {
    const { api, requests, waits } = setup([{ status: 429, text: 'slow down' }]);
    const error = await failure(api.getPipelines());
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      path: '/api/v4/leads/pipelines',
    });
    // Doubling up to a minute; 243 s waited, and the next minute would end past the 300 s budget.
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(requests).toHaveLength(10);
  });

  it('fails at once when the server asks for a longer wait than allowed', async () => {
    const { api, requests, waits } = setup([problem('kommo_error_429.json')], {
      maxRetryAfterSeconds: 60,
    });
    const error = await failure(api.getPipelines());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 300 });
    expect(error.detail).toContain('too many requests');
    expect(waits).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});

describe('server errors', () => {
  it('retries 502 and 503 with backoff, then succeeds', async () => {
    const { api, waits, waitsTold } = setup([
      { status: 502, text: 'Bad Gateway' },
      { status: 503 },
      ok,
    ]);
    expect(await api.getPipelines()).toHaveLength(1);
    expect(waits).toEqual([1000, 2000]);
    expect(waitsTold.map(w => [w.reason, w.attempt])).toEqual([
      ['server_error', 1],
      ['server_error', 2],
    ]);
  });

  it('gives up after 4 retries with SERVER and the server detail', async () => {
    const { api, requests, waits } = setup([problem('kommo_error_500.json')]);
    const error = await failure(api.getPipelines());
    expect(error).toMatchObject({
      code: 'SERVER',
      status: 500,
      detail: expect.stringContaining('elimination'),
    });
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(requests).toHaveLength(5);
  });

  it('does not retry a 501', async () => {
    const { api, requests } = setup([{ status: 501 }]);
    expect(await failure(api.getPipelines())).toMatchObject({ code: 'SERVER', status: 501 });
    expect(requests).toHaveLength(1);
  });
});

describe('client errors are never retried', () => {
  it.each([
    ['kommo_error_401.json', 'UNAUTHORIZED'],
    ['kommo_error_402.json', 'PAYMENT_REQUIRED'],
    ['kommo_error_404.json', 'NOT_FOUND'],
    ['kommo_error_400_validation.json', 'BAD_REQUEST'],
    ['kommo_error_422.json', 'HTTP'],
  ])('%s → %s after one request', async (name, code) => {
    const { api, requests, waits } = setup([problem(name)]);
    const error = await failure(api.getPipelines());
    expect(error.code).toBe(code);
    expect(error.detail).toBe(fixture(name).detail);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('403 outside /users is FORBIDDEN', async () => {
    const { api, requests } = setup([{ status: 403, data: { title: 'Forbidden', status: 403 } }]);
    expect(await failure(api.getPipelines())).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(requests).toHaveLength(1);
  });
});

describe('transport failures', () => {
  it('retries a network error, then succeeds', async () => {
    const { api, waitsTold } = setup([{ fail: 'network' }, ok]);
    expect(await api.getPipelines()).toHaveLength(1);
    expect(waitsTold).toEqual([
      {
        reason: 'network',
        seconds: 1,
        attempt: 1,
        until: expect.any(Number),
        budgetLeftSeconds: null,
      },
    ]);
  });

  it('gives up with NETWORK', async () => {
    const { api, requests } = setup([{ fail: 'network' }]);
    expect(await failure(api.getPipelines())).toMatchObject({
      code: 'NETWORK',
      path: '/api/v4/leads/pipelines',
    });
    expect(requests).toHaveLength(5);
  });

  it('gives up with TIMEOUT after retrying timeouts', async () => {
    const { api, requests, waits } = setup([{ fail: 'timeout' }]);
    expect(await failure(api.getPipelines())).toMatchObject({ code: 'TIMEOUT' });
    expect(requests).toHaveLength(5);
    expect(waits).toHaveLength(4);
  });
});

describe('abort', () => {
  it('an already aborted signal sends nothing', async () => {
    const { api, requests } = setup([ok]);
    const controller = new AbortController();
    controller.abort();
    expect(await failure(api.getPipelines({ signal: controller.signal }))).toMatchObject({
      code: 'ABORTED',
    });
    expect(requests).toHaveLength(0);
  });

  it('aborting during a retry wait is ABORTED and sends no further request', async () => {
    const controller = new AbortController();
    const sleep: Sleep = (ms, signal) => {
      controller.abort();
      return realSleep(ms, signal);
    };
    const { api, requests } = setup([{ status: 503 }, ok], { sleep });
    const error = await failure(api.getPipelines({ signal: controller.signal }));
    expect(error).toMatchObject({ code: 'ABORTED', path: '/api/v4/leads/pipelines' });
    expect(requests).toHaveLength(1);
  });

  it('the real sleep stops waiting as soon as the signal fires', async () => {
    jest.useFakeTimers();
    try {
      const controller = new AbortController();
      const waiting = realSleep(60_000, controller.signal).catch((e: unknown) => e);
      controller.abort();
      expect(await waiting).toMatchObject({ code: 'ABORTED' });
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('an injected sleep that ignores the signal still ends in ABORTED', async () => {
    const controller = new AbortController();
    const sleep: Sleep = () => {
      controller.abort();
      return Promise.resolve();
    };
    const { api, requests } = setup([{ fail: 'network' }, ok], { sleep });
    expect(await failure(api.getPipelines({ signal: controller.signal }))).toMatchObject({
      code: 'ABORTED',
    });
    expect(requests).toHaveLength(1);
  });
});
