/**
 * Kommo mode (`npm start -- --kommo`): the same sandbox served at demo.kommo.localhost, with
 * Kommo's look and a demo account in the user's language. The widget learns the platform from the
 * page's host name only, so this is the one place it can be seen saying "Kommo" in context.
 * Screenshots go to test-artifacts/kommo-<lang>.png.
 */
import type { Browser } from 'playwright-core';
import type { HostLang } from '../../sandbox/host/protocol';
import { startHostSandbox, type RunningHostSandbox } from '../../sandbox/server/host';
import { launchChromium, openTrackedPage, saveScreenshot } from './helpers/browser';
import { ensureHostBundle } from './helpers/hostBundle';

jest.setTimeout(90_000);

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function kommoSandbox(lang: HostLang): Promise<RunningHostSandbox> {
  return startHostSandbox({
    port: 0,
    platform: 'kommo',
    hostBundleDir: await ensureHostBundle(),
    demo: { leads: 400, lang },
  });
}

/** Every text a user can see or hear in the widget's panel: its text, labels and tooltips. */
function panelTexts(): string[] {
  const panel = document.querySelector<HTMLElement>('.fl-panel');
  if (panel === null) return [];
  const texts = [panel.innerText];
  for (const element of panel.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value !== null) texts.push(value);
    }
  }
  return texts;
}

describe.each([
  ['en', /Refresh data from Kommo/, 'USD'],
  ['es', /Actualizar los datos de Kommo/, 'MXN'],
] as const)('Kommo mode in %s', (lang, refreshLabel, currency) => {
  let sandbox: RunningHostSandbox | undefined;

  beforeAll(async () => {
    sandbox = await kommoSandbox(lang);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('is served at <subdomain>.kommo.localhost with Kommo’s brand, and the widget names Kommo', async () => {
    if (sandbox === undefined || browser === undefined) throw new Error('not started');
    expect(sandbox.pageUrl).toMatch(/^http:\/\/demo\.kommo\.localhost:\d+$/);
    expect(sandbox.ctx.account.account.currency).toBe(currency);
    const tracked = await openTrackedPage(browser, sandbox.pageUrl);
    const { page } = tracked;
    await page.goto(sandbox.leadsUrl);
    await page.waitForFunction(() => document.body.dataset.pageState === 'ready');
    // The session cookie was set for this host name: a reload keeps the same user.
    expect((await tracked.context.cookies(sandbox.pageUrl)).length).toBeGreaterThan(0);

    expect(await page.evaluate(() => document.documentElement.dataset.platform)).toBe('kommo');
    expect(await page.locator('.nav__logo').innerText()).toBe('kommo');
    expect(await page.title()).toContain('Kommo');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

    await page.waitForSelector('.fl-panel .fl-funnel .fl-row', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('.fl-panel .fl-progress') === null);
    const refresh = page.locator('.fl-panel .fl-head button').first();
    const label =
      (await refresh.getAttribute('aria-label')) ?? (await refresh.getAttribute('title'));
    expect(label).toMatch(refreshLabel);

    const texts = await page.evaluate(panelTexts);
    expect(texts.join('\n')).toContain(sandbox.ctx.account.pipelines[0]?.statuses[1]?.name ?? '?');
    expect(texts.filter(text => /amocrm/i.test(text))).toEqual([]);
    // Nor anywhere else on the page: the host chrome plays Kommo too.
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/amocrm/i);

    await saveScreenshot(page, `kommo-${lang}`);
    expect(tracked.problems()).toEqual([]);
    await tracked.context.close();
  });
});
