import { lstatSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors';
import { checkSyncFolder } from './syncCheck';

export interface DataFile {
  readonly path: string;
  readonly size: number;
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Follows a link the way reading would; a link that leads nowhere is named, not skipped. */
function target(full: string): Stats {
  const link = lstatSync(full);
  if (!link.isSymbolicLink()) return link;
  try {
    return statSync(full);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ELOOP') throw new CliError(`${full}: a symbolic link loop.`);
    throw new CliError(
      `${full}: a dangling symbolic link (to ${JSON.stringify(readlinkSync(full))}, which does not exist).`,
    );
  }
}

function walk(dir: string, ancestors: ReadonlyMap<string, string>, out: DataFile[]): void {
  checkSyncFolder(dir);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new CliError(
      `${dir}: cannot read the folder (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    const st = target(full);
    const json = name.toLowerCase().endsWith('.json');
    if (st.isDirectory()) {
      if (json) throw new CliError(`${full}: a folder named like a JSON file.`);
      const key = `${st.dev}:${st.ino}`;
      const loop = ancestors.get(key);
      if (loop !== undefined)
        throw new CliError(`${full}: a symbolic link loop (it leads back to ${loop}).`);
      walk(full, new Map([...ancestors, [key, full]]), out);
    } else if (json) {
      if (!st.isFile()) throw new CliError(`${full}: ${kindOf(st)}, not a file of data.`);
      out.push({ path: full, size: st.size });
    }
  }
}

/**
 * The saved JSON files under `dir`, in a stable order; hidden files and folders are not data.
 * Anything a reader could hang on or loop in (a FIFO, a link loop) stops the run by name.
 */
export function dataFiles(dir: string): DataFile[] {
  let root: Stats;
  try {
    root = statSync(dir);
  } catch {
    throw new CliError(`--data: cannot read the folder "${dir}".`);
  }
  if (!root.isDirectory()) throw new CliError(`--data: "${dir}" is a file, not a folder.`);
  const out: DataFile[] = [];
  walk(dir, new Map([[`${root.dev}:${root.ino}`, dir]]), out);
  return out;
}
