import { pages } from '../../../src/api/paging';
import { client, drain, eventsPage, leadsPage, ok, rawLead, rawStatusEvent } from './helpers';

/** Bodies carry real epoch seconds (src/api/schemas/numbers.ts); tests count from here. */
const T0 = 1_600_000_000;

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
      rawLead(3, { updated_at: T0 + 10 }),
      rawLead(4, { created_at: T0 + 5 }),
      rawLead(5, { created_at: 1_800_000_000, updated_at: 1_800_000_000 }),
      rawLead(6),
    ];
    const { api } = client(() => ok(leadsPage(leads)));
    const filter = {
      pipelineId: 1,
      updatedFrom: T0 + 100,
      ids: [1, 2, 3, 4, 5],
      createdFrom: T0 + 50,
      createdTo: 1_750_000_000,
    };
    const { pages } = await drain(api.leadPages(filter));
    expect(pages[0]!.items.map(l => l.id)).toEqual([1]);
    expect(pages[0]!.raw).toEqual(leadsPage(leads));
  });

  it('drops events of other types, entities, ids or outside the created range', async () => {
    const other = {
      ...rawStatusEvent('b', 1, T0 + 150),
      type: 'lead_added',
      value_before: [],
      value_after: [{ note: { id: 1 } }],
    };
    const events = [
      rawStatusEvent('a', 1, T0 + 150),
      other,
      rawStatusEvent('c', 3, T0 + 150),
      rawStatusEvent('d', 1, T0 + 99),
      rawStatusEvent('e', 2, T0 + 201),
      { ...rawStatusEvent('f', 1, T0 + 150), entity_type: 'contact' },
      rawStatusEvent('g', 2, T0 + 200),
    ];
    const { api } = client(() => ok(eventsPage(events)));
    const filter = {
      types: ['lead_status_changed'],
      entity: 'lead' as const,
      entityIds: [1, 2],
      createdFrom: T0 + 100,
      createdTo: T0 + 200,
    };
    const { pages } = await drain(api.eventPages(filter));
    expect(pages[0]!.items.map(e => e.id)).toEqual(['a', 'g']);
  });
});

describe('reading a list from a given page', () => {
  it('starts at firstPage and numbers the pages from there', async () => {
    const { api, requests } = client((_, i) => ok(leadsPage([rawLead(i + 10)], i < 1)));
    const { pages, end } = await drain(api.leadPages({}, { firstPage: 3 }));
    expect(pages.map(p => p.page)).toEqual([3, 4]);
    expect(requests.map(r => r.url)).toEqual([
      '/api/v4/leads?page=3&limit=250&order[id]=asc',
      '/api/v4/leads?page=4&limit=250&order[id]=asc',
    ]);
    expect(end).toEqual({ reason: 'no_next', pages: 2 });
  });

  it('counts maxPages from firstPage', async () => {
    const { api, requests } = client((_, i) =>
      ok(eventsPage([rawStatusEvent(`e${i}`, 1, T0 + 5)], true)),
    );
    const { pages, end } = await drain(
      api.eventPages({ types: ['lead_status_changed'] }, { firstPage: 5, maxPages: 2 }),
    );
    expect(pages.map(p => p.page)).toEqual([5, 6]);
    expect(end).toEqual({ reason: 'max_pages', pages: 2 });
    expect(requests).toHaveLength(2);
  });

  it('reads one page with maxPages 1 and says the list goes on', async () => {
    const { api, requests } = client(() => ok(leadsPage([rawLead(1)], true)));
    const { pages, end } = await drain(api.leadPages({}, { firstPage: 9, maxPages: 1 }));
    expect(pages.map(p => p.page)).toEqual([9]);
    expect(end).toEqual({ reason: 'max_pages', pages: 1 });
    expect(requests).toHaveLength(1);
  });
});

describe('pages: what each page listed', () => {
  const body = (ids: number[], next: boolean) => ({
    _links: next ? { next: { href: 'x' } } : {},
    _embedded: { things: ids.map(id => ({ id })) },
  });
  /** A reader that keeps only even ids, as a client-side re-check would. */
  const evens = (data: unknown) => {
    const listed = (data as ReturnType<typeof body>)._embedded.things;
    return { items: listed.filter(t => t.id % 2 === 0), listed };
  };
  const getter = (bodies: unknown[]) => {
    const asked: number[] = [];
    const get = (_path: string, query: readonly (readonly [string, string | number])[]) => {
      const page = Number(query.find(([k]) => k === 'page')?.[1]);
      asked.push(page);
      return Promise.resolve({ status: 200, url: `/p?page=${page}`, data: bodies[page - 1] });
    };
    return { get, asked };
  };

  it('gives every item as listed beside the items the reader kept', async () => {
    const { get } = getter([body([1, 2, 3], true), body([4, 5], false)]);
    const seen = [];
    for await (const p of pages(get, '/api/v4/things', [], evens)) seen.push(p);
    expect(seen.map(p => [p.items.map(t => t.id), p.listed.map(t => t.id)])).toEqual([
      [[2], [1, 2, 3]],
      [[4], [4, 5]],
    ]);
  });

  it('goes on past a page whose items were all dropped: it was not empty', async () => {
    const { get, asked } = getter([body([1, 3], true), body([5], true), body([6], false)]);
    const generator = pages(get, '/api/v4/things', [], evens);
    const seen = [];
    let next = await generator.next();
    for (; next.done !== true; next = await generator.next()) seen.push(next.value);
    expect(seen.map(p => p.items.length)).toEqual([0, 0, 1]);
    expect(asked).toEqual([1, 2, 3]);
    expect(next.value).toEqual({ reason: 'no_next', pages: 3 });
  });

  it('stops on a page listing what the previous one listed (a server ignoring page)', async () => {
    const { get } = getter([body([1, 2], true), body([1, 2], true)]);
    const generator = pages(get, '/api/v4/things', [], evens);
    expect((await generator.next()).done).toBe(false);
    expect(await generator.next()).toEqual({ done: true, value: { reason: 'repeated', pages: 1 } });
  });
});
