import {
  ADMIN,
  BORIS,
  DINA,
  P_PARTNERS,
  P_SALES,
  S_CONTACT,
  S_INCOMING,
  T0,
  VERA,
} from './fixtures/account';
import { idsOf, useSandbox, type Caller } from './fixtures/harness';

const SALES_STATUSES = [S_INCOMING, S_CONTACT, 50012, 50013, 142, 143];

describe('pipelines and statuses', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('lists every pipeline by sort, statuses embedded by sort, with a total and no paging', async () => {
    const response = await get('/api/v4/leads/pipelines');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/hal\+json/);
    const body = response.json();
    expect(body._total_items).toBe(2);
    expect(body._page).toBeUndefined();
    expect(body._links.self.href).toBe(`${sandbox().origin}/api/v4/leads/pipelines`);
    expect(idsOf(response, 'pipelines')).toEqual([P_SALES, P_PARTNERS]);
    const [sales, partners] = body._embedded.pipelines;
    expect(sales._embedded.statuses.map((status: { id: number }) => status.id)).toEqual(
      SALES_STATUSES,
    );
    expect(partners._embedded.statuses.map((status: { id: number }) => status.id)).toEqual([
      50021, 50022, 142, 143,
    ]);
    expect(sales._embedded.statuses[0]).toEqual({
      id: S_INCOMING,
      name: 'Неразобранное',
      sort: 10,
      is_editable: false,
      pipeline_id: P_SALES,
      color: '#c1c1c1',
      type: 1,
      account_id: 30100200,
      _links: {
        self: {
          href: `${sandbox().origin}/api/v4/leads/pipelines/${P_SALES}/statuses/${S_INCOMING}`,
        },
      },
    });
  });

  it('is open to users without admin rights', async () => {
    expect((await get('/api/v4/leads/pipelines', { user: VERA })).statusCode).toBe(200);
  });

  it('returns one pipeline, or a 404 problem', async () => {
    const one = (await get(`/api/v4/leads/pipelines/${P_PARTNERS}`)).json();
    expect(one).toMatchObject({
      id: P_PARTNERS,
      name: 'Партнёры',
      is_main: false,
      is_archive: false,
    });
    expect(one._links.self.href).toBe(`${sandbox().origin}/api/v4/leads/pipelines/${P_PARTNERS}`);
    const missing = await get('/api/v4/leads/pipelines/42');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ status: 404, type: 'https://httpstatus.es/404' });
  });

  it('lists a pipeline statuses with a total and no top-level links', async () => {
    const body = (
      await get(`/api/v4/leads/pipelines/${P_SALES}/statuses?with=descriptions`)
    ).json();
    expect(body._total_items).toBe(6);
    expect(body._links).toBeUndefined();
    expect(body._embedded.statuses.map((status: { id: number }) => status.id)).toEqual(
      SALES_STATUSES,
    );
    expect(body._embedded.statuses[1].descriptions).toEqual([]);
  });

  it('returns one status keyed by its pipeline', async () => {
    const won = (await get(`/api/v4/leads/pipelines/${P_PARTNERS}/statuses/142`)).json();
    expect(won).toMatchObject({ id: 142, pipeline_id: P_PARTNERS, sort: 10000, type: 0 });
    expect(
      (await get(`/api/v4/leads/pipelines/${P_PARTNERS}/statuses/${S_CONTACT}`)).statusCode,
    ).toBe(404);
  });
});

describe('users', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('lists users with total, page and page count for an admin', async () => {
    const body = (await get('/api/v4/users?limit=2&page=2')).json();
    expect(body).toMatchObject({ _total_items: 5, _page: 2, _page_count: 3 });
    expect(body._embedded.users.map((user: { id: number }) => user.id)).toEqual([VERA, 1004]);
    expect(body._links.next.href).toBe(`${sandbox().origin}/api/v4/users?limit=2&page=3`);
    expect((await get('/api/v4/users?limit=2&page=4')).statusCode).toBe(204);
  });

  it('derives the rights object from the demo user', async () => {
    const body = (await get(`/api/v4/users/${BORIS}`)).json();
    expect(body).toMatchObject({ id: BORIS, name: 'Борис Групп', lang: 'ru' });
    expect(body.rights).toEqual({
      leads: { view: 'G', edit: 'G', add: 'A', delete: 'D', export: 'D' },
      contacts: { view: 'G', edit: 'G', add: 'A', delete: 'D', export: 'D' },
      companies: { view: 'G', edit: 'G', add: 'A', delete: 'D', export: 'D' },
      tasks: { edit: 'G', delete: 'D' },
      mail_access: true,
      catalog_access: false,
      status_rights: null,
      is_admin: false,
      is_free: false,
      is_active: true,
      group_id: 11,
      role_id: null,
    });
    expect(body._embedded).toBeUndefined();
    const inactive = (await get(`/api/v4/users/${DINA}`)).json();
    expect(inactive.rights).toMatchObject({ is_admin: true, is_active: false });
  });

  it('embeds the group with with=group', async () => {
    const body = (await get('/api/v4/users?with=group')).json();
    const boris = body._embedded.users.find((user: { id: number }) => user.id === BORIS);
    expect(boris._embedded.groups).toEqual([{ id: 11, name: 'Север' }]);
  });

  it('refuses non-admins with 403', async () => {
    for (const path of ['/api/v4/users', `/api/v4/users/${ADMIN}`]) {
      const response = await get(path, { user: BORIS });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 403, type: 'https://httpstatus.es/403' });
    }
  });

  it('accepts the trailing slash of the documented users link', async () => {
    const response = await get('/api/v4/users/?with=role%2Cgroup');
    expect(response.statusCode).toBe(200);
    expect(response.json()._embedded.users[0]._embedded).toEqual({
      roles: [],
      groups: [{ id: 0, name: 'Отдел продаж' }],
    });
  });

  it('answers 404 for an unknown user', async () => {
    expect((await get('/api/v4/users/7')).statusCode).toBe(404);
  });
});

describe('account and loss reasons', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('describes the account as the current user sees it', async () => {
    const body = (await get('/api/v4/account', { user: VERA })).json();
    expect(body).toMatchObject({
      id: 30100200,
      name: 'Песочница',
      subdomain: 'sandbox',
      current_user_id: VERA,
      country: 'RU',
      currency: 'RUB',
      currency_symbol: '₽',
      customers_mode: 'disabled',
      is_unsorted_on: true,
      is_loss_reason_enabled: true,
      is_helpbot_enabled: false,
      is_technical_account: false,
      contact_name_display_order: 1,
    });
    expect(body._embedded).toBeUndefined();
    expect(body.is_api_filter_enabled).toBeUndefined();
    expect(body._links.self.href).toBe(`${sandbox().origin}/api/v4/account`);
    expect((await get('/api/v4/account')).json().current_user_id).toBe(ADMIN);
  });

  it('adds datetime settings, user groups and the filter flag on request', async () => {
    const body = (
      await get('/api/v4/account?with=datetime_settings,users_groups,is_api_filter_enabled')
    ).json();
    expect(body.is_api_filter_enabled).toBe(true);
    expect(body._embedded.datetime_settings).toEqual({
      date_pattern: 'd.m.Y H:i',
      short_date_pattern: 'd.m.Y',
      short_time_pattern: 'H:i',
      date_formant: 'd.m.Y',
      time_format: 'H:i:s',
      timezone: 'Europe/Moscow',
      timezone_offset: '+03:00',
    });
    expect(body._embedded.users_groups).toEqual([
      { id: 0, name: 'Отдел продаж', uuid: null },
      { id: 11, name: 'Север', uuid: 'c0ffee00-0000-4000-8000-000000000011' },
      { id: 12, name: 'Юг', uuid: null },
    ]);
  });

  it('lists loss reasons by sort with a total, and one by id', async () => {
    const list = await get('/api/v4/leads/loss_reasons');
    expect(list.json()._total_items).toBe(2);
    expect(idsOf(list, 'loss_reasons')).toEqual([702, 701]);
    const one = (await get('/api/v4/leads/loss_reasons/701')).json();
    expect(one).toEqual({
      id: 701,
      name: 'Дорого',
      sort: 20,
      created_at: T0 - 86400,
      updated_at: T0 - 86400,
      _links: { self: { href: `${sandbox().origin}/api/v4/leads/loss_reasons/701` } },
    });
    expect((await get('/api/v4/leads/loss_reasons/1')).statusCode).toBe(404);
  });
});

describe('unknown paths', () => {
  const sandbox = useSandbox();

  it('answers 404 problem+json under /api/v4 and elsewhere', async () => {
    for (const path of ['/api/v4/contacts', '/api/v4/leads/pipelines/1/nothing', '/nowhere']) {
      const response = await sandbox().get(path);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        title: 'Not Found',
        type: 'https://httpstatus.es/404',
        status: 404,
      });
    }
  });

  it('checks auth before telling an API path does not exist', async () => {
    const response = await sandbox().get('/api/v4/contacts', { authorization: null });
    expect(response.statusCode).toBe(401);
  });
});
