/**
 * A widget with `init_once: true` (reference §3.3): built once per page load, in any area, never
 * destroyed on navigation; it follows pages through `page:changed` and `system().area`.
 */
import { PIPELINE_IDS } from '../../sandbox/demo';
import { probeCopy, readProbe, useSandboxBrowser, waitForPageReady } from './helpers';

const widgetDir = probeCopy(manifest => ({
  ...manifest,
  widget: { ...manifest.widget, init_once: true },
}));

describe('an init_once widget', () => {
  const env = useSandboxBrowser({ widgetDir, leads: 200 });

  test('is built once and only hears page:changed afterwards', async () => {
    const { page } = await env.open(`/leads/list/pipeline/${PIPELINE_IDS.main}/`, { kind: 'list' });
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
});
