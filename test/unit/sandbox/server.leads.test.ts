import {
  ADMIN,
  BORIS,
  buildAccount,
  DAY,
  LOST,
  P_PARTNERS,
  P_SALES,
  S_CONTACT,
  T0,
  VERA,
  WON,
} from './fixtures/account';
import { idsOf, useSandbox, withSandbox, type Caller } from './fixtures/harness';

const ALL_VISIBLE = [200001, 200002, 200003, 200004, 200005, 200006, 200007, 200008, 200009];

describe('GET /api/v4/leads paging', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('returns the first page as HAL with _page and no total', async () => {
    const response = await get('/api/v4/leads');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/hal\+json/);
    const body = response.json();
    expect(body._page).toBe(1);
    expect(body._total_items).toBeUndefined();
    expect(body._links).toEqual({ self: { href: `${sandbox().origin}/api/v4/leads` } });
    expect(idsOf(response, 'leads')).toEqual(ALL_VISIBLE);
  });

  it('walks pages with next/prev/first links and ends with 204', async () => {
    const first = await get('/api/v4/leads?limit=4');
    expect(idsOf(first, 'leads')).toEqual([200001, 200002, 200003, 200004]);
    expect(first.json()._links).toEqual({
      self: { href: `${sandbox().origin}/api/v4/leads?limit=4` },
      next: { href: `${sandbox().origin}/api/v4/leads?limit=4&page=2` },
    });

    const second = await get('/api/v4/leads?limit=4&page=2');
    expect(second.json()._page).toBe(2);
    expect(idsOf(second, 'leads')).toEqual([200005, 200006, 200007, 200008]);
    expect(second.json()._links).toEqual({
      self: { href: `${sandbox().origin}/api/v4/leads?limit=4&page=2` },
      next: { href: `${sandbox().origin}/api/v4/leads?limit=4&page=3` },
      first: { href: `${sandbox().origin}/api/v4/leads?limit=4&page=1` },
      prev: { href: `${sandbox().origin}/api/v4/leads?limit=4&page=1` },
    });

    const third = await get('/api/v4/leads?page=3&limit=4');
    expect(idsOf(third, 'leads')).toEqual([200009]);
    expect(third.json()._links.next).toBeUndefined();

    const past = await get('/api/v4/leads?limit=4&page=4');
    expect(past.statusCode).toBe(204);
    expect(past.body).toBe('');
  });

  it('defaults to 50 per page and clamps limit to 250', async () => {
    await withSandbox({ account: buildAccount({ extraLeads: 300 }) }, async big => {
      expect(idsOf(await big.get('/api/v4/leads'), 'leads')).toHaveLength(50);
      expect(idsOf(await big.get('/api/v4/leads?limit=1000'), 'leads')).toHaveLength(250);
      expect(idsOf(await big.get('/api/v4/leads?limit=1000&page=2'), 'leads')).toHaveLength(59);
    });
  });

  it('rejects a non-numeric page with a validation problem naming it', async () => {
    const response = await get('/api/v4/leads?page=abc');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()['validation-errors'][0].errors[0].path).toBe('page');
  });
});

describe('GET /api/v4/leads filters', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);
  const ids = async (query: string) => idsOf(await get(`/api/v4/leads?${query}`), 'leads');

  it('filters by pipeline (one or several)', async () => {
    expect(await ids(`filter[pipeline_id]=${P_PARTNERS}`)).toEqual([200005, 200006, 200009]);
    expect(
      await ids(`filter[pipeline_id][0]=${P_SALES}&filter[pipeline_id][1]=${P_PARTNERS}`),
    ).toEqual(ALL_VISIBLE);
  });

  it('filters by (pipeline, status) pairs, 142/143 keyed by the pair', async () => {
    expect(
      await ids(
        `filter[statuses][0][pipeline_id]=${P_SALES}&filter[statuses][0][status_id]=${WON}`,
      ),
    ).toEqual([200003]);
    expect(
      await ids(
        `filter[statuses][0][pipeline_id]=${P_SALES}&filter[statuses][0][status_id]=${WON}` +
          `&filter[statuses][1][pipeline_id]=${P_PARTNERS}&filter[statuses][1][status_id]=${LOST}`,
      ),
    ).toEqual([200003, 200006]);
  });

  it('filters by created_at and closed_at with inclusive bounds', async () => {
    expect(
      await ids(`filter[created_at][from]=${T0 + 2 * DAY}&filter[created_at][to]=${T0 + 4 * DAY}`),
    ).toEqual([200003, 200004, 200005]);
    expect(
      await ids(`filter[closed_at][from]=${T0 + 3 * DAY}&filter[closed_at][to]=${T0 + 6 * DAY}`),
    ).toEqual([200003, 200004, 200006]);
    expect(await ids(`filter[updated_at][to]=${T0 + 3600}`)).toEqual([200001]);
  });

  it('filters by responsible user, one or an array', async () => {
    expect(await ids(`filter[responsible_user_id]=${ADMIN}`)).toEqual([200004, 200008, 200009]);
    expect(
      await ids(`filter[responsible_user_id][]=${BORIS}&filter[responsible_user_id][]=${VERA}`),
    ).toEqual([200001, 200002, 200005, 200006]);
  });

  it('filters by id and never returns deleted leads', async () => {
    expect(await ids('filter[id]=200003')).toEqual([200003]);
    expect(await ids('filter[id][]=200002&filter[id][]=200010')).toEqual([200002]);
  });

  it('answers 204 when nothing matches', async () => {
    const response = await get('/api/v4/leads?filter[id]=1');
    expect(response.statusCode).toBe(204);
  });

  it('rejects a malformed filter with the parameter in the problem', async () => {
    const response = await get('/api/v4/leads?filter[pipeline_id]=sales');
    expect(response.statusCode).toBe(400);
    expect(response.json()['validation-errors'][0].errors[0]).toMatchObject({
      path: 'filter[pipeline_id]',
    });
  });

  it('ignores filters silently when the account has no API-filter add-on', async () => {
    await withSandbox({ account: buildAccount({ isApiFilterEnabled: false }) }, async off => {
      const response = await off.get(`/api/v4/leads?filter[pipeline_id]=${P_PARTNERS}`);
      expect(idsOf(response, 'leads')).toEqual(ALL_VISIBLE);
    });
  });

  it('ignores filters when started with apiFilters: false', async () => {
    await withSandbox({ apiFilters: false }, async off => {
      const leads = await off.get('/api/v4/leads?filter[id]=200003&limit=2');
      expect(idsOf(leads, 'leads')).toEqual([200001, 200002]);
      const account = await off.get('/api/v4/account?with=is_api_filter_enabled');
      expect(account.json().is_api_filter_enabled).toBe(false);
    });
  });
});

describe('GET /api/v4/leads order and with', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('orders by id ascending by default and by the requested field', async () => {
    expect(idsOf(await get('/api/v4/leads?order[created_at]=desc'), 'leads')).toEqual(
      [...ALL_VISIBLE].reverse(),
    );
    expect(idsOf(await get('/api/v4/leads?order[id]=desc&limit=2'), 'leads')).toEqual([
      200009, 200008,
    ]);
    expect(idsOf(await get('/api/v4/leads?order[updated_at]=asc&limit=3'), 'leads')).toEqual([
      200001, 200002, 200003,
    ]);
  });

  it('refuses an unknown order field or direction', async () => {
    expect((await get('/api/v4/leads?order[price]=asc')).statusCode).toBe(400);
    expect((await get('/api/v4/leads?order[id]=up')).statusCode).toBe(400);
  });

  it('embeds the loss reason as an array with the full object', async () => {
    const body = (
      await get('/api/v4/leads?with=loss_reason&filter[id][]=200004&filter[id][]=200001')
    ).json();
    const [open, lost] = body._embedded.leads;
    expect(open._embedded.loss_reason).toEqual([]);
    expect(lost._embedded.loss_reason).toEqual([
      {
        id: 701,
        name: 'Дорого',
        sort: 20,
        created_at: T0 - DAY,
        updated_at: T0 - DAY,
        _links: { self: { href: `${sandbox().origin}/api/v4/leads/loss_reasons/701` } },
      },
    ]);
    const plain = (await get('/api/v4/leads?filter[id]=200004')).json();
    expect(plain._embedded.leads[0]._embedded.loss_reason).toBeUndefined();
  });

  it('returns only deleted leads with with=only_deleted', async () => {
    const body = (await get('/api/v4/leads?with=only_deleted')).json();
    expect(body._embedded.leads.map((lead: { id: number }) => lead.id)).toEqual([200010]);
    expect(body._embedded.leads[0].is_deleted).toBe(true);
  });
});

describe('GET /api/v4/leads/{id}', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('returns the lead with every documented field', async () => {
    const response = await get('/api/v4/leads/200001');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: 200001,
      name: 'Сделка 200001',
      price: 1000,
      responsible_user_id: BORIS,
      group_id: 11,
      status_id: S_CONTACT,
      pipeline_id: P_SALES,
      loss_reason_id: null,
      created_by: ADMIN,
      updated_by: BORIS,
      created_at: T0,
      updated_at: T0 + 3600,
      closed_at: null,
      closest_task_at: T0 + 2 * DAY,
      is_deleted: false,
      custom_fields_values: null,
      score: null,
      account_id: 30100200,
      _links: { self: { href: `${sandbox().origin}/api/v4/leads/200001` } },
      _embedded: { tags: [{ id: 31, name: 'VIP', color: null }], companies: [] },
    });
  });

  it('adds the loss reason on request', async () => {
    const body = (await get('/api/v4/leads/200006?with=loss_reason')).json();
    expect(body._embedded.loss_reason.map((reason: { id: number }) => reason.id)).toEqual([702]);
  });

  it('answers 204 for an unknown or deleted lead and 404 for a non-numeric id', async () => {
    const missing = await get('/api/v4/leads/999');
    expect(missing.statusCode).toBe(204);
    expect(missing.body).toBe('');
    expect((await get('/api/v4/leads/200010')).statusCode).toBe(204);
    const bad = await get('/api/v4/leads/abc');
    expect(bad.statusCode).toBe(404);
    expect(bad.json()).toMatchObject({ status: 404, type: 'https://httpstatus.es/404' });
  });
});
