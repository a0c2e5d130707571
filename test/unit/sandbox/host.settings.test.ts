/**
 * Saved widget settings: `/_sandbox/widget-settings` round trips, and every later page boots
 * with them (what `get_settings()` returns after a save).
 */
import { USER_IDS } from '../../../sandbox/demo';
import { WidgetSettingsStore } from '../../../sandbox/server/host';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bootOf, hostHarness, probeCopy, sessionCookie } from './hostHarness';

describe('widget settings store', () => {
  it('starts installed and active with no fields', async () => {
    const { app } = hostHarness();
    const response = await app.inject({ url: '/_sandbox/widget-settings' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ widget_code: 'probe_lens', active: 'Y', fields: {} });
  });

  it('round-trips a save, and the next page boots with it', async () => {
    const { app } = hostHarness();
    const fields = { config: '{"period":30}', label: 'Воронка', users: { '7340211': '101' } };
    const saved = await app.inject({
      method: 'POST',
      url: '/_sandbox/widget-settings',
      payload: { active: 'Y', fields },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ widget_code: 'probe_lens', active: 'Y', fields });
    expect((await app.inject({ url: '/_sandbox/widget-settings' })).json()).toEqual({
      widget_code: 'probe_lens',
      active: 'Y',
      fields,
    });
    const cookie = await sessionCookie(app, USER_IDS.lebedev);
    const boot = bootOf((await app.inject({ url: '/leads/list/', headers: { cookie } })).body);
    expect(boot.widget.ok && boot.widget.settings).toEqual({ active: 'Y', fields });

    const disabled = await app.inject({
      method: 'POST',
      url: '/_sandbox/widget-settings',
      payload: { active: 'N' },
    });
    expect(disabled.json()).toEqual({ widget_code: 'probe_lens', active: 'N', fields });
    const reset = await app.inject({ method: 'DELETE', url: '/_sandbox/widget-settings' });
    expect(reset.json()).toEqual({ widget_code: 'probe_lens', active: 'Y', fields: {} });
  });

  it('keeps other widget codes apart and rejects bad requests', async () => {
    const { app } = hostHarness();
    await app.inject({
      method: 'POST',
      url: '/_sandbox/widget-settings?code=other_widget',
      payload: { fields: { a: '1' } },
    });
    expect((await app.inject({ url: '/_sandbox/widget-settings' })).json()).toMatchObject({
      fields: {},
    });
    expect(
      (await app.inject({ url: '/_sandbox/widget-settings?code=other_widget' })).json(),
    ).toMatchObject({
      widget_code: 'other_widget',
      fields: { a: '1' },
    });
    const cases = [
      { url: '/_sandbox/widget-settings?code=../x', payload: {} },
      { url: '/_sandbox/widget-settings', payload: { active: 'yes' } },
      { url: '/_sandbox/widget-settings', payload: { fields: { a: [1, 2] } } },
      { url: '/_sandbox/widget-settings', payload: { extra: true } },
    ];
    for (const { url, payload } of cases) {
      expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(400);
    }
  });

  it('does not store an active widget with a required field empty, as amoCRM does not install it', async () => {
    const dir = probeCopy();
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      settings: Record<string, { required?: boolean }>;
    };
    manifest.settings.label = { ...manifest.settings.label, required: true };
    writeFileSync(file, JSON.stringify(manifest));
    const { app } = hostHarness({ widgetDir: dir });
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/_sandbox/widget-settings', payload });
    const refused = await post({ active: 'Y', fields: { config: '{}', label: '  ' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ detail: 'required settings are empty: label' });
    expect((await app.inject({ url: '/_sandbox/widget-settings' })).json()).toMatchObject({
      fields: {},
    });
    // Turning it off is never blocked; filling the field stores.
    expect((await post({ active: 'N', fields: {} })).statusCode).toBe(200);
    expect((await post({ active: 'Y', fields: { label: 'x' } })).json()).toMatchObject({
      active: 'Y',
      fields: { label: 'x' },
    });
  });

  it('hands out copies, so a caller cannot change what is stored', () => {
    const store = new WidgetSettingsStore();
    store.set('w', { active: 'Y', fields: { a: '1' } });
    const copy = store.get('w');
    copy.fields.a = 'changed';
    expect(store.get('w').fields).toEqual({ a: '1' });
  });
});
