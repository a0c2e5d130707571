/**
 * `funnel-lens sync` and `report` as a user runs them (child processes) against the sandbox's
 * API emulator, and the report checked number by number against the naive second reading of the
 * contract on the very same files.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoAccount, PIPELINE_IDS, STATUS_IDS, USER_IDS } from '../../../sandbox/demo';
import { startSandbox } from '../../../sandbox/server';
import type { RunningSandbox } from '../../../sandbox/server';
import { loadDataDir } from '../../../src/cli/loadDir';
import { oracleReport } from '../core/oracle';
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

const tmp = () => mkdtempSync(join(tmpdir(), 'funnel-lens-sync-'));
const sync = (out: string, ...more: string[]) =>
  cli(['sync', '--base-url', sandbox.url, '--token', 'sandbox-token', '--out', out, ...more]);

describe('funnel-lens sync → report', () => {
  it('saves plain API bodies that report reads, with contract-exact numbers on a messy dump', async () => {
    const out = tmp();
    const run = await sync(out, '--pipeline', String(MAIN));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/events: \d+ pages · \d+ leads · [\d,]+ events/);
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

    // Make it messy like real dumps: a page saved twice under another name, and a lost page of
    // history (leads whose events are missing fall back to their current status).
    copyFileSync(join(out, runDir!, 'leads-0001.json'), join(out, 'copy-of-leads.json'));
    copyFileSync(join(out, runDir!, 'events-0002.json'), join(out, 'again.json'));
    rmSync(join(out, runDir!, 'events-0003.json'));

    const args = ['--from', String(NOW - 180 * 86400), '--to', String(NOW), '--now', String(NOW)];
    const report = await cli([
      'report',
      '--data',
      out,
      '--pipeline',
      String(MAIN),
      '--json',
      ...args,
    ]);
    expect(report.code).toBe(0);
    const got = JSON.parse(report.stdout);
    const data = loadDataDir(out, () => undefined);
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
});
