import { createApiClient } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { createBrowserHttp, createTokenHttp } from '../../../src/api/http';
import type { BodyInfo } from '../../../src/api/types';
import {
  client,
  drain,
  eventsPage,
  fakeServer,
  fixture,
  leadsPage,
  ok,
  rawLead,
  rawStatusEvent,
} from './helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

describe('requests sent', () => {
  it('CLI instance: account origin, bearer token, with= for the account', async () => {
    const server = fakeServer(() => ok(fixture('account.json')));
    const http = createTokenHttp({
      baseURL: 'https://example.amocrm.ru',
      token: 'T0K',
      adapter: server.adapter,
    });
    const account = await createApiClient({ http }).getAccount();
    expect(account.timezone).toBe('Europe/Moscow');
    expect(server.requests[0]).toMatchObject({
      method: 'get',
      baseURL: 'https://example.amocrm.ru',
      url: '/api/v4/account?with=datetime_settings,users_groups',
    });
    expect(server.requests[0]!.headers).toMatchObject({ Authorization: 'Bearer T0K' });
  });

  it('browser instance: same origin, no token, X-Requested-With', async () => {
    const server = fakeServer(() => ok(fixture('pipelines.json')));
    const http = createBrowserHttp({ adapter: server.adapter });
    const pipelines = await createApiClient({ http }).getPipelines();
    expect(pipelines.map(p => p.id)).toEqual([3177727]);
    expect(server.requests[0]).toMatchObject({ baseURL: '', url: '/api/v4/leads/pipelines' });
    expect(server.requests[0]!.headers).toMatchObject({ 'X-Requested-With': 'XMLHttpRequest' });
    expect(server.requests[0]!.headers).not.toHaveProperty('Authorization');
  });

  it('leads: bracket-syntax filters, id order, limit and page', async () => {
    const { api, requests } = client(() => ok(leadsPage([rawLead(5)])));
    const filter = {
      pipelineId: 1,
      updatedFrom: 100,
      createdFrom: 50,
      createdTo: 2_000_000_000,
      ids: [5, 6],
      withLossReason: true,
    };
    await drain(api.leadPages(filter));
    expect(requests[0]!.url).toBe(
      '/api/v4/leads?page=1&limit=250&order[id]=asc&with=loss_reason&filter[pipeline_id]=1' +
        '&filter[updated_at][from]=100&filter[created_at][from]=50&filter[created_at][to]=2000000000' +
        '&filter[id][]=5&filter[id][]=6',
    );
  });

  it('events: type, entity, entity ids, created range, limit 100', async () => {
    const { api, requests } = client(() => ok(eventsPage([rawStatusEvent('a', 1, T0 + 150)])));
    await drain(
      api.eventPages({
        types: ['lead_status_changed'],
        entity: 'lead',
        entityIds: [1, 2],
        createdFrom: 100,
        createdTo: 200,
      }),
    );
    expect(requests[0]!.url).toBe(
      '/api/v4/events?page=1&limit=100&filter[type]=lead_status_changed&filter[entity]=lead' +
        '&filter[entity_id][]=1&filter[entity_id][]=2&filter[created_at][from]=100&filter[created_at][to]=200',
    );
  });

  it('caps page sizes at the documented maxima', async () => {
    const { api, requests } = client(() => ({ status: 204 }));
    await drain(api.leadPages({}, { limit: 1000 }));
    await drain(api.eventPages({ types: ['lead_status_changed'] }, { limit: 250 }));
    expect(requests.map(r => r.url)).toEqual([
      '/api/v4/leads?page=1&limit=250&order[id]=asc',
      '/api/v4/events?page=1&limit=100&filter[type]=lead_status_changed',
    ]);
  });

  it('refuses event queries amoCRM would reject, before sending anything', async () => {
    const { api, requests } = client(() => ({ status: 204 }));
    await expect(
      drain(api.eventPages({ types: ['lead_status_changed'], entityIds: [1] })),
    ).rejects.toThrow(RangeError);
    const eleven = Array.from({ length: 11 }, (_, i) => i + 1);
    await expect(
      drain(api.eventPages({ types: ['lead_status_changed'], entity: 'lead', entityIds: eleven })),
    ).rejects.toThrow(RangeError);
    await expect(drain(api.eventPages({ types: [] }))).rejects.toThrow(RangeError);
    expect(requests).toHaveLength(0);
  });

  it('getPipeline and getLead by id; 204 is null', async () => {
    const { api, requests } = client((_, i) =>
      i === 0 ? ok(fixture('pipeline.json')) : i === 1 ? ok(fixture('lead.json')) : { status: 204 },
    );
    expect((await api.getPipeline(3177727))!.statuses).toHaveLength(5);
    expect(await api.getLead(3912171, { withLossReason: true })).toMatchObject({
      lossReasonId: 4203748,
    });
    expect(await api.getLead(1)).toBeNull();
    expect(requests.map(r => r.url)).toEqual([
      '/api/v4/leads/pipelines/3177727',
      '/api/v4/leads/3912171?with=loss_reason',
      '/api/v4/leads/1',
    ]);
  });

  it('refuses ids that are not positive integers without sending anything', async () => {
    const { api, requests } = client(() => ({ status: 204 }));
    await expect(api.getLead(-1)).rejects.toThrow(RangeError);
    await expect(api.getPipeline(1.5)).rejects.toThrow(RangeError);
    expect(requests).toHaveLength(0);
  });

  it('reports every body as received through onBody', async () => {
    const bodies: BodyInfo[] = [];
    const { api } = client(() => ok(fixture('users.json')), {
      onBody: (b: BodyInfo) => bodies.push(b),
    });
    await api.getUsers();
    expect(bodies).toEqual([
      { url: '/api/v4/users?page=1&limit=250', status: 200, data: fixture('users.json') },
    ]);
  });
});

describe('schema failures', () => {
  it('a broken lead in a page is SCHEMA with the JSON path', async () => {
    const { api } = client(() => ok(leadsPage([rawLead(1), rawLead(2, { status_id: 'x' })])));
    const error = await drain(api.leadPages()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'SCHEMA',
      path: '/api/v4/leads',
      issues: [{ path: '_embedded.leads[1].status_id', message: 'expected number, got string' }],
    });
  });

  it('a malformed status-change event names its place in the page', async () => {
    const bad = { ...rawStatusEvent('x', 1, T0 + 150), value_after: [{ lead_status: { id: 30 } }] };
    const { api } = client(() => ok(eventsPage([rawStatusEvent('a', 1, T0 + 150), bad])));
    await expect(drain(api.eventPages({ types: ['lead_status_changed'] }))).rejects.toMatchObject({
      code: 'SCHEMA',
      issues: [
        {
          path: '_embedded.events[1].value_after[0].lead_status.pipeline_id',
          message: 'missing (expected number)',
        },
      ],
    });
  });

  it('a broken account body is SCHEMA, not retried', async () => {
    const { api, requests } = client(() => ok({ id: 1, name: 'x', subdomain: 'x' }));
    await expect(api.getAccount()).rejects.toMatchObject({
      code: 'SCHEMA',
      issues: [{ path: 'current_user_id' }],
    });
    expect(requests).toHaveLength(1);
  });
});

describe('users', () => {
  it('returns null on 403 (non-admins cannot list users)', async () => {
    const { api, requests } = client(() => ({
      status: 403,
      data: { title: 'Forbidden', status: 403 },
    }));
    expect(await api.getUsers()).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it('other errors still throw', async () => {
    const { api } = client(() => ({ status: 401, data: fixture('kommo_error_401.json') }));
    await expect(api.getUsers()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('adapts the list', async () => {
    const { api } = client(() => ok(fixture('users.json')));
    expect((await api.getUsers())!.map(u => u.id)).toEqual([123123, 321321]);
  });
});

describe('what each page says about itself', () => {
  it('lead pages count what the server listed before the re-check (returned)', async () => {
    const listed = [rawLead(1), rawLead(2, { pipeline_id: 9 }), rawLead(3)];
    const { api } = client(() => ok(leadsPage(listed)));
    const { pages } = await drain(api.leadPages({ pipelineId: 1 }));
    expect(pages[0]!.items.map(l => l.id)).toEqual([1, 3]);
    expect(pages[0]!.returned).toBe(3);
  });

  it('event pages give their oldest listed event (oldest), whatever the filter kept', async () => {
    const events = [
      rawStatusEvent('a', 1, T0 + 300),
      rawStatusEvent('b', 2, T0 + 90),
      rawStatusEvent('c', 1, T0 + 200),
    ];
    const { api } = client(() => ok(eventsPage(events)));
    const first = await api
      .eventPages({ types: ['lead_status_changed'], entity: 'lead', entityIds: [1] })
      .next();
    if (first.done === true) throw new Error('no page');
    expect(first.value.items.map(e => e.id)).toEqual(['a', 'c']);
    expect(first.value.oldest).toBe(T0 + 90);
    expect(first.value.returned).toBe(3);
  });

  it('lists by status and order, and status changes by their sides, in the query', async () => {
    const { api, requests } = client(() => ({ status: 204 }));
    await drain(
      api.leadPages({
        statuses: [{ pipelineId: 1, statusId: 142 }],
        order: { field: 'created_at', direction: 'desc' },
      }),
    );
    await drain(
      api.eventPages({
        types: ['lead_status_changed'],
        afterStatuses: [{ pipelineId: 1, statusId: 20 }],
      }),
    );
    expect(requests.map(r => r.url)).toEqual([
      '/api/v4/leads?page=1&limit=250&order[created_at]=desc' +
        '&filter[statuses][0][pipeline_id]=1&filter[statuses][0][status_id]=142',
      '/api/v4/events?page=1&limit=100&filter[type]=lead_status_changed' +
        '&filter[value_after][leads_statuses][0][pipeline_id]=1' +
        '&filter[value_after][leads_statuses][0][status_id]=20',
    ]);
  });
});
