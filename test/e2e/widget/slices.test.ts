/**
 * Issue 12 in the built widget on the demo account: deals nobody works (no open task, or an
 * overdue one) counted per stage and filtered to in the drill-down, each number equal to
 * `funnel-lens report` over the same data and window.
 */
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import { cliDump, cliReportFrom, panelWindow, waitForFunnel } from './support';

const MAIN = PIPELINE_IDS.main;
const KP = STATUS_IDS.main.open[3];

describe('slices in the panel', () => {
  const env = useSandboxBrowser({ leads: 1200 });
  jest.setTimeout(120_000);

  it('counts unattended deals per stage and filters the drill-down to them', async () => {
    const { page } = await env.open(`/leads/list/pipeline/${MAIN}/`, { kind: 'list' });
    await waitForFunnel(page);
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
});
