/**
 * Issue 12 in the built widget on the demo account: deals nobody works (no open task, or an
 * overdue one) counted per stage and filtered to in the drill-down, each number equal to
 * `funnel-lens report` over the same data and window.
 */
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import { FIELD_IDS } from '../../../sandbox/demo/fields';
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import {
  cliDump,
  cliReportFrom,
  expectPanelEqualsReport,
  panelWindow,
  waitForFunnel,
} from './support';

const MAIN = PIPELINE_IDS.main;
const KP = STATUS_IDS.main.open[3];

describe('slices in the panel', () => {
  const env = useSandboxBrowser({ leads: 1200 });
  jest.setTimeout(120_000);

  it('counts unattended deals per stage and filters the drill-down to them', async () => {
    const { page } = await env.open(`/leads/list/pipeline/${MAIN}/`, { kind: 'list' });
    await waitForFunnel(page);
    // The backfill done: the CLI's own sync below must not share amoCRM's limit with it.
    await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 60_000 });
    const window = await panelWindow(page);
    const cli = await cliReportFrom(await cliDump(env.sandbox.url, MAIN), MAIN, window);

    const shown = await page.$$eval('.fl-panel .fl-funnel li.fl-row[data-stage-id]', rows =>
      rows.map(row => ({
        id: Number(row.getAttribute('data-stage-id')),
        idle: (row.querySelector('.fl-row__idle')?.textContent ?? '').replace(/[^\d]/g, ''),
      })),
    );
    expect(shown).toEqual(
      cli.stages.map(s => ({
        id: s.id,
        idle: s.unattended !== null && s.unattended > 0 ? String(s.unattended) : '',
      })),
    );
    expect(cli.stages.some(s => (s.unattended ?? 0) > 0)).toBe(true);

    await page.locator(`.fl-row__main[data-stage-id="${KP}"]`).click();
    await page.waitForSelector('.fl-drill .fl-deal');
    // The stuck tab, as `stuck[]` lists them (furthest past the threshold first).
    const idle = cli.stuck.filter(d => d.stageId === KP && d.unattended === true);
    expect(idle.length).toBeGreaterThan(0);
    const filter = page.locator('.fl-drill__idle input[type="checkbox"]');
    await expect(page.locator('.fl-drill__idle').textContent()).resolves.toContain(
      `(${idle.length})`,
    );
    await filter.check();
    const links = await page.$$eval('.fl-drill .fl-deal__name', as =>
      as.map(a => a.getAttribute('href')),
    );
    expect(links).toEqual(idle.slice(0, 50).map(d => `/leads/detail/${d.leadId}`));
    const badges = await page.$$eval('.fl-drill .fl-deal__task-badge', els =>
      els.map(e => e.textContent),
    );
    expect(badges).toEqual(
      idle.slice(0, 50).map(d => (d.closestTaskAt === null ? 'Нет задачи' : 'Задача просрочена')),
    );
    await saveScreenshot(page, 'panel-unattended');
  });

  it('narrows the panel to one UTM source, with the numbers funnel-lens report --field gives', async () => {
    const { page } = await env.open(`/leads/list/pipeline/${MAIN}/`, { kind: 'list' });
    await waitForFunnel(page);
    // The backfill done: the CLI's own sync below must not share amoCRM's limit with it.
    await page.waitForSelector('.fl-panel[data-phase="complete"]', { timeout: 60_000 });
    await page.locator('.fl-panel .fl-slice__button').click();
    // The names come from amoCRM's field list, read now that the filter is open.
    const vk = page
      .locator('.fl-panel .fl-slice__group', { hasText: 'utm_source' })
      .getByRole('checkbox', { name: /^vk\b/ });
    await vk.check();
    await page.keyboard.press('Escape');
    await page.waitForSelector('.fl-panel .fl-slice__chip');
    await waitForFunnel(page);
    await page.waitForFunction(
      () => document.querySelector('.fl-panel .fl-report--stale') === null,
      undefined,
      { timeout: 30_000 },
    );
    const window = await panelWindow(page);
    const dump = await cliDump(env.sandbox.url, MAIN);
    const sliced = await cliReportFrom(dump, MAIN, window, [
      '--field',
      `${FIELD_IDS.utmSource}=vk`,
    ]);
    const whole = await cliReportFrom(dump, MAIN, window);
    expect(sliced.totals.deals).toBeGreaterThan(0);
    expect(sliced.totals.deals).toBeLessThan(whole.totals.deals);
    await expectPanelEqualsReport(page, sliced);
    await expect(page.locator('.fl-panel .fl-slice__chip').textContent()).resolves.toContain('vk');
    await saveScreenshot(page, 'panel-filter-utm');
  });

  it('counts by closing date on the report page, as funnel-lens report --mode closed does', async () => {
    const { page } = await env.open(`/settings/widgets/${env.sandbox.widgetCode}/`, {
      kind: 'advanced',
    });
    await page.waitForSelector('.fl-report--page[data-now] table', { timeout: 60_000 });
    // Until the backfill is done: numbers read while it runs may be replaced between two reads.
    await page.waitForFunction(
      () => document.querySelector('.fl-report-root .fl-progress') === null,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole('radio', { name: 'по дате закрытия' }).check();
    const closed = page.locator('.fl-report__section', {
      has: page.getByRole('heading', { name: 'Закрытые в периоде' }),
    });
    await closed.locator('table').first().waitFor();
    const root = page.locator('.fl-report--page');
    const attr = async (name: string) => Number(await root.getAttribute(name));
    const window = {
      from: await attr('data-from'),
      to: await attr('data-to'),
      now: await attr('data-now'),
      historyFrom:
        (await root.getAttribute('data-history-from')) === null
          ? null
          : await attr('data-history-from'),
      horizonDays:
        (await root.getAttribute('data-horizon-days')) === null
          ? null
          : await attr('data-horizon-days'),
    };
    const cli = await cliReportFrom(await cliDump(env.sandbox.url, MAIN), MAIN, window, [
      '--mode',
      'closed',
    ]);
    const c = cli.closedMode!;
    expect(c.deals).toBeGreaterThan(0);
    const cells = await closed
      .locator('table')
      .first()
      .locator('tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    const ints = cells.slice(0, 3).map(x => Number(x.replace(/[^\d]/g, '')));
    expect(ints).toEqual([c.deals, c.won, c.lost]);
    const lostFrom = await closed
      .locator('table')
      .nth(2)
      .locator('tbody tr')
      .evaluateAll(rows =>
        rows.map(r =>
          Number((r.querySelectorAll('td')[0]?.textContent ?? '').replace(/[^\d]/g, '')),
        ),
      );
    expect(lostFrom).toEqual(c.lostFrom.map(l => l.count));
    await closed.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'report-closed-mode');

    // By stage entry, with budgets: the flow section and the funnel's budget column.
    await page.getByRole('radio', { name: 'по входу на этап' }).check();
    await page.getByRole('radio', { name: 'бюджеты' }).check();
    const entered = page.locator('.fl-report__section', {
      has: page.getByRole('heading', { name: 'Вход на этапы в периоде' }),
    });
    await entered.locator('table').first().waitFor();
    const header = page
      .locator('.fl-report__section', {
        has: page.getByRole('heading', { name: 'Воронка', exact: true }),
      })
      .locator('table')
      .first()
      .locator('thead th');
    // A header's text is its label, then its definition (the hint).
    const column = (await header.allTextContents()).findIndex(h => h.startsWith('Дошли, бюджет'));
    expect(column).toBeGreaterThan(0);
    const flowCli = await cliReportFrom(await cliDump(env.sandbox.url, MAIN), MAIN, window, [
      '--mode',
      'entered',
      '--money',
    ]);
    const flowRows = await entered
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll(rows =>
        rows.map(r =>
          [...r.querySelectorAll('td')]
            .slice(0, 2)
            .map(td => Number(td.textContent.replace(/[^\d]/g, ''))),
        ),
      );
    expect(flowRows).toEqual(flowCli.flow!.stages.map(st => [st.entered, st.movedOn]));
    const funnelTable = page
      .locator('.fl-report__section', {
        has: page.getByRole('heading', { name: 'Воронка', exact: true }),
      })
      .locator('table')
      .first();
    const budgets = await funnelTable
      .locator('tbody tr')
      .evaluateAll(
        (rows, at) =>
          rows.map(r =>
            (r.querySelectorAll('th, td')[at]?.textContent ?? '').replace(/[^\d]/g, ''),
          ),
        column,
      );
    const money = flowCli.money!;
    expect(budgets.slice(0, money.stages.length)).toEqual(
      money.stages.map(st => String(st.reached)),
    );
    await entered.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'report-entered-money');
  });
});
