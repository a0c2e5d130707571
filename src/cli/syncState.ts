import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors';

/** The hidden file listing DIR's runs; `--since last` starts from its `lastStartedAt`. */
export const STATE_FILE = '.funnel-lens-sync.json';

/** The folder name of a finished run; the only names a full sync ever removes. */
export const RUN_NAME = /^sync-[0-9TZ]+(-\d+)?$/;

export interface SyncRun {
  readonly dir: string;
  readonly startedAt: number;
  readonly full: boolean;
  readonly pipelineId: number | null;
  readonly files: number;
}

export interface SyncState {
  readonly runs: readonly SyncRun[];
  readonly lastStartedAt: number | null;
}

const isTime = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The JSON path of the first thing wrong in a state, or null. */
function problem(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return '(root): expected an object';
  const { runs, lastStartedAt } = state as Record<string, unknown>;
  if (!Array.isArray(runs)) return 'runs: expected a list';
  if (lastStartedAt !== null && !isTime(lastStartedAt))
    return 'lastStartedAt: expected epoch seconds or null';
  for (const [k, run] of (runs as unknown[]).entries()) {
    const r = (typeof run === 'object' && run !== null ? run : {}) as Record<string, unknown>;
    // The folder is removed by name when a full sync replaces it: only our own names, never a path.
    if (typeof r.dir !== 'string' || !RUN_NAME.test(r.dir))
      return `runs[${k}].dir: expected a sync-<time> folder name`;
    if (!isTime(r.startedAt)) return `runs[${k}].startedAt: expected epoch seconds`;
    if (typeof r.full !== 'boolean') return `runs[${k}].full: expected true or false`;
    if (r.pipelineId !== null && !isTime(r.pipelineId))
      return `runs[${k}].pipelineId: expected an id or null`;
    if (!isCount(r.files)) return `runs[${k}].files: expected a count`;
  }
  return null;
}

/** DIR's state, or null when DIR holds none (a first sync, or a folder of other dumps). */
export function readSyncStateFile(out: string): SyncState | null {
  const file = join(out, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw new CliError(`${file}: cannot be read (${(error as Error).message}).`);
  }
  let state: unknown;
  let wrong: string | null;
  try {
    state = JSON.parse(text);
    wrong = problem(state);
  } catch (error) {
    wrong = `not JSON (${(error as Error).message})`;
  }
  if (wrong !== null)
    throw new CliError(
      `${file} is damaged (${wrong}); delete it and the sync-* folders beside it to start over.`,
    );
  return state as SyncState;
}

export function readSyncState(out: string): SyncState {
  return readSyncStateFile(out) ?? { runs: [], lastStartedAt: null };
}

/** Written aside and renamed, so a crash mid-write leaves the old state, never half a file. */
export function writeSyncState(out: string, state: SyncState): void {
  const file = join(out, STATE_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
