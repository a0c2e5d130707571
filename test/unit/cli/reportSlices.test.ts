import { P, S1, S2, T, change, fixture } from './bodies';
import { cli, dataDir } from './run';

const SOURCE = 3002;
const UTM = 3001;

/** A lead with tags, a select field (enum ids), a UTM text and its nearest task. */
const lead = (
  id: number,
  status: number,
  opts: { tags: number[]; source?: number; utm?: string; task: number | null; updated?: number },
) => ({
  id,
  name: `Сделка ${id}`,
  price: 1000 * id,
  responsible_user_id: 7,
  status_id: status,
  pipeline_id: P,
  created_at: T + 3600,
  updated_at: opts.updated ?? T + 3600,
  closest_task_at: opts.task,
  custom_fields_values: [
    ...(opts.source === undefined
      ? []
      : [
          {
            field_id: SOURCE,
            field_name: 'Источник',
            field_code: null,
            field_type: 'select',
            values: [{ value: `Источник ${opts.source}`, enum_id: opts.source, enum_code: null }],
          },
        ]),
    ...(opts.utm === undefined
      ? []
      : [
          {
            field_id: UTM,
            field_name: 'utm_source',
            field_code: 'UTM_SOURCE',
            field_type: 'tracking_data',
            values: [{ value: opts.utm }],
          },
        ]),
  ],
  _embedded: { tags: opts.tags.map(t => ({ id: t, name: `tag ${t}`, color: null })) },
});

const data = dataDir({
  'pipelines.json': fixture('pipelines.json'),
  'leads.json': {
    _embedded: {
      leads: [
        // Moved on to S2; its task was due at T, a day before now: unattended.
        lead(1, S2, { tags: [11], source: 501, utm: 'yandex', task: T, updated: T + 7200 }),
        // At S1 with a task due tomorrow: attended.
        lead(2, S1, { tags: [12], source: 502, task: T + 2 * 86400 }),
        // Won from S1 at T + 2.5 h; no source.
        lead(3, 142, { tags: [11], task: null, updated: T + 9000 }),
        // Created lost (no events): closed at creation, lost from the first stage.
        lead(4, 143, { tags: [11], source: 501, task: null }),
      ],
    },
  },
  'events.json': {
    _embedded: {
      events: [change('a', 1, T + 7200, S1, S2), change('b', 3, T + 9000, S1, 142)],
    },
  },
});
const args = ['report', '--data', data, '--pipeline', String(P)];
const range = ['--from', String(T), '--to', String(T + 86400), '--now', String(T + 86400)];

jest.setTimeout(30_000);

describe('funnel-lens report with slices, modes and money', () => {
  it('slices by tag, counts by closing date and in money, and echoes the options', async () => {
    const run = await cli([
      ...args,
      ...range,
      '--json',
      '--tag',
      '11',
      '--mode',
      'closed',
      '--money',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.totals).toMatchObject({ deals: 3, won: 1, lost: 1, open: 1 });
    expect(r.options).toMatchObject({
      mode: 'closed',
      money: true,
      slice: { tagIds: [11], fields: null },
    });
    expect(r.money.totals).toEqual({ deals: 8000, won: 3000, lost: 4000, open: 1000 });
    expect(r.closedMode).toMatchObject({
      deals: 2,
      won: 1,
      lost: 1,
      winRate: 0.5,
      value: { won: 3000, lost: 4000 },
      lostFrom: [
        { stageId: S1, count: 1, value: 4000 },
        { stageId: S2, count: 0, value: 0 },
      ],
      timeToWin: { samples: 1, medianHours: 1.5 },
    });
    expect(r.stages.map((s: { unattended: number | null }) => s.unattended)).toEqual([0, 1]);
    expect(r.flow).toBeUndefined();
  });

  it('slices by fields and tags together, counts the flow, and shows it all as text', async () => {
    const slice = ['--tag', '11,12', '--field', `${SOURCE}=501`, '--field', `${SOURCE}=502`];
    const json = await cli([...args, ...range, '--json', '--mode', 'entered', ...slice]);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    // Lead 3 has no source, so it is out of the slice.
    expect(r.totals.deals).toBe(3);
    expect(r.flow.stages).toEqual([
      { id: S1, entered: 2, movedOn: 1, share: 0.5, value: { entered: 3000, movedOn: 1000 } },
      { id: S2, entered: 1, movedOn: 0, share: 0, value: { entered: 1000, movedOn: 0 } },
    ]);
    expect(r.options.slice).toEqual({
      tagIds: [11, 12],
      fields: [{ fieldId: SOURCE, values: [501, 502] }],
    });
    const text = await cli([...args, ...range, '--mode', 'entered', '--money', ...slice]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Slice: tags 11 or 12 · field ${SOURCE} = 501 or 502`);
    expect(text.stdout).toMatch(/Stuck\s+No task/);
    expect(text.stdout).toContain('Flow in the period');
    expect(text.stdout).toMatch(/Money: deals 7,000/);
    const closed = await cli([...args, ...range, '--mode', 'closed', '--field', `${UTM}=yandex`]);
    expect(closed.stdout).toContain('Closed in the period: 0');
  });

  it.each([
    [['--field', `${SOURCE}`], '--field: expected FIELD_ID=VALUE'],
    [['--mode', 'weekly'], '--mode: expected one of created, closed, entered'],
    [['--tag', 'vip'], '--tag: expected a positive whole number'],
  ])('refuses %j with exit code 2', async (extra, message) => {
    const run = await cli([...args, ...range, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
