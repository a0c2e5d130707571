/**
 * What the manifest decides (reference §2.2, §3.3): `init_once: true` widgets are built once per
 * page load and never destroyed; a widget is built only in the areas its `locations` declare.
 * One sandbox serves a copy of the probe whose manifest each test rewrites (read per page load).
 */
import { PIPELINE_IDS } from '../../sandbox/demo';
import {
  editProbeManifest,
  probeCopy,
  readProbe,
  useSandboxBrowser,
  waitForPageReady,
} from './helpers';

const widgetDir = probeCopy();
const LIST = `/leads/list/pipeline/${PIPELINE_IDS.main}/`;

describe('the widget manifest', () => {
  const env = useSandboxBrowser({ widgetDir, leads: 200 });

  test('init_once: built once, then it only hears page:changed', async () => {
    editProbeManifest(widgetDir, manifest => ({
      ...manifest,
      widget: { ...manifest.widget, init_once: true },
    }));
    const { page } = await env.open(LIST, { kind: 'list' });
    await page.click('[data-view-switch="kanban"]');
    await waitForPageReady(page, 'kanban');
    await page.locator('.pipeline_leads__title').first().click();
    await waitForPageReady(page, 'card');
    await page.click('#nav_menu [data-menu="settings"]');
    await waitForPageReady(page, 'integrations');

    const probe = await readProbe(page);
    expect(probe.calls.map(call => [call.name, call.instance, call.area])).toEqual([
      ['render', 1, 'llist'],
      ['bind_actions', 1, 'llist'],
      ['init', 1, 'llist'],
    ]);
    expect(probe.events.map(event => [event.instance, event.widgetsArea])).toEqual([
      [1, 'leads-pipeline'],
      [1, 'leads_card'],
      [1, 'widgetsSettings'],
    ]);
  });

  test('only the declared locations get the widget', async () => {
    editProbeManifest(widgetDir, manifest => ({ ...manifest, locations: ['llist-1', 'settings'] }));
    const { page } = await env.open(LIST, { kind: 'list' });
    await page.click('[data-view-switch="kanban"]');
    await waitForPageReady(page, 'kanban');
    await page.locator('.pipeline_leads__title').first().click();
    await waitForPageReady(page, 'card');
    expect(await page.locator('.card-widgets__widget').count()).toBe(0);
    await page.goto('/settings/widgets/probe_lens/');
    await waitForPageReady(page, 'advanced');
    expect(await page.locator('#list_page_holder').count()).toBe(0);
    expect(await page.textContent('#page_holder')).toContain('Страница не найдена');
    expect(await page.locator('#nav_advanced').count()).toBe(0);
    expect((await readProbe(page)).calls).toEqual([]);

    await page.goto(LIST);
    await waitForPageReady(page, 'list');
    expect((await readProbe(page)).calls.map(call => [call.name, call.area])).toEqual([
      ['render', 'llist'],
      ['bind_actions', 'llist'],
      ['init', 'llist'],
    ]);
  });
});
