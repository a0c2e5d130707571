import { createApiClient } from '../../../src/api/client';
import type { ApiPage } from '../../../src/api/client';
import { ApiError } from '../../../src/api/errors';
import { createBrowserHttp, createTokenHttp } from '../../../src/api/http';
import type { PagingEnd } from '../../../src/api/paging';
import type { BodyInfo } from '../../../src/api/types';
import {
  eventsPage,
  fakeHttp,
  fakeServer,
  fixture,
  instantSleep,
  leadsPage,
  rawLead,
  rawStatusEvent,
} from './helpers';
import type { Reply, SentRequest } from './helpers';

const FAST = { rateLimit: { limit: 1000, intervalMs: 1000 } } as const;

function client(handler: (request: SentRequest, index: number) => Reply, extra = {}) {
  const { http, requests } = fakeHttp(handler);
  const { sleep, waits } = instantSleep();
  return { api: createApiClient({ http, sleep, ...FAST, ...extra }), requests, waits };
}

async function drain<T>(generator: AsyncGenerator<ApiPage<T>, PagingEnd>) {
  const pages: ApiPage<T>[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done === true) return { pages, end: next.value };
    pages.push(next.value);
  }
}

const ok = (data: unknown): Reply => ({ status: 200, data });

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
    const { api, requests } = client(() => ok(eventsPage([rawStatusEvent('a', 1, 150)])));
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

describe('paging', () => {
  it('follows pages until a 204 and gives raw bodies with adapted items', async () => {
    const bodies = [leadsPage([rawLead(1)], true), leadsPage([rawLead(2)], true)];
    const { api, requests } = client((_, i) => (i < 2 ? ok(bodies[i]) : { status: 204 }));
    const { pages, end } = await drain(api.leadPages());
    expect(pages.map(p => [p.page, p.items.map(l => l.id)])).toEqual([
      [1, [1]],
      [2, [2]],
    ]);
    expect(pages[0]!.raw).toEqual(bodies[0]);
    expect(pages[1]!.url).toBe('/api/v4/leads?page=2&limit=250&order[id]=asc');
    expect(end).toEqual({ reason: 'no_content', pages: 2 });
    expect(requests).toHaveLength(3);
  });

  it('stops at a page without _links.next', async () => {
    const { api, requests } = client((_, i) => ok(leadsPage([rawLead(i + 1)], i === 0)));
    expect((await drain(api.leadPages())).end).toEqual({ reason: 'no_next', pages: 2 });
    expect(requests).toHaveLength(2);
  });

  it('stops at an empty page', async () => {
    const { api } = client((_, i) => ok(leadsPage(i === 0 ? [rawLead(1)] : [], true)));
    expect((await drain(api.leadPages())).end).toEqual({ reason: 'empty', pages: 1 });
  });

  it('never follows a next link to another host: it increments page on the account origin', async () => {
    const { api, requests } = client((_, i) =>
      ok(
        leadsPage(
          [rawLead(i + 1)],
          i === 0,
          'https://evil.example.com/api/v4/leads?page=2&steal=1',
        ),
      ),
    );
    await drain(api.leadPages());
    expect(requests.map(r => `${r.baseURL}${r.url}`)).toEqual([
      'https://example.amocrm.ru/api/v4/leads?page=1&limit=250&order[id]=asc',
      'https://example.amocrm.ru/api/v4/leads?page=2&limit=250&order[id]=asc',
    ]);
  });

  it('stops when the server repeats the same page (it ignores page)', async () => {
    const { api, requests } = client(() => ok(leadsPage([rawLead(1), rawLead(2)], true)));
    const { pages, end } = await drain(api.leadPages());
    expect(pages).toHaveLength(1);
    expect(end).toEqual({ reason: 'repeated', pages: 1 });
    expect(requests).toHaveLength(2);
  });

  it('stops at maxPages', async () => {
    const { api, requests } = client((_, i) => ok(leadsPage([rawLead(i + 1)], true)));
    expect((await drain(api.leadPages({}, { maxPages: 3 }))).end).toEqual({
      reason: 'max_pages',
      pages: 3,
    });
    expect(requests).toHaveLength(3);
  });

  it('an empty list (204 on the first page) yields nothing', async () => {
    const { api } = client(() => ({ status: 204 }));
    expect(await drain(api.leadPages())).toEqual({
      pages: [],
      end: { reason: 'no_content', pages: 0 },
    });
    expect(await api.getPipelines()).toEqual([]);
  });

  it('loss reasons follow _links.next when present', async () => {
    const page = (id: number, next: boolean) => ({
      _links: next ? { next: { href: 'x' } } : {},
      _embedded: { loss_reasons: [{ id, name: `r${id}`, sort: id }] },
    });
    const { api, requests } = client((_, i) => ok(page(i + 1, i === 0)));
    expect(await api.getLossReasons()).toEqual([
      { id: 1, name: 'r1', sort: 1 },
      { id: 2, name: 'r2', sort: 2 },
    ]);
    expect(requests.map(r => r.url)).toEqual([
      '/api/v4/leads/loss_reasons?page=1',
      '/api/v4/leads/loss_reasons?page=2',
    ]);
  });
});

describe('client-side re-check of ignored server filters', () => {
  it('drops leads outside pipeline, update time, ids and creation range', async () => {
    const leads = [
      rawLead(1),
      rawLead(2, { pipeline_id: 9 }),
      rawLead(3, { updated_at: 10 }),
      rawLead(4, { created_at: 5 }),
      rawLead(5, { created_at: 1_800_000_000, updated_at: 1_800_000_000 }),
      rawLead(6),
    ];
    const { api } = client(() => ok(leadsPage(leads)));
    const filter = {
      pipelineId: 1,
      updatedFrom: 100,
      ids: [1, 2, 3, 4, 5],
      createdFrom: 50,
      createdTo: 1_750_000_000,
    };
    const { pages } = await drain(api.leadPages(filter));
    expect(pages[0]!.items.map(l => l.id)).toEqual([1]);
    expect(pages[0]!.raw).toEqual(leadsPage(leads));
  });

  it('drops events of other types, entities, ids or outside the created range', async () => {
    const other = {
      ...rawStatusEvent('b', 1, 150),
      type: 'lead_added',
      value_before: [],
      value_after: [{ note: { id: 1 } }],
    };
    const events = [
      rawStatusEvent('a', 1, 150),
      other,
      rawStatusEvent('c', 3, 150),
      rawStatusEvent('d', 1, 99),
      rawStatusEvent('e', 2, 201),
      { ...rawStatusEvent('f', 1, 150), entity_type: 'contact' },
      rawStatusEvent('g', 2, 200),
    ];
    const { api } = client(() => ok(eventsPage(events)));
    const filter = {
      types: ['lead_status_changed'],
      entity: 'lead' as const,
      entityIds: [1, 2],
      createdFrom: 100,
      createdTo: 200,
    };
    const { pages } = await drain(api.eventPages(filter));
    expect(pages[0]!.items.map(e => e.id)).toEqual(['a', 'g']);
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
    const bad = { ...rawStatusEvent('x', 1, 150), value_after: [{ lead_status: { id: 30 } }] };
    const { api } = client(() => ok(eventsPage([rawStatusEvent('a', 1, 150), bad])));
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
