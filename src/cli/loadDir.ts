import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { constants } from 'node:buffer';
import { isValidTimeZone } from '../core';
import { ApiError } from '../api';
import { createDatasetBuilder } from './bodies/dataset';
import type { Dataset } from './bodies/dataset';
import { recognizeBody, recognizeSyncBody } from './bodies/recognize';
import { CliError } from './errors';
import { MANIFEST } from './syncDir';
import { dataFiles } from './walk';

/**
 * The largest file read whole: V8 cannot hold a longer string, and JSON.parse would only say
 * "not valid JSON" about what is in fact too big.
 */
export const MAX_FILE_BYTES = constants.MAX_STRING_LENGTH;

function describeSchemaError(file: string, error: ApiError): string {
  const issues = error.issues.slice(0, 5).map(i => `  ${i.path || '(root)'}: ${i.message}`);
  const more = error.issues.length > 5 ? [`  … and ${error.issues.length - 5} more`] : [];
  return [`${file}: not a valid amoCRM response body:`, ...issues, ...more].join('\n');
}

const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20).toLocaleString('en')} MB`;

function readJson(full: string, file: string, size: number): unknown {
  if (size > MAX_FILE_BYTES)
    throw new CliError(
      `${file}: ${mb(size)} is more than this tool reads in one file (${mb(MAX_FILE_BYTES)}); save the list as pages, as amoCRM returns it.`,
    );
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new CliError(
      `${file}: cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/** Every report date hangs on the account's zone: a wrong one must name where it came from. */
function checkAccountZone(json: unknown, file: string): void {
  const zone = (json as { timezone?: unknown }).timezone;
  if (zone === undefined || zone === null) return;
  if (typeof zone !== 'string' || !isValidTimeZone(zone))
    throw new CliError(`${file}: timezone: unknown time zone ${JSON.stringify(zone)}.`);
}

/**
 * Whether `file` lies in a folder a sync wrote (one holding its manifest), between `dir` and the
 * file: such a folder holds only bodies this tool reads, so anything else in it is damage.
 */
function inSyncRun(dir: string, file: string): boolean {
  for (let at = dirname(file); ; at = dirname(at)) {
    if (existsSync(join(at, MANIFEST))) return true;
    if (at === dir || at === dirname(at) || relative(dir, at).startsWith('..')) return false;
  }
}

/**
 * Reads every saved API response body under `dir`, recognised by shape. A file that is not JSON
 * or a body that fails its schema stops the run; a JSON body we do not read is skipped, unless a
 * sync saved it (then it is refused by name).
 */
export function loadDataDir(dir: string, warn: (message: string) => void): Dataset {
  const builder = createDatasetBuilder();
  const files = dataFiles(dir);
  for (const { path: full, size } of files) {
    const file = relative(process.cwd(), full) || full;
    const json = readJson(full, file, size);
    let recognized: ReturnType<typeof recognizeBody>;
    try {
      recognized = inSyncRun(resolve(dir), resolve(full))
        ? recognizeSyncBody(json)
        : recognizeBody(json);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SCHEMA')
        throw new CliError(describeSchemaError(file, error));
      throw error;
    }
    if (recognized.kind === 'unknown') {
      warn(`skipped ${file}: not an amoCRM API response body this tool reads`);
      continue;
    }
    if (recognized.kind === 'error') {
      warn(`skipped ${file}: a saved error response, not data`);
      continue;
    }
    if (recognized.kind === 'account') checkAccountZone(json, file);
    try {
      builder.addBody(json);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SCHEMA')
        throw new CliError(describeSchemaError(file, error));
      throw error;
    }
  }
  if (files.length === 0) warn(`no .json files under ${dir}`);
  return builder.build();
}
