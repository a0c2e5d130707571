/**
 * The page's data routes: the list, kanban and card answer with exactly what the session's user
 * may see (the API's rights rule), apply amoCRM's list filter URL, and are never rate-limited.
 */
import {
  LOST,
  PIPELINE_IDS,
  STATUS_IDS,
  USER_IDS,
  WON,
  type DemoLead,
} from '../../../sandbox/demo';
import { kanbanSchema, leadDetailSchema, leadListSchema } from '../../../sandbox/host/protocol';
import { leadVisibility } from '../../../sandbox/server/rights';
import { hostHarness, sessionCookie } from './hostHarness';

const MAIN = PIPELINE_IDS.main;
const pipe = (ids: readonly number[], pipeline: number = MAIN) =>
  ids.map(id => `filter[pipe][${pipeline}][]=${id}`).join('&');

function visible(harness: ReturnType<typeof hostHarness>, userId: number): DemoLead[] {
  const user = harness.account.users.find(item => item.id === userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  const canSee = leadVisibility(harness.account, user);
  return harness.account.leads.filter(lead => !lead.is_deleted && canSee(lead));
}

async function list(harness: ReturnType<typeof hostHarness>, cookie: string, query: string) {
  const response = await harness.app.inject({
    url: `/ajax/leads/list?pipeline_id=${MAIN}&${query}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return leadListSchema.parse(response.json());
}

describe('host data routes', () => {
  const harness = hostHarness();
  let admin = '';
  beforeAll(async () => {
    admin = await sessionCookie(harness.app, USER_IDS.admin);
  });

  it('need a session', async () => {
    const response = await harness.app.inject({ url: `/ajax/leads/list?pipeline_id=${MAIN}` });
    expect(response.statusCode).toBe(401);
  });

  it('list the pipeline newest first, 50 a page, with totals', async () => {
    const expected = visible(harness, USER_IDS.admin).filter(lead => lead.pipeline_id === MAIN);
    const first = await list(harness, admin, 'page=1');
    expect(first.total).toBe(expected.length);
    expect(first.price_total).toBe(expected.reduce((sum, lead) => sum + lead.price, 0));
    expect(first.items).toHaveLength(50);
    expect(first.has_next).toBe(true);
    const created = first.items.map(item => item.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const all = await list(harness, admin, 'limit=1000');
    expect(all.items).toHaveLength(Math.min(250, expected.length));
    const pages = [];
    for (let page = 1; ; page += 1) {
      const body = await list(harness, admin, `page=${page}&limit=100`);
      pages.push(...body.items.map(item => item.id));
      if (!body.has_next) break;
    }
    expect(pages.sort((a, b) => a - b)).toEqual(
      expected.map(lead => lead.id).sort((a, b) => a - b),
    );
  });

  it('apply filter[pipe] only with useFilter=y, for one or more stages', async () => {
    const stages = [STATUS_IDS.main.open[3], WON, LOST];
    const expected = visible(harness, USER_IDS.admin).filter(
      lead => lead.pipeline_id === MAIN && stages.includes(lead.status_id),
    );
    const filtered = await list(harness, admin, `${pipe(stages)}&useFilter=y&limit=250`);
    expect(filtered.total).toBe(expected.length);
    expect(filtered.items.every(item => stages.includes(item.status_id))).toBe(true);
    const ignored = await list(harness, admin, pipe(stages));
    expect(ignored.total).toBe(
      visible(harness, USER_IDS.admin).filter(lead => lead.pipeline_id === MAIN).length,
    );
    // Won exists in every pipeline: the pair, not the status id alone, decides.
    const repeatWon = await list(harness, admin, `${pipe([WON], PIPELINE_IDS.repeat)}&useFilter=Y`);
    expect(repeatWon.total).toBe(
      visible(harness, USER_IDS.admin).filter(
        lead => lead.pipeline_id === PIPELINE_IDS.repeat && lead.status_id === WON,
      ).length,
    );
  });

  it('apply responsible users and a created-date range in the account timezone', async () => {
    const from = Date.parse('2025-03-01T00:00:00+03:00') / 1000;
    const to = Date.parse('2025-03-31T23:59:59+03:00') / 1000;
    const users: number[] = [USER_IDS.volkov, USER_IDS.kozlov];
    const expected = visible(harness, USER_IDS.admin).filter(
      lead =>
        lead.pipeline_id === MAIN &&
        users.includes(lead.responsible_user_id) &&
        lead.created_at >= from &&
        lead.created_at <= to,
    );
    expect(expected.length).toBeGreaterThan(0);
    const query = `filter[main_user][]=${users[0]}&filter[main_user][]=${users[1]}&filter_date_switch=created&filter_date_from=01.03.2025&filter_date_to=31.03.2025&useFilter=y&limit=250`;
    const body = await list(harness, admin, query);
    expect(body.items.map(item => item.id).sort((a, b) => a - b)).toEqual(
      expected.map(lead => lead.id).sort((a, b) => a - b),
    );
  });

  it('reject a malformed filter with a 400 naming the parameter', async () => {
    const bad = await harness.app.inject({
      url: `/ajax/leads/list?pipeline_id=${MAIN}&filter_date_from=2025-03-01&useFilter=y`,
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('filter_date_from');
    const pipeline = await harness.app.inject({
      url: '/ajax/leads/list?pipeline_id=1',
      headers: { cookie: admin },
    });
    expect(pipeline.statusCode).toBe(400);
    expect(pipeline.body).toContain('pipeline_id');
  });

  it('show a manager only the leads the API shows that manager', async () => {
    for (const userId of [USER_IDS.lebedev, USER_IDS.morozova]) {
      const cookie = await sessionCookie(harness.app, userId);
      const body = await list(harness, cookie, 'limit=250');
      const expected = visible(harness, userId).filter(lead => lead.pipeline_id === MAIN);
      expect(body.total).toBe(expected.length);
      expect(body.total).toBeLessThan(
        visible(harness, USER_IDS.admin).filter(lead => lead.pipeline_id === MAIN).length,
      );
    }
  });

  it('build the kanban column per stage with counts and the newest cards', async () => {
    const response = await harness.app.inject({
      url: `/ajax/leads/pipeline?pipeline_id=${MAIN}`,
      headers: { cookie: admin },
    });
    const body = kanbanSchema.parse(response.json());
    const pipeline = harness.account.pipelines.find(item => item.id === MAIN);
    expect(body.columns.map(column => column.status_id).sort()).toEqual(
      pipeline?.statuses.map(status => status.id).sort(),
    );
    const leads = visible(harness, USER_IDS.admin).filter(lead => lead.pipeline_id === MAIN);
    for (const column of body.columns) {
      const inStage = leads.filter(lead => lead.status_id === column.status_id);
      expect(column.count).toBe(inStage.length);
      expect(column.items.length).toBe(Math.min(50, inStage.length));
    }
  });

  it('open a card with its history, refusing leads the user may not see', async () => {
    const lead = visible(harness, USER_IDS.admin).find(
      item => item.responsible_user_id !== USER_IDS.lebedev,
    );
    if (lead === undefined) throw new Error('no lead');
    const ok = await harness.app.inject({
      url: `/ajax/leads/detail/${lead.id}`,
      headers: { cookie: admin },
    });
    const detail = leadDetailSchema.parse(ok.json());
    expect(detail.lead.id).toBe(lead.id);
    expect(detail.history).toHaveLength(
      harness.account.events.filter(event => event.entity_id === lead.id).length,
    );
    const manager = await sessionCookie(harness.app, USER_IDS.lebedev);
    expect(
      (
        await harness.app.inject({
          url: `/ajax/leads/detail/${lead.id}`,
          headers: { cookie: manager },
        })
      ).statusCode,
    ).toBe(403);
    const deleted = harness.account.leads.find(item => item.is_deleted);
    if (deleted !== undefined) {
      expect(
        (
          await harness.app.inject({
            url: `/ajax/leads/detail/${deleted.id}`,
            headers: { cookie: admin },
          })
        ).statusCode,
      ).toBe(404);
    }
    expect(
      (await harness.app.inject({ url: '/ajax/leads/detail/1', headers: { cookie: admin } }))
        .statusCode,
    ).toBe(404);
  });

  it('are not rate-limited like /api/v4', async () => {
    const cookie = await sessionCookie(harness.app, USER_IDS.admin);
    const page = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.app.inject({ url: `/ajax/leads/list?pipeline_id=${MAIN}`, headers: { cookie } }),
      ),
    );
    expect(page.every(response => response.statusCode === 200)).toBe(true);
    const api = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.app.inject({ url: '/api/v4/leads', headers: { cookie } }),
      ),
    );
    expect(api.some(response => response.statusCode === 429)).toBe(true);
  });
});
