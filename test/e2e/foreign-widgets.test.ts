/**
 * The sandbox's fidelity check: public amoCRM / Kommo widgets written by other people
 * (test/fixtures/foreign-widgets, each with its licence and SOURCE.md), loaded unchanged at the
 * places their manifests declare. Each must load (no failed require, no failed request, no page
 * error or console error) and draw its own markup where amoCRM would show it.
 */
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { gotoPage, useSandboxBrowser, type SandboxBrowser } from './helpers';

const FIXTURES = path.join(__dirname, '../fixtures/foreign-widgets');

/** Fails the test on any response >= 400 or request the browser gave up on. */
function watchRequests(page: Page): () => string[] {
  const failed: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', request => {
    // A navigation cancels what the page before it still had in flight; that is no failure.
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') failed.push(`failed ${request.url()} ${reason}`);
  });
  return () => failed;
}

async function firstLeadId(env: SandboxBrowser): Promise<number> {
  const body = (await env.api('/api/v4/leads?limit=1')) as {
    _embedded: { leads: { id: number }[] };
  };
  const id = body._embedded.leads[0]?.id;
  if (id === undefined) throw new Error('the demo account has no leads');
  return id;
}

async function callbacks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (
      window as unknown as { __hostEvents: { type: string; name?: string; area?: string }[] }
    ).__hostEvents
      .filter(event => event.type === 'callback')
      .map(event => `${event.name ?? ''}@${event.area ?? ''}`),
  );
}

describe('kommo-birthday (Kommo, MIT): lcard-1, settings', () => {
  const env = useSandboxBrowser({ widgetDir: path.join(FIXTURES, 'kommo-birthday'), leads: 40 });

  test('in a lead card it draws its block into the widgets column', async () => {
    const leadId = await firstLeadId(env);
    const { page } = await env.open(`/leads/detail/${leadId}`, { kind: 'card' });
    const code = env.sandbox.widgetCode;
    const block = page.locator(`#card_widgets_column .card-widgets__widget-${code}`);
    const inner = block.locator('.kommo-birthday__right_panel__inner');
    await inner.waitFor({ timeout: 15_000 });
    // Again with every request watched from the start (the first load opened the session).
    const failed = watchRequests(page);
    await gotoPage(page, `/leads/detail/${leadId}`, 'card');
    await inner.waitFor({ timeout: 15_000 });
    await expect(
      block.locator('.card-widgets__widget__caption').getAttribute('class'),
    ).resolves.toMatch(/kommo-birthday__right_panel__container/);
    await expect(
      block.locator('.kommo-birthday__right_panel__inner_text').textContent(),
    ).resolves.toMatch(/No birthdays today/);
    // Its own stylesheets, loaded the way it loads them.
    await expect(page.locator('link#kommo-common-style').count()).resolves.toBe(1);
    await expect(callbacks(page)).resolves.toEqual(
      expect.arrayContaining(['render@lcard', 'bind_actions@lcard', 'init@lcard']),
    );
    expect(failed()).toEqual([]);
  });

  test('in Settings → Integrations its settings() runs and loads and compiles its templates', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    const failed = watchRequests(page);
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    await page.waitForFunction(
      () =>
        Object.keys(
          (window as unknown as { Twig: { Templates: { registry: object } } }).Twig.Templates
            .registry,
        ).length >= 3,
    );
    const registry = await page.evaluate(() =>
      Object.keys(
        (window as unknown as { Twig: { Templates: { registry: object } } }).Twig.Templates
          .registry,
      ).sort(),
    );
    expect(registry).toEqual([
      'kommo_bd_kommo_birthday_loader',
      'kommo_bd_kommo_birthday_settings.base',
      'kommo_bd_kommo_birthday_settings.modal',
    ]);
    await expect(callbacks(page)).resolves.toEqual(
      expect.arrayContaining(['render@settings', 'settings@settings']),
    );
    expect(failed()).toEqual([]);
  });
});
