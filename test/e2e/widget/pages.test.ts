/**
 * The widget's other places in amoCRM: the settings modal (saved through amoCRM, refused when
 * invalid), the full report on the advanced settings page, and the block in a lead card.
 */
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import { waitForFunnel } from './support';

const MAIN = PIPELINE_IDS.main;
const PROPOSAL = STATUS_IDS.main.open[3];

describe('settings, full report and lead card', () => {
  const env = useSandboxBrowser({ leads: 800 });
  jest.setTimeout(120_000);

  const saved = async (): Promise<unknown> => {
    const response = await fetch(`${env.sandbox.url}/_sandbox/widget-settings`);
    const body = (await response.json()) as { fields?: { config?: unknown } };
    return typeof body.fields?.config === 'string'
      ? JSON.parse(body.fields.config)
      : body.fields?.config;
  };

  it('refuses invalid settings, saves valid ones through amoCRM, and the panel uses them', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.locator('.widget-tile').first().click();
    const modal = page.locator('.widget-settings');
    await modal.locator('.fl-settings').waitFor({ timeout: 30_000 });
    const minSample = modal.getByLabel('Минимальная выборка');
    await minSample.fill('0');
    await modal.locator('.js-widget-save').click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('.widget-settings [data-save-state]')?.dataset
          .saveState === 'refused',
    );
    await expect(modal.locator('[role="alert"]').first().textContent()).resolves.toBeTruthy();
    await saveScreenshot(page, 'settings-refused');

    await minSample.fill('12');
    await modal.locator(`[id$="-stage-${PROPOSAL}"]`).fill('3');
    await modal.locator('.js-widget-save').click();
    await page.waitForFunction(() => document.querySelector('.widget-settings') === null);
    expect(await saved()).toMatchObject({
      minSample: 12,
      stuckDaysByStage: { [String(PROPOSAL)]: 3 },
    });

    // The panel now measures Отправлено КП against 3 days, and says the threshold is a setting.
    await page.goto(`/leads/list/pipeline/${MAIN}/`);
    await waitForFunnel(page);
    const hint = await page
      .locator(`li.fl-row[data-stage-id="${PROPOSAL}"] .fl-row__stuck .fl-hint__tip`)
      .textContent();
    expect(hint).toContain('задан в настройках');
    expect(hint).toContain('3');

    // Reopening the modal shows what was saved.
    await page.goto('/settings/widgets/');
    await page.locator('.widget-tile').first().click();
    await page.locator('.widget-settings .fl-settings').waitFor();
    await expect(
      page.locator('.widget-settings').getByLabel('Минимальная выборка').inputValue(),
    ).resolves.toBe('12');
  });

  it('shows the whole contract on the advanced page, with drawn charts and CSV export', async () => {
    const { page } = await env.open(`/settings/widgets/${env.sandbox.widgetCode}/`, {
      kind: 'advanced',
    });
    await page.waitForSelector('.fl-report-root table', { timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('.fl-report-root .fl-progress') === null,
      undefined,
      {
        timeout: 60_000,
      },
    );
    const headings = await page.$$eval('.fl-report-root h2, .fl-report-root h3', hs =>
      hs.map(h => h.textContent),
    );
    expect(headings.length).toBeGreaterThanOrEqual(8);
    // Each chart canvas really drew something (a blank canvas encodes to a tiny constant string).
    const drawn = await page.$$eval('.fl-report-root canvas', cs =>
      cs.map(c => (c as HTMLCanvasElement).toDataURL().length),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    const blank = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 10;
      c.height = 10;
      return c.toDataURL().length;
    });
    expect(drawn.every(length => length > blank * 3)).toBe(true);

    // At 1440 px, beside amoCRM's Settings submenu, nothing runs off the page's right edge: a
    // table wider than the work area scrolls inside its own box (WCAG 1.4.10 lets data tables
    // scroll), and the page itself never scrolls sideways.
    await page.setViewportSize({ width: 1440, height: 900 });
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('.fl-report-root')!.getBoundingClientRect();
      const tables = [...document.querySelectorAll('.fl-report-root table')];
      const box = (t: Element) => t.closest('.fl-table__scroll') ?? t;
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        tables: tables.filter(t => box(t).getBoundingClientRect().right > root.right + 1).length,
        count: tables.length,
      };
    });
    expect(overflow).toEqual({ page: 0, tables: 0, count: overflow.count });
    expect(overflow.count).toBeGreaterThan(5);

    const download = page.waitForEvent('download');
    await page.locator('.fl-report-root button', { hasText: 'CSV' }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^funnel-lens-\d+-.+\.csv$/);
    await saveScreenshot(page, 'report-page');
  });

  it('shows a stuck deal’s path and its time in stage against the norm in the lead card', async () => {
    const { page } = await env.open(`/leads/list/pipeline/${MAIN}/`, { kind: 'list' });
    await waitForFunnel(page);
    await page.locator(`button.fl-row__main[data-stage-id="${PROPOSAL}"]`).click();
    const first = page.locator('.fl-drill .fl-deal__name').first();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForFunction(
      target => location.pathname === target && document.body.dataset.pageState === 'ready',
      href,
    );
    const block = page.locator('.fl-card-root');
    await block.waitFor();
    await page.waitForFunction(
      () => document.querySelector('.fl-card-root')?.textContent.includes('Отправлено КП'),
      undefined,
      {
        timeout: 60_000,
      },
    );
    await expect(block.textContent()).resolves.toMatch(/завис/i);
    await saveScreenshot(page, 'lead-card');
  });
});
