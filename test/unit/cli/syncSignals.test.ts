/**
 * Signals as a user sends them: the CLI as a child process (bin/funnel-lens.cjs), stopped by
 * Ctrl-C, SIGTERM and a crash (SIGKILL); `report` and the next sync after each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hang, startFakeAmo } from './fakeAmo';
import type { FakeAmo } from './fakeAmo';
import { cli } from './run';

const BIN = join(__dirname, '../../../bin/funnel-lens.cjs');
// Each child starts TypeScript through tsx: seconds on a busy 2-core machine.
jest.setTimeout(60_000);

let amo: FakeAmo;
beforeEach(async () => {
  amo = await startFakeAmo(hang);
});
afterEach(() => amo.close());

const tmp = () => mkdtempSync(join(tmpdir(), 'funnel-lens-signal-'));

/** Starts a sync into `out`; resolves once its first request has reached the server. */
async function startSync(out: string) {
  const reached = amo.nextRequest();
  const child = spawn(
    process.execPath,
    [BIN, 'sync', '--base-url', amo.url, '--token', 'T', '--out', out],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', chunk => {
    stderr += String(chunk);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await reached;
  return { child, exited, stderr: () => stderr };
}

describe('a sync child process', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'stopped by %s exits %i with one line and leaves the folder as it was',
    async (signal, exit) => {
      const out = tmp();
      const run = await startSync(out);
      run.child.kill(signal);
      expect(await run.exited).toEqual({ code: exit, signal: null });
      expect(run.stderr().trim().split('\n').at(-1)).toBe(
        `funnel-lens: interrupted (${signal}): the unfinished sync was removed; ${out} holds what it held before.`,
      );
      expect(run.stderr()).not.toMatch(/\n\s+at /);
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it('killed outright leaves an unfinished run that report refuses and the next sync removes', async () => {
    const out = tmp();
    const crashed = await startSync(out);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    const [partial] = readdirSync(out).filter(n => n.endsWith('.partial'));
    expect(partial).toMatch(/^\.sync-\d{8}T\d{6}Z-\d+\.partial$/);

    const report = await cli(['report', '--data', out, '--pipeline', '1']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(
      `${join(out, partial!)}: an unfinished sync (interrupted, or its process was killed)`,
    );

    const next = await startSync(out);
    expect(readdirSync(out).includes(partial!)).toBe(false);
    next.child.kill('SIGINT');
    await next.exited;
    expect(next.stderr()).toContain(`removed ${partial}: left in ${out} by an interrupted sync`);
  });

  it('still running makes report refuse the folder, naming the process', async () => {
    const out = tmp();
    const run = await startSync(out);
    const report = await cli(['report', '--data', out, '--pipeline', '1']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(
      `${out}: a sync (pid ${run.child.pid}) is still writing into it`,
    );
    run.child.kill('SIGINT');
    await run.exited;
  });
});
