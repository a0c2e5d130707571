/**
 * The host page bundle for e2e runs, built on demand with webpack.sandbox.config.js into a
 * directory named after a hash of its sources: a stale dist/sandbox can never be tested by
 * mistake, and parallel jest workers share one build instead of overwriting each other's.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { REPO_ROOT } from '../../../sandbox/server/host';

const HOST_SOURCES = path.join(REPO_ROOT, 'sandbox/host');
const CONFIG_FILE = path.join(REPO_ROOT, 'webpack.sandbox.config.js');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.(ts|json)$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of [CONFIG_FILE, ...sourceFiles(HOST_SOURCES)]) {
    hash.update(path.relative(REPO_ROOT, file)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) {
        reject(error);
        return;
      }
      if (stats?.hasErrors() === true) {
        reject(new Error(`host bundle build failed:\n${stats.toString('errors-only')}`));
        return;
      }
      resolve();
    });
  });
}

let built: Promise<string> | undefined;

/** The directory holding an up-to-date host.js (pass it as `hostBundleDir`). */
export function ensureHostBundle(): Promise<string> {
  built ??= (async () => {
    const dir = path.join(os.tmpdir(), `funnel-lens-sandbox-host-${sourcesHash()}`);
    if (existsSync(path.join(dir, 'host.js'))) return dir;
    const staging = `${dir}.${process.pid}.tmp`;
    mkdirSync(staging, { recursive: true });
    const factory = createRequire(__filename)(CONFIG_FILE) as (
      env: unknown,
      argv: { mode: string },
    ) => webpack.Configuration;
    const config = factory(undefined, { mode: 'development' });
    await compile({ ...config, output: { ...config.output, path: staging, clean: false } });
    try {
      renameSync(staging, dir);
    } catch {
      // Another worker finished first; its identical build stays.
      rmSync(staging, { recursive: true, force: true });
    }
    return dir;
  })();
  return built;
}
