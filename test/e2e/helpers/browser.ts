/**
 * Chromium for the e2e tests (playwright-core drives an installed browser; nothing is downloaded)
 * and pages that collect every page error and console error, so a test can fail on them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../sandbox/server/host';
import { chromiumPath } from '../../../scripts/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
] as const;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

export interface TrackedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Page errors and console errors seen so far, minus the allowed ones. */
  problems(): string[];
  /** Lets an expected error through (e.g. a test that makes the widget throw on purpose). */
  allow(pattern: RegExp): void;
}

/** A fresh context (own cookies and storage) with one page whose errors are collected. */
export async function openTrackedPage(browser: Browser, baseURL: string): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const seen: string[] = [];
  const allowed: RegExp[] = [];
  page.on('pageerror', error => seen.push(`pageerror: ${error.message}`));
  page.on('console', message => {
    if (message.type() === 'error') seen.push(`console.error: ${message.text()}`);
  });
  return {
    page,
    context,
    problems: () => seen.filter(problem => !allowed.some(pattern => pattern.test(problem))),
    allow: pattern => allowed.push(pattern),
  };
}

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

/** Saves a full-page screenshot to test-artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
