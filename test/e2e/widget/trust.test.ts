/**
 * Issue 9 in the built widget, against `funnel-lens report` on the same data: the young-cohort
 * headline (still open, change against the previous period at the same age), the incoming queue,
 * and a manager whose few deals are shown as counts, not as a bold percentage — in Russian and
 * light, and in English and dark.
 */
import type { Page } from 'playwright-core';
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import { PIPELINE_IDS } from '../../../sandbox/demo';
import { cliReport, panelWindow, waitForFunnel } from './support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;
const numbers = (text: string | null): number[] =>
  (text ?? '')
    .replace(/(\d)\s(?=\d)/g, '$1')
    .match(/\d+/g)
    ?.map(Number) ?? [];

async function english(page: Page): Promise<void> {
  await page.click('#sandbox-lang-en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await waitForFunnel(page);
  await page.evaluate(() => document.documentElement.setAttribute('data-color-scheme', 'dark'));
}

/** Filters the panel to one manager, by the name the filter lists, until the totals show it. */
async function onlyManager(page: Page, name: string, deals: number): Promise<void> {
  await page.locator('.fl-panel .fl-managers__button').click();
  const boxes = page.locator('.fl-panel .fl-managers__popup label.fl-check');
  const labels = (await boxes.allTextContents()).map(l => l.trim());
  const at = labels.indexOf(name);
  expect(at).toBeGreaterThan(0);
  await boxes.nth(at).locator('input').check();
  await page.keyboard.press('Escape');
  await page.waitForFunction(
    n =>
      document.querySelector('.fl-panel .fl-total__value .fl-num')?.textContent.trim() ===
      String(n),
    deals,
    { timeout: 30_000 },
  );
}

describe('numbers that cannot mislead at a glance', () => {
  const env = useSandboxBrowser({ leads: 1200 });
  jest.setTimeout(150_000);

  it('says how many deals are still open and compares with the previous period at the same age', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const cli = await cliReport(env.sandbox.url, MAIN, await panelWindow(page));
    const open = page.locator('.fl-panel .fl-total__open');
    expect(numbers(await open.textContent())).toEqual([cli.totals.open, cli.totals.deals]);
    await expect(open.textContent()).resolves.toMatch(/открыт/);
    const change = cli.totals.conversion! - cli.previous.sameAge.totals.conversion!;
    const shown = await page.locator('.fl-panel .fl-total .fl-trend').first().textContent();
    // «−1,9 п.п.»: the change against the same age, to one decimal.
    const expected = (Math.round(Math.abs(change) * 1000) / 10).toFixed(1).replace('.', ',');
    expect(shown?.replace(/\s/g, '')).toContain(expected);
    await saveScreenshot(page, 'panel-young-cohort');

    await english(page);
    await expect(open.textContent()).resolves.toMatch(/open/);
    await saveScreenshot(page, 'panel-young-cohort-en-dark');
  });

  it('shows the incoming queue: declined or waiting of those that came in, and first response', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const cli = await cliReport(env.sandbox.url, MAIN, await panelWindow(page));
    const q = cli.incoming;
    expect(q.entered).toBeGreaterThan(0);
    const queue = page.locator('.fl-panel .fl-incoming');
    await queue.scrollIntoViewIfNeeded();
    const share = await queue.locator('dd .fl-num').first().textContent();
    // «{share} ({count} из {entered})»: the percentage, then the counts.
    expect(numbers(share).slice(-2)).toEqual([q.declined + q.waiting, q.entered]);
    const split = await queue.locator('.fl-incoming__split').first().textContent();
    expect(numbers(split)).toEqual([q.declined, q.waiting]);
    await saveScreenshot(page, 'panel-incoming');

    await english(page);
    await queue.scrollIntoViewIfNeeded();
    await expect(queue.locator('.fl-incoming__title').textContent()).resolves.toBe(
      'Incoming leads',
    );
    await saveScreenshot(page, 'panel-incoming-en-dark');
  });

  it('shows a manager’s few decided deals as a count, with the percentage greyed', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const cli = await cliReport(env.sandbox.url, MAIN, await panelWindow(page));
    // The manager with the fewest deals in the period: the later stages have few decided deals.
    const few = [...cli.managers].filter(m => m.deals > 0).sort((a, b) => a.deals - b.deals)[0];
    expect(few).toBeDefined();
    if (!few) return;
    const title = env.sandbox.ctx.account.users.find(u => u.id === few.userId)?.name ?? '';
    await onlyManager(page, title, few.deals);
    const small = page.locator('.fl-panel .fl-row__decided .fl-num--small');
    await expect(small.count()).resolves.toBeGreaterThan(0);
    await expect(small.first().textContent()).resolves.toMatch(/^решённая: \d+ из \d+$/);
    await saveScreenshot(page, 'panel-small-sample-manager');

    // The language switch reloads the page: the filter is chosen again.
    await english(page);
    await onlyManager(page, title, few.deals);
    await expect(small.first().textContent()).resolves.toMatch(/^decided: \d+ of \d+$/);
    await saveScreenshot(page, 'panel-small-sample-manager-en-dark');
  });
});
