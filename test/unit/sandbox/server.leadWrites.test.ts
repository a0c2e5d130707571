import { ADMIN, BORIS, GLEB, VERA } from './fixtures/account';
import { manualClock, TOKEN, withSandbox, type TestSandbox } from './fixtures/harness';

/** `PATCH /api/v4/leads[/{id}]` and `POST /api/v4/leads/custom_fields` (metrics.md F.6). */

const NOW_MS = 1_750_000_000_000;
const as = (user?: number) => ({
  authorization: `Bearer ${user === undefined ? TOKEN : `${TOKEN}:${user}`}`,
});

async function createFields(sandbox: TestSandbox): Promise<{ until: number; reason: number }> {
  const response = await sandbox.request('/api/v4/leads/custom_fields', {
    method: 'POST',
    headers: as(ADMIN),
    body: [
      { name: 'Funnel Lens: ждёт до', type: 'date' },
      { name: 'Funnel Lens: причина', type: 'text' },
    ],
  });
  expect(response.statusCode).toBe(200);
  const [until, reason] = response.json()._embedded.custom_fields;
  expect(until).toMatchObject({ name: 'Funnel Lens: ждёт до', type: 'date', enums: null });
  expect(reason).toMatchObject({ type: 'text' });
  return { until: until.id, reason: reason.id };
}

const snooze = (fields: { until: number; reason: number }, until: number, reason: string) => [
  { field_id: fields.until, values: [{ value: until }] },
  { field_id: fields.reason, values: [{ value: reason }] },
];

const lead = async (sandbox: TestSandbox, id: number) =>
  (await sandbox.get(`/api/v4/leads/${id}`)).json();

describe('POST /api/v4/leads/custom_fields', () => {
  it('creates text and date fields for an admin, listed at once; others get 403', () =>
    withSandbox({}, async sandbox => {
      const { until } = await createFields(sandbox);
      const list = (await sandbox.get('/api/v4/leads/custom_fields')).json();
      expect(list._total_items).toBe(5);
      expect((await sandbox.get(`/api/v4/leads/custom_fields/${until}`)).json().type).toBe('date');
      const denied = await sandbox.request('/api/v4/leads/custom_fields', {
        method: 'POST',
        headers: as(BORIS),
        body: [{ name: 'x', type: 'text' }],
      });
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toMatchObject({ status: 403, type: 'https://httpstatus.es/403' });
      const bad = await sandbox.request('/api/v4/leads/custom_fields', {
        method: 'POST',
        headers: as(),
        body: [
          { name: 'ok', type: 'text' },
          { name: '', type: 'smart' },
        ],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()['validation-errors']).toEqual([
        {
          request_id: '1',
          errors: [
            expect.objectContaining({ code: 'FieldMissing', path: 'name' }),
            expect.objectContaining({ code: 'NotSupportedChoice', path: 'type' }),
          ],
        },
      ]);
      // Nothing of a refused request is created.
      expect((await sandbox.get('/api/v4/leads/custom_fields')).json()._total_items).toBe(5);
    }));
});

describe('PATCH /api/v4/leads', () => {
  it('writes the values, bumps updated_at and answers like amoCRM', () =>
    withSandbox({ clock: manualClock(NOW_MS) }, async sandbox => {
      const fields = await createFields(sandbox);
      const before = await lead(sandbox, 200002);
      const response = await sandbox.request('/api/v4/leads', {
        method: 'PATCH',
        headers: as(VERA),
        body: [{ id: 200002, custom_fields_values: snooze(fields, 1_760_000_000, 'ждёт оплату') }],
      });
      expect(response.statusCode).toBe(200);
      const after = await lead(sandbox, 200002);
      expect(response.json()._embedded.leads).toEqual([
        expect.objectContaining({ id: 200002, updated_at: after.updated_at, request_id: '0' }),
      ]);
      expect(after.updated_at).toBe(Math.max(NOW_MS / 1000, Number(before.updated_at) + 1));
      expect(after.updated_by).toBe(VERA);
      expect(after.custom_fields_values).toEqual([
        expect.objectContaining({
          field_id: fields.until,
          field_type: 'date',
          values: [{ value: 1_760_000_000 }],
        }),
        expect.objectContaining({
          field_id: fields.reason,
          field_type: 'text',
          values: [{ value: 'ждёт оплату' }],
        }),
      ]);
      // The incremental read finds it.
      const changed = await sandbox.get(
        `/api/v4/leads?filter[updated_at][from]=${after.updated_at}`,
      );
      expect(changed.json()._embedded.leads.map((l: { id: number }) => l.id)).toContain(200002);
      // Clearing un-snoozes: values null removes the field.
      const cleared = await sandbox.request('/api/v4/leads/200002', {
        method: 'PATCH',
        headers: as(VERA),
        body: {
          custom_fields_values: [
            { field_id: fields.until, values: null },
            { field_id: fields.reason, values: [] },
          ],
        },
      });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json()).toMatchObject({ id: 200002 });
      expect((await lead(sandbox, 200002)).custom_fields_values).toBeNull();
    }));

  it('follows the edit right: A, G of the group, M own, D none, admins all; 403 writes nothing', () =>
    withSandbox({}, async sandbox => {
      const fields = await createFields(sandbox);
      const patch = (user: number, id: number) =>
        sandbox.request('/api/v4/leads', {
          method: 'PATCH',
          headers: as(user),
          body: [{ id, custom_fields_values: snooze(fields, 1_760_000_000, 'x') }],
        });
      expect((await patch(BORIS, 200002)).statusCode).toBe(200); // G: Vera is in his group
      expect((await patch(VERA, 200001)).statusCode).toBe(403); // M: Boris's lead
      expect((await patch(GLEB, 200002)).statusCode).toBe(403); // M, other group
      expect((await patch(ADMIN, 200007)).statusCode).toBe(200);
      sandbox.ctx.account = {
        ...sandbox.ctx.account,
        users: sandbox.ctx.account.users.map(u => (u.id === BORIS ? { ...u, leads_edit: 'D' } : u)),
      };
      const denied = await patch(BORIS, 200001);
      expect(denied.statusCode).toBe(403);
      expect(denied.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await lead(sandbox, 200001)).custom_fields_values).toBeNull();
      const rights = (await sandbox.get(`/api/v4/users/${BORIS}`)).json().rights;
      expect(rights.leads).toMatchObject({ view: 'G', edit: 'D' });
      // One lead the user may not edit and none of the batch is written.
      const mixed = await sandbox.request('/api/v4/leads', {
        method: 'PATCH',
        headers: as(VERA),
        body: [
          { id: 200002, custom_fields_values: snooze(fields, 1_770_000_000, 'y') },
          { id: 200001, custom_fields_values: snooze(fields, 1_770_000_000, 'y') },
        ],
      });
      expect(mixed.statusCode).toBe(403);
      expect((await lead(sandbox, 200002)).custom_fields_values[1].values).toEqual([
        { value: 'x' },
      ]);
    }));

  it('refuses unknown fields and wrong value types with validation errors', () =>
    withSandbox({}, async sandbox => {
      const fields = await createFields(sandbox);
      const response = await sandbox.request('/api/v4/leads', {
        method: 'PATCH',
        headers: as(),
        body: [
          {
            id: 200001,
            custom_fields_values: [
              { field_id: 1, values: [{ value: 'x' }] },
              { field_id: fields.until, values: [{ value: '2026-01-01' }] },
              { field_id: fields.reason, values: [{ value: 'x'.repeat(257) }] },
            ],
          },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ title: 'Bad Request', status: 400 });
      expect(response.json()['validation-errors']).toEqual([
        {
          request_id: '0',
          errors: [
            expect.objectContaining({
              code: 'NotSupportedChoice',
              path: 'custom_fields_values.0.field_id',
            }),
            expect.objectContaining({
              code: 'InvalidType',
              path: 'custom_fields_values.1.values.0.value',
            }),
            expect.objectContaining({
              code: 'InvalidType',
              path: 'custom_fields_values.2.values.0.value',
            }),
          ],
        },
      ]);
      expect((await lead(sandbox, 200001)).custom_fields_values).toBeNull();
      const missing = await sandbox.request('/api/v4/leads/999', {
        method: 'PATCH',
        headers: as(),
        body: { custom_fields_values: [] },
      });
      expect(missing.statusCode).toBe(400);
    }));
});
