/**
 * The names the slice filter shows: `getLeadTags()` and `getLeadCustomFields()` read every page of
 * their list, adapt it, and fail like any other read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { client, ok } from './helpers';

const handWritten = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/hand-written', name), 'utf8'));

describe('getLeadTags', () => {
  it('reads the tags list page by page, following next', async () => {
    const first = handWritten('leads_tags.json') as { _links: object };
    const next = { next: { href: 'https://example.amocrm.ru/api/v4/leads/tags?page=2&limit=250' } };
    const second = { _page: 2, _embedded: { tags: [{ id: 204513, name: 'звонок', color: null }] } };
    const { api, requests } = client((_r, i) =>
      ok(i === 0 ? { ...first, _links: { ...first._links, ...next } } : second),
    );
    expect(await api.getLeadTags()).toEqual([
      { id: 204511, name: 'сайт', color: null },
      { id: 204512, name: 'чат', color: '#b6e1f7' },
      { id: 204513, name: 'звонок', color: null },
    ]);
    expect(requests.map(r => r.url)).toEqual([
      '/api/v4/leads/tags?page=1&limit=250',
      '/api/v4/leads/tags?page=2&limit=250',
    ]);
  });

  it('an account with no tags answers 204: an empty list', async () => {
    const { api } = client(() => ({ status: 204 }));
    expect(await api.getLeadTags()).toEqual([]);
  });

  it('a tag without a name is SCHEMA with its place', async () => {
    const body = { _embedded: { tags: [{ id: 1, name: 'a' }, { id: 2 }] } };
    const { api } = client(() => ok(body));
    await expect(api.getLeadTags()).rejects.toMatchObject({
      code: 'SCHEMA',
      path: '/api/v4/leads/tags',
      issues: [{ path: '_embedded.tags[1].name' }],
    });
  });
});

describe('getLeadCustomFields', () => {
  it('adapts the fields, list choices in their sort order, others with none', async () => {
    const { api, requests } = client(() => ok(handWritten('leads_custom_fields.json')));
    expect(await api.getLeadCustomFields()).toEqual([
      { id: 1283437, name: 'utm_source', type: 'tracking_data', code: 'UTM_SOURCE', enums: null },
      {
        id: 1291005,
        name: 'Продукт',
        type: 'select',
        code: null,
        enums: [
          { id: 2904511, value: 'Внедрение CRM' },
          { id: 2904513, value: 'Интеграция' },
        ],
      },
    ]);
    expect(requests[0]!.url).toBe('/api/v4/leads/custom_fields?page=1&limit=50');
  });

  it('other errors throw as codes', async () => {
    const { api } = client(() => ({ status: 401, data: { title: 'Unauthorized', status: 401 } }));
    await expect(api.getLeadCustomFields()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
