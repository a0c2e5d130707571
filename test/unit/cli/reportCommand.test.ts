import { P, S1, S2, T, change, fixture, lead } from './bodies';
import { cli, dataDir } from './run';

const leadsPage = (leads: unknown[]) => ({ _page: 1, _embedded: { leads } });
const eventsPage = (events: unknown[]) => ({ _page: 1, _embedded: { events } });

const base = {
  'pipelines.json': fixture('pipelines.json'),
  'nested/deeper/leads-1.json': leadsPage([
    lead(1, S2, T + 3600, T + 7200),
    lead(2, S1, T + 3600),
    lead(3, 142, T + 3600, T + 9000),
  ]),
  // An overlapping page: lead 1 again (older copy) and lead 4.
  'leads-2.json': leadsPage([lead(1, S1, T + 3600), lead(4, 143, T + 3600, T + 5000)]),
  'events-1.json': eventsPage([
    change('a', 1, T + 7200, S1, S2),
    change('b', 3, T + 9000, S1, 142),
  ]),
  // The same event again on another page.
  'events-2.json': eventsPage([change('a', 1, T + 7200, S1, S2)]),
};
const range = ['--from', String(T), '--to', String(T + 86400), '--now', String(T + 86400)];

// Each run is a child process starting TypeScript: a test running the CLI three times outlasted
// jest's 5 s on a busy 2-core machine.
jest.setTimeout(30_000);

describe('funnel-lens report', () => {
  it('prints the contract object with --json, merging overlapping pages and duplicate events', async () => {
    const run = await cli([
      'report',
      '--data',
      dataDir(base),
      '--pipeline',
      String(P),
      '--json',
      ...range,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.pipeline).toEqual({ id: P, name: 'Воронка' });
    expect(report.period).toEqual({ from: T, to: T + 86400 });
    expect(report.totals).toMatchObject({ deals: 4, won: 1, lost: 1, open: 2 });
    expect(report.stages.map((s: { reached: number }) => s.reached)).toEqual([4, 2]);
    expect(report.won).toEqual({ reached: 1 });
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'pipeline',
        'period',
        'now',
        'totals',
        'stages',
        'won',
        'weakestTransition',
        'stuck',
        'managers',
        'previous',
        'lossReasons',
        'forecast',
      ]),
    );
  });

  it('sets side stages apart with --side-stages (metrics.md 11.3)', async () => {
    const args = ['report', '--data', dataDir(base), '--pipeline', String(P), ...range];
    const side = ['--side-stages', String(S1)];
    const json = await cli([...args, '--json', ...side]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      stages: { id: number }[];
      sideStages: { id: number; entered: number; current: number; returned: number }[];
      options: { sideStageIds: number[] };
    };
    expect(report.stages.map(s => s.id)).toEqual([S2]);
    expect(report.options.sideStageIds).toEqual([S1]);
    // Lead 1 went S1 → S2 (returned), lead 2 sits at S1, lead 3 was won from S1.
    expect(report.sideStages).toEqual([
      expect.objectContaining({ id: S1, entered: 3, current: 1, returned: 1 }),
    ]);
    const text = await cli([...args, ...side]);
    expect(text.stdout).toMatch(/Side stage\s+Entered/);
  });

  it('prints a readable table by default and the stage table with --csv', async () => {
    const table = await cli(['report', '--data', dataDir(base), '--pipeline', String(P), ...range]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Первичный контакт\s+4\s+50\.0%/);
    expect(table.stdout).toContain('Weakest transition:');
    const csv = await cli([
      'report',
      '--data',
      dataDir(base),
      '--pipeline',
      String(P),
      '--csv',
      ...range,
    ]);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^stage_id,stage,reached,current,/);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^32392159,Первичный контакт,4,/);
  });

  it('stops with exit code 2 naming a file that is not JSON', async () => {
    const run = await cli([
      'report',
      '--data',
      dataDir({ ...base, 'broken.json': '{"_embedded": ' }),
      '--pipeline',
      String(P),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.json: not valid JSON/);
    expect(run.stdout).toBe('');
  });

  it('stops with exit code 2 naming the file and the JSON path that fails its schema', async () => {
    const bad = leadsPage([lead(5, S1, T), { ...lead(6, S1, T), status_id: 'x' }]);
    const run = await cli([
      'report',
      '--data',
      dataDir({ ...base, 'sub/bad-leads.json': bad }),
      '--pipeline',
      String(P),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sub\/bad-leads\.json: not a valid amoCRM response body/);
    expect(run.stderr).toContain('_embedded.leads[1].status_id');
  });

  it('skips an unrecognised body and a saved error with a warning, and still reports', async () => {
    const run = await cli([
      'report',
      '--data',
      dataDir({
        ...base,
        'notes.json': { hello: 'world' },
        'err.json': fixture('kommo_error_401.json'),
      }),
      '--pipeline',
      String(P),
      '--json',
      ...range,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/skipped .*notes\.json: not an amoCRM API response body/);
    expect(run.stderr).toMatch(/skipped .*err\.json: a saved error response/);
    expect(JSON.parse(run.stdout).totals.deals).toBe(4);
  });

  it('strips terminal control sequences from names in the table, the CSV and the messages', async () => {
    const pipelines = fixture('pipelines.json') as {
      _embedded: {
        pipelines: {
          id: number;
          name: string;
          _embedded: { statuses: { id: number; name: string }[] };
        }[];
      };
    };
    for (const p of pipelines._embedded.pipelines) {
      p.name = `\u001b]0;owned\u0007${p.name}`;
      for (const st of p._embedded.statuses)
        if (st.id === S1)
          st.name = `\u001b[2J\u001b]8;;https://evil.example\u001b\\Первичный\u009b31m контакт`;
    }
    const dir = dataDir({ ...base, 'pipelines.json': pipelines });
    const run = (...more: string[]) => cli(['report', '--data', dir, ...range, ...more]);
    const table = await run('--pipeline', String(P));
    const csv = await run('--pipeline', String(P), '--csv');
    const unknown = await run('--pipeline', '42');
    for (const out of [table.stdout, csv.stdout, unknown.stderr]) {
      // Line breaks only (CSV rows end in CRLF).
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      expect(out).not.toContain('evil.example');
    }
    expect(table.stdout).toContain('Первичный контакт');
    expect(table.stdout).toContain('Funnel Lens — Воронка');
    expect(csv.stdout).toContain(`${S1},Первичный контакт,`);
    expect(unknown.stderr).toMatch(/3177727\s+Воронка/);
  });

  it('lists the pipelines found when the pipeline is unknown', async () => {
    const run = await cli(['report', '--data', dataDir(base), '--pipeline', '42']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--pipeline 42: no such pipeline');
    expect(run.stderr).toMatch(/3177727\s+Воронка/);
  });

  it('gives a valid empty report when there are no leads at all', async () => {
    const run = await cli([
      'report',
      '--data',
      dataDir({ 'p.json': fixture('pipeline.json') }),
      '--pipeline',
      String(P),
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.totals).toEqual({
      deals: 0,
      won: 0,
      lost: 0,
      open: 0,
      incoming: 0,
      conversion: null,
      revenueWon: 0,
    });
    expect(report.weakestTransition).toBeNull();
  });

  it('reads dates as midnight in the account time zone, else --tz, else UTC', async () => {
    const dates = ['--from', '2026-01-01', '--to', '2026-01-02', '--now', '2026-01-02'];
    const utc = JSON.parse(
      (await cli(['report', '--data', dataDir(base), '--pipeline', String(P), '--json', ...dates]))
        .stdout,
    );
    expect(utc.period).toEqual({ from: T, to: T + 86400 });
    const tz = JSON.parse(
      (
        await cli([
          'report',
          '--data',
          dataDir(base),
          '--pipeline',
          String(P),
          '--json',
          '--tz',
          'Asia/Vladivostok',
          ...dates,
        ])
      ).stdout,
    );
    expect(tz.period.from).toBe(T - 10 * 3600);
    const withAccount = await cli([
      'report',
      '--data',
      dataDir({ ...base, 'account.json': fixture('account.json') }),
      '--pipeline',
      String(P),
      '--json',
      '--tz',
      'Asia/Vladivostok',
      ...dates,
    ]);
    expect(JSON.parse(withAccount.stdout).period.from).toBe(T - 3 * 3600);
    expect(withAccount.stderr).toContain(
      "--tz Asia/Vladivostok ignored: the account's time zone is Europe/Moscow",
    );
  });

  it('takes per-stage thresholds, a horizon and a loaded-history start, and echoes them', async () => {
    const json = async (...extra: string[]) => {
      const run = await cli([
        'report',
        '--data',
        dataDir(base),
        '--pipeline',
        String(P),
        '--json',
        ...range,
        ...extra,
      ]);
      expect(run.code).toBe(0);
      return { report: JSON.parse(run.stdout), stderr: run.stderr };
    };
    const { report } = await json(
      '--stuck-days-by-stage',
      `${S1}=2,${S2}=0.5`,
      '--horizon-days',
      '30',
    );
    expect(report.options).toMatchObject({
      stuckDaysByStage: { [String(S1)]: 2, [String(S2)]: 0.5 },
      horizonDays: 30,
      historyFrom: null,
    });
    expect(
      report.stages.map((s: { stuckThresholdHours: number }) => s.stuckThresholdHours),
    ).toEqual([48, 12]);
    // A stage of another pipeline is ignored with a warning, not an error.
    const other = await json('--stuck-days-by-stage', `${S1}=2,999=3`);
    expect(other.stderr).toContain('--stuck-days-by-stage: 999 not an open stage of pipeline');
    // From T + 2 h on: lead 3 was closed after it but created before it, so it is not in the data.
    const later = await json('--history-from', String(T + 7200));
    expect(later.report.options.historyFrom).toBe(T + 7200);
    expect(later.report.totals.deals).toBe(2);
    const table = await cli([
      'report',
      '--data',
      dataDir(base),
      '--pipeline',
      String(P),
      ...range,
      '--history-from',
      String(T + 7200),
      '--horizon-days',
      '7',
    ]);
    expect(table.stdout).toContain('History loaded since 2026-01-01 02:00');
    expect(table.stdout).toContain('Older history is not loaded');
    expect(table.stdout).toContain('learned from visits that ended in the last 7 days');
  });

  it.each([
    [['--pipeline', String(P)], '--data DIR is required'],
    [['--data', '/nonexistent', '--pipeline', String(P)], 'cannot read the folder'],
    [
      ['--data', '.', '--pipeline', 'abc'],
      '--pipeline: expected a positive whole number (an id), got "abc"',
    ],
    [
      ['--data', '.', '--pipeline', '0x10'],
      '--pipeline: expected a positive whole number (an id), got "0x10"',
    ],
    [['--from', 'yesterday'], '--from: "yesterday" is not a time'],
    [['--from', '2026-02-30'], '--from: "2026-02-30" is not a time'],
    [['--from', '2026-02-02', '--to', '2026-02-01'], '--from must be before --to'],
    [['--stuck-days=-1'], '--stuck-days: expected a number of days above 0'],
    [['--stuck-days', '0'], '--stuck-days: expected a number of days above 0'],
    [
      ['--stuck-days', '0x10'],
      '--stuck-days: expected a number of days above 0 and at most 36500 (e.g. 7 or 2.5), got "0x10"',
    ],
    [
      ['--stuck-days', '1e308'],
      '--stuck-days: expected a number of days above 0 and at most 36500 (e.g. 7 or 2.5), got "1e308"',
    ],
    [['--min-sample', '2.5'], '--min-sample: expected a whole number ≥ 0'],
    [
      ['--min-sample', '9'.repeat(400)],
      `--min-sample: expected a whole number ≥ 0, got "${'9'.repeat(40)}…"`,
    ],
    [['--stuck-days-by-stage', '12'], '--stuck-days-by-stage: expected STAGE_ID=DAYS pairs'],
    [
      ['--stuck-days-by-stage', '12=0'],
      '--stuck-days-by-stage (stage 12): expected a number of days above 0',
    ],
    [
      ['--stuck-days-by-stage', '0x0c=1'],
      '--stuck-days-by-stage (stage id): expected a positive whole number (an id), got "0x0c"',
    ],
    [['--stuck-days-by-stage', '12=1,12=2'], '--stuck-days-by-stage: stage 12 is given twice'],
    [['--horizon-days', 'soon'], '--horizon-days: expected a number of days above 0'],
    [['--horizon-days', '1e3'], '--horizon-days: expected a number of days above 0'],
    [['--history-from', 'yesterday'], '--history-from: "yesterday" is not a time'],
    [['--side-stages', 'x'], '--side-stages: expected a positive whole number (an id), got "x"'],
    [['--side-stages', `${S1},${S1}`], `--side-stages: stage ${S1} is given twice`],
    [['--side-stages', '142'], `--side-stages: 142 is not an open stage of pipeline ${P}`],
    [['--data', '.', '--pipeline', '1', '--json', '--csv'], '--json and --csv exclude each other'],
    [['--data', '.', '--pipeline', '1', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects bad arguments %j with exit code 2', async (args, message) => {
    // Options after the data and pipeline ones apply to a real, small data folder.
    const full = [
      '--from',
      '--stuck-days',
      '--stuck-days=-1',
      '--min-sample',
      '--stuck-days-by-stage',
      '--horizon-days',
      '--history-from',
      '--side-stages',
    ].includes(args[0]!)
      ? ['--data', dataDir(base), '--pipeline', String(P), ...args]
      : args;
    const run = await cli(['report', ...full]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
