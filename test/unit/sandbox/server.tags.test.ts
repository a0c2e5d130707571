import { generateDemoAccount, TAGS } from '../../../sandbox/demo';
import { VERA } from './fixtures/account';
import { idsOf, useSandbox, withSandbox } from './fixtures/harness';

/** `GET /api/v4/leads/tags`: the tags the account's leads carry, paged as the tags docs say. */

describe('GET /api/v4/leads/tags on the fixture account', () => {
  const sandbox = useSandbox();

  it('lists the one tag a lead carries, open to every user', async () => {
    const response = await sandbox().get('/api/v4/leads/tags', { user: VERA });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/hal\+json/);
    expect(response.json()).toEqual({
      _page: 1,
      _links: { self: { href: `${sandbox().origin}/api/v4/leads/tags` } },
      _embedded: { tags: [{ id: 31, name: 'VIP', color: null }] },
    });
  });
});

describe('GET /api/v4/leads/tags on the demo account', () => {
  const account = generateDemoAccount({ seed: 5, leads: 300, now: 1_767_000_000 });
  const all = Object.values(TAGS)
    .map(t => t.id)
    .sort((a, b) => a - b);

  it('pages through every tag the leads carry, by id, then answers 204', async () => {
    await withSandbox({ account }, async sandbox => {
      const carried = new Set(account.leads.flatMap(l => l.tags.map(t => t.id)));
      const expected = all.filter(id => carried.has(id));
      expect(expected.length).toBeGreaterThan(3);
      const first = await sandbox.get('/api/v4/leads/tags?limit=3');
      expect(idsOf(first, 'tags')).toEqual(expected.slice(0, 3));
      expect(first.json()._links.next.href).toBe(
        `${sandbox.origin}/api/v4/leads/tags?limit=3&page=2`,
      );
      const rest = [];
      for (let page = 2; ; page++) {
        const next = await sandbox.get(`/api/v4/leads/tags?limit=3&page=${page}`);
        if (next.statusCode === 204) break;
        rest.push(...idsOf(next, 'tags'));
      }
      expect([...expected.slice(0, 3), ...rest]).toEqual(expected);
    });
  });

  it('filters by id, by exact name and by part of the name', async () => {
    await withSandbox({ account }, async sandbox => {
      const byId = await sandbox.get(`/api/v4/leads/tags?filter[id][]=${TAGS.chat.id}`);
      expect(byId.json()._embedded.tags).toEqual([
        { id: TAGS.chat.id, name: 'чат', color: '#b6e1f7' },
      ]);
      const byName = await sandbox.get(
        `/api/v4/leads/tags?filter[name]=${encodeURIComponent('САЙТ')}`,
      );
      expect(idsOf(byName, 'tags')).toEqual([TAGS.site.id]);
      const part = await sandbox.get(`/api/v4/leads/tags?query=${encodeURIComponent('клиент')}`);
      expect(idsOf(part, 'tags')).toEqual([TAGS.client.id]);
      const none = await sandbox.get('/api/v4/leads/tags?query=nothing');
      expect(none.statusCode).toBe(204);
      expect((await sandbox.get('/api/v4/leads/tags?filter[id][]=x')).statusCode).toBe(400);
    });
  });
});
