import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors';
import { orphansIn } from './syncDir';
import { readSyncStateFile } from './syncState';
import type { SyncState } from './syncState';

/** Present while a sync writes into DIR: another sync waits its turn, `report` refuses to read. */
export const LOCK_FILE = '.funnel-lens-sync.lock';

export interface LockHolder {
  readonly pid: number;
  readonly startedAt: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * The live process writing into DIR, other than this one. A lock whose process is gone was left
 * by a crash: it holds nothing back (its temporary folder is what marks the unfinished run).
 */
export function lockHolder(dir: string): LockHolder | null {
  let holder: Partial<LockHolder>;
  try {
    holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as Partial<LockHolder>;
  } catch {
    return null;
  }
  const { pid, startedAt } = holder;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null;
  if (pid === process.pid || !alive(pid)) return null;
  return { pid, startedAt: typeof startedAt === 'number' ? startedAt : 0 };
}

const iso = (epoch: number) => new Date(epoch * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function takeLock(out: string, startedAt: number): void {
  const file = join(out, LOCK_FILE);
  const text = `${JSON.stringify({ pid: process.pid, startedAt })}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = lockHolder(out);
    if (holder !== null)
      throw new CliError(
        `--out ${out}: another sync (pid ${holder.pid}, started ${iso(holder.startedAt)}) is writing into it; wait until it has finished.`,
      );
    rmSync(file, { force: true });
  }
}

export interface OpenedFolder {
  readonly state: SyncState;
  /** The orphans of earlier crashed runs that were removed. */
  readonly cleaned: readonly string[];
  readonly release: () => void;
}

/**
 * Makes DIR ready for one run: a folder (never a file), locked for this process, with what
 * crashed runs left behind removed. The caller releases the lock however the run ends.
 */
export function openSyncFolder(out: string, startedAt: number): OpenedFolder {
  let isDir: boolean;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    try {
      mkdirSync(out, { recursive: true });
    } catch (error) {
      throw new CliError(`--out ${out}: cannot create the folder (${(error as Error).message}).`);
    }
    isDir = true;
  }
  if (!isDir) throw new CliError(`--out ${out} is a file, not a folder.`);
  takeLock(out, startedAt);
  const release = () => rmSync(join(out, LOCK_FILE), { force: true });
  try {
    const state = readSyncStateFile(out);
    const cleaned = orphansIn(out, state);
    for (const name of cleaned) rmSync(join(out, name), { recursive: true, force: true });
    return { state: state ?? { runs: [], lastStartedAt: null }, cleaned, release };
  } catch (error) {
    release();
    throw error;
  }
}
