import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CliError } from './errors';
import { manifestMismatch, readManifest, RUN_NAME, TEMP_NAME } from './syncDir';
import { lockHolder } from './syncLock';
import { readSyncStateFile, STATE_FILE } from './syncState';

const again = (dir: string) =>
  `run funnel-lens sync into ${dir} again (it cleans up), or delete it`;

function checkRun(dir: string, path: string, listed: boolean): void {
  const manifest = readManifest(path);
  if (manifest === null) {
    // Runs written before manifests existed are trusted when the state lists them.
    if (!listed)
      throw new CliError(
        `${path}: an incomplete sync (it has no manifest: it never finished); ${again(dir)}.`,
      );
    return;
  }
  const wrong = manifestMismatch(path, manifest);
  if (wrong !== null) throw new CliError(`${path}: an incomplete sync (${wrong}); ${again(dir)}.`);
}

/**
 * Refuses a folder `funnel-lens sync` has not finished writing: the numbers from half a run would
 * look like any others. Folders `sync` never made pass untouched.
 */
export function checkSyncFolder(dir: string): void {
  if (TEMP_NAME.test(basename(resolve(dir))))
    throw new CliError(
      `${dir}: an unfinished sync (interrupted or still being written), not data.`,
    );
  const holder = lockHolder(dir);
  if (holder !== null)
    throw new CliError(
      `${dir}: a sync (pid ${holder.pid}) is still writing into it; run report when it has finished.`,
    );
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // the walk names a folder it cannot read
  }
  const temp = names.find(name => TEMP_NAME.test(name));
  if (temp !== undefined)
    throw new CliError(
      `${join(dir, temp)}: an unfinished sync (interrupted, or its process was killed); ${again(dir)}.`,
    );
  if (RUN_NAME.test(basename(resolve(dir)))) {
    const manifest = readManifest(dir);
    const wrong = manifest === null ? null : manifestMismatch(dir, manifest);
    if (wrong !== null) throw new CliError(`${dir}: an incomplete sync (${wrong}).`);
  }
  const state = readSyncStateFile(dir);
  const listed = new Set(state?.runs.map(r => r.dir) ?? []);
  for (const name of names.filter(n => RUN_NAME.test(n)).sort()) {
    if (state !== null && !listed.has(name))
      throw new CliError(
        `${join(dir, name)}: not listed in ${STATE_FILE} (left by a sync that stopped before it finished); ${again(dir)}.`,
      );
    checkRun(dir, join(dir, name), listed.has(name));
  }
  for (const run of state?.runs ?? [])
    if (!existsSync(join(dir, run.dir)))
      throw new CliError(
        `${join(dir, run.dir)}: listed in ${STATE_FILE} but missing; the dump is incomplete.`,
      );
}
