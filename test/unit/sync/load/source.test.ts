/**
 * apiSource over the API client and a fake amoCRM: one request per page, from the page asked;
 * `more` when the page links a next one; `returned` counts the leads the server listed before
 * the client re-checked the filter; `oldest` is the oldest event the page listed.
 */
import { apiSource } from '../../../../src/sync';
import { client, eventsPage, leadsPage, ok, rawLead, rawStatusEvent } from '../../api/helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

const pageOf = (url: string) => new URL(url, 'https://x').searchParams.get('page');

describe('apiSource', () => {
  describe('leads', () => {
    it('reads one page, the one asked, and says whether the list goes on', async () => {
      const { api, requests } = client((_, i) => ok(leadsPage([rawLead(1), rawLead(2)], i === 0)));
      const source = apiSource(api);
      const first = await source.leads({ pipelineId: 1 }, 3);
      expect(first).toMatchObject({ more: true, returned: 2 });
      expect(first.items.map(l => l.id)).toEqual([1, 2]);
      const last = await source.leads({ pipelineId: 1 }, 4);
      expect(last.more).toBe(false);
      expect(requests.map(r => pageOf(r.url))).toEqual(['3', '4']);
    });

    it('counts what the server listed, before the client’s re-check of the filter', async () => {
      const listed = [
        rawLead(1),
        rawLead(2, { pipeline_id: 9 }),
        rawLead(3, { created_at: T0 + 5 }),
      ];
      const { api } = client(() => ok(leadsPage(listed)));
      const page = await apiSource(api).leads({ pipelineId: 1, createdFrom: T0 + 100 }, 1);
      expect(page.items.map(l => l.id)).toEqual([1]);
      expect(page.returned).toBe(3);
    });

    it('gives an empty last page for 204', async () => {
      const { api } = client(() => ({ status: 204 }));
      expect(await apiSource(api).leads({}, 2)).toEqual({ items: [], more: false, returned: 0 });
    });

    it('sends the order and the statuses asked for', async () => {
      const { api, requests } = client(() => ok(leadsPage([rawLead(1)])));
      await apiSource(api).leads(
        {
          statuses: [{ pipelineId: 1, statusId: 20 }],
          order: { field: 'created_at', direction: 'desc' },
        },
        1,
      );
      const q = new URL(requests[0]!.url, 'https://x').searchParams;
      expect(q.get('order[created_at]')).toBe('desc');
      expect(q.get('filter[statuses][0][status_id]')).toBe('20');
    });
  });

  describe('events', () => {
    it('gives the page’s changes and lifecycle, its oldest event and whether it goes on', async () => {
      const deleted = {
        ...rawStatusEvent('d', 7, T0 + 120),
        type: 'lead_deleted',
        value_before: [],
        value_after: [],
      };
      const events = [rawStatusEvent('a', 1, T0 + 300), deleted, rawStatusEvent('b', 2, T0 + 200)];
      const { api, requests } = client(() => ok(eventsPage(events, true)));
      const page = await apiSource(api).events(
        { types: ['lead_status_changed', 'lead_deleted'], entity: 'lead' },
        5,
      );
      expect(page.changes.map(e => e.id)).toEqual(['a', 'b']);
      expect(page.lifecycle).toEqual([
        { id: 'd', leadId: 7, createdAt: T0 + 120, kind: 'deleted' },
      ]);
      expect(page.oldest).toBe(T0 + 120);
      expect(page.more).toBe(true);
      expect(pageOf(requests[0]!.url)).toBe('5');
    });

    it('takes the oldest from what was listed, events the filter dropped included', async () => {
      const events = [rawStatusEvent('a', 1, T0 + 300), rawStatusEvent('old', 1, T0 + 50)];
      const { api } = client(() => ok(eventsPage(events)));
      const page = await apiSource(api).events(
        { types: ['lead_status_changed'], createdFrom: T0 + 100 },
        1,
      );
      expect(page.changes.map(e => e.id)).toEqual(['a']);
      expect(page.oldest).toBe(T0 + 50);
      expect(page.more).toBe(false);
    });

    it('gives an empty last page with no oldest for 204', async () => {
      const { api } = client(() => ({ status: 204 }));
      expect(await apiSource(api).events({ types: ['lead_status_changed'] }, 1)).toEqual({
        changes: [],
        lifecycle: [],
        more: false,
        oldest: null,
      });
    });
  });

  it('reads the account’s meta through the client', async () => {
    const { api, requests } = client(req =>
      req.url.startsWith('/api/v4/users')
        ? { status: 403, data: { title: 'Forbidden', status: 403 } }
        : ok({
            _links: {},
            _embedded: { loss_reasons: [{ id: 1, name: 'r', sort: 1 }], pipelines: [] },
          }),
    );
    const source = apiSource(api);
    expect(await source.users()).toBeNull();
    expect(await source.lossReasons()).toEqual([{ id: 1, name: 'r', sort: 1 }]);
    expect(await source.pipelines()).toEqual([]);
    expect(requests.map(r => r.url.split('?')[0])).toEqual([
      '/api/v4/users',
      '/api/v4/leads/loss_reasons',
      '/api/v4/leads/pipelines',
    ]);
  });
});
