/**
 * The widget when amoCRM misbehaves: an expired session, a server that fails. Each must say what
 * is happening in the user's words and keep the numbers already shown or cached. 429 storms have
 * their own file (faults429.test.ts): they are waited out, not reported.
 */
import { useSandboxBrowser } from '../helpers';
import type { TrackedPage } from '../helpers';
import { PIPELINE_IDS } from '../../../sandbox/demo';
import { panelRows, waitForFunnel } from './support';

const LIST = `/leads/list/pipeline/${PIPELINE_IDS.main}/`;

describe('the panel when amoCRM misbehaves', () => {
  const env = useSandboxBrowser({ leads: 600 });
  jest.setTimeout(120_000);

  const faults = async (body: object | null) => {
    const response = await fetch(`${env.sandbox.url}/_sandbox/faults`, {
      method: body === null ? 'DELETE' : 'POST',
      ...(body !== null && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    expect(response.ok).toBe(true);
  };
  afterEach(() => faults(null));

  /** Chromium reports every failed response as a console error; these ones are the test's point. */
  const expectFailures = (tracked: TrackedPage, status: number) =>
    tracked.allow(new RegExp(`status of ${status}`));

  it('tells the user to reload when the session expires — the numbers stay', async () => {
    const tracked = await env.open(LIST, { kind: 'list' });
    const { page } = tracked;
    expectFailures(tracked, 401);
    await waitForFunnel(page);
    const before = await panelRows(page);

    await faults({ sessionExpiresAfter: 0 });
    await page
      .getByRole('button', { name: /Обновить/ })
      .first()
      .click();
    await page.waitForSelector('.fl-error', { timeout: 30_000 });
    await expect(page.locator('.fl-error__text').textContent()).resolves.toContain(
      'Сессия истекла',
    );
    // A retry cannot help a dead session; the message says to reload instead.
    expect(await page.locator('.fl-error__retry').count()).toBe(0);
    expect(await panelRows(page)).toEqual(before);
  });

  it('shows the cached funnel at once on the next visit, even while amoCRM fails', async () => {
    const tracked = await env.open(LIST, { kind: 'list' });
    const { page } = tracked;
    expectFailures(tracked, 500);
    await waitForFunnel(page);
    const before = await panelRows(page);

    await faults({ serverErrors: { status: 500, probability: 1 } });
    await page.reload();
    // From IndexedDB, before any request could succeed.
    await page.waitForSelector('.fl-panel .fl-funnel .fl-row', { timeout: 10_000 });
    expect(await panelRows(page)).toEqual(before);
    // The cache is minutes old, so no sync runs by itself; a refresh meets the failing server,
    // retries with backoff, then says so.
    await page
      .getByRole('button', { name: /Обновить/ })
      .first()
      .click();
    await page.waitForSelector('.fl-error', { timeout: 60_000 });
    await expect(page.locator('.fl-error__text').textContent()).resolves.toContain(
      'Ошибка на стороне amoCRM',
    );
    expect(await panelRows(page)).toEqual(before);
  });
});
