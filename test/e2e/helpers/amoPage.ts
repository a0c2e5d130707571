/**
 * Driving the sandbox's amoCRM page: waiting for a navigation to finish, navigating the way
 * widget code does, and reading what the host recorded (`__hostEvents`, `__hostWrites`).
 */
import type { Page } from 'playwright-core';

export type PageKind = 'list' | 'kanban' | 'card' | 'integrations' | 'advanced' | 'notFound';

export interface HostEvent {
  readonly type: string;
  readonly name?: string;
  readonly area?: string;
  readonly url?: string;
  readonly [detail: string]: unknown;
}

export interface HostWrite {
  readonly path: string;
  readonly op: string;
  readonly valueType: string;
}

/** Waits until the page (of the given kind) has drawn its data and built its widget. */
export async function waitForPageReady(
  page: Page,
  kind?: PageKind,
  timeout = 15_000,
): Promise<void> {
  await page.waitForFunction(
    expected =>
      document.body.dataset.pageState === 'ready' &&
      (expected === null || document.body.dataset.page === expected),
    kind ?? null,
    { timeout },
  );
}

/** Opens a page path in the tab and waits for it to be ready. */
export async function gotoPage(page: Page, pathAndQuery: string, kind?: PageKind): Promise<void> {
  await page.goto(pathAndQuery);
  await waitForPageReady(page, kind);
}

/** `APP.router.navigate(url, { trigger: true })`, as widget code navigates. */
export async function routerNavigate(page: Page, url: string, kind?: PageKind): Promise<void> {
  await page.evaluate(target => {
    (
      window as unknown as { APP: { router: { navigate(u: string, o: object): void } } }
    ).APP.router.navigate(target, { trigger: true });
  }, url);
  await waitForPageReady(page, kind);
}

export function hostEvents(page: Page): Promise<HostEvent[]> {
  return page.evaluate(() => (window as unknown as { __hostEvents: HostEvent[] }).__hostEvents);
}

export function hostWrites(page: Page): Promise<HostWrite[]> {
  return page.evaluate(() => (window as unknown as { __hostWrites: HostWrite[] }).__hostWrites);
}

/**
 * Marks the current document; `stillSameDocument` is true only while no full reload happened,
 * which is how tests prove that navigation stayed in the single-page app.
 */
export async function markDocument(page: Page): Promise<string> {
  const mark = `doc-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(value => {
    (window as unknown as { __docMark: string }).__docMark = value;
  }, mark);
  return mark;
}

export async function stillSameDocument(page: Page, mark: string): Promise<boolean> {
  return (
    (await page.evaluate(() => (window as unknown as { __docMark?: string }).__docMark)) === mark
  );
}
