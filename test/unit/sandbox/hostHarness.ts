/**
 * The host pages over a small demo account, for the host*.test.ts unit tests: an app to `inject`
 * into (no port), the probe widget as the served widget, and session cookies per user.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { generateDemoAccount, type DemoAccount } from '../../../sandbox/demo';
import { bootSchema, type HostBoot } from '../../../sandbox/host/protocol';
import { createSandboxApp } from '../../../sandbox/server';
import { createHostPlugin, REPO_ROOT, type HostPlugin } from '../../../sandbox/server/host';

export const PROBE_DIR = path.join(REPO_ROOT, 'test/fixtures/probe-widget');
export const NOW = Math.floor(Date.UTC(2025, 5, 30, 9) / 1000);

const accounts = new Map<number, DemoAccount>();

/** One generated account per size for the whole test file (generation is deterministic). */
export function demo(leads = 300): DemoAccount {
  let account = accounts.get(leads);
  if (account === undefined) {
    account = generateDemoAccount({ seed: 5, leads, now: NOW });
    accounts.set(leads, account);
  }
  return structuredClone(account);
}

/** A temporary directory with a host.js, standing in for the webpack build. */
export function fakeHostBundle(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'host-bundle-'));
  writeFileSync(path.join(dir, 'host.js'), 'window.__hostBundle = true;\n');
  return dir;
}

/** A writable copy of the probe widget (to edit its manifest in a test). */
export function probeCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-widget-'));
  cpSync(PROBE_DIR, dir, { recursive: true });
  return dir;
}

export interface HostHarness {
  readonly app: FastifyInstance;
  readonly host: HostPlugin;
  readonly account: DemoAccount;
}

export function hostHarness(
  options: {
    account?: DemoAccount;
    widgetDir?: string;
    hostBundleDir?: string;
    widgetCode?: string;
  } = {},
): HostHarness {
  const account = options.account ?? demo();
  const host = createHostPlugin({
    widgetDir: options.widgetDir ?? PROBE_DIR,
    hostBundleDir: options.hostBundleDir ?? fakeHostBundle(),
    ...(options.widgetCode !== undefined && { widgetCode: options.widgetCode }),
  });
  // Rate limiting stays on (the default): the page's own routes must not be subject to it.
  const app = createSandboxApp({ account, plugins: [host.plugin] });
  return { app, host, account };
}

/** A `Cookie` header for a fresh session of the user. */
export async function sessionCookie(app: FastifyInstance, userId: number): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/_sandbox/session',
    payload: { userId },
  });
  if (response.statusCode !== 201) throw new Error(`login failed: ${response.body}`);
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header[0] : header) ?? '';
  return cookie.split(';')[0] ?? '';
}

/** The boot data embedded in a shell page. */
export function bootOf(html: string): HostBoot {
  const match = /<script type="application\/json" id="sandbox-boot">([\s\S]*?)<\/script>/.exec(
    html,
  );
  if (match === null) throw new Error('no boot data in the shell');
  return bootSchema.parse(JSON.parse(match[1] ?? ''));
}
