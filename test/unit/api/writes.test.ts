/**
 * The widget's writes (metrics.md F.6) against the sandbox, which follows amoCRM's rules: the
 * edit right (403), validation errors (400 with `validation-errors`), a new `updated_at`.
 */
import { createLeadWriter, createTokenHttp, readLeadList, snoozeBody } from '../../../src/api';
import type { LeadWriter } from '../../../src/api';
import { ADMIN, GLEB, VERA } from '../sandbox/fixtures/account';
import { openSandbox, TOKEN, type TestSandbox } from '../sandbox/fixtures/harness';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());

const writer = (user: number): LeadWriter =>
  createLeadWriter(createTokenHttp({ baseURL: sandbox.origin, token: `${TOKEN}:${user}` }));

async function leadFields(id: number) {
  const body = (await sandbox.get(`/api/v4/leads/${id}`)).json();
  const [lead] = readLeadList({ _embedded: { leads: [body] } });
  return lead?.fields;
}

describe('createLeadFields and snoozeLead', () => {
  let fields = { untilFieldId: 0, reasonFieldId: 0 as number | null };

  it('creates the two fields as an admin and reads them back adapted', async () => {
    const made = await writer(ADMIN).createLeadFields([
      { name: 'Funnel Lens: ждёт до', type: 'date' },
      { name: 'Funnel Lens: причина', type: 'text' },
    ]);
    expect(made).toEqual([
      expect.objectContaining({ name: 'Funnel Lens: ждёт до', type: 'date', enums: null }),
      expect.objectContaining({ name: 'Funnel Lens: причина', type: 'text' }),
    ]);
    fields = { untilFieldId: made[0]!.id, reasonFieldId: made[1]!.id };
  });

  it('refuses a manager creating fields: FORBIDDEN', async () => {
    await expect(
      writer(VERA).createLeadFields([{ name: 'x', type: 'text' }]),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('writes a mark the lead then carries (the date as text), and clears it', async () => {
    const done = await writer(VERA).snoozeLead(
      200002,
      { until: 1_760_000_000, reason: '  ждёт оплату ' },
      fields,
    );
    expect(done.updatedAt).toBeGreaterThan(0);
    expect(await leadFields(200002)).toEqual({
      [String(fields.untilFieldId)]: ['1760000000'],
      [String(fields.reasonFieldId)]: ['ждёт оплату'],
    });
    await writer(VERA).snoozeLead(200002, { until: null, reason: null }, fields);
    expect(await leadFields(200002)).toBeUndefined();
  });

  it('a lead outside the edit right is FORBIDDEN and keeps its values', async () => {
    await expect(
      writer(GLEB).snoozeLead(200002, { until: 1_760_000_000, reason: null }, fields),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await leadFields(200002)).toBeUndefined();
  });

  it('a refused value is BAD_REQUEST with amoCRM validation errors as issues', async () => {
    const wrong = { untilFieldId: fields.reasonFieldId!, reasonFieldId: null };
    await expect(
      writer(ADMIN).snoozeLead(200001, { until: 1_760_000_000, reason: null }, wrong),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [expect.objectContaining({ path: 'custom_fields_values.0.values.0.value' })],
    });
  });

  it('an unreachable account is NETWORK; a bad mark is refused before any request', async () => {
    const offline = createLeadWriter(
      createTokenHttp({ baseURL: 'http://127.0.0.1:9', token: 't' }),
    );
    await expect(
      offline.snoozeLead(1, { until: 1_760_000_000, reason: null }, fields),
    ).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(
      offline.snoozeLead(1, { until: 1.5, reason: null }, fields),
    ).rejects.toBeInstanceOf(RangeError);
    await expect(
      offline.snoozeLead(1, { until: 1_760_000_000, reason: 'x'.repeat(201) }, fields),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('sends a blank reason as a cleared field', () => {
    expect(
      snoozeBody(5, { until: 10, reason: ' ' }, { untilFieldId: 1, reasonFieldId: 2 }),
    ).toEqual([
      {
        id: 5,
        custom_fields_values: [
          { field_id: 1, values: [{ value: 10 }] },
          { field_id: 2, values: null },
        ],
      },
    ]);
  });
});
