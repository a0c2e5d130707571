import type { DemoAccount } from '../../../sandbox/demo/types';
import { eventCandidates, eventsInRange, leadCandidates } from '../../../sandbox/server/indexes';
import { createListCache } from '../../../sandbox/server/listCache';
import { buildAccount, DAY, T0 } from './fixtures/account';
import { idsOf, withSandbox } from './fixtures/harness';

describe('list cache', () => {
  const account = buildAccount();
  const list = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('builds once per key and account', () => {
    const cache = createListCache<number>();
    const build = jest.fn(() => list(3));
    expect(cache.get(account, 'a', build)).toEqual([0, 1, 2]);
    cache.get(account, 'a', build);
    expect(build).toHaveBeenCalledTimes(1);
    cache.get(buildAccount(), 'a', build);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('evicts the least recently read list, so a list still being paged survives', () => {
    const cache = createListCache<number>({ maxEntries: 2, maxItems: 100 });
    const builds: string[] = [];
    const get = (key: string) =>
      cache.get(account, key, () => {
        builds.push(key);
        return list(1);
      });
    get('paged');
    get('batch1');
    get('paged');
    get('batch2');
    get('paged');
    get('batch1');
    expect(builds).toEqual(['paged', 'batch1', 'batch2', 'batch1']);
  });

  it('holds at most maxItems items, but always the newest list', () => {
    const cache = createListCache<number>({ maxEntries: 10, maxItems: 5 });
    const build = jest.fn((n: number) => list(n));
    cache.get(account, 'three', () => build(3));
    cache.get(account, 'two', () => build(2));
    cache.get(account, 'six', () => build(6));
    cache.get(account, 'six', () => build(6));
    expect(build).toHaveBeenCalledTimes(3);
    cache.get(account, 'two', () => build(2));
    cache.get(account, 'three', () => build(3));
    expect(build.mock.calls.map(([n]) => n)).toEqual([3, 2, 6, 2, 3]);
  });
});

describe('list candidates', () => {
  const account = buildAccount();

  it('slices the time-ordered events by created_at, bounds inclusive', () => {
    const from = T0 + 3 * DAY;
    const to = T0 + 4 * DAY;
    const expected = account.events.filter(e => e.created_at >= from && e.created_at <= to);
    expect(expected.length).toBeGreaterThan(1);
    expect(eventsInRange(account, { from, to })).toEqual(expected);
    expect(eventsInRange(account, { from: to + 1, to: from })).toEqual([]);
    expect(eventsInRange(account, { from })).toEqual(
      account.events.filter(e => e.created_at >= from),
    );
    expect(eventsInRange(account, undefined)).toBe(account.events);
  });

  it('falls back to every event when an account breaks the oldest-first promise', () => {
    const shuffled: DemoAccount = { ...account, events: [...account.events].reverse() };
    expect(eventsInRange(shuffled, { from: T0 + 3 * DAY })).toBe(shuffled.events);
  });

  it('starts from the named leads’ events, or the named leads', () => {
    const events = eventCandidates(account, {
      entityIds: new Set([200003, 999]),
      createdAt: { from: 0 },
    });
    expect(events.map(e => e.id)).toEqual(['ev200003a', 'ev200003s1', 'ev200003s2']);
    expect(eventCandidates(account, { entityIds: new Set(), createdAt: undefined })).toBe(
      account.events,
    );
    expect(leadCandidates(account, new Set([200002, 1, 200001])).map(l => l.id)).toEqual([
      200002, 200001,
    ]);
    expect(leadCandidates(account, undefined)).toBe(account.leads);
  });
});

describe('lists over HTTP', () => {
  it('answers an account with unordered events in the same order as an ordered one', async () => {
    const ordered = buildAccount();
    const reversed = { ...ordered, events: [...ordered.events].reverse() };
    const query = `/api/v4/events?filter[created_at][from]=${T0 + 3 * DAY}&filter[type]=lead_added`;
    let expected: unknown[] = [];
    await withSandbox({ account: ordered }, async sandbox => {
      expected = idsOf(await sandbox.get(query), 'events');
    });
    expect(expected.length).toBeGreaterThan(2);
    await withSandbox({ account: reversed }, async sandbox => {
      expect(idsOf(await sandbox.get(query), 'events')).toEqual(expected);
    });
  });

  it('restores the start account object itself on reset, so its cached lists stay warm', async () => {
    const account = buildAccount();
    const drift = { paginationShift: { items: 1, times: 1 } };
    await withSandbox({ account, faults: drift }, async sandbox => {
      await sandbox.get('/api/v4/leads?limit=2');
      expect(sandbox.ctx.account).not.toBe(account);
      await sandbox.request('/_sandbox/reset', { method: 'POST' });
      expect(sandbox.ctx.account).toBe(account);
      await sandbox.get('/api/v4/leads?limit=2');
      const stats = (await sandbox.request('/_sandbox/stats')).json();
      expect(stats.listsBuilt).toEqual({});
    });
  });
});
