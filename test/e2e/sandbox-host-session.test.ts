/**
 * The page around the widget in Chromium with the probe: who is logged in (user switch, rights),
 * the language, list paging and selection, the pipeline switcher and the dark theme.
 */
import { PIPELINE_IDS, USER_IDS } from '../../sandbox/demo';
import {
  allApiLeads,
  markDocument,
  PROBE_WIDGET_DIR,
  readProbe,
  stillSameDocument,
  useSandboxBrowser,
  waitForPageReady,
} from './helpers';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;

describe('sandbox page chrome with the probe widget', () => {
  const env = useSandboxBrowser({ widgetDir: PROBE_WIDGET_DIR, leads: 400 });

  test('switching to a manager shows only the deals that manager may see', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    const adminTotal = Number(await page.getAttribute('.list__summary__count', 'data-total'));
    const manager = USER_IDS.lebedev;
    // The switch logs in through /_sandbox/login and reloads: wait for the new document.
    await Promise.all([
      page.waitForEvent('load'),
      page.selectOption('#sandbox-user-switch', String(manager)),
    ]);
    await waitForPageReady(page, 'list');
    expect(
      await page.evaluate(() =>
        document.querySelector('#sandbox-user-switch option[selected]')?.textContent.trim(),
      ),
    ).toBe('Сергей Лебедев');

    const expected = (await allApiLeads(env, manager)).filter(lead => lead.pipeline_id === MAIN);
    const total = Number(await page.getAttribute('.list__summary__count', 'data-total'));
    expect(total).toBe(expected.length);
    expect(total).toBeLessThan(adminTotal);
    expect(expected.every(lead => lead.responsible_user_id === manager)).toBe(true);
    expect((await readProbe(page)).calls.at(-1)).toMatchObject({ userId: manager, name: 'init' });
  });

  test('a card the user may not open shows "no access" and builds no widget', async () => {
    const manager = USER_IDS.lebedev;
    const other = (await allApiLeads(env)).find(lead => lead.responsible_user_id !== manager);
    if (other === undefined) throw new Error('the demo has no lead of another manager');
    const tracked = await env.open(`/leads/detail/${other.id}`, { userId: manager, kind: 'card' });
    // Chromium logs the refused card request itself.
    tracked.allow(/status of 403 \(Forbidden\)/);
    const { page } = tracked;
    expect(await page.textContent('.card__main')).toContain('Нет доступа');
    expect((await readProbe(page)).calls).toEqual([]);
  });

  test('the language switch reloads the page with the widget langs of that language', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await page.click('#sandbox-lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForPageReady(page, 'list');
    expect(await page.textContent('#topbar_title')).toBe('Leads');
    expect((await readProbe(page)).calls[0]).toMatchObject({
      langId: 'en',
      langsHello: 'Hello from the probe',
      i18nHello: 'Hello from the probe',
    });
  });

  test('show more, row selection → list_selected, pipeline switch, dark theme toggle', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await page.click('.list__more');
    await page.waitForFunction(
      () => document.querySelectorAll('#list_items .list-row').length === 100,
    );
    const boxes = page.locator('.list-row__checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const ids = await boxes.evaluateAll(nodes =>
      nodes.slice(0, 2).map(node => Number((node as HTMLInputElement).value)),
    );
    expect(await page.textContent('.list__mass-actions__count')).toBe('Выбрано: 2');
    await page.click('.list__mass-actions__widget');
    const selected = (await readProbe(page)).calls.at(-1);
    expect(selected).toMatchObject({
      name: 'leads.selected',
      selection: {
        selected: ids.map(id => ({ id, type: 'lead', emails: [], phones: [] })),
        summary: { items: 2, emails: 0, phones: 0 },
      },
    });

    const mark = await markDocument(page);
    await page.selectOption('#pipeline_select', String(PIPELINE_IDS.repeat));
    await page.waitForFunction(
      id => document.querySelector<HTMLElement>('#list_page')?.dataset.pipelineId === id,
      String(PIPELINE_IDS.repeat),
    );
    await waitForPageReady(page, 'list');
    expect(await stillSameDocument(page, mark)).toBe(true);
    expect((await readProbe(page)).calls.at(-1)).toMatchObject({
      name: 'init',
      pipelineId: PIPELINE_IDS.repeat,
    });

    await page.click('#sandbox-theme-toggle');
    expect(await page.getAttribute('html', 'data-color-scheme')).toBe('dark');
    await page.reload();
    await waitForPageReady(page, 'list');
    expect(await page.getAttribute('html', 'data-color-scheme')).toBe('dark');
  });
});
