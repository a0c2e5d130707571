import { DAY, P, S1, S2, T, change, fixture, lead } from './bodies';
import { cli, dataDir } from './run';

// Lead 1: S1 for exactly 1 day, S2 for 2 h, back to S1, then won on 31 Jan at 22:00 UTC
// (1 February in Moscow). Lead 2: S1 for 3 h, lost.
const data = dataDir({
  'pipelines.json': fixture('pipelines.json'),
  'leads.json': {
    _embedded: {
      leads: [lead(1, 142, T, T + 30 * DAY + 22 * 3600), lead(2, 143, T, T + 3 * 3600)],
    },
  },
  'events.json': {
    _embedded: {
      events: [
        change('a', 1, T + DAY, S1, S2),
        change('b', 1, T + DAY + 7200, S2, S1),
        change('c', 1, T + 30 * DAY + 22 * 3600, S1, 142),
        change('d', 2, T + 3 * 3600, S1, 143),
      ],
    },
  },
});
const args = (zone: string) => [
  'report',
  '--data',
  data,
  '--pipeline',
  String(P),
  '--from',
  String(T),
  '--to',
  String(T + 40 * DAY),
  '--now',
  String(T + 40 * DAY),
  '--tz',
  zone,
  '--distributions',
];

jest.setTimeout(30_000);

describe('funnel-lens report --distributions (metrics.md F.5)', () => {
  it('puts the block in the JSON, months in the account time zone', async () => {
    const [utc, moscow, plain] = await Promise.all([
      cli([...args('UTC'), '--json']),
      cli([...args('Europe/Moscow'), '--json']),
      cli([...args('UTC').filter(a => a !== '--distributions'), '--json']),
    ]);
    expect(utc.stderr).toBe('');
    expect(utc.code).toBe(0);
    const r = JSON.parse(utc.stdout);
    expect(JSON.parse(plain.stdout).distributions).toBeUndefined();
    expect(r.options.distributions).toEqual({ timeZone: 'UTC' });
    const [s1, s2] = r.distributions.stages;
    // S1: 24 h (bin [24, 48)), 3 h ([2, 4)) and the 29 d 20 h visit before the win ([336, 720)).
    expect(s1).toMatchObject({ stageId: S1, samples: 3, side: false });
    expect(s1.counts[5]).toBe(1);
    expect(s1.counts[2]).toBe(1);
    expect(s1.counts[9]).toBe(1);
    expect(s2.counts[2]).toBe(1);
    const month = (rep: typeof r, m: string) =>
      rep.distributions.timeToClose.months.find((x: { month: string }) => x.month === m);
    expect(month(r, '2026-01').won.samples).toBe(1);
    expect(month(r, '2026-01').lost).toEqual({ samples: 1, medianHours: 3, p90Hours: 3 });
    const m = JSON.parse(moscow.stdout);
    expect(month(m, '2026-02').won).toEqual({
      samples: 1,
      medianHours: 30 * 24 + 22,
      p90Hours: 30 * 24 + 22,
    });
    const { places, counts, total } = r.distributions.transitions;
    const at = (kind: string, id: number | null = null) =>
      places.findIndex(
        (p: { kind: string; stageId: number | null }) => p.kind === kind && p.stageId === id,
      );
    expect(total).toBe(4);
    expect(counts[at('stage', S2)][at('stage', S1)]).toBe(1);
    expect(counts[at('stage', S1)][at('won')]).toBe(1);
    expect(counts[at('stage', S1)][at('lost')]).toBe(1);
  });

  it('prints the three tables in the text report', async () => {
    const run = await cli(args('UTC'));
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Time in stage: completed visits');
    expect(out).toMatch(/Первичный контакт\s+0\s+0\s+1\s+0\s+0\s+1/);
    expect(out).toContain('Time to close by month of closing (UTC)');
    expect(out).toMatch(/2026-01\s+1\s+30\.9\s+30\.9\s+1\s+0\.1\s+0\.1/);
    expect(out).toContain('Moves of the period’s deals in the period: 4');
    expect(out).toMatch(/→ Won: 1/);
  });
});
