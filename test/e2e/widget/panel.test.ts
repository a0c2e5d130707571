/**
 * The real widget (dist/widget, as built by `npm run build`) in the sandbox's amoCRM, in Chromium:
 * the panel on the leads list and kanban, its numbers against `funnel-lens report`, the drill-down
 * into amoCRM's filtered list, navigation without leftovers, and hostile names.
 */
import type { Page } from 'playwright-core';
import { hostWrites, routerNavigate, saveScreenshot, useSandboxBrowser } from '../helpers';
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { DemoLead } from '../../../sandbox/demo';
import {
  cliReport,
  expectPanelEqualsReport,
  panelRows,
  panelWindow,
  waitForFunnel,
} from './support';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;

describe('the Funnel Lens panel in the Leads section', () => {
  const env = useSandboxBrowser({ leads: 1200 });
  jest.setTimeout(120_000);

  it('shows the same numbers as funnel-lens report on the same data, weakest link highlighted', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const cli = await cliReport(env.sandbox.url, MAIN, await panelWindow(page));
    await expectPanelEqualsReport(page, cli);
    // The demo's story: Квалифицирован → Отправлено КП is the weak link, in both.
    expect(cli.weakestTransition?.fromStageId).toBe(STATUS_IDS.main.open[2]);
    const rows = await panelRows(page);
    expect(rows.filter(r => r.weak).map(r => r.stageId)).toEqual([STATUS_IDS.main.open[2]]);
    await expect(page.locator('.fl-weak__open').textContent()).resolves.toContain(
      'Квалифицирован → Отправлено КП',
    );
    await saveScreenshot(page, 'panel-list');
  });

  it('fetches the data service’s code only where no worker can run it, with the same numbers', async () => {
    const scripts = (page: Page) =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter(e => (e as PerformanceResourceTiming).initiatorType === 'script')
          .map(e => new URL(e.name).pathname.split('/').pop()),
      );
    // The usual path: the worker runs the service; the page loads only its own part.
    const usual = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(usual.page);
    expect(await scripts(usual.page)).toEqual(expect.arrayContaining(['script.js', 'widget.js']));
    expect(await scripts(usual.page)).not.toContain('engine.js');

    // A browser or host policy without Web Workers: the page fetches engine.js and runs it.
    const { page } = await env.open(LIST, {
      kind: 'list',
      initScript: () => {
        Reflect.deleteProperty(window, 'Worker');
      },
    });
    await waitForFunnel(page);
    expect(await scripts(page)).toContain('engine.js');
    const cli = await cliReport(env.sandbox.url, MAIN, await panelWindow(page));
    await expectPanelEqualsReport(page, cli);
  });

  it('opens a stage’s stuck deals and shows exactly that stage’s deals in amoCRM’s own list', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const stage = STATUS_IDS.main.open[3]; // Отправлено КП: the demo keeps deals stuck here
    await page.locator(`button.fl-row__main[data-stage-id="${stage}"]`).click();
    await page.waitForSelector('.fl-drill .fl-deal');
    const tabs = page.locator('.fl-tabs__tab');
    await expect(tabs.first().getAttribute('aria-selected')).resolves.toBe('true');
    const over = await page.$$eval('.fl-drill .fl-deal__days', els =>
      els.map(e => e.classList.contains('fl-deal__days--over')),
    );
    expect(over.length).toBeGreaterThan(0);
    expect(over.every(Boolean)).toBe(true);
    await saveScreenshot(page, 'panel-drilldown');

    // The "all" tab lists every open deal at the stage; expand it fully.
    await tabs.nth(1).click();
    for (let more = page.locator('.fl-drill__more'); (await more.count()) > 0;) await more.click();
    const drillIds = (
      await page.$$eval('.fl-drill .fl-deal__name', as => as.map(a => a.getAttribute('href')))
    )
      .map(href => Number(href?.split('/').pop()))
      .sort((a, b) => a - b);

    const before = await page.evaluate(() => location.href);
    await page.getByRole('button', { name: /Открыть в списке amoCRM/ }).click();
    await page.waitForFunction(
      from => location.href !== from && document.body.dataset.pageState === 'ready',
      before,
    );
    expect(new URL(page.url()).search).toBe(
      `?filter%5Bpipe%5D%5B${MAIN}%5D%5B%5D=${stage}&useFilter=y`,
    );
    const total = Number(
      await page.locator('#list_filter_summary [data-total]').getAttribute('data-total'),
    );
    expect(total).toBe(drillIds.length);
    const apiIds = env.sandbox.ctx.account.leads
      .filter((l: DemoLead) => !l.is_deleted && l.pipeline_id === MAIN && l.status_id === stage)
      .map(l => l.id)
      .sort((a, b) => a - b);
    expect(drillIds).toEqual(apiIds);
    await saveScreenshot(page, 'list-filtered-by-stage');
  });

  it('follows list ↔ kanban and a card without reloads, leaving exactly one panel and no leftovers', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    const count = () =>
      page.evaluate(() => ({
        docks: document.querySelectorAll('.fl-dock').length,
        styles: document.querySelectorAll('link[data-funnel-lens]').length,
        margin: document.getElementById('page_holder')?.style.marginRight ?? '',
      }));
    await routerNavigate(page, `/leads/pipeline/${MAIN}/`, 'kanban');
    await waitForFunnel(page);
    expect(await count()).toEqual({ docks: 1, styles: 1, margin: '360px' });
    await saveScreenshot(page, 'panel-kanban');

    const lead = env.sandbox.ctx.account.leads.find(
      (l: DemoLead) => l.pipeline_id === MAIN && !l.is_deleted,
    )!;
    await routerNavigate(page, `/leads/detail/${lead.id}`, 'card');
    await page.waitForSelector('.fl-card-root');
    expect(await count()).toEqual({ docks: 0, styles: 1, margin: '' });

    await routerNavigate(page, LIST, 'list');
    await waitForFunnel(page);
    await routerNavigate(page, `/leads/pipeline/${MAIN}/`, 'kanban');
    await routerNavigate(page, LIST, 'list');
    await waitForFunnel(page);
    expect(await count()).toEqual({ docks: 1, styles: 1, margin: '360px' });

    // Switching the pipeline swaps the panel for that pipeline's.
    await routerNavigate(page, `/leads/list/pipeline/${PIPELINE_IDS.repeat}/`, 'list');
    await waitForFunnel(page);
    const rows = await panelRows(page);
    // «Недозвон» is an open stage like any other until an admin sets it apart (metrics.md 11.3).
    expect(rows.map(r => r.stageId)).toEqual([...STATUS_IDS.repeat.open, STATUS_IDS.repeat.side]);
    expect(await count()).toEqual({ docks: 1, styles: 1, margin: '360px' });
    expect(await hostWrites(page)).toEqual([]);
  });

  it('collapses to a narrow strip beside amoCRM’s controls and remembers it', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    await page.getByRole('button', { name: /Свернуть/ }).click();
    const width = await page.evaluate(
      () => document.querySelector<HTMLElement>('.fl-dock')!.getBoundingClientRect().width,
    );
    expect(width).toBeLessThanOrEqual(40);
    await page.reload();
    await page.waitForSelector('.fl-dock');
    await expect(
      page.evaluate(() => document.getElementById('page_holder')!.style.marginRight),
    ).resolves.toBe('36px');
    await page.getByRole('button', { name: /Развернуть/ }).click();
    await waitForFunnel(page);
  });

  it('on a reload shows the last visit’s numbers at once, then the same current ones', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await waitForFunnel(page);
    await page.waitForSelector('.fl-panel[data-phase="complete"]');
    const before = await panelRows(page);
    // Every phase the panel's root passes through, and the rows it showed while a snapshot.
    await page.addInitScript(() => {
      const w = window as unknown as { __phases: string[]; __snapshotRows: string | null };
      w.__phases = [];
      w.__snapshotRows = null;
      new MutationObserver(() => {
        const root = document.querySelector('.fl-panel');
        const phase = root?.getAttribute('data-phase');
        if (!root || !phase || w.__phases.at(-1) === phase) return;
        w.__phases.push(phase);
        if (phase === 'snapshot')
          w.__snapshotRows = root.querySelector('.fl-funnel')?.textContent ?? null;
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await page.reload();
    await waitForFunnel(page);
    await page.waitForSelector('.fl-panel[data-phase="complete"]');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __phases: string[]; __snapshotRows: string | null };
      return { phases: w.__phases, rows: w.__snapshotRows };
    });
    expect(seen.phases[0]).toBe('snapshot');
    expect(seen.phases.at(-1)).toBe('complete');
    expect(seen.rows).toBe(await page.locator('.fl-panel .fl-funnel').textContent());
    expect(await panelRows(page)).toEqual(before);
  });

  it('renders hostile deal names as text', async () => {
    const hostile = env.sandbox.ctx.account.leads.find(
      (l: DemoLead) =>
        l.name === '<img src=x onerror=alert(1)>' && l.pipeline_id === MAIN && !l.is_deleted,
    );
    expect(hostile).toBeDefined();
    const { page } = await env.open(LIST, { kind: 'list' });
    let dialogs = 0;
    page.on('dialog', dialog => {
      dialogs++;
      void dialog.dismiss();
    });
    await waitForFunnel(page);
    const stageId = hostile!.status_id;
    const row = page.locator(`button.fl-row__main[data-stage-id="${stageId}"]`);
    if ((await row.count()) > 0) {
      await row.click();
      await page.locator('.fl-tabs__tab').nth(1).click();
      for (let more = page.locator('.fl-drill__more'); (await more.count()) > 0;)
        await more.click();
      await expect(page.locator('.fl-drill').textContent()).resolves.toContain(
        '<img src=x onerror=alert(1)>',
      );
    }
    expect(await page.locator('.fl-dock img').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});
