/**
 * Issue #8 in the real widget: on a 10,000-lead sandbox and a fresh profile the panel shows exact
 * numbers for its window — equal to `funnel-lens report --history-from --horizon-days` on a full
 * dump — while older history is still loading (data-phase="window"), then completes
 * (data-phase="complete"); a reload in the middle goes on without reading again what is cached;
 * and amoCRM's rate limit is never hit.
 */
import type { Page } from 'playwright-core';
import { PIPELINE_IDS } from '../../../sandbox/demo';
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import type { FunnelReport } from '../../../src/core';
import { cliDump, cliReportFrom, panelRows, panelWindow, ruPercent, totalValue } from './support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;

const phase = (page: Page) => page.locator('.fl-panel').getAttribute('data-phase');

async function waitForPhase(page: Page, wanted: 'window' | 'complete', timeout: number) {
  await page.waitForSelector(`.fl-panel[data-phase="${wanted}"] .fl-funnel .fl-row`, { timeout });
}

/** What the panel shows, with the window and history it says the numbers rest on. */
async function shown(page: Page) {
  return {
    window: await panelWindow(page),
    rows: await panelRows(page),
    totals: [await totalValue(page, 0), await totalValue(page, 1), await totalValue(page, 2)],
  };
}

function expectSame(panel: Awaited<ReturnType<typeof shown>>, cli: FunnelReport): void {
  expect(cli.options.historyFrom ?? null).toBe(panel.window.historyFrom);
  expect(panel.rows.map(r => r.stageId)).toEqual(cli.stages.map(s => s.id));
  expect(panel.rows.map(r => r.reached)).toEqual(cli.stages.map(s => s.reached));
  expect(panel.rows.map(r => r.conversion)).toEqual(
    cli.stages.map(s => ruPercent(s.conversionToNext)),
  );
  expect(panel.rows.map(r => r.stuck)).toEqual(cli.stages.map(s => s.stuck));
  expect(panel.totals).toEqual([cli.totals.deals, cli.totals.won, cli.totals.lost]);
}

describe('a large account loads window first', () => {
  const env = useSandboxBrowser({ leads: 10_000 });
  jest.setTimeout(420_000);

  it('shows the window’s exact numbers while history loads, then completes, with no 429', async () => {
    env.sandbox.ctx.stats.reset();
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForPhase(page, 'window', 120_000);
    const inWindow = await shown(page);
    // Read while the backfill still runs: these are the window phase's numbers.
    expect(await phase(page)).toBe('window');
    expect(inWindow.window.historyFrom).not.toBeNull();
    await saveScreenshot(page, 'panel-window-phase');
    const dump = await cliDump(env.sandbox.url, MAIN);
    expectSame(inWindow, await cliReportFrom(dump, MAIN, inWindow.window));

    await waitForPhase(page, 'complete', 300_000);
    // The history back to the horizon is in: the same numbers as the CLI over all of it.
    const complete = await shown(page);
    expect(complete.window.historyFrom).toBeLessThan(inWindow.window.historyFrom ?? 0);
    expectSame(complete, await cliReportFrom(dump, MAIN, complete.window));
    expect(env.sandbox.ctx.stats.snapshot().rejected429).toBe(0);
  });

  it('goes on after the page is left and opened again mid-backfill, without reading again what it holds', async () => {
    env.sandbox.ctx.stats.reset();
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForPhase(page, 'window', 120_000);
    // Let a few backfill steps land in the cache, then reload in the middle of the backfill.
    await page.waitForFunction(
      () =>
        Number(document.querySelector('.fl-progress')?.getAttribute('aria-valuenow') ?? 0) >= 10,
      undefined,
      { timeout: 120_000 },
    );
    // Leave the page (its worker goes with it) and let what it had in flight land; then, while
    // the page opens again, every API answer takes 20 s: numbers on screen before that can only
    // have come from the cache.
    await page.goto('about:blank');
    await new Promise(wake => setTimeout(wake, 1500));
    env.sandbox.ctx.faults.set({ latencyMs: 20_000 });
    const reloadedAt = Date.now();
    await page.goto(LIST);
    await page.waitForSelector('.fl-panel .fl-funnel .fl-row', { timeout: 15_000 });
    expect(Date.now() - reloadedAt).toBeLessThan(15_000);
    env.sandbox.ctx.faults.clear();
    await waitForPhase(page, 'complete', 300_000);
    const reloaded = env.sandbox.ctx.stats.snapshot();

    // The same load without a reload, for what a whole load costs.
    env.sandbox.ctx.stats.reset();
    const fresh = await env.open(LIST, { kind: 'list' });
    await waitForPhase(fresh.page, 'complete', 400_000);
    const whole = env.sandbox.ctx.stats.snapshot();
    // A reload costs at most the backfill step it interrupted (20 pages) and a few re-read pages.
    expect(reloaded.requests.total).toBeLessThanOrEqual(whole.requests.total + 24);
    expect(reloaded.rejected429 + whole.rejected429).toBe(0);
  });
});
