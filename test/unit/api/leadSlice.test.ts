import { adaptLead } from '../../../src/api/adapt';
import { fieldValue, fieldsOf } from '../../../src/api/leadSlice';
import { readLeadList } from '../../../src/api/pages';
import { parseWith } from '../../../src/api/parse';
import { RawLeadSchema } from '../../../src/api/schemas';
import { fixture, fixtureNames } from './helpers';
import { outcome, zodLeads } from './pageBodies';

const T0 = 1_600_000_000;
const list = (items: unknown[]) => ({ _embedded: { leads: items } });

/** A lead as amoCRM's reference gives one with tags, a UTM field, a select, a multiselect and a checkbox. */
function richLead() {
  return {
    id: 7,
    pipeline_id: 2,
    status_id: 31,
    created_at: T0,
    updated_at: T0 + 60,
    closest_task_at: T0 + 86_400,
    custom_fields_values: [
      {
        field_id: 3001,
        field_name: 'utm_source',
        field_code: 'UTM_SOURCE',
        field_type: 'tracking_data',
        values: [{ value: 'yandex' }],
      },
      {
        field_id: 3002,
        field_name: 'Источник',
        field_code: null,
        field_type: 'select',
        values: [{ value: 'Сайт', enum_id: 501, enum_code: null }],
      },
      {
        field_id: 3003,
        field_name: 'Интересы',
        field_code: null,
        field_type: 'multiselect',
        values: [
          { value: 'Окна', enum_id: 601, enum_code: null },
          { value: 'Двери', enum_id: 602, enum_code: null },
        ],
      },
      {
        field_id: 3004,
        field_name: 'Повторный',
        field_code: null,
        field_type: 'checkbox',
        values: [{ value: true }],
      },
      {
        field_id: 3005,
        field_name: 'Дата встречи',
        field_code: null,
        field_type: 'date',
        values: [{ value: T0 }],
      },
    ],
    _embedded: {
      tags: [
        { id: 11, name: 'vip', color: null },
        { id: 12, name: 'опт', color: '#fff' },
      ],
    },
  };
}

describe('slice data of a lead (tags, custom fields, nearest task)', () => {
  it('reads tags, list fields as enum ids, checkboxes and texts; both readers agree', () => {
    const body = list([richLead()]);
    const [lead] = readLeadList(body);
    expect(lead).toMatchObject({
      tagIds: [11, 12],
      fields: { '3001': ['yandex'], '3002': [501], '3003': [601, 602], '3004': [true] },
      closestTaskAt: T0 + 86_400,
    });
    // A date's seconds are kept as their text (metrics.md F.6): the filter offers no text by itself.
    expect(lead?.fields?.['3005']).toEqual([String(T0)]);
    expect(fieldValue({ value: 1.5 })).toBeNull();
    expect(outcome(() => readLeadList(body))).toEqual(outcome(() => zodLeads(body)));
    expect(adaptLead(parseWith(RawLeadSchema, richLead()))).toEqual(lead);
  });

  it('tells a lead without a task (null) from a body that does not say (absent)', () => {
    const none = { ...richLead(), closest_task_at: null };
    const silent: Partial<ReturnType<typeof richLead>> = richLead();
    delete silent.closest_task_at;
    const [withNone, withSilent] = readLeadList(list([none, silent]));
    expect(withNone?.closestTaskAt).toBeNull();
    expect(withSilent).not.toHaveProperty('closestTaskAt', expect.anything());
    expect(withSilent?.closestTaskAt).toBeUndefined();
  });

  it('leaves empty tags and fields out: no data and no values read the same for a filter', () => {
    const bare = { ...richLead(), custom_fields_values: null, _embedded: { tags: [] } };
    const [lead] = readLeadList(list([bare]));
    expect(lead?.tagIds).toBeUndefined();
    expect(lead?.fields).toBeUndefined();
    expect(fieldsOf([{ field_id: 1, values: [{ value: { name: 'ООО' } }] }])).toBeUndefined();
    expect(fieldValue({ value: false })).toBe(false);
  });

  it('names the JSON path of a bad custom field or tag, as zod does', () => {
    const cases: [(l: ReturnType<typeof richLead>) => void, string][] = [
      [
        l => void ((l.custom_fields_values[1] as { field_id: unknown }).field_id = '3002'),
        'custom_fields_values[1].field_id',
      ],
      [
        l => void ((l.custom_fields_values[2]!.values[1] as { enum_id: unknown }).enum_id = 'x'),
        'custom_fields_values[2].values[1].enum_id',
      ],
      [
        l => void ((l.custom_fields_values[0] as { values: unknown }).values = {}),
        'custom_fields_values[0].values',
      ],
      [l => void ((l._embedded.tags[1] as { id: unknown }).id = 0), '_embedded.tags[1].id'],
      [l => void ((l._embedded as { tags: unknown }).tags = 'vip'), '_embedded.tags'],
    ];
    for (const [breakIt, path] of cases) {
      const lead = richLead();
      breakIt(lead);
      const body = list([richLead(), lead]);
      const read = outcome(() => readLeadList(body, { path: '/api/v4/leads' }));
      expect(read).toMatchObject({ first: { path: `_embedded.leads[1].${path}` } });
      expect(read).toEqual(outcome(() => zodLeads(body, '/api/v4/leads')));
    }
  });

  it('still accepts every published lead example', () => {
    for (const name of fixtureNames().filter(n => n.startsWith('lead'))) {
      const body = fixture(name);
      const items = name === 'lead.json' ? list([body]) : body;
      expect(outcome(() => readLeadList(items))).toHaveProperty('ok');
      expect(outcome(() => zodLeads(items))).toHaveProperty('ok');
    }
  });
});
