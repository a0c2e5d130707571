import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, dataDir } from './run';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/amocrm-docs-examples', name), 'utf8'));

// The published pipeline 3177727: incoming 32392156, stages 32392159 < 32392165, 142, 143.
const P = 3177727;
const S1 = 32392159;
const T = 1_767_225_600; // 2026-01-01T00:00:00Z
const NOW = T + 30 * 86_400;
const UNTIL = 4001;
const REASON = 4002;

/** A lead at S1 since T, so 30 days in at NOW; `until` as amoCRM sends a date field (seconds). */
const lead = (id: number, until?: number, reason?: string) => ({
  id,
  name: `Сделка ${id}`,
  price: 1000,
  responsible_user_id: 7,
  status_id: S1,
  pipeline_id: P,
  created_at: T,
  updated_at: T,
  custom_fields_values: [
    ...(until === undefined
      ? []
      : [
          {
            field_id: UNTIL,
            field_name: 'ждёт до',
            field_code: null,
            field_type: 'date',
            values: [{ value: until }],
          },
        ]),
    ...(reason === undefined
      ? []
      : [
          {
            field_id: REASON,
            field_name: 'причина',
            field_code: null,
            field_type: 'text',
            values: [{ value: reason }],
          },
        ]),
  ],
  _embedded: { tags: [] },
});

const data = dataDir({
  'pipelines.json': fixture('pipelines.json'),
  'leads.json': {
    _embedded: {
      leads: [
        lead(1, NOW + 3 * 86_400, 'ждёт оплату \u001b[31m'),
        lead(2, NOW - 86_400, 'прошло'),
        lead(3),
      ],
    },
  },
});
const args = ['report', '--data', data, '--pipeline', String(P), '--now', String(NOW)];
args.push('--from', String(T - 86_400), '--to', String(T + 86_400), '--stuck-days', '7');

jest.setTimeout(30_000);

describe('funnel-lens report --snooze-fields', () => {
  it('leaves a deal snoozed until a later date out of stuck and lists it apart', async () => {
    const run = await cli([...args, '--json', '--snooze-fields', `${UNTIL},${REASON}`]);
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout);
    expect(r.stuck.map((d: { leadId: number }) => d.leadId)).toEqual([2, 3]);
    expect(r.snoozed).toEqual([
      expect.objectContaining({
        leadId: 1,
        stageId: S1,
        until: NOW + 3 * 86_400,
        reason: 'ждёт оплату \u001b[31m',
        stuck: true,
      }),
    ]);
    expect(r.stages[0]).toMatchObject({ id: S1, stuck: 2, snoozed: 1 });
    expect(r.options.snooze).toEqual({ untilFieldId: UNTIL, reasonFieldId: REASON });
  });

  it('prints the snoozed deals with their date and reason, without control characters', async () => {
    const run = await cli([...args, '--snooze-fields', String(UNTIL), '--tz', 'UTC']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Stuck deals: 2');
    expect(run.stdout).toContain('Snoozed deals: 1 (1 of them past the stuck threshold');
    expect(run.stdout).toMatch(/lead 1 at .+: waits until 2026-02-03 00:00\n/);
    const withReason = await cli([...args, '--snooze-fields', `${UNTIL},${REASON}`]);
    expect(withReason.stdout).toMatch(/waits until 2026-02-03 00:00 — ждёт оплату/);
    expect(withReason.stdout).not.toContain('\u001b');
  });

  it('is what it was before without the option, and refuses a bad one', async () => {
    const plain = JSON.parse((await cli([...args, '--json'])).stdout);
    expect(plain.stuck).toHaveLength(3);
    expect(plain.snoozed).toBeUndefined();
    for (const bad of ['x', '1,2,3', '5,5', '0']) {
      const run = await cli([...args, '--snooze-fields', bad]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('--snooze-fields');
    }
  });
});
