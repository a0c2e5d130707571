/**
 * Settings → Integrations and the advanced page in Chromium with the probe widget: the settings
 * modal and its onSave contract, saved settings in get_settings(), disabling, advancedSettings().
 */
import { PIPELINE_IDS } from '../../sandbox/demo';
import {
  configureProbe,
  editProbeManifest,
  hostWrites,
  markDocument,
  probeCopy,
  readProbe,
  releaseProbeSave,
  stillSameDocument,
  useSandboxBrowser,
  waitForPageReady,
  type ProbeCall,
} from './helpers';

const LIST = `/leads/list/pipeline/${PIPELINE_IDS.main}/`;
// A copy, so one test can make a field required (the host reads the manifest per page load).
const widgetDir = probeCopy();
const FIELDS = ['name', 'area', 'widgetsArea'] as const;

function shape(calls: readonly ProbeCall[]): string[][] {
  return calls.map(call => FIELDS.map(field => call[field]));
}

describe('sandbox settings pages with the probe widget', () => {
  const env = useSandboxBrowser({ widgetDir, leads: 200 });

  const stored = async (): Promise<unknown> =>
    (await (await fetch(`${env.sandbox.url}/_sandbox/widget-settings`)).json()) as unknown;
  const EMPTY = { widget_code: 'probe_lens', active: 'Y', fields: {} };

  beforeEach(async () => {
    editProbeManifest(widgetDir, manifest => manifest);
    await fetch(`${env.sandbox.url}/_sandbox/widget-settings`, { method: 'DELETE' });
  });

  test('an empty required field blocks the save as in amoCRM: marked, onSave not called, nothing stored', async () => {
    editProbeManifest(widgetDir, manifest => ({
      ...manifest,
      settings: {
        ...(manifest.settings as Record<string, unknown>),
        label: { name: 'settings.label', type: 'text', required: true },
      },
    }));
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    expect(await page.locator('[data-field="label"] .required').count()).toBe(1);

    await page.fill('input[name="label"]', '   ');
    await page.click('.js-widget-install');
    await page.waitForSelector('.widget-settings__modal[data-save-state="incomplete"]');
    expect(await page.getAttribute('.widget-settings__modal', 'data-missing')).toBe('label');
    const field = page.locator('[data-field="label"]');
    expect(await field.getAttribute('class')).toContain('widget_settings_block__item_field_error');
    expect(await field.locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(await field.locator('[role="alert"]').textContent()).toBe('Заполните обязательное поле');
    // The optional custom field beside it is not marked.
    expect(await page.locator('[data-field="config"] [role="alert"]').count()).toBe(0);
    expect((await readProbe(page)).calls.map(call => call.name)).not.toContain('onSave');
    expect(await stored()).toEqual(EMPTY);
    // The button stays usable (amoCRM's documented consent example binds its own click to it).
    expect(await page.isEnabled('.js-widget-install')).toBe(true);

    await page.fill('input[name="label"]', 'Подпись');
    await page.click('.js-widget-install');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    expect((await readProbe(page)).calls.filter(call => call.name === 'onSave')).toHaveLength(1);
    expect(await stored()).toMatchObject({ active: 'Y', fields: { label: 'Подпись' } });
  });

  test('while onSave is pending nothing is stored and Save cannot be used twice', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    await page.fill('input[name="label"]', 'ждём ответа');
    await configureProbe(page, { onSave: 'hold' });
    await page.click('.js-widget-save');
    await page.waitForSelector('.widget-settings__modal[data-save-state="pending"]');
    expect(await page.isDisabled('.js-widget-save')).toBe(true);
    expect(await page.isDisabled('.js-widget-disable')).toBe(true);
    // A second click (even forced past the disabled state) does not call onSave again.
    await page.click('.js-widget-save', { force: true });
    await page.evaluate(() => document.querySelector<HTMLElement>('.js-widget-save')?.click());
    await page.waitForTimeout(300);
    expect((await readProbe(page)).calls.filter(call => call.name === 'onSave')).toHaveLength(1);
    expect(await stored()).toEqual(EMPTY);

    await releaseProbeSave(page, true);
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    expect(await stored()).toMatchObject({ active: 'Y', fields: { label: 'ждём ответа' } });
  });

  test('a pending onSave answered after the modal was closed stores nothing', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    await page.fill('input[name="label"]', 'поздно');
    await configureProbe(page, { onSave: 'hold' });
    await page.click('.js-widget-save');
    await page.waitForSelector('.widget-settings__modal[data-save-state="pending"]');
    await page.click('.button-cancel');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    await releaseProbeSave(page, true);
    await page.waitForTimeout(300);
    expect(await stored()).toEqual(EMPTY);
  });

  test('settings modal: onSave false or rejected stores nothing, true stores and get_settings reflects it', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    expect(await page.textContent('.widget-tile[data-code="probe_lens"] .widget-tile__name')).toBe(
      'Зонд',
    );
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');

    expect(await page.getAttribute('.widget-settings__logo', 'src')).toContain(
      '/widgets/probe_lens/images/logo_main.png',
    );
    expect(await page.textContent('.widget-settings__desc')).toContain('Аккаунт 31874512');
    expect(await page.getAttribute('#probe_lens_custom', 'type')).toBe('hidden');
    let probe = await readProbe(page);
    expect(shape(probe.calls)).toEqual([
      ['render', 'settings', 'widgetsSettings'],
      ['bind_actions', 'settings', 'widgetsSettings'],
      ['init', 'settings', 'widgetsSettings'],
      ['settings', 'settings', 'widgetsSettings'],
    ]);
    expect(probe.calls[3]).toMatchObject({ bodyIsJquery: true, customInputs: 1, customContent: 1 });

    await page.fill('#probe_lens_custom_content .probe-config-input', 'первая заметка');
    await page.fill('input[name="label"]', 'Моя подпись');
    const fields = { config: '{"note":"первая заметка"}', label: 'Моя подпись' };

    for (const onSave of [false, 'reject', 'resolveFalse'] as const) {
      await configureProbe(page, { onSave });
      await page.click('.js-widget-save');
      await page.waitForSelector('.widget-settings__modal[data-save-state="refused"]');
      await page.evaluate(() => {
        const modal = document.querySelector<HTMLElement>('.widget-settings__modal');
        if (modal) delete modal.dataset.saveState;
      });
      expect(await stored()).toEqual({ widget_code: 'probe_lens', active: 'Y', fields: {} });
    }
    probe = await readProbe(page);
    expect(probe.calls.filter(call => call.name === 'onSave').map(call => call.params)).toEqual(
      Array.from({ length: 3 }, () => ({ active: 'Y', fields })),
    );

    await configureProbe(page, { onSave: 'resolve' });
    await page.click('.js-widget-save');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    expect(await stored()).toEqual({ widget_code: 'probe_lens', active: 'Y', fields });
    expect(shape((await readProbe(page)).calls).at(-1)).toEqual([
      'destroy',
      'settings',
      'widgetsSettings',
    ]);

    await page.click('#nav_menu [data-menu="leads"]');
    await waitForPageReady(page, 'list');
    expect((await readProbe(page)).calls.at(-1)?.settings).toMatchObject(fields);
    await page.reload();
    await waitForPageReady(page, 'list');
    expect((await readProbe(page)).calls.at(-1)?.settings).toMatchObject(fields);

    await page.goto('/settings/widgets/');
    await waitForPageReady(page, 'integrations');
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    expect(await page.inputValue('.probe-config-input')).toBe('первая заметка');
    await page.click('.modal-body__close');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    expect(shape((await readProbe(page)).calls).at(-1)).toEqual([
      'destroy',
      'settings',
      'widgetsSettings',
    ]);
    expect(await hostWrites(page)).toEqual([]);
  });

  test('a custom setting that is not JSON is not saved, as amoCRM does', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#probe_lens_custom');
      if (input) input.value = 'plain text';
    });
    await page.fill('input[name="label"]', 'x');
    await page.click('.js-widget-save');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    const body = (await (
      await fetch(`${env.sandbox.url}/_sandbox/widget-settings`)
    ).json()) as unknown;
    expect(body).toEqual({ widget_code: 'probe_lens', active: 'Y', fields: { label: 'x' } });
  });

  test('Disable calls onSave with active N; a disabled widget is not built until installed again', async () => {
    const { page } = await env.open('/settings/widgets/', { kind: 'integrations' });
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    await page.click('.js-widget-disable');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    expect(
      (await readProbe(page)).calls.find(call => call.name === 'onSave')?.params,
    ).toMatchObject({ active: 'N' });
    expect(await page.getAttribute('.widget-tile', 'data-status')).toBe('install');

    await page.click('#nav_menu [data-menu="leads"]');
    await waitForPageReady(page, 'list');
    const before = (await readProbe(page)).calls.length;
    expect(await page.locator('.probe-block').count()).toBe(0);

    await page.goto('/settings/widgets/');
    await waitForPageReady(page, 'integrations');
    expect((await readProbe(page)).calls).toHaveLength(0);
    await page.click('.widget-tile');
    await page.waitForSelector('.widget-settings__modal[data-ready="true"]');
    expect((await page.textContent('.js-widget-save'))?.trim()).toBe('Установить');
    expect((await readProbe(page)).calls.map(call => call.name)).toContain('settings');
    await page.click('.js-widget-save');
    await page.waitForSelector('.widget-settings__modal', { state: 'detached' });
    await page.click('#nav_menu [data-menu="leads"]');
    await waitForPageReady(page, 'list');
    expect((await readProbe(page)).calls.at(-1)).toMatchObject({
      name: 'init',
      area: 'llist',
      installStatus: 'installed',
    });
    expect(before).toBeGreaterThan(0);
  });

  test('the advanced settings page gives the widget an empty #list_page_holder', async () => {
    const { page } = await env.open(LIST, { kind: 'list' });
    const mark = await markDocument(page);
    await page.click('#nav_menu [data-menu="settings"]');
    await waitForPageReady(page, 'integrations');
    expect(await page.textContent('#nav_advanced')).toBe('Зонд: расширенные настройки');
    await page.click('#nav_advanced');
    await waitForPageReady(page, 'advanced');
    expect(await stillSameDocument(page, mark)).toBe(true);

    const calls = (await readProbe(page)).calls.slice(3);
    expect(shape(calls)).toEqual([
      ['destroy', 'llist', 'widgetsSettings'],
      ['render', 'advanced_settings', 'advanced-settings:probe_lens'],
      ['bind_actions', 'advanced_settings', 'advanced-settings:probe_lens'],
      ['init', 'advanced_settings', 'advanced-settings:probe_lens'],
      ['advancedSettings', 'advanced_settings', 'advanced-settings:probe_lens'],
    ]);
    expect(calls.at(-1)).toMatchObject({ holder: 1, baseEntity: 'settings' });
    expect(await page.locator('#page_holder > #list_page_holder .probe-advanced').isVisible()).toBe(
      true,
    );
  });
});
