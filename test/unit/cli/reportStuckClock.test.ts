import { join } from 'node:path';
import { DAY, P, S1, S2, T, change, fixture, lead } from './bodies';
import { cli, dataDir } from './run';

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
