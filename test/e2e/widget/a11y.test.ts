/**
 * WCAG 2.1 AA (issue 14): axe-core, scoped to the widget's own roots (`.funnel-lens`, whatever
 * code amoCRM assigned), on every surface the widget draws — the panel open, with a definition
 * shown, collapsed, a stage's drill-down, the lead card block, the full report, the settings
 * modal and its refused save — in the light and the dark theme and in every language the
 * manifest ships. Any violation fails the test, each printed with its rule, impact and element.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { LANG_COOKIE } from '../../../sandbox/server/host';
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { DemoLead } from '../../../sandbox/demo';
import { saveScreenshot, useSandboxBrowser, waitForPageReady } from '../helpers';
import type { PageKind } from '../helpers';
import { shippedLangs, waitForFunnel } from './support';

const ROOT = join(__dirname, '../../..');
const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;
/** Отправлено КП: the demo keeps deals stuck there, so its drill-down and cards have the most to show. */
const PROPOSAL = STATUS_IDS.main.open[3];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const LANGS = shippedLangs();

/**
 * axe-core's own bundle, run with `define` hidden: amoCRM's page has RequireJS, and axe would
 * otherwise also register itself as an AMD module there.
 */
const AXE_SOURCE = `(function (define) {\n${readFileSync(
  join(ROOT, 'node_modules/axe-core/axe.min.js'),
  'utf8',
)}\n})(undefined);`;

interface Finding {
  readonly surface: string;
  readonly rule: string;
  readonly impact: string;
  readonly target: string;
  readonly summary: string;
}

async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate(dark => {
    if (dark) document.documentElement.setAttribute('data-color-scheme', 'dark');
    else document.documentElement.removeAttribute('data-color-scheme');
  }, theme === 'dark');
}

/** axe over the widget's roots in the page as it is now; one finding per failing element. */
async function audit(page: Page, surface: string): Promise<Finding[]> {
  const roots = await page.locator('.funnel-lens').count();
  if (roots === 0) throw new Error(`${surface}: no widget root (.funnel-lens) in the page`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async tags => {
    const axe = (
      window as unknown as {
        axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };
      }
    ).axe;
    const result: AxeResults = await axe.run(
      { include: [['.funnel-lens']] },
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    );
    return result.violations.flatMap(v =>
      v.nodes.map(n => ({
        rule: v.id,
        impact: n.impact ?? v.impact ?? 'unknown',
        target: n.target.map(String).join(' > '),
        summary: (n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 240),
      })),
    );
  }, TAGS);
  return violations.map(v => ({ surface, ...v }));
}

/** Audits the page in both themes (the theme follows amoCRM's attribute at once). */
async function auditThemes(
  page: Page,
  surface: string,
  found: Finding[],
  screenshot?: string,
): Promise<void> {
  for (const theme of THEMES) {
    await setTheme(page, theme);
    found.push(...(await audit(page, `${surface} (${theme})`)));
    if (screenshot !== undefined) await saveScreenshot(page, `${screenshot}-${theme}`);
  }
  await setTheme(page, 'light');
}

function report(lang: string, found: readonly Finding[]): string {
  return found
    .map(f => `[${lang}] ${f.surface}: ${f.rule} (${f.impact}) at ${f.target}\n    ${f.summary}`)
    .join('\n');
}

describe('WCAG 2.1 AA on every widget surface, theme and language', () => {
  const env = useSandboxBrowser({ leads: 600 });
  jest.setTimeout(240_000);

  it('ships at least the two languages the panel was written in', () => {
    expect(LANGS).toEqual(expect.arrayContaining(['ru', 'en']));
  });

  it.each(LANGS)('axe finds no violation in %s', async lang => {
    const found: Finding[] = [];
    const tracked = await env.open(LIST, { kind: 'list' });
    const { page, context } = tracked;
    await context.addCookies([{ name: LANG_COOKIE, value: lang, url: env.sandbox.url }]);
    const go = async (path: string, kind: PageKind) => {
      await page.goto(path);
      await waitForPageReady(page, kind, 30_000);
      // A language the sandbox does not offer would silently fall back to the user's.
      const shown = await page.evaluate(() => document.documentElement.lang);
      if (shown !== lang)
        throw new Error(`the sandbox shows ${shown}, not ${lang}: is ${lang} offered?`);
    };

    // The panel, once its numbers are complete (a recomputing report is dimmed on purpose).
    await go(LIST, 'list');
    await waitForFunnel(page);
    await page.waitForSelector(
      '.fl-panel[data-phase="complete"] .fl-report:not(.fl-report--stale)',
      {
        timeout: 60_000,
      },
    );
    await auditThemes(page, 'panel', found, `a11y-panel-${lang}`);

    // A definition shown on keyboard focus: its bubble is checked too.
    await page.locator('.fl-panel .fl-funnel .fl-hint').first().focus();
    await page.locator('.fl-panel .fl-funnel .fl-hint__tip').first().waitFor({ state: 'visible' });
    await auditThemes(page, 'panel, a definition shown', found);
    await page.keyboard.press('Escape');

    // A stage's deals.
    await page.locator(`button.fl-row__main[data-stage-id="${PROPOSAL}"]`).click();
    await page.waitForSelector('.fl-drill .fl-deal');
    await auditThemes(page, 'drill-down', found, `a11y-drilldown-${lang}`);
    await page.locator('.fl-drill .fl-tabs__tab').nth(1).click();
    await auditThemes(page, 'drill-down, all deals', found);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.fl-panel .fl-funnel');

    // Collapsed to the strip (remembered), then expanded again for the next language.
    await page.locator('.fl-panel .fl-head button[aria-expanded="true"]').click();
    await page.waitForSelector('.fl-panel--collapsed');
    await auditThemes(page, 'panel collapsed', found, `a11y-collapsed-${lang}`);
    await page.locator('.fl-panel--collapsed button[aria-expanded="false"]').click();
    await page.waitForSelector('.fl-panel .fl-funnel');

    // The lead card block of a deal stuck at Отправлено КП.
    const lead = env.sandbox.ctx.account.leads.find(
      (l: DemoLead) => !l.is_deleted && l.pipeline_id === MAIN && l.status_id === PROPOSAL,
    );
    expect(lead).toBeDefined();
    await go(`/leads/detail/${lead!.id}`, 'card');
    await page.waitForSelector('.fl-card[aria-busy="false"] .fl-journey', { timeout: 60_000 });
    await auditThemes(page, 'card', found, `a11y-card-${lang}`);

    // The full report on the advanced settings page.
    await go(`/settings/widgets/${env.sandbox.widgetCode}/`, 'advanced');
    await page.waitForSelector('.fl-report-root table', { timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('.fl-report-root .fl-progress') === null,
      undefined,
      { timeout: 60_000 },
    );
    await auditThemes(page, 'report', found, `a11y-report-${lang}`);
    // Each chart's canvas is an image named by a summary of its numbers (its table follows).
    const charts = await page.$$eval('.fl-report-root canvas', cs =>
      cs.map(c => ({ role: c.getAttribute('role'), label: c.getAttribute('aria-label') ?? '' })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) {
      expect(chart.role).toBe('img');
      expect(chart.label).toMatch(/\d/);
    }

    // The settings modal, then a save it refuses (an invalid minimum sample).
    await go('/settings/widgets/', 'integrations');
    await page.locator(`.widget-tile[data-code="${env.sandbox.widgetCode}"]`).click();
    const modal = page.locator('.widget-settings');
    await modal.locator('.fl-settings').waitFor({ timeout: 30_000 });
    await auditThemes(page, 'settings', found, `a11y-settings-${lang}`);
    await modal.locator('.fl-settings input[inputmode="decimal"]').first().fill('0');
    await modal.locator('.js-widget-save').click();
    await page.waitForSelector('.widget-settings [data-save-state="refused"]');
    await auditThemes(page, 'settings, save refused', found, `a11y-settings-refused-${lang}`);

    if (found.length > 0) process.stdout.write(`${report(lang, found)}\n`);
    expect(report(lang, found)).toBe('');
  });
});

describe('keyboard and pointer in the browser (WCAG 1.4.13, 2.1.1, 2.4.1, 2.4.3, 3.3.1)', () => {
  const env = useSandboxBrowser({ leads: 400 });
  jest.setTimeout(120_000);

  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el === null || el === document.body
        ? 'body'
        : `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    });
  const tipShown = (page: Page, host: string) =>
    page.evaluate(sel => {
      const tip = document.querySelector(`${sel} > .fl-hint__tip`);
      return tip !== null && getComputedStyle(tip).display !== 'none';
    }, host);

  it('definitions close with Escape, stay under the pointer, and sit one arrow away from each stage', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const rows = await page.locator('.fl-funnel button.fl-row__main').count();
    // One Tab stop per stage (and the won count): the numbers' definitions are reached with arrows.
    const stops = await page.$$eval(
      '.fl-funnel button, .fl-funnel a, .fl-funnel [tabindex]',
      els => els.filter(e => (e as HTMLElement).tabIndex >= 0).length,
    );
    expect(stops).toBe(rows + 1);

    // The skip link leads past the controls, totals and the weakest link to the first stage.
    await page.locator('.fl-panel .fl-skip').focus();
    await expect(page.locator('.fl-panel .fl-skip').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    expect(await active(page)).toBe('button.fl-row__main');
    await expect(page.locator('.fl-funnel__keys').isVisible()).resolves.toBe(true);

    // ← from the stage's name: its conversion, with the definition shown; Escape hides only that.
    await page.keyboard.press('ArrowLeft');
    const conv = '.fl-funnel li.fl-row:first-child .fl-row__conv .fl-hint';
    expect(await active(page)).toMatch(/^span\.fl-hint/);
    expect(await tipShown(page, conv)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tipShown(page, conv)).toBe(false);
    expect(await active(page)).toMatch(/^span\.fl-hint/);
    await expect(page.locator('.fl-funnel').count()).resolves.toBe(1);
    // ↓ keeps to the same number in the next stage, whose definition opens again.
    await page.keyboard.press('ArrowDown');
    const next = '.fl-funnel li.fl-row:nth-child(2) .fl-row__conv .fl-hint';
    expect(await tipShown(page, next)).toBe(true);
    await saveScreenshot(page, 'a11y-funnel-keyboard');

    // Hover: the pointer can move onto the bubble, and Escape hides it while it is still there.
    const total = '.fl-totals .fl-total:first-child .fl-hint';
    await page.locator(total).hover();
    expect(await tipShown(page, total)).toBe(true);
    await page.locator(`${total} > .fl-hint__tip`).hover();
    expect(await tipShown(page, total)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tipShown(page, total)).toBe(false);
    await page.mouse.move(5, 5);
    await page.locator(total).hover();
    expect(await tipShown(page, total)).toBe(true);
  });

  it('keeps focus on «refresh» while it syncs', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const refresh = page.locator('.fl-panel .fl-head button').first();
    await refresh.focus();
    const label = await refresh.getAttribute('aria-label');
    // A refresh with nothing new is quick: note that it was busy rather than hope to see it.
    await page.evaluate(() => {
      const w = window as unknown as { __busy: boolean };
      w.__busy = false;
      new MutationObserver(() => {
        if (document.querySelector('.fl-head button[aria-disabled="true"]')) w.__busy = true;
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __busy: boolean }).__busy);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      label,
    );
    await page.waitForSelector('.fl-head button:not([aria-disabled])', { timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      label,
    );
  });

  it('sends focus to the first invalid field when amoCRM refuses the save', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.locator(`.widget-tile[data-code="${env.sandbox.widgetCode}"]`).click();
    const modal = page.locator('.widget-settings');
    await modal.locator('.fl-settings').waitFor({ timeout: 30_000 });
    const field = modal.locator('.fl-settings input[inputmode="decimal"]').first();
    await field.fill('0');
    await modal.locator('.js-widget-save').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.widget-settings [data-save-state="refused"]');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-invalid') === 'true',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await field.getAttribute('id'),
    );
    // Refused again after focus went back to the button: focus returns to the field again.
    await modal.locator('.js-widget-save').click();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-invalid') === 'true',
    );
  });
});
