/**
 * `funnel-lens sync` and `report` as a user runs them (child processes) against the sandbox's
 * API emulator, and the report checked number by number against the naive second reading of the
 * contract on the very same files.
 */
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoAccount, PIPELINE_IDS, STATUS_IDS, USER_IDS } from '../../../sandbox/demo';
import { startSandbox } from '../../../sandbox/server';
import type { RunningSandbox } from '../../../sandbox/server';
import { loadDataDir } from '../../../src/cli/loadDir';
import { STATE_FILE } from '../../../src/cli/syncState';
import { oracleReport } from '../core/oracle';
import { changed } from '../sync/changedAccount';
import { cli } from './run';

const NOW = Date.UTC(2026, 10, 20, 12) / 1000;
const MAIN = PIPELINE_IDS.main;
let sandbox: RunningSandbox;
// Real runs at amoCRM's 7 requests per second take a few seconds each.
jest.setTimeout(60_000);

beforeAll(async () => {
  const account = generateDemoAccount({ seed: 3, leads: 600, now: NOW });
  sandbox = await startSandbox({ account, port: 0, rateLimit: { enabled: false } });
});
afterAll(() => sandbox.close());

const DAY = 86_400;
const tmp = () => mkdtempSync(join(tmpdir(), 'funnel-lens-sync-'));
const runsIn = (out: string) => readdirSync(out).filter(n => n.startsWith('sync-'));
/** `report --json` over DIR for MAIN, with the extra options. */
async function reportJson(dir: string, ...more: string[]): Promise<unknown> {
  const run = await cli(['report', '--data', dir, '--pipeline', String(MAIN), '--json', ...more]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}
const sync = (out: string, ...more: string[]) =>
  cli(['sync', '--base-url', sandbox.url, '--token', 'sandbox-token', '--out', out, ...more]);

describe('funnel-lens sync → report', () => {
  it('saves plain API bodies that report reads, with contract-exact numbers on a messy dump', async () => {
    const out = tmp();
    const run = await sync(out, '--pipeline', String(MAIN));
    expect(run.code).toBe(0);
    // Progress as the widget's loaders report it: what has been read so far.
    expect(run.stderr).toMatch(/leads: [\d,]+ leads · 0 stage changes/);
    expect(run.stderr).toMatch(/events: [\d,]+ leads · [\d,]+ stage changes/);
    expect(run.stderr).toMatch(/\([\d,]+ leads, [\d,]+ stage changes\)/);
    const [runDir] = readdirSync(out).filter(n => n.startsWith('sync-'));
    const files = readdirSync(join(out, runDir!));
    expect(files).toEqual(
      expect.arrayContaining([
        'account-0001.json',
        'pipelines-0001.json',
        'leads-0001.json',
        'events-0001.json',
      ]),
    );

    // The run is complete: its manifest lists every file it holds.
    const manifest = JSON.parse(readFileSync(join(out, runDir!, '.funnel-lens-run.json'), 'utf8'));
    expect(Object.keys(manifest.files).sort()).toEqual(
      files.filter(name => name !== '.funnel-lens-run.json').sort(),
    );

    // Make a copy messy like real dumps: a page saved twice under another name, and a lost page
    // of history (leads whose events are missing fall back to their current status). A sync's
    // own folder with a lost page is refused (syncFolder.test.ts); a folder of copies is not.
    const messy = join(tmp(), 'messy');
    cpSync(join(out, runDir!), messy, { recursive: true });
    copyFileSync(join(messy, 'leads-0001.json'), join(messy, 'copy-of-leads.json'));
    copyFileSync(join(messy, 'events-0002.json'), join(messy, 'again.json'));
    rmSync(join(messy, 'events-0003.json'));

    const args = ['--from', String(NOW - 180 * 86400), '--to', String(NOW), '--now', String(NOW)];
    const report = await cli([
      'report',
      '--data',
      messy,
      '--pipeline',
      String(MAIN),
      '--json',
      ...args,
    ]);
    expect(report.code).toBe(0);
    const got = JSON.parse(report.stdout);
    const data = loadDataDir(messy, () => undefined);
    const input = {
      pipeline: data.pipelines.find(p => p.id === MAIN)!,
      leads: data.leads,
      events: data.events,
      lossReasons: data.lossReasons,
    };
    expect(got).toMatchObject(
      JSON.parse(
        JSON.stringify(oracleReport(input, { from: NOW - 180 * 86400, to: NOW, now: NOW })),
      ),
    );
    expect(got.weakestTransition).toMatchObject({
      fromStageId: STATUS_IDS.main.open[2],
      toStageId: STATUS_IDS.main.open[3],
    });
    expect(
      got.stages.reduce((n: number, s: { skipped: number }) => n + s.skipped, 0),
    ).toBeGreaterThan(0);
  });

  it('adds only what changed with --since last, and a full re-sync replaces its earlier runs', async () => {
    const out = tmp();
    expect((await sync(out)).code).toBe(0);
    const again = await sync(out, '--since', 'last');
    expect(again.code).toBe(0);
    expect(readdirSync(out).filter(n => n.startsWith('sync-'))).toHaveLength(2);
    const full = await sync(out);
    expect(full.code).toBe(0);
    expect(readdirSync(out).filter(n => n.startsWith('sync-'))).toHaveLength(1);
  });

  it('works for a manager who may not list users, with only what they may see', async () => {
    const out = tmp();
    const manager = await cli([
      'sync',
      '--base-url',
      sandbox.url,
      '--token',
      `sandbox-token:${USER_IDS.lebedev}`,
      '--out',
      out,
      '--pipeline',
      String(MAIN),
    ]);
    expect(manager.code).toBe(0);
    const data = loadDataDir(out, () => undefined);
    expect(data.users).toEqual([]);
    expect(data.leads.length).toBeGreaterThan(0);
    expect(data.leads.length).toBeLessThan(
      sandbox.ctx.account.leads.filter(l => l.pipeline_id === MAIN).length,
    );
  });

  it('takes the token from FUNNEL_LENS_TOKEN or from standard input, never needing it in argv', async () => {
    const base = ['sync', '--base-url', sandbox.url, '--pipeline', String(MAIN)];
    const fromEnv = await cli([...base, '--out', tmp()], { FUNNEL_LENS_TOKEN: 'sandbox-token' });
    expect(fromEnv.code).toBe(0);
    const fromStdin = await cli([...base, '--out', tmp(), '--token', '-'], {}, 'sandbox-token\n');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stderr).toMatch(/saved \d+ response bodies to sync-/);
  });

  it('stops with a clear message on a bad token and leaves the folder as it was', async () => {
    const out = tmp();
    const run = await sync(out, '--token', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('401 Unauthorized');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses to mix a full sync into a folder of other files', async () => {
    const out = tmp();
    writeFileSync(join(out, 'mine.json'), '{}');
    const run = await sync(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already holds other files');
  });

  it('says which pipeline does not exist', async () => {
    const run = await sync(tmp(), '--pipeline', '999');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the account has no pipeline 999');
  });
  it('--from T writes a window-first dump: read from T it gives what the whole history does', async () => {
    const T = NOW - 88 * DAY; // a Monday noon: the demo works on weekdays
    const full = tmp();
    const window = tmp();
    expect((await sync(full, '--pipeline', String(MAIN))).code).toBe(0);
    const run = await sync(window, '--from', String(T), '--pipeline', String(MAIN));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/window: [\d,]+ leads · [\d,]+ stage changes · \d+%/);
    // Less than the whole history: old closed leads and old changes are not in it.
    const held = loadDataDir(window, () => undefined);
    const whole = loadDataDir(full, () => undefined);
    expect(held.leads.length).toBeLessThan(whole.leads.length);
    expect(held.events.length).toBeLessThan(whole.events.length);
    expect(Math.min(...held.events.map(e => e.createdAt))).toBeGreaterThanOrEqual(T);
    // Exactly what "history from T" reads of the whole history: the pipeline's leads created
    // from T on or open now, and the stage changes from T on into or out of it.
    const leadsFromT = (d: typeof held) =>
      d.leads
        .filter(l => l.pipelineId === MAIN && !l.isDeleted)
        .filter(l => l.createdAt >= T || (l.statusId !== 142 && l.statusId !== 143))
        .map(l => l.id)
        .sort((a, b) => a - b);
    const changesFromT = (d: typeof held) =>
      d.events
        .filter(e => e.createdAt >= T)
        .filter(e => e.before?.pipelineId === MAIN || e.after.pipelineId === MAIN)
        .map(e => e.id)
        .sort();
    expect(leadsFromT(held)).toEqual(leadsFromT(whole));
    expect(changesFromT(held)).toEqual(changesFromT(whole));
    // Besides them, only the earlier moves of leads that came into the pipeline from another
    // (metrics.md 11.4 times a first response from a lead's first move anywhere).
    const arrived = new Set(
      held.events
        .filter(e => e.before?.pipelineId !== MAIN && e.after.pipelineId === MAIN)
        .map(e => e.leadId),
    );
    const extra = held.events.filter(e => !changesFromT(held).includes(e.id));
    expect(extra.every(e => arrived.has(e.leadId) && e.createdAt >= T)).toBe(true);
    for (const [from, to] of [
      [NOW - 30 * DAY, NOW],
      [T, T + 45 * DAY],
    ]) {
      const args = ['--from', String(from), '--to', String(to), '--now', String(NOW)];
      const history = ['--history-from', String(T)];
      const got = await reportJson(window, ...args, ...history);
      expect(got).toEqual(await reportJson(full, ...args, ...history));
      expect(got).toMatchObject({
        options: { historyFrom: T },
        totals: { deals: expect.any(Number) },
      });
      expect((got as { totals: { deals: number } }).totals.deals).toBeGreaterThan(10);
    }
  });

  it.each([
    ['without --pipeline', ['--from', String(NOW - 30 * DAY)], '--from needs --pipeline'],
    [
      'with --since',
      ['--from', String(NOW - 30 * DAY), '--since', 'last', '--pipeline', String(MAIN)],
      '--from and --since exclude each other',
    ],
  ])('refuses --from %s (exit 2), writing nothing', async (_name, args, message) => {
    const out = tmp();
    const run = await sync(out, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--since last adds a run holding only what changed, and the folder then reads as a fresh sync', async () => {
    const original = sandbox.ctx.account;
    const out = tmp();
    try {
      expect((await sync(out, '--pipeline', String(MAIN))).code).toBe(0);
      const [first] = runsIn(out);
      const at = Math.floor(Date.now() / 1000) + 1;
      sandbox.ctx.account = changed(original, at);
      // A sync reads changes up to the second it starts: it must start after they were made
      // (on a fast machine it started within that second and left them for the next sync).
      while (Math.floor(Date.now() / 1000) <= at) await new Promise(r => setTimeout(r, 100));
      const again = await sync(out, '--since', 'last', '--pipeline', String(MAIN));
      expect(again.code).toBe(0);
      const second = runsIn(out).find(n => n !== first)!;
      expect(runsIn(out)).toHaveLength(2);
      const added = loadDataDir(join(out, second), () => undefined);
      // The leads updated since: one moved out, one moved in, one moved on, one brand new.
      const fresh = new Set(
        sandbox.ctx.account.leads.filter(l => l.updated_at >= at && !l.is_deleted).map(l => l.id),
      );
      expect(new Set(added.leads.map(l => l.id))).toEqual(fresh);
      expect(fresh.size).toBe(4);
      // The changes since, and the older history of the lead that moved in (not held before).
      const newcomer = sandbox.ctx.account.leads.find(
        l =>
          l.pipeline_id === MAIN && original.leads.find(o => o.id === l.id)?.pipeline_id !== MAIN,
      )!;
      const since = new Set(added.events.filter(e => e.createdAt >= at).map(e => e.leadId));
      expect(since.size).toBeGreaterThanOrEqual(4);
      expect(added.events.filter(e => e.createdAt < at).every(e => e.leadId === newcomer.id)).toBe(
        true,
      );
      expect(added.events.some(e => e.leadId === newcomer.id && e.createdAt < at)).toBe(true);
      expect(readdirSync(out).filter(n => n.startsWith('.'))).toEqual([STATE_FILE]);
      const state = JSON.parse(readFileSync(join(out, STATE_FILE), 'utf8')) as { runs: unknown[] };
      expect(state.runs).toHaveLength(2);

      const fresh2 = tmp();
      expect((await sync(fresh2, '--pipeline', String(MAIN))).code).toBe(0);
      const args = [
        '--from',
        String(NOW - 60 * DAY),
        '--to',
        String(at + 10),
        '--now',
        String(at + 10),
      ];
      expect(await reportJson(out, ...args)).toEqual(await reportJson(fresh2, ...args));
    } finally {
      sandbox.ctx.account = original;
    }
  });
});
