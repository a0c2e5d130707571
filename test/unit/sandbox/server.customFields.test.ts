import { FIELD_IDS, generateDemoAccount, SNOOZE_FIELD_IDS } from '../../../sandbox/demo';
import type { DemoCustomFieldValue } from '../../../sandbox/demo';
import { F_CITY, F_PRODUCT, F_UTM_SOURCE, VERA } from './fixtures/account';
import { idsOf, useSandbox, withSandbox, type Caller } from './fixtures/harness';

/** `GET /api/v4/leads/custom_fields[/{id}]`, and the values the leads list carries. */

describe('GET /api/v4/leads/custom_fields', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('lists the fields by sort, paged, with enums for list fields', async () => {
    const response = await get('/api/v4/leads/custom_fields');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/hal\+json/);
    const body = response.json();
    expect(body).toMatchObject({ _total_items: 3, _page: 1, _page_count: 1 });
    expect(body._links).toEqual({
      self: { href: `${sandbox().origin}/api/v4/leads/custom_fields` },
    });
    expect(idsOf(response, 'custom_fields')).toEqual([F_UTM_SOURCE, F_PRODUCT, F_CITY]);
    const [utm, product] = body._embedded.custom_fields;
    expect(utm).toMatchObject({
      name: 'utm_source',
      type: 'tracking_data',
      code: 'UTM_SOURCE',
      enums: null,
      entity_type: 'leads',
      account_id: 30100200,
    });
    expect(product).toMatchObject({ name: 'Продукт', type: 'select', code: null, sort: 20 });
    expect(product.enums).toEqual([
      { id: 9202, value: 'Внедрение', sort: 1 },
      { id: 9201, value: 'Обучение', sort: 2 },
    ]);
    expect(product._links.self.href).toBe(
      `${sandbox().origin}/api/v4/leads/custom_fields/${F_PRODUCT}`,
    );
  });

  it('walks pages with links and answers 204 past the last one', async () => {
    const first = await get('/api/v4/leads/custom_fields?limit=2');
    expect(idsOf(first, 'custom_fields')).toEqual([F_UTM_SOURCE, F_PRODUCT]);
    expect(first.json()).toMatchObject({ _total_items: 3, _page_count: 2 });
    expect(first.json()._links.next.href).toBe(
      `${sandbox().origin}/api/v4/leads/custom_fields?limit=2&page=2`,
    );
    const second = await get('/api/v4/leads/custom_fields?limit=2&page=2');
    expect(idsOf(second, 'custom_fields')).toEqual([F_CITY]);
    expect(second.json()._links.next).toBeUndefined();
    const past = await get('/api/v4/leads/custom_fields?limit=2&page=3');
    expect(past.statusCode).toBe(204);
    expect(past.body).toBe('');
  });

  it('filters by type and orders by id or sort', async () => {
    const selects = await get('/api/v4/leads/custom_fields?filter[type][0]=select');
    expect(idsOf(selects, 'custom_fields')).toEqual([F_PRODUCT, F_CITY]);
    const none = await get('/api/v4/leads/custom_fields?filter[type][]=multiselect');
    expect(none.statusCode).toBe(204);
    const byId = await get('/api/v4/leads/custom_fields?order[id]=asc');
    expect(idsOf(byId, 'custom_fields')).toEqual([F_CITY, F_UTM_SOURCE, F_PRODUCT]);
    const bySortDesc = await get('/api/v4/leads/custom_fields?order[sort]=desc');
    expect(idsOf(bySortDesc, 'custom_fields')).toEqual([F_CITY, F_PRODUCT, F_UTM_SOURCE]);
    expect((await get('/api/v4/leads/custom_fields?order[name]=asc')).statusCode).toBe(400);
  });

  it('is open to users without admin rights', async () => {
    expect((await get('/api/v4/leads/custom_fields', { user: VERA })).statusCode).toBe(200);
  });

  it('returns one field, or a 404 problem', async () => {
    const one = await get(`/api/v4/leads/custom_fields/${F_UTM_SOURCE}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: F_UTM_SOURCE, code: 'UTM_SOURCE' });
    const missing = await get('/api/v4/leads/custom_fields/42');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('custom fields of the generated demo account over the API', () => {
  const account = generateDemoAccount({ seed: 5, leads: 300, now: 1_767_000_000 });

  it('serves the account fields and each lead with its values as stored', async () => {
    await withSandbox({ account }, async sandbox => {
      const fields = (await sandbox.get('/api/v4/leads/custom_fields')).json();
      expect(fields._embedded.custom_fields.map((f: { id: number }) => f.id)).toEqual([
        FIELD_IDS.product,
        FIELD_IDS.utmSource,
        SNOOZE_FIELD_IDS.until,
        SNOOZE_FIELD_IDS.reason,
      ]);
      const body = (await sandbox.get('/api/v4/leads?limit=250')).json();
      const byId = new Map(account.leads.map(lead => [lead.id, lead.custom_fields_values]));
      const served: { id: number; custom_fields_values: DemoCustomFieldValue[] | null }[] =
        body._embedded.leads;
      expect(served).toHaveLength(250);
      // amoCRM sends a date field's value as a number; the demo keeps its text.
      const asServed = (values: readonly DemoCustomFieldValue[] | null | undefined) =>
        values?.map(v =>
          v.field_type === 'date'
            ? { ...v, values: v.values.map(x => ({ value: Number(x.value) })) }
            : v,
        ) ?? values;
      for (const lead of served)
        expect(lead.custom_fields_values).toEqual(asServed(byId.get(lead.id)));
      expect(served.some(lead => lead.custom_fields_values === null)).toBe(true);
      expect(served.some(lead => (lead.custom_fields_values?.length ?? 0) === 2)).toBe(true);
    });
  });
});
