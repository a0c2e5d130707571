import { RateLimiter, DEFAULT_RATE_LIMIT } from '../../../sandbox/server/rateLimit';
import { GLEB } from './fixtures/account';
import { manualClock, useSandbox, type Caller } from './fixtures/harness';

describe('RateLimiter', () => {
  it('allows 7 requests in any 1-second window, sliding', () => {
    const limiter = new RateLimiter(DEFAULT_RATE_LIMIT);
    for (let i = 0; i < 4; i += 1) expect(limiter.check('a', 1000).kind).toBe('allow');
    for (let i = 0; i < 3; i += 1) expect(limiter.check('a', 1600).kind).toBe('allow');
    expect(limiter.check('a', 1900)).toEqual({ kind: 'limited', retryAfterS: 1 });
    // The four from t=1000 leave the window at t=2000; the three from t=1600 are still in it.
    for (let i = 0; i < 4; i += 1) expect(limiter.check('a', 2000).kind).toBe('allow');
    expect(limiter.check('a', 2000).kind).toBe('limited');
    expect(limiter.check('b', 2000).kind).toBe('allow');
  });

  it('blocks a client after more than blockAfter rejections within blockWindowMs', () => {
    const limiter = new RateLimiter({
      ...DEFAULT_RATE_LIMIT,
      limit: 1,
      blockAfter: 2,
      blockMs: 5000,
    });
    expect(limiter.check('a', 0).kind).toBe('allow');
    expect(limiter.check('a', 10).kind).toBe('limited');
    expect(limiter.check('a', 20).kind).toBe('limited');
    expect(limiter.check('a', 30)).toEqual({ kind: 'blocked', retryAfterS: 5 });
    expect(limiter.check('a', 4000)).toEqual({ kind: 'blocked', retryAfterS: 2 });
    expect(limiter.check('a', 5030).kind).toBe('allow');
  });

  it('forgets old rejections outside the block window', () => {
    const limiter = new RateLimiter({
      ...DEFAULT_RATE_LIMIT,
      limit: 1,
      blockAfter: 2,
      blockWindowMs: 1000,
    });
    limiter.check('a', 0);
    expect(limiter.check('a', 1).kind).toBe('limited');
    expect(limiter.check('a', 2).kind).toBe('limited');
    limiter.check('a', 5000);
    expect(limiter.check('a', 5001).kind).toBe('limited');
  });

  it('lets everything through when disabled', () => {
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, enabled: false });
    for (let i = 0; i < 50; i += 1) expect(limiter.check('a', 0).kind).toBe('allow');
  });
});

describe('rate limit over HTTP', () => {
  const clock = manualClock();
  const sandbox = useSandbox({ clock, rateLimit: { enabled: true } });
  const get = (caller?: Caller) => sandbox().get('/api/v4/leads/pipelines', caller);

  it('answers 429 with retry_after past 7 requests per second, then 403 for repeated abuse', async () => {
    for (let i = 0; i < 7; i += 1) expect((await get()).statusCode).toBe(200);

    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toEqual({
      title: 'Too Many Requests',
      type: 'https://httpstatus.es/429',
      status: 429,
      detail: 'You have sent too many requests in a given amount of time. Please try again later.',
      retry_after: 1,
    });

    // Another client (another token) has its own budget.
    expect((await get({ user: GLEB })).statusCode).toBe(200);

    for (let i = 0; i < 19; i += 1) expect((await get()).statusCode).toBe(429);
    const blocked = await get();
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ status: 403, type: 'https://httpstatus.es/403' });
    expect(blocked.json().detail).toMatch(/temporarily blocked/);
    expect(blocked.headers['retry-after']).toBe('30');

    clock.advance(29_000);
    expect((await get()).statusCode).toBe(403);
    clock.advance(1_000);
    expect((await get()).statusCode).toBe(200);
  });

  it('recovers after the window when the client waits retry_after', async () => {
    clock.advance(60_000);
    for (let i = 0; i < 7; i += 1) await get();
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    clock.advance(Number(limited.json().retry_after) * 1000);
    expect((await get()).statusCode).toBe(200);
  });

  it('does not limit the sandbox control routes', async () => {
    clock.advance(60_000);
    for (let i = 0; i < 12; i += 1) {
      expect((await sandbox().request('/_sandbox/faults')).statusCode).toBe(200);
    }
  });
});
