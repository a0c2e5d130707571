import {
  buildAccount,
  DAY,
  GLEB,
  LOST,
  P_PARTNERS,
  P_SALES,
  S_TALKS,
  T0,
  WON,
} from './fixtures/account';
import { idsOf, useSandbox, withSandbox, type Caller } from './fixtures/harness';

/** Every fixture event, newest first; equal times fall back to the id, descending. */
const NEWEST_FIRST = [
  'ev200010d',
  'ev200010a',
  'ev200009s1',
  'ev200009a',
  'ev200008a',
  'ev200007s1',
  'ev200007r',
  'ev200007a',
  'ev200006s2',
  'ev200006s1',
  'ev200006a',
  'ev200005a',
  'ev200004s1',
  'ev200004a',
  'ev200003s2',
  'ev200003s1',
  'ev200003a',
  'ev200002s1',
  'ev200002a',
  'ev200001a',
];

describe('GET /api/v4/events', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);
  const ids = async (query: string) => idsOf(await get(`/api/v4/events?${query}`), 'events');

  it('lists newest first with _page and without a total', async () => {
    const response = await get('/api/v4/events');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/hal\+json/);
    const body = response.json();
    expect(body._page).toBe(1);
    expect(body._total_items).toBeUndefined();
    expect(body._links).toEqual({ self: { href: `${sandbox().origin}/api/v4/events` } });
    expect(idsOf(response, 'events')).toEqual(NEWEST_FIRST);
  });

  it('pages with links and ends with 204', async () => {
    const first = await get('/api/v4/events?limit=8');
    expect(idsOf(first, 'events')).toEqual(NEWEST_FIRST.slice(0, 8));
    expect(first.json()._links.next.href).toBe(`${sandbox().origin}/api/v4/events?limit=8&page=2`);
    const third = await get('/api/v4/events?limit=8&page=3');
    expect(idsOf(third, 'events')).toEqual(NEWEST_FIRST.slice(16));
    expect(third.json()._links.next).toBeUndefined();
    expect(third.json()._links.prev.href).toBe(`${sandbox().origin}/api/v4/events?limit=8&page=2`);
    expect((await get('/api/v4/events?limit=8&page=4')).statusCode).toBe(204);
  });

  it('filters by type as an array or a comma list', async () => {
    expect(await ids('filter[type]=lead_status_changed')).toEqual(
      NEWEST_FIRST.filter(id => /s\d$/.test(id)),
    );
    const expected = NEWEST_FIRST.filter(id => /[ad]$/.test(id));
    expect(await ids('filter[type]=lead_added,lead_deleted')).toEqual(expected);
    expect(await ids('filter[type][]=lead_added&filter[type][]=lead_deleted')).toEqual(expected);
  });

  it('filters by entity and entity ids', async () => {
    expect(
      await ids('filter[entity]=lead&filter[entity_id][]=200003&filter[entity_id][]=200007'),
    ).toEqual(['ev200007s1', 'ev200007r', 'ev200007a', 'ev200003s2', 'ev200003s1', 'ev200003a']);
    expect((await get('/api/v4/events?filter[entity][]=contact')).statusCode).toBe(204);
  });

  it('refuses entity_id without exactly one entity type, or with more than 10 ids', async () => {
    for (const query of [
      'filter[entity_id]=200003',
      'filter[entity]=lead,contact&filter[entity_id]=200003',
      `filter[entity]=lead&filter[entity_id]=${Array.from({ length: 11 }, (_, i) => 200001 + i).join(',')}`,
    ]) {
      const response = await get(`/api/v4/events?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        title: 'Bad Request',
        type: 'https://httpstatus.es/400',
        status: 400,
        'validation-errors': [{ request_id: '0', errors: [{ path: 'filter[entity_id]' }] }],
      });
    }
  });

  it('filters by created_at as one ts, "from,to" or [from]/[to]', async () => {
    expect(await ids(`filter[created_at]=${T0 + 8 * DAY}`)).toEqual(NEWEST_FIRST.slice(0, 4));
    const window = ['ev200005a', 'ev200004s1', 'ev200004a', 'ev200003s2'];
    expect(await ids(`filter[created_at]=${T0 + 3 * DAY},${T0 + 4 * DAY}`)).toEqual(window);
    expect(
      await ids(`filter[created_at][from]=${T0 + 3 * DAY}&filter[created_at][to]=${T0 + 4 * DAY}`),
    ).toEqual(window);
  });

  it('filters status changes by the statuses after and before', async () => {
    const after = (i: number, pipeline: number, status: number) =>
      `filter[value_after][leads_statuses][${i}][pipeline_id]=${pipeline}` +
      `&filter[value_after][leads_statuses][${i}][status_id]=${status}`;
    expect(await ids(after(0, P_SALES, WON))).toEqual(['ev200003s2']);
    expect(await ids(`${after(0, P_SALES, WON)}&${after(1, P_PARTNERS, LOST)}`)).toEqual([
      'ev200006s2',
      'ev200003s2',
    ]);
    expect(
      await ids(
        `filter[value_before][leads_statuses][0][pipeline_id]=${P_SALES}` +
          `&filter[value_before][leads_statuses][0][status_id]=${S_TALKS}`,
      ),
    ).toEqual(['ev200003s2']);
  });

  it('filters by id, author and new responsible user', async () => {
    expect(await ids('filter[id]=ev200001a,ev200004a')).toEqual(['ev200004a', 'ev200001a']);
    expect(await ids(`filter[created_by]=${GLEB}`)).toEqual([
      'ev200007s1',
      'ev200003s2',
      'ev200003s1',
    ]);
    expect(await ids(`filter[value_after][responsible_user_id]=${GLEB}`)).toEqual(['ev200007r']);
  });

  it('orders oldest first on request', async () => {
    expect(await ids('order[created_at]=asc&limit=3')).toEqual([
      'ev200001a',
      'ev200002a',
      'ev200002s1',
    ]);
  });

  it('caps limit at 100', async () => {
    await withSandbox({ account: buildAccount({ extraLeads: 120 }) }, async big => {
      expect(idsOf(await big.get('/api/v4/events'), 'events')).toHaveLength(100);
      expect(idsOf(await big.get('/api/v4/events?limit=250'), 'events')).toHaveLength(100);
    });
  });
});

describe('GET /api/v4/events/{id}', () => {
  const sandbox = useSandbox();

  it('returns the event with its entity link', async () => {
    const response = await sandbox().get('/api/v4/events/ev200003s2');
    expect(response.statusCode).toBe(200);
    const origin = sandbox().origin;
    expect(response.json()).toEqual({
      id: 'ev200003s2',
      type: 'lead_status_changed',
      entity_id: 200003,
      entity_type: 'lead',
      created_by: GLEB,
      created_at: T0 + 3 * DAY,
      value_after: [{ lead_status: { id: WON, pipeline_id: P_SALES } }],
      value_before: [{ lead_status: { id: S_TALKS, pipeline_id: P_SALES } }],
      account_id: 30100200,
      _links: { self: { href: `${origin}/api/v4/events/ev200003s2` } },
      _embedded: {
        entity: { id: 200003, _links: { self: { href: `${origin}/api/v4/leads/200003` } } },
      },
    });
  });

  it('adds the lead name with with=lead_name', async () => {
    const body = (await sandbox().get('/api/v4/events/ev200003a?with=lead_name')).json();
    expect(body._embedded.entity.name).toBe('Сделка 200003');
  });

  it('answers 204 for an unknown event', async () => {
    const response = await sandbox().get('/api/v4/events/01nope');
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
  });
});
