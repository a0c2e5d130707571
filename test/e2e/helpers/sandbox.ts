/**
 * One sandbox (demo account + API + amoCRM pages) and one Chromium per test file, with pages that
 * fail the test on any page error or console error. Usage inside a `describe`:
 *
 *   const env = useSandboxBrowser({ widgetDir: PROBE_WIDGET_DIR, leads: 400 });
 *   test('…', async () => {
 *     const { page } = await env.open('/leads/list/');
 *     …
 *   });
 */
import type { Browser } from 'playwright-core';
import { DEFAULT_TOKEN, type FaultSetting, type RateLimitOptions } from '../../../sandbox/server';
import { startHostSandbox, type RunningHostSandbox } from '../../../sandbox/server/host';
import { launchChromium, openTrackedPage, type TrackedPage } from './browser';
import { waitForPageReady, type PageKind } from './amoPage';
import { ensureHostBundle } from './hostBundle';

export interface E2ESandboxOptions {
  /** The widget to load; default dist/widget (the real build). */
  readonly widgetDir?: string;
  readonly leads?: number;
  readonly seed?: number;
  /** The demo's "today" in epoch seconds; default the current time. */
  readonly now?: number;
  readonly faults?: FaultSetting;
  readonly rateLimit?: Partial<RateLimitOptions>;
  readonly token?: string;
}

/** A sandbox on a free port with an up-to-date host bundle. */
export async function startE2ESandbox(
  options: E2ESandboxOptions = {},
): Promise<RunningHostSandbox> {
  const hostBundleDir = await ensureHostBundle();
  return startHostSandbox({
    port: 0,
    hostBundleDir,
    demo: {
      leads: options.leads ?? 400,
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.now !== undefined && { now: options.now }),
    },
    ...(options.widgetDir !== undefined && { widgetDir: options.widgetDir }),
    ...(options.faults !== undefined && { faults: options.faults }),
    ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    ...(options.token !== undefined && { token: options.token }),
  });
}

export interface OpenOptions {
  /** Log in as this user first (through `/_sandbox/login`); default the administrator. */
  readonly userId?: number;
  /** Wait for this page kind to be ready (default: any page ready). */
  readonly kind?: PageKind;
  /** Runs in the page before any of its scripts (e.g. `__probeConfig`). */
  readonly initScript?: () => void;
  /** Pins the page's Date.now() (ms) before it loads, so the widget's "now" is the demo's. */
  readonly fixedTime?: number;
}

export interface SandboxBrowser {
  readonly sandbox: RunningHostSandbox;
  readonly browser: Browser;
  /** A fresh browser context at `path`, waited until ready; checked for errors after the test. */
  open(path: string, options?: OpenOptions): Promise<TrackedPage>;
  /** GET an API path with the admin token (or `<token>:<userId>`), parsed JSON or null on 204. */
  api(pathAndQuery: string, userId?: number): Promise<unknown>;
}

export function useSandboxBrowser(options: E2ESandboxOptions = {}): SandboxBrowser {
  jest.setTimeout(60_000);
  let sandbox: RunningHostSandbox | undefined;
  let browser: Browser | undefined;
  let pages: TrackedPage[] = [];

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startE2ESandbox(options), launchChromium()]);
  });

  afterEach(async () => {
    const opened = pages;
    pages = [];
    const problems = opened.flatMap(tracked => tracked.problems());
    await Promise.all(opened.map(tracked => tracked.context.close()));
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), sandbox?.close()]);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (beforeAll failed?)`);
    return value;
  };

  return {
    get sandbox() {
      return need(sandbox, 'the sandbox');
    },
    get browser() {
      return need(browser, 'Chromium');
    },
    async open(path, openOptions = {}) {
      const running = need(sandbox, 'the sandbox');
      const tracked = await openTrackedPage(need(browser, 'Chromium'), running.url);
      pages.push(tracked);
      if (openOptions.initScript !== undefined)
        await tracked.page.addInitScript(openOptions.initScript);
      if (openOptions.fixedTime !== undefined)
        await tracked.page.clock.setFixedTime(openOptions.fixedTime);
      const target =
        openOptions.userId === undefined
          ? path
          : `/_sandbox/login?user=${openOptions.userId}&next=${encodeURIComponent(path)}`;
      await tracked.page.goto(target);
      await waitForPageReady(tracked.page, openOptions.kind);
      return tracked;
    },
    async api(pathAndQuery, userId) {
      const running = need(sandbox, 'the sandbox');
      const token = options.token ?? DEFAULT_TOKEN;
      const credential = userId === undefined ? token : `${token}:${userId}`;
      const response = await fetch(`${running.url}${pathAndQuery}`, {
        headers: { Authorization: `Bearer ${credential}` },
      });
      if (response.status === 204) return null;
      if (!response.ok) throw new Error(`GET ${pathAndQuery}: HTTP ${response.status}`);
      return response.json();
    },
  };
}
