import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApiError } from '../api';
import { createDatasetBuilder } from './bodies/dataset';
import type { Dataset } from './bodies/dataset';
import { recognizeBody } from './bodies/recognize';
import { CliError } from './errors';

/** Saved JSON files under `dir`, in a stable order; hidden files and folders are not data. */
export function jsonFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    throw new CliError(`--data: cannot read the folder "${dir}".`);
  }
  return entries.flatMap(name => {
    if (name.startsWith('.')) return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.toLowerCase().endsWith('.json') ? [full] : [];
  });
}

function describeSchemaError(file: string, error: ApiError): string {
  const issues = error.issues.slice(0, 5).map(i => `  ${i.path || '(root)'}: ${i.message}`);
  const more = error.issues.length > 5 ? [`  … and ${error.issues.length - 5} more`] : [];
  return [`${file}: not a valid amoCRM response body:`, ...issues, ...more].join('\n');
}

/**
 * Reads every saved API response body under `dir`, recognised by shape. A file that is not JSON
 * or a body that fails its schema stops the run; a JSON body we do not read is skipped.
 */
export function loadDataDir(dir: string, warn: (message: string) => void): Dataset {
  const builder = createDatasetBuilder();
  const files = jsonFiles(dir);
  for (const full of files) {
    const file = relative(process.cwd(), full) || full;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(full, 'utf8'));
    } catch (error) {
      throw new CliError(
        `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    const recognized = recognizeBody(json);
    if (recognized.kind === 'unknown') {
      warn(`skipped ${file}: not an amoCRM API response body this tool reads`);
      continue;
    }
    if (recognized.kind === 'error') {
      warn(`skipped ${file}: a saved error response, not data`);
      continue;
    }
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
