/**
 * The real widget under amoCRM's 429s (issue 10): the sandbox's `ratelimit` preset refuses the
 * first requests of a fresh profile; the widget waits them out — honouring retry_after, slowing
 * down, never knocking hard enough for a 403 — and ends with the exact numbers, no page error and
 * no error banner. A storm during a refresh is counted down with the numbers left on screen. And a
 * first load that fails says so without claiming saved numbers it does not have.
 */
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import type { TrackedPage } from '../helpers';
import { PIPELINE_IDS } from '../../../sandbox/demo';
import {
  cliReport,
  expectPanelEqualsReport,
  panelRows,
  panelWindow,
  waitForFunnel,
} from './support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;

describe('the panel under amoCRM’s rate limit (429)', () => {
  const env = useSandboxBrowser({ leads: 600, faults: 'ratelimit' });
  jest.setTimeout(180_000);

  /** Chromium reports every refused response as a console error; these are the test's point. */
  const allow429 = (tracked: TrackedPage) => tracked.allow(/status of 429/);

  const setFaults = async (body: object) => {
    const response = await fetch(`${env.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok).toBe(true);
  };

  it('a first load under the `ratelimit` preset ends with the exact numbers, no error, no 403', async () => {
    const tracked = await env.open(LIST, { kind: 'list' });
    allow429(tracked);
    const { page } = tracked;
    await waitForFunnel(page);
    expect(await page.locator('.fl-panel .fl-error').count()).toBe(0);
    const stats = env.sandbox.ctx.stats.snapshot();
    // The preset's five refusals were all met — and waited out, not given up on.
    expect(stats.rejected429).toBe(5);
    expect(stats.byStatus['403'] ?? 0).toBe(0);

    const cli = await cliReport(env.sandbox.url, MAIN, await panelWindow(page));
    await expectPanelEqualsReport(page, cli);
  });

  it('a storm during a refresh: the numbers stay, the wait is counted down, and it goes on by itself', async () => {
    const tracked = await env.open(LIST, { kind: 'list' });
    allow429(tracked);
    const { page } = tracked;
    await waitForFunnel(page);
    const before = await panelRows(page);

    await setFaults({ rateLimitStorm: { retryAfter: 3, count: 3 } });
    await page
      .getByRole('button', { name: /Обновить/ })
      .first()
      .click();
    const wait = page.locator('.fl-sync__wait');
    await wait.waitFor({ timeout: 20_000 });
    await expect(wait.textContent()).resolves.toMatch(
      /^amoCRM просит подождать: продолжим через \d+ с$/,
    );
    expect(await panelRows(page)).toEqual(before);

    // Three waits of the 3 s amoCRM names, then the refresh completes without a word of failure.
    await wait.waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForFunction(
      () =>
        document.querySelector('.fl-panel .fl-progress') === null &&
        !document.querySelector('.fl-panel [role="timer"]'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.locator('.fl-panel .fl-error').count()).toBe(0);
    expect(await panelRows(page)).toEqual(before);
  });

  it('a session expiring during the first load: says to reload, and that there are no numbers yet', async () => {
    // The `expiring` preset's 30 requests cover this small account's whole load; 3 end it during
    // the account's own reads, as a large account's load ends under the preset.
    await setFaults({ sessionExpiresAfter: 3 });
    try {
      const tracked = await env.open(LIST, { kind: 'list' });
      tracked.allow(/status of 401/);
      allow429(tracked);
      const { page } = tracked;
      await page.waitForSelector('.fl-panel .fl-error', { timeout: 60_000 });
      await expect(page.locator('.fl-error__text').textContent()).resolves.toBe(
        'Сессия истекла — перезагрузите страницу, чтобы войти снова.',
      );
      await expect(page.locator('.fl-error__shown').textContent()).resolves.toBe(
        'Цифр пока нет: данные из amoCRM ещё не загружены.',
      );
      expect(await page.locator('.fl-panel .fl-funnel .fl-row').count()).toBe(0);
      expect(await page.locator('.fl-panel').textContent()).not.toMatch(/Показаны|сохранённые/);
      // No retry is promised (only a reload helps), and the server's words never show.
      expect(await page.locator('.fl-panel .fl-error__next').count()).toBe(0);
      expect(await page.locator('.fl-panel').textContent()).not.toContain('Invalid user name');
      await saveScreenshot(page, 'panel-session-expired');
    } finally {
      await fetch(`${env.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    }
  });
});
