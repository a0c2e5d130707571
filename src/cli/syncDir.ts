import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { BodyInfo } from '../api';
import { CliError } from './errors';
import { RUN_NAME } from './syncState';
import type { SyncRun, SyncState } from './syncState';

export { RUN_NAME };

/**
 * How `sync` lays out DIR: each run writes its bodies into a hidden temporary folder
 * (`.sync-<time>-<pid>.partial/`) and renames it to `sync-<time>/` only once the run is complete
 * and its manifest written, so a killed run never looks like data. A hidden state file lists the
 * runs; `report` reads every run and keeps the newest copy of each lead.
 */
export const TEMP_NAME = /^\.sync-[0-9TZ]+-\d+\.partial$/;
/** Hidden, so `report` never takes it for a response body. */
export const MANIFEST = '.funnel-lens-run.json';

/** What a finished run holds: each body file and its size, so a lost or cut file is noticed. */
export interface Manifest {
  readonly format: 1;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly full: boolean;
  readonly pipelineId: number | null;
  readonly leads: number;
  readonly changes: number;
  readonly files: Readonly<Record<string, number>>;
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

export interface RunWriter {
  readonly dir: string;
  save(body: BodyInfo): void;
  /** Writes the manifest and renames the folder into place: from here on it is data. */
  finish(meta: Omit<Manifest, 'format' | 'files' | 'finishedAt'>, finishedAt: number): SyncRun;
  /** A failed or interrupted run leaves nothing behind; the earlier runs stay what is read. */
  abandon(): void;
}

export function createRunWriter(
  out: string,
  startedAt: number,
  opts: { replacing: readonly SyncRun[] },
): RunWriter {
  const ours = new Set(opts.replacing.map(r => r.dir));
  const foreign = readdirSync(out).filter(name => !name.startsWith('.') && !ours.has(name));
  if (foreign.some(name => !RUN_NAME.test(name))) {
    throw new CliError(
      `--out ${out} already holds other files (${foreign.slice(0, 3).join(', ')}); sync into an empty folder or one made by funnel-lens sync.`,
    );
  }
  const temp = join(out, `.sync-${stamp(startedAt)}-${process.pid}.partial`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  const counters = new Map<string, number>();
  const files: Record<string, number> = {};
  let closed = false;
  return {
    dir: temp,
    save(body) {
      // 204: nothing to keep; after an interrupt, answers still in flight have nowhere to go.
      if (body.data === undefined || closed) return;
      const kind = kindOf(body.url);
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const name = `${kind}-${String(n).padStart(4, '0')}.json`;
      const text = `${JSON.stringify(body.data)}\n`;
      writeFileSync(join(temp, name), text);
      files[name] = Buffer.byteLength(text);
    },
    finish(meta, finishedAt) {
      const manifest: Manifest = { format: 1, ...meta, finishedAt, files };
      writeFileSync(join(temp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      let dir = `sync-${stamp(startedAt)}`;
      // Two runs within one second (a quick --since after a sync) must not share a folder.
      for (let k = 2; existsSync(join(out, dir)); k++) dir = `sync-${stamp(startedAt)}-${k}`;
      renameSync(temp, join(out, dir));
      closed = true;
      return {
        dir,
        files: Object.keys(files).length,
        startedAt: meta.startedAt,
        full: meta.full,
        pipelineId: meta.pipelineId,
      };
    },
    abandon() {
      closed = true;
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** Removes the folders of runs a full sync replaced (only folders this tool made). */
export function retireRuns(out: string, runs: readonly SyncRun[]): void {
  for (const run of runs)
    if (RUN_NAME.test(run.dir)) rmSync(join(out, run.dir), { recursive: true, force: true });
}

/** The manifest of a run folder; null for a folder written before manifests (listed in state). */
export function readManifest(runDir: string): Manifest | null {
  let text: string;
  try {
    text = readFileSync(join(runDir, MANIFEST), 'utf8');
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(text) as Partial<Record<keyof Manifest, unknown>>;
    if (m.format === 1 && typeof m.files === 'object' && m.files !== null)
      return m as unknown as Manifest;
  } catch {
    // named below
  }
  throw new CliError(
    `${join(runDir, MANIFEST)}: damaged; run funnel-lens sync again to rewrite it.`,
  );
}

/** The first file a manifest lists that is missing or of another size, or null. */
export function manifestMismatch(runDir: string, manifest: Manifest): string | null {
  for (const [name, size] of Object.entries(manifest.files)) {
    let actual: number;
    try {
      actual = statSync(join(runDir, name)).size;
    } catch {
      return `${name} is missing`;
    }
    if (actual !== size) return `${name} has ${actual} bytes, not the ${size} written`;
  }
  return null;
}

function unfinished(runDir: string): boolean {
  try {
    return readManifest(runDir) === null;
  } catch {
    return true;
  }
}

/**
 * Orphans of crashed runs in DIR: temporary folders, run folders the state does not list (renamed
 * but never recorded, or replaced but never removed) and, before any state, run folders without
 * a manifest (an older version killed mid-run).
 */
export function orphansIn(out: string, state: SyncState | null): string[] {
  const listed = new Set(state?.runs.map(r => r.dir) ?? []);
  return readdirSync(out).filter(
    name =>
      TEMP_NAME.test(name) ||
      (RUN_NAME.test(name) && (state === null ? unfinished(join(out, name)) : !listed.has(name))),
  );
}
