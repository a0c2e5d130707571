import { statsPath } from '../../../sandbox/server/stats';
import { manualClock, useSandbox, withSandbox, type TestSandbox } from './fixtures/harness';

const START = 1_750_000_000_000;

async function stats(sandbox: TestSandbox) {
  const response = await sandbox.request('/_sandbox/stats');
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('statsPath', () => {
  it('drops the query string and a trailing slash', () => {
    expect(statsPath('/api/v4/leads?limit=250&page=2')).toBe('/api/v4/leads');
    expect(statsPath('/api/v4/users/?with=role')).toBe('/api/v4/users');
    expect(statsPath('/api/v4/leads/pipelines')).toBe('/api/v4/leads/pipelines');
    expect(statsPath('/')).toBe('/');
  });
});

describe('GET /_sandbox/stats', () => {
  const clock = manualClock(START);
  const sandbox = useSandbox({ clock });

  beforeEach(async () => {
    expect((await sandbox().request('/_sandbox/stats', { method: 'DELETE' })).statusCode).toBe(204);
  });

  it('starts at zero', async () => {
    expect(await stats(sandbox())).toEqual({
      requests: { total: 0, byPath: {} },
      rejected429: 0,
      byStatus: {},
      listsBuilt: {},
      since: START,
    });
  });

  it('counts every API request by path without the query, whatever the answer', async () => {
    const get = (path: string) => sandbox().get(path);
    await get('/api/v4/leads?limit=2&page=1');
    await get('/api/v4/leads?limit=2&page=2');
    await get('/api/v4/events?filter[type]=lead_added');
    await get('/api/v4/leads/pipelines');
    await get('/api/v4/account?with=users_groups');
    await get('/api/v4/users/');
    // A 401 and a 404 are requests the client made, and a load pays for them too.
    await sandbox().get('/api/v4/account', { authorization: 'Bearer wrong' });
    await get('/api/v4/nothing-here');

    const body = await stats(sandbox());
    expect(body.requests).toEqual({
      total: 8,
      byPath: {
        '/api/v4/account': 2,
        '/api/v4/events': 1,
        '/api/v4/leads': 2,
        '/api/v4/leads/pipelines': 1,
        '/api/v4/nothing-here': 1,
        '/api/v4/users': 1,
      },
    });
    expect(body.byStatus).toEqual({ '200': 6, '401': 1, '404': 1 });
    expect(body.rejected429).toBe(0);
  });

  it('does not count the control, login and session routes', async () => {
    await sandbox().request('/_sandbox/faults');
    await sandbox().request('/_sandbox/stats');
    await sandbox().request('/_sandbox/session');
    await sandbox().request('/not-the-api');
    expect((await stats(sandbox())).requests.total).toBe(0);
  });

  it('is zeroed by DELETE /_sandbox/stats and by POST /_sandbox/reset', async () => {
    await sandbox().get('/api/v4/leads');
    clock.advance(5_000);
    const deleted = await sandbox().request('/_sandbox/stats', { method: 'DELETE' });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const afterDelete = await stats(sandbox());
    expect(afterDelete.requests).toEqual({ total: 0, byPath: {} });
    expect(afterDelete.since).toBe(START + 5_000);

    await sandbox().get('/api/v4/leads');
    clock.advance(1_000);
    expect((await sandbox().request('/_sandbox/reset', { method: 'POST' })).statusCode).toBe(204);
    const afterReset = await stats(sandbox());
    expect(afterReset.requests.total).toBe(0);
    expect(afterReset.byStatus).toEqual({});
    expect(afterReset.since).toBe(START + 6_000);
  });
});

describe('rejected429', () => {
  it('counts the rate limiter’s and the 429-storm fault’s rejections, not 403 blocks', async () => {
    const clock = manualClock(START);
    const limit = { enabled: true, limit: 2, blockAfter: 3 };
    await withSandbox({ clock, rateLimit: limit }, async sandbox => {
      const get = () => sandbox.get('/api/v4/leads/pipelines');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await get()).statusCode);
      // 2 allowed, 3 limited, then the 4th rejection in the block window blocks the client.
      expect(statuses).toEqual([200, 200, 429, 429, 429, 403, 403]);
      const limited = await stats(sandbox);
      expect(limited.rejected429).toBe(3);
      expect(limited.byStatus).toEqual({ '200': 2, '403': 2, '429': 3 });
      expect(limited.requests.byPath).toEqual({ '/api/v4/leads/pipelines': 7 });

      clock.advance(60_000);
      const storm = { preset: 'ratelimit', rateLimitStorm: { retryAfter: 2, count: 2 } };
      await sandbox.request('/_sandbox/faults', { method: 'POST', body: storm });
      // A second apart, so only the storm can reject them.
      for (const expected of [429, 429, 200]) {
        clock.advance(1_000);
        expect((await get()).statusCode).toBe(expected);
      }
      const stormed = await stats(sandbox);
      expect(stormed.rejected429).toBe(5);
      expect(stormed.requests.total).toBe(10);
    });
  });
});

describe('listsBuilt', () => {
  const sandbox = useSandbox();

  it('builds a list once per distinct filter, however many pages are read', async () => {
    const events = '/api/v4/events?limit=3&filter[type]=lead_status_changed,lead_added';
    for (let page = 1; page <= 4; page += 1) {
      expect((await sandbox().get(`${events}&page=${page}`)).statusCode).toBe(200);
    }
    // limit and with select no other items: still the same list.
    await sandbox().get(`${events}&limit=5&with=lead_name&page=2`);
    const leads = '/api/v4/leads?limit=2&order[id]=asc&filter[created_at][from]=0';
    for (let page = 1; page <= 3; page += 1) await sandbox().get(`${leads}&page=${page}`);
    expect((await stats(sandbox())).listsBuilt).toEqual({
      '/api/v4/events': 1,
      '/api/v4/leads': 1,
    });

    await sandbox().get('/api/v4/events?limit=3&filter[type]=lead_added');
    await sandbox().get('/api/v4/events?limit=3&filter[type]=lead_added&page=2');
    await sandbox().get('/api/v4/leads?limit=2&order[id]=desc');
    expect((await stats(sandbox())).listsBuilt).toEqual({
      '/api/v4/events': 2,
      '/api/v4/leads': 2,
    });
  });
});
