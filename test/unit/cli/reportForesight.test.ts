import { join } from 'node:path';
import { DAY, P, S1, S2, T, change, fixture, lead } from './bodies';
import { cli, dataDir } from './run';

const bodies = (leads: unknown[], events: unknown[]) =>
  dataDir({
    'pipelines.json': fixture('pipelines.json'),
    'leads.json': { _embedded: { leads } },
    'events.json': { _embedded: { events } },
  });

/** Every day from 01:30 to midnight, UTC: a working hour is easy to count by hand here. */
const WEEK = { days: [1, 2, 3, 4, 5, 6, 7], hours: [{ from: 90, to: 1440 }], timeZone: 'UTC' };

// Created at 01:00: lead 1 moved on at 02:00, lead 2 waits at S1, lead 3 was won at 02:30.
const small = bodies(
  [
    lead(1, S2, T + 3600, T + 7200),
    lead(2, S1, T + 3600),
    lead(3, 142, T + 3600, T + 9000),
    lead(4, 143, T + 3600),
  ],
  [change('a', 1, T + 7200, S1, S2), change('b', 3, T + 9000, S1, 142)],
);
/** Outside the data folder, which must hold amoCRM bodies only. */
const weekFile = (content: unknown) => join(dataDir({ 'week.json': content }), 'week.json');
const range = ['--from', String(T), '--to', String(T + DAY), '--now', String(T + DAY)];
const report = (data: string) => ['report', '--data', data, '--pipeline', String(P), ...range];

jest.setTimeout(30_000);

describe('funnel-lens report with foresight (metrics.md F.4)', () => {
  it('adds alerts, the forecast range and working hours to the JSON, and nothing else', async () => {
    const week = weekFile(WEEK);
    const [plain, asked] = await Promise.all([
      cli([...report(small), '--json']),
      cli([...report(small), '--json', '--alerts', '--forecast-days', '--working-time', week]),
    ]);
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    const r = JSON.parse(asked.stdout);
    const { alerts, forecastRange, workingResponse, ...rest } = r;
    expect(alerts).toMatchObject({
      confidence: 0.95,
      minSample: 10,
      baseline: { from: T - 84 * DAY, to: T, windows: 84 },
    });
    // No lead was created before the period: nothing to compare with.
    expect(alerts.transitions).toEqual([
      expect.objectContaining({ fromStageId: S1, toStageId: S2, change: null }),
      expect.objectContaining({ fromStageId: S2, toStageId: 142, change: null }),
    ]);
    expect(forecastRange).toMatchObject({ draws: 10_000, seed: 20261129 });
    expect(forecastRange.horizons.map((h: { horizonDays: number }) => h.horizonDays)).toEqual([
      30, 90,
    ]);
    // S1: lead 1 was there 01:00–02:00 (half an hour of it working), lead 3 01:00–02:30 (one);
    // lead 2 has waited since 01:00 (22.5 working hours); lead 1 at S2 since 02:00 (22).
    expect(r.stages[0].time).toMatchObject({ medianHours: 1.25 });
    expect(r.stages[0].workingTime).toEqual({
      samples: 2,
      medianHours: 0.75,
      p90Hours: 0.95,
      openMedianHours: 22.5,
    });
    expect(r.stages[1].workingTime.openMedianHours).toBe(22);
    expect(workingResponse).toEqual({ samples: 2, medianHours: 0.75, p90Hours: 0.95 });
    expect(r.options).toMatchObject({
      alerts: { confidence: 0.95 },
      forecastDays: [30, 90],
      workingWeek: { ...WEEK, holidays: [] },
    });
    // Without the options, the same report: every other number is where it was.
    type Json = Record<string, unknown>;
    const options = ({ alerts: _a, forecastDays: _f, workingWeek: _w, ...o }: Json) => o;
    expect({
      ...rest,
      stages: rest.stages.map(({ workingTime: _t, ...s }: Json) => s),
      stuck: rest.stuck.map(({ workingHoursInStage: _h, ...d }: Json) => d),
      options: options(rest.options),
    }).toEqual(JSON.parse(plain.stdout));
  });

  it('lists a significant drop in the text, with the forecast and the working hours', async () => {
    // The week before, 40 leads moved on from S1 within an hour; this period 20 were lost there
    // (at 02:30, an hour after the working day's 01:30 start).
    const before = T - 7 * DAY + 3600;
    const leads = [
      ...Array.from({ length: 40 }, (_, k) => lead(100 + k, S2, before, before + 3600)),
      ...Array.from({ length: 20 }, (_, k) => lead(200 + k, 143, T + 3600, T + 9000)),
    ];
    const events = [
      ...Array.from({ length: 40 }, (_, k) => change(`m${k}`, 100 + k, before + 3600, S1, S2)),
      ...Array.from({ length: 20 }, (_, k) => change(`l${k}`, 200 + k, T + 9000, S1, 143)),
    ];
    const data = bodies(leads, events);
    const args = [
      ...report(data),
      '--alerts',
      '0.99',
      '--forecast-days',
      '90,7',
      '--working-time',
      weekFile(WEEK),
    ];
    const [json, text] = await Promise.all([cli([...args, '--json']), cli(args)]);
    expect(json.code).toBe(0);
    const first = JSON.parse(json.stdout).alerts.transitions[0];
    expect(first).toMatchObject({
      current: { k: 0, n: 20 },
      baseline: { k: 40, n: 40 },
      change: { rate: 0, baselineRate: 1, difference: -1, direction: 'down', flagged: true },
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Significant changes (confidence 99.0%, at least 10 decided');
    expect(text.stdout).toContain('1 of 2 transitions tested');
    expect(text.stdout).toMatch(
      /↓ Первичный контакт → Принимают решение: 0\.0% \(0 of 20\) against 100\.0% \(40 of 40\), −100\.0 pp \[−\d+\.\d, −\d+\.\d\], p < 0\.001/,
    );
    expect(text.stdout).toContain('within 7 days:');
    expect(text.stdout).toContain('within 90 days:');
    expect(text.stdout.indexOf('within 7 days')).toBeLessThan(
      text.stdout.indexOf('within 90 days'),
    );
    expect(text.stdout).toContain('Working time (Mon Tue Wed Thu Fri Sat Sun, 01:30–24:00, UTC)');
    expect(text.stdout).toMatch(/Stage\s+Median wh\s+p90 wh\s+Waiting wh\n/);
    expect(text.stdout).toContain('First response in working hours: median 1.0 h');
  });

  it.each([
    [
      { days: [1, 8], hours: [{ from: 600, to: 540 }], timeZone: 'Mars/Base' },
      [
        'not a working week',
        'days.1: a weekday is 1 (Monday) … 7 (Sunday) (got 8)',
        'hours.0: "from" must be before "to"',
        'timeZone: unknown time zone (got "Mars/Base")',
      ],
    ],
    ['{"days": [1,', ['not JSON']],
  ])('refuses a bad working-time file, naming it and the JSON path', async (content, messages) => {
    const file = weekFile(content);
    const run = await cli([...report(small), '--working-time', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--working-time ${file}:`);
    for (const m of messages) expect(run.stderr).toContain(m);
  });
});
