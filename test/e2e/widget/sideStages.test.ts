/**
 * metrics.md 11.3 in the built widget: the demo's second pipeline has a side stage («Недозвон»);
 * with it set apart in the settings, the panel shows the funnel without it and the side stage
 * apart, both equal to `funnel-lens report --side-stages` on the same data.
 */
import { saveScreenshot, useSandboxBrowser } from '../helpers';
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import { cliReport, panelRows, panelWindow, waitForFunnel } from './support';

const REPEAT = PIPELINE_IDS.repeat;
const SIDE = STATUS_IDS.repeat.side;

describe('side stages in the panel', () => {
  const env = useSandboxBrowser({ leads: 1200 });
  jest.setTimeout(120_000);

  it('lists the side stage apart, with the numbers funnel-lens report gives', async () => {
    env.sandbox.settings.set(env.sandbox.widgetCode, {
      active: 'Y',
      fields: { config: JSON.stringify({ sideStageIds: [SIDE] }) },
    });
    const { page } = await env.open(`/leads/list/pipeline/${REPEAT}/`, { kind: 'list' });
    await waitForFunnel(page);
    const window = await panelWindow(page);
    expect(window.sideStages).toBe(String(SIDE));
    const cli = await cliReport(env.sandbox.url, REPEAT, window);
    const rows = await panelRows(page);
    expect(rows.map(r => r.stageId)).toEqual(cli.stages.map(s => s.id));
    expect(rows.map(r => r.stageId)).not.toContain(SIDE);
    expect(rows.map(r => r.reached)).toEqual(cli.stages.map(s => s.reached));

    const side = cli.sideStages?.[0];
    expect(side?.id).toBe(SIDE);
    const row = page.locator(`.fl-side__row[data-stage-id="${SIDE}"]`);
    await expect(row.locator('.fl-side__name').textContent()).resolves.toBe('Недозвон');
    const nums = (await row.locator('.fl-side__nums').textContent()) ?? '';
    expect(nums.match(/\d+/g)?.map(Number)).toEqual([
      side?.entered,
      side?.current,
      side?.returned,
      side?.lost,
    ]);
    await saveScreenshot(page, 'panel-side-stages');
    await row.scrollIntoViewIfNeeded();
    await expect(row.locator('.fl-side__stuck').textContent()).resolves.toBe(
      `зависли: ${side?.stuck}`,
    );

    // Its deals open like a stage's: every one sits at the side stage.
    await row.locator('.fl-side__open').click();
    await page.waitForSelector('.fl-drill');
    await expect(
      page.locator('.fl-drill__title, .fl-drill h3').first().textContent(),
    ).resolves.toContain('Недозвон');
  });

  it('speaks English and follows the dark theme', async () => {
    env.sandbox.settings.set(env.sandbox.widgetCode, {
      active: 'Y',
      fields: { config: JSON.stringify({ sideStageIds: [SIDE] }) },
    });
    const { page } = await env.open(`/leads/list/pipeline/${REPEAT}/`, { kind: 'list' });
    await waitForFunnel(page);
    await page.click('#sandbox-lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForFunnel(page);
    await page.evaluate(() => document.documentElement.setAttribute('data-color-scheme', 'dark'));
    const section = page.locator('.fl-side');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getAttribute('aria-label')).resolves.toBe('Side stages');
    await expect(section.locator('.fl-side__nums').first().textContent()).resolves.toMatch(
      /^entered \d+ · there now \d+ · back in the funnel \d+ · lost from here \d+$/,
    );
    await saveScreenshot(page, 'panel-side-stages-en-dark');
  });
});
