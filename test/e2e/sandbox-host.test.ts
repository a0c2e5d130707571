/**
 * The sandbox's amoCRM page running the probe widget in Chromium: the runtime contract a real
 * widget relies on (callback order, areas, APP, settings, navigation without reloads).
 */
import { LOST, PIPELINE_IDS, STATUS_IDS, USER_IDS, WON } from '../../sandbox/demo';
import {
  allApiLeads,
  configureProbe,
  hostEvents,
  hostWrites,
  markDocument,
  PROBE_WIDGET_DIR,
  readProbe,
  routerNavigate,
  saveScreenshot,
  stillSameDocument,
  useSandboxBrowser,
  waitForPageReady,
  type ProbeCall,
} from './helpers';

const MAIN = PIPELINE_IDS.main;
const LIST = `/leads/list/pipeline/${MAIN}/`;
const FIELDS = ['name', 'area', 'widgetsArea'] as const;

function shape(calls: readonly ProbeCall[]): string[][] {
  return calls.map(call => FIELDS.map(field => call[field]));
}

describe('sandbox host page with the probe widget', () => {
  const env = useSandboxBrowser({ widgetDir: PROBE_WIDGET_DIR, leads: 400 });

  beforeEach(async () => {
    await fetch(`${env.sandbox.url}/_sandbox/widget-settings`, { method: 'DELETE' });
  });

  test('the list shows the pipeline deals and the widget runs render → bind_actions → init in llist', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    const expected = (await allApiLeads(env)).filter(lead => lead.pipeline_id === MAIN);

    expect(await page.locator('#list_items .list-row').count()).toBe(50);
    expect(Number(await page.getAttribute('.list__summary__count', 'data-total'))).toBe(
      expected.length,
    );
    expect(await page.locator('.probe-block[data-area="llist"]').isVisible()).toBe(true);

    const probe = await readProbe(page);
    expect(probe.deps).toEqual({
      jquery: '2.1.3',
      underscore: '1.9.1',
      modal: 'function',
      helper: 'probe-helper',
    });
    expect(shape(probe.calls)).toEqual([
      ['render', 'llist', 'leads'],
      ['bind_actions', 'llist', 'leads'],
      ['init', 'llist', 'leads'],
    ]);
    const render = probe.calls[0]!;
    expect(render).toMatchObject({
      baseEntity: 'leads',
      isCard: false,
      hasCurrentView: true,
      pipelineId: MAIN,
      currentPipelineId: MAIN,
      cardId: null,
      langId: 'ru',
      langsHello: 'Привет от зонда',
      i18nHello: 'Привет от зонда',
      installStatus: 'installed',
      version: '0.0.7',
      userId: USER_IDS.admin,
      managers: 7,
      rows: 50,
    });
    expect(render.settings).toMatchObject({
      widget_code: 'probe_lens',
      path: '/widgets/probe_lens',
      version: '0.0.7',
      active: 'Y',
      images_path: '/widgets/probe_lens/images',
    });
    expect(await hostWrites(page)).toEqual([]);
    await saveScreenshot(page, 'sandbox-list');
  });

  test('list → kanban → card → back rebuilds the widget per area without reloading', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    const mark = await markDocument(page);

    await page.click('[data-view-switch="kanban"]');
    await waitForPageReady(page, 'kanban');
    const columns = await page
      .locator('.pipeline_status')
      .evaluateAll(nodes => nodes.map(node => Number((node as HTMLElement).dataset.statusId)));
    expect(columns[0]).toBe(STATUS_IDS.main.incoming);
    expect(columns.slice(1, 8)).toEqual([...STATUS_IDS.main.open]);
    expect(columns.slice(8)).toEqual([WON, LOST]);
    const counts = await page
      .locator('.pipeline_status__count')
      .evaluateAll(nodes => nodes.map(node => Number((node as HTMLElement).dataset.count)));
    const apiMain = (await allApiLeads(env)).filter(lead => lead.pipeline_id === MAIN);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(apiMain.length);
    expect(await page.locator('.probe-block[data-area="everywhere"]').isVisible()).toBe(true);

    const leadId = Number(
      await page.locator('.pipeline_leads__item').first().getAttribute('data-id'),
    );
    await page.locator('.pipeline_leads__title').first().click();
    await waitForPageReady(page, 'card');
    expect(
      await page
        .locator('.card-widgets .card-widgets__widget-probe_lens .probe-card-block')
        .isVisible(),
    ).toBe(true);
    expect(await page.getAttribute('.card-widgets__widget-probe_lens img', 'src')).toContain(
      '/widgets/probe_lens/images/logo_medium.png',
    );

    await page.goBack();
    await waitForPageReady(page, 'kanban');
    await page.goBack();
    await waitForPageReady(page, 'list');
    expect(await stillSameDocument(page, mark)).toBe(true);

    const probe = await readProbe(page);
    expect(shape(probe.calls)).toEqual([
      ['render', 'llist', 'leads'],
      ['bind_actions', 'llist', 'leads'],
      ['init', 'llist', 'leads'],
      ['destroy', 'llist', 'leads-pipeline'],
      ['render', 'everywhere', 'leads-pipeline'],
      ['bind_actions', 'everywhere', 'leads-pipeline'],
      ['init', 'everywhere', 'leads-pipeline'],
      ['destroy', 'everywhere', 'leads_card'],
      ['render', 'lcard', 'leads_card'],
      ['bind_actions', 'lcard', 'leads_card'],
      ['init', 'lcard', 'leads_card'],
      ['destroy', 'lcard', 'leads-pipeline'],
      ['render', 'everywhere', 'leads-pipeline'],
      ['bind_actions', 'everywhere', 'leads-pipeline'],
      ['init', 'everywhere', 'leads-pipeline'],
      ['destroy', 'everywhere', 'leads'],
      ['render', 'llist', 'leads'],
      ['bind_actions', 'llist', 'leads'],
      ['init', 'llist', 'leads'],
    ]);
    // init_once: false → a fresh object per area; the card sees its lead and no current_view.
    expect(probe.calls.filter(call => call.name === 'render').map(call => call.instance)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    const cardRender = probe.calls[8]!;
    expect(cardRender).toMatchObject({
      isCard: true,
      cardId: leadId,
      hasCurrentView: false,
      pipelineId: null,
    });
    expect(probe.calls[4]).toMatchObject({
      pipelineId: MAIN,
      currentPipelineId: MAIN,
      isCard: false,
    });

    // page:changed reaches the old widget before its destroy, with the new area already set.
    expect(probe.events.map(event => [event.instance, event.widgetsArea])).toEqual([
      [1, 'leads-pipeline'],
      [2, 'leads_card'],
      [3, 'leads-pipeline'],
      [4, 'leads'],
    ]);
    const events = await hostEvents(page);
    const order = events
      .filter(
        event =>
          event.type === 'page:changed' || event.name === 'destroy' || event.name === 'render',
      )
      .map(event => event.name ?? event.type);
    expect(order).toEqual([
      'render',
      ...Array.from({ length: 4 }, () => ['page:changed', 'destroy', 'render']).flat(),
    ]);
    expect(await hostWrites(page)).toEqual([]);
  });

  test('APP.router.navigate works like a link; without trigger only the URL changes', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    const mark = await markDocument(page);
    await routerNavigate(page, `leads/pipeline/${PIPELINE_IDS.repeat}`, 'kanban');
    expect(page.url()).toContain(`/leads/pipeline/${PIPELINE_IDS.repeat}`);
    const afterTrigger = await readProbe(page);
    expect(afterTrigger.calls.at(-1)).toMatchObject({
      name: 'init',
      area: 'everywhere',
      pipelineId: PIPELINE_IDS.repeat,
    });

    await page.evaluate(url => {
      (window as unknown as { APP: { router: { navigate(u: string): void } } }).APP.router.navigate(
        url,
      );
    }, `/leads/list/pipeline/${MAIN}/`);
    expect(new URL(page.url()).pathname).toBe(`/leads/list/pipeline/${MAIN}/`);
    expect(await page.evaluate(() => document.body.dataset.page)).toBe('kanban');
    expect((await readProbe(page)).calls).toHaveLength(afterTrigger.calls.length);
    expect(await stillSameDocument(page, mark)).toBe(true);
  });

  test('the amoCRM filter URL shows exactly the deals of the chosen stages', async () => {
    const stages: number[] = [STATUS_IDS.main.open[2], LOST];
    const key = encodeURIComponent(`filter[pipe][${MAIN}][]`);
    const query = `${stages.map(id => `${key}=${id}`).join('&')}&useFilter=y`;
    const { page } = await env.open(`${LIST}?${query}`, { kind: 'list' });

    const expected = (await allApiLeads(env))
      .filter(lead => lead.pipeline_id === MAIN && stages.includes(lead.status_id))
      .map(lead => lead.id)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(50);
    const summary = page.locator('#list_filter_summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toMatch(/Квалифицирован, Закрыто и не реализовано/);
    expect(Number(await page.getAttribute('.list__filter-summary__count', 'data-total'))).toBe(
      expected.length,
    );

    const more = page.locator('.list__more');
    while (await more.isVisible()) {
      const before = await page.locator('#list_items .list-row').count();
      await more.click();
      await page.waitForFunction(
        n => document.querySelectorAll('#list_items .list-row').length > n,
        before,
      );
    }
    const shown = await page.locator('#list_items .list-row').evaluateAll(rows =>
      rows.map(row => ({
        id: Number((row as HTMLElement).dataset.id),
        status: Number((row as HTMLElement).dataset.statusId),
      })),
    );
    expect(shown.map(row => row.id).sort((a, b) => a - b)).toEqual(expected);
    expect(shown.every(row => stages.includes(row.status))).toBe(true);
  });

  test('a throwing widget is logged and the page keeps working; render must return true', async () => {
    const tracked = await env.open(LIST, {
      kind: 'list',
      initScript: () => {
        (window as unknown as { __probeConfig: object }).__probeConfig = { throwIn: 'render' };
      },
    });
    tracked.allow(/widget probe_lens callbacks\.render threw/);
    const { page } = tracked;
    expect(await page.locator('#list_items .list-row').count()).toBe(50);
    expect(shape((await readProbe(page)).calls)).toEqual([['render', 'llist', 'leads']]);

    await configureProbe(page, { renderReturn: false });
    await page.click('[data-view-switch="kanban"]');
    await waitForPageReady(page, 'kanban');
    expect(shape((await readProbe(page)).calls).slice(1)).toEqual([
      ['destroy', 'llist', 'leads-pipeline'],
      ['render', 'everywhere', 'leads-pipeline'],
    ]);
  });

  test('writes to APP are recorded in __hostWrites and replacing APP is refused', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    await page.evaluate(id => {
      const w = window as unknown as {
        APP: {
          data: Record<string, unknown>;
          constant(key: string): Record<string, Record<string, unknown>>;
        };
        AMOCRM: unknown;
      };
      w.APP.data.injected = 1;
      const manager = w.APP.constant('managers')[String(id)];
      if (manager) manager.title = 'changed';
      w.AMOCRM = {};
    }, USER_IDS.volkov);
    expect(await hostWrites(page)).toEqual([
      { path: 'APP.data.injected', op: 'set', valueType: 'number' },
      { path: `APP.constant('managers').${USER_IDS.volkov}.title`, op: 'set', valueType: 'string' },
      { path: 'window.AMOCRM', op: 'replace', valueType: 'object' },
    ]);
    expect(
      await page.evaluate(
        () =>
          typeof (window as unknown as { AMOCRM: { getWidgetsArea?: unknown } }).AMOCRM
            .getWidgetsArea,
      ),
    ).toBe('function');
  });
});
