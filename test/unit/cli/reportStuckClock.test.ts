import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, dataDir } from './run';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/amocrm-docs-examples', name), 'utf8'));

// The published pipeline 3177727: stages 32392159 («Первичный контакт») < 32392165, 142, 143.
const P = 3177727;
const [S1, S2] = [32392159, 32392165];
const T = 1_767_225_600; // 2026-01-01T00:00:00Z, a Thursday
const DAY = 86_400;

const lead = (id: number, status: number, created: number, updated = created) => ({
  id,
  name: `Сделка ${id}`,
  price: 1000 * id,
  responsible_user_id: 7,
  status_id: status,
  pipeline_id: P,
  created_at: created,
  updated_at: updated,
});
const change = (id: string, leadId: number, at: number, from: number, to: number) => ({
  id,
  type: 'lead_status_changed',
  entity_id: leadId,
  entity_type: 'lead',
  created_at: at,
  value_before: [{ lead_status: { id: from, pipeline_id: P } }],
  value_after: [{ lead_status: { id: to, pipeline_id: P } }],
});

// Lead 2 waits at S1 since 01:00 (23 elapsed hours by midnight, 22.5 working), lead 1 at S2 since
// 02:00 (22 elapsed and working).
const data = dataDir({
  'pipelines.json': fixture('pipelines.json'),
  'leads.json': {
    _embedded: { leads: [lead(1, S2, T + 3600, T + 7200), lead(2, S1, T + 3600)] },
  },
  'events.json': { _embedded: { events: [change('a', 1, T + 7200, S1, S2)] } },
});
/** Every day from 01:30 to midnight, UTC: a working day of 22.5 hours. */
const week = join(
  dataDir({
    'week.json': { days: [1, 2, 3, 4, 5, 6, 7], hours: [{ from: 90, to: 1440 }], timeZone: 'UTC' },
  }),
  'week.json',
);
const report = [
  'report',
  ...['--data', data, '--pipeline', String(P)],
  ...['--from', String(T), '--to', String(T + DAY), '--now', String(T + DAY)],
  // 0.98 days: 23.52 elapsed hours (nobody is past it), 22.05 working hours (lead 2 is).
  ...['--stuck-days', '0.98'],
];

jest.setTimeout(30_000);

describe('funnel-lens report --stuck-clock (metrics.md F.1a)', () => {
  it('judges stuck deals in working hours against working thresholds', async () => {
    const [elapsed, working, text] = await Promise.all([
      cli([...report, '--json', '--working-time', week]),
      cli([...report, '--json', '--working-time', week, '--stuck-clock', 'working']),
      cli([...report, '--working-time', week, '--stuck-clock', 'working']),
    ]);
    expect(working.stderr).toBe('');
    expect(working.code).toBe(0);
    const e = JSON.parse(elapsed.stdout);
    expect(e.stuck).toEqual([]);
    expect(e.stages[0].stuckThresholdWorkingHours).toBeUndefined();
    expect(e.options.stuckClock).toBeUndefined();

    const w = JSON.parse(working.stdout);
    expect(w.options.stuckClock).toBe('working');
    expect(w.stuck).toEqual([
      expect.objectContaining({
        leadId: 2,
        stageId: S1,
        hoursInStage: 23,
        thresholdHours: 23.52,
        workingHoursInStage: 22.5,
      }),
    ]);
    expect(w.stuck[0].thresholdWorkingHours).toBeCloseTo(22.05, 10);
    expect(w.stages.map((s: { stuck: number }) => s.stuck)).toEqual([1, 0]);
    for (const s of w.stages) {
      expect(s.stuckThresholdHours).toBeCloseTo(23.52, 10);
      expect(s.stuckThresholdWorkingHours).toBeCloseTo(22.05, 10);
    }

    expect(text.code).toBe(0);
    expect(text.stdout).toContain('stuck deals are judged in working hours');
    expect(text.stdout).toMatch(/Stage\s+Median wh\s+p90 wh\s+Waiting wh\s+Thresh\. wh\n/);
    expect(text.stdout).toContain('Stuck deals: 1');
  });

  it('refuses the working clock without a working week', async () => {
    const run = await cli([...report, '--stuck-clock', 'working']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--stuck-clock working: needs --working-time FILE');
  });

  it('refuses a clock it does not know', async () => {
    const run = await cli([...report, '--working-time', week, '--stuck-clock', 'business']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--stuck-clock: expected "elapsed" or "working", got "business"');
  });
});
