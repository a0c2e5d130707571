/**
 * The layout `sync` writes and `report` trusts: a run is data only once renamed into place with
 * its manifest; what crashed runs leave is refused by report and cleaned by the next sync.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_A_SYNC_BODY } from '../../../src/cli/bodies/recognize';
import { loadDataDir } from '../../../src/cli/loadDir';
import { checkSyncFolder } from '../../../src/cli/syncCheck';
import { createRunWriter, MANIFEST } from '../../../src/cli/syncDir';
import { LOCK_FILE, openSyncFolder } from '../../../src/cli/syncLock';
import { readSyncState, STATE_FILE, writeSyncState } from '../../../src/cli/syncState';

const T = 1_767_225_600;
const tmp = () => mkdtempSync(join(tmpdir(), 'funnel-lens-folder-'));
const body = (url: string, data: unknown = { _embedded: { leads: [] } }) => ({
  url,
  status: 200,
  data,
});

function refusal(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    return (error as Error).message;
  }
  return null;
}

/** A finished run in `out`, as sync leaves it. */
function finishedRun(out: string, at = T): string {
  const writer = createRunWriter(out, at, { replacing: [] });
  writer.save(body('/api/v4/leads?page=1'));
  const run = writer.finish(
    { startedAt: at, full: true, pipelineId: null, leads: 0, changes: 0 },
    at + 5,
  );
  writeSyncState(out, { runs: [...readSyncState(out).runs, run], lastStartedAt: at });
  return run.dir;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('a run folder', () => {
  it('is written under a hidden temporary name and renamed into place with its manifest', () => {
    const out = tmp();
    const writer = createRunWriter(out, T, { replacing: [] });
    writer.save(body('/api/v4/leads?page=1'));
    writer.save(body('/api/v4/account', { id: 1 }));
    expect(readdirSync(out)).toEqual([
      expect.stringMatching(/^\.sync-20260101T000000Z-\d+\.partial$/),
    ]);
    const run = writer.finish(
      { startedAt: T, full: true, pipelineId: 7, leads: 3, changes: 4 },
      T + 9,
    );
    expect(readdirSync(out)).toEqual(['sync-20260101T000000Z']);
    expect(run).toEqual({
      dir: 'sync-20260101T000000Z',
      files: 2,
      startedAt: T,
      full: true,
      pipelineId: 7,
    });
    const manifest = JSON.parse(readFileSync(join(out, run.dir, MANIFEST), 'utf8'));
    expect(manifest).toMatchObject({
      format: 1,
      startedAt: T,
      finishedAt: T + 9,
      leads: 3,
      changes: 4,
    });
    expect(manifest.files).toEqual({
      'leads-0001.json': expect.any(Number),
      'account-0001.json': expect.any(Number),
    });
    expect(() => checkSyncFolder(join(out, run.dir))).not.toThrow();
  });

  it('holds only bodies report reads: anything else in it is refused by name, not skipped', () => {
    const out = tmp();
    const writer = createRunWriter(out, T, { replacing: [] });
    writer.save(body('/api/v4/leads?page=1'));
    writer.save(body('/api/v4/events_types', { _embedded: { events_types: [] } }));
    const run = writer.finish(
      { startedAt: T, full: true, pipelineId: null, leads: 0, changes: 0 },
      T + 5,
    );
    writeSyncState(out, { runs: [run], lastStartedAt: T });
    const refused = refusal(() => loadDataDir(out, () => undefined));
    expect(refused).toMatch(/sync-20260101T000000Z\/events-0001\.json: /);
    expect(refused).toContain(NOT_A_SYNC_BODY);
    // The same body in a folder of the user's own is only skipped, with a warning.
    const loose = tmp();
    writeFileSync(join(loose, 'types.json'), JSON.stringify({ _embedded: { events_types: [] } }));
    const warned: string[] = [];
    loadDataDir(loose, message => warned.push(message));
    expect(warned).toEqual([expect.stringMatching(/^skipped .*types\.json: /)]);
  });

  it('leaves nothing when abandoned, and ignores answers that arrive afterwards', () => {
    const out = tmp();
    const writer = createRunWriter(out, T, { replacing: [] });
    writer.save(body('/api/v4/leads?page=1'));
    writer.abandon();
    writer.save(body('/api/v4/leads?page=2'));
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('report refuses a folder sync has not finished', () => {
  it('holding the temporary folder of an interrupted run, naming it', () => {
    const out = tmp();
    finishedRun(out);
    mkdirSync(join(out, '.sync-20260102T000000Z-4242.partial'));
    expect(refusal(() => checkSyncFolder(out))).toContain(
      `${join(out, '.sync-20260102T000000Z-4242.partial')}: an unfinished sync (interrupted, or its process was killed)`,
    );
  });

  it('given the temporary folder itself', () => {
    const dir = join(tmp(), '.sync-20260102T000000Z-4242.partial');
    mkdirSync(dir);
    expect(refusal(() => checkSyncFolder(dir))).toContain('an unfinished sync');
  });

  it('while another process holds the lock', () => {
    const out = tmp();
    finishedRun(out);
    // The parent of this test process is alive and is not this process.
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.ppid, startedAt: T }));
    expect(refusal(() => checkSyncFolder(out))).toBe(
      `${out}: a sync (pid ${process.ppid}) is still writing into it; run report when it has finished.`,
    );
    // A lock whose process is gone holds nothing back.
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: T }));
    expect(refusal(() => checkSyncFolder(out))).toBeNull();
  });

  it('with a run that lost a file or had one cut short after it was written', () => {
    const out = tmp();
    const dir = finishedRun(out);
    writeFileSync(join(out, dir, 'leads-0001.json'), '{"_embedded":');
    expect(refusal(() => checkSyncFolder(out))).toMatch(
      /an incomplete sync \(leads-0001\.json has \d+ bytes, not the \d+ written\)/,
    );
    rmSync(join(out, dir, 'leads-0001.json'));
    expect(refusal(() => checkSyncFolder(out))).toContain('(leads-0001.json is missing)');
  });

  it('with a run folder that has no manifest and is not listed (an older version killed mid-run)', () => {
    const out = tmp();
    mkdirSync(join(out, 'sync-20260101T000000Z'));
    expect(refusal(() => checkSyncFolder(out))).toContain(
      'sync-20260101T000000Z: an incomplete sync (it has no manifest: it never finished)',
    );
  });

  it('with a run the state does not list, or a listed run that is missing', () => {
    const out = tmp();
    const dir = finishedRun(out);
    writeSyncState(out, { runs: [], lastStartedAt: T });
    expect(refusal(() => checkSyncFolder(out))).toContain(`${dir}: not listed in ${STATE_FILE}`);
    writeSyncState(out, {
      runs: [
        { dir: 'sync-20250101T000000Z', startedAt: T, full: true, pipelineId: null, files: 1 },
      ],
      lastStartedAt: T,
    });
    rmSync(join(out, dir), { recursive: true });
    expect(refusal(() => checkSyncFolder(out))).toContain('sync-20250101T000000Z: listed in');
  });

  it('but reads finished runs, and folders sync never made', () => {
    const out = tmp();
    finishedRun(out);
    finishedRun(out, T + 60);
    expect(refusal(() => checkSyncFolder(out))).toBeNull();
    expect(refusal(() => checkSyncFolder(tmp()))).toBeNull();
  });
});

describe('the next sync', () => {
  it('removes what crashed runs left and takes the lock, released when done', () => {
    const out = tmp();
    const dir = finishedRun(out);
    mkdirSync(join(out, '.sync-20260102T000000Z-4242.partial'));
    mkdirSync(join(out, 'sync-20260103T000000Z')); // renamed, but the state was never written
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: T }));
    const opened = openSyncFolder(out, T + 100);
    expect([...opened.cleaned].sort()).toEqual([
      '.sync-20260102T000000Z-4242.partial',
      'sync-20260103T000000Z',
    ]);
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(readdirSync(out).filter(n => !n.startsWith('.'))).toEqual([dir]);
    opened.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it('refuses a folder another live sync is writing into', () => {
    const out = tmp();
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.ppid, startedAt: T }));
    expect(refusal(() => openSyncFolder(out, T))).toContain(
      `--out ${out}: another sync (pid ${process.ppid}, started 2026-01-01T00:00:00Z) is writing into it`,
    );
  });

  it('refuses an --out that is a file', () => {
    const file = join(tmp(), 'dump');
    writeFileSync(file, 'x');
    expect(refusal(() => openSyncFolder(file, T))).toBe(`--out ${file} is a file, not a folder.`);
  });

  it.each([
    ['not JSON', '{"runs": [', 'not JSON'],
    [
      'a run outside the folder',
      JSON.stringify({
        runs: [{ dir: '../etc', startedAt: T, full: true, pipelineId: null, files: 1 }],
        lastStartedAt: T,
      }),
      'runs[0].dir: expected a sync-<time> folder name',
    ],
    [
      'a bad time',
      JSON.stringify({ runs: [], lastStartedAt: 'yesterday' }),
      'lastStartedAt: expected epoch seconds or null',
    ],
  ])(
    'refuses a damaged state file (%s), naming the file and the JSON path, and releases the lock',
    (_what, text, where) => {
      const out = tmp();
      writeFileSync(join(out, STATE_FILE), text);
      const message = refusal(() => openSyncFolder(out, T));
      expect(message).toContain(`${join(out, STATE_FILE)} is damaged (`);
      expect(message).toContain(where);
      expect(message).toContain('delete it and the sync-* folders beside it to start over');
      expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    },
  );
});
