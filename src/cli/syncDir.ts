import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyInfo } from '../api';
import { CliError } from './errors';

/**
 * How `sync` lays out DIR: each run writes its bodies into its own folder (`sync-<time>/`), so an
 * incremental run only adds files and a failed run can be removed whole. A hidden state file lists
 * the runs; `report` reads every run and keeps the newest copy of each lead.
 */
export const STATE_FILE = '.funnel-lens-sync.json';

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

export function readSyncState(out: string): SyncState {
  let text: string;
  try {
    text = readFileSync(join(out, STATE_FILE), 'utf8');
  } catch {
    return { runs: [], lastStartedAt: null };
  }
  try {
    const state = JSON.parse(text) as SyncState;
    if (Array.isArray(state.runs)) return state;
  } catch {
    // fall through
  }
  throw new CliError(
    `${join(out, STATE_FILE)} is damaged; delete it (and the sync-* folders) to start over.`,
  );
}

export function writeSyncState(out: string, state: SyncState): void {
  writeFileSync(join(out, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** A file name for a response: what was asked for, numbered per kind in arrival order. */
function kindOf(url: string): string {
  const path = url.split('?')[0] ?? url;
  if (path === '/api/v4/account') return 'account';
  if (path.startsWith('/api/v4/leads/pipelines')) return 'pipelines';
  if (path.startsWith('/api/v4/leads/loss_reasons')) return 'loss_reasons';
  if (path.startsWith('/api/v4/leads')) return 'leads';
  if (path.startsWith('/api/v4/events'))
    return url.includes('filter%5Bentity_id%5D') || url.includes('filter[entity_id]')
      ? 'history'
      : 'events';
  if (path.startsWith('/api/v4/users')) return 'users';
  return 'other';
}

function stamp(epoch: number): string {
  return new Date(epoch * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export function createRunWriter(
  out: string,
  startedAt: number,
  opts: { replacing: readonly SyncRun[] },
) {
  mkdirSync(out, { recursive: true });
  const ours = new Set([STATE_FILE, ...opts.replacing.map(r => r.dir)]);
  const foreign = readdirSync(out).filter(name => !name.startsWith('.') && !ours.has(name));
  if (foreign.some(name => !name.startsWith('sync-'))) {
    throw new CliError(
      `--out ${out} already holds other files (${foreign.slice(0, 3).join(', ')}); sync into an empty folder or one made by funnel-lens sync.`,
    );
  }
  let dir = `sync-${stamp(startedAt)}`;
  // Two runs within one second (a quick --since after a sync) must not share a folder.
  for (let k = 2; existsSync(join(out, dir)); k++) dir = `sync-${stamp(startedAt)}-${k}`;
  const full = join(out, dir);
  mkdirSync(full, { recursive: true });
  const counters = new Map<string, number>();
  let files = 0;
  return {
    save(body: BodyInfo): void {
      if (body.data === undefined) return; // 204: nothing to keep
      const kind = kindOf(body.url);
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      writeFileSync(
        join(full, `${kind}-${String(n).padStart(4, '0')}.json`),
        `${JSON.stringify(body.data)}\n`,
      );
      files++;
    },
    finish(meta: Omit<SyncRun, 'dir' | 'files'>): SyncRun {
      return { dir, files, ...meta };
    },
    /** A failed run leaves nothing behind: the earlier runs stay what `report` reads. */
    abandon(): void {
      rmSync(full, { recursive: true, force: true });
    },
  };
}

/** Removes the folders of runs a full sync replaced (only folders this tool made). */
export function retireRuns(out: string, runs: readonly SyncRun[]): void {
  for (const run of runs)
    if (/^sync-[0-9TZ]+(-\d+)?$/.test(run.dir))
      rmSync(join(out, run.dir), { recursive: true, force: true });
}
