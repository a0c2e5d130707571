/**
 * Two tabs share one sync; a manager sees only the deals amoCRM lets them see; the dark theme.
 */
import { saveScreenshot, useSandboxBrowser, waitForPageReady } from '../helpers';
import { openTrackedPage } from '../helpers';
import { PIPELINE_IDS, USER_IDS } from '../../../sandbox/demo';
import { totalValue, waitForFunnel } from './support';

const LIST = `/leads/list/pipeline/${PIPELINE_IDS.main}/`;

describe('tabs, rights and theme', () => {
  const env = useSandboxBrowser({ leads: 900 });
  jest.setTimeout(120_000);

  it('lets only one tab sync; the other shows the result when it lands', async () => {
    const first = await env.open(LIST, { kind: 'list' });
    // A second tab of the same browser profile: same IndexedDB, same Web Locks.
    const second = await first.context.newPage();
    const events: string[] = [];
    for (const page of [first.page, second]) {
      page.on('request', request => {
        if (request.url().includes('/api/v4/events')) events.push(request.url());
      });
    }
    await second.goto(LIST);
    await waitForPageReady(second, 'list');
    await Promise.all([waitForFunnel(first.page), waitForFunnel(second)]);
    // One full sync's event pages, not two: every events page was asked for exactly once.
    expect(new Set(events).size).toBe(events.length);
    expect(await totalValue(second, 0)).toBe(await totalValue(first.page, 0));
  });

  it('counts only what a manager may see, and says so', async () => {
    const admin = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(admin.page);
    const all = await totalValue(admin.page, 0);

    const browser = env.browser;
    const tracked = await openTrackedPage(browser, env.sandbox.url);
    const { page } = tracked;
    await page.goto(`/_sandbox/login?user=${USER_IDS.lebedev}&next=${encodeURIComponent(LIST)}`);
    await waitForPageReady(page, 'list');
    await waitForFunnel(page);
    const own = await totalValue(page, 0);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(all);
    await expect(page.locator('.fl-rights').textContent()).resolves.toContain('Лебедев');
    expect(tracked.problems()).toEqual([]);
    await tracked.context.close();
  });

  it('follows amoCRM’s dark theme', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const background = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('.fl-panel')!).backgroundColor);
    const light = await background();
    await page.evaluate(() => document.documentElement.setAttribute('data-color-scheme', 'dark'));
    expect(await background()).not.toBe(light);
    await saveScreenshot(page, 'panel-dark');
  });
});
