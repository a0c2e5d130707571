import { signal } from '@preact/signals-core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { ApiError } from '../../../src/api';
import { createUiEnv } from '../../../src/mount/host';
import { SettingsRoot } from '../../../src/mount/settingsRoot';
import { DEFAULT_SETTINGS } from '../../../src/state';
import { WithEnv } from '../../support/env';
import type { FakeHost } from '../../support/fakeHost';
import { fakeHost, PIPELINES } from '../../support/fakeHost';

afterEach(cleanup);

const HOST_SETTINGS = { ...DEFAULT_SETTINGS, minSample: 12 };

function show(host: FakeHost, saved = '') {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.value = saved;
  const changes: { value: string; bubbles: boolean }[] = [];
  input.addEventListener('change', e => changes.push({ value: input.value, bubbles: e.bubbles }));
  const valid = signal(true);
  const refused = signal(false);
  const savedNote = signal(false);
  const env = createUiEnv(host);
  const view = render(
    <WithEnv env={env}>
      <SettingsRoot host={host} input={input} valid={valid} refused={refused} saved={savedNote} />
    </WithEnv>,
  );
  return { t: env.t, input, changes, valid, refused, view };
}

const minSample = () =>
  screen.findByRole<HTMLInputElement>('textbox', { name: 'Минимальная выборка' });

describe('SettingsRoot', () => {
  it('says it is loading the pipelines, then starts from what amoCRM saved', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    const { t } = show(host, JSON.stringify({ ...DEFAULT_SETTINGS, minSample: 7 }));
    expect(screen.getByText(t('fl.settings.loading'))).toBeTruthy();
    expect((await minSample()).value).toBe('7');
    expect(host.calls('getPipelines')).toBe(1);
  });

  it('starts from the defaults when nothing is saved yet', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    show(host, '');
    expect((await minSample()).value).toBe(String(DEFAULT_SETTINGS.minSample));
  });

  it.each([
    ['is not valid', '{"minSample": 0}'],
    ['is not JSON', 'broken'],
  ])('starts from the settings the widget runs with when the saved value %s', async (_n, saved) => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    show(host, saved);
    expect((await minSample()).value).toBe('12');
  });

  it('writes each valid change into the field as JSON and announces it', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    const { input, changes, valid } = show(host);
    fireEvent.input(await minSample(), { target: { value: '25' } });
    const written = { ...HOST_SETTINGS, minSample: 25 };
    expect(JSON.parse(input.value)).toEqual(written);
    // Bubbling, as amoCRM's form listens above the field.
    expect(changes).toEqual([{ value: JSON.stringify(written), bubbles: true }]);
    expect(valid.value).toBe(true);
  });

  it('marks an invalid form and leaves the field as it was', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    const saved = JSON.stringify({ ...DEFAULT_SETTINGS, minSample: 7 });
    const { input, changes, valid } = show(host, saved);
    fireEvent.input(await minSample(), { target: { value: '0' } });
    expect(valid.value).toBe(false);
    expect(input.value).toBe(saved);
    expect(changes).toEqual([]);
  });

  it('says why a save was refused until the form is valid again', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    const { t, valid, refused } = show(host);
    const field = await minSample();
    // Refused while valid (amoCRM's own checks): nothing of ours to fix, nothing said.
    await act(() => {
      refused.value = true;
    });
    expect(screen.queryByText(t('fl.settings.refused'))).toBeNull();

    fireEvent.input(field, { target: { value: '0' } });
    expect(valid.value).toBe(false);
    const alerts = () => screen.queryAllByRole('alert').map(a => a.textContent);
    expect(alerts()).toContain(t('fl.settings.refused'));

    fireEvent.input(field, { target: { value: '20' } });
    expect(valid.value).toBe(true);
    expect(refused.value).toBe(false);
    expect(alerts()).not.toContain(t('fl.settings.refused'));
  });

  it('keeps the saved history horizon when it writes a change', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    const saved = { ...DEFAULT_SETTINGS, horizonDays: null, minSample: 7 };
    const { input } = show(host, JSON.stringify(saved));
    fireEvent.input(await minSample(), { target: { value: '9' } });
    expect(JSON.parse(input.value)).toEqual({ ...saved, minSample: 9 });
  });

  it('offers the stages of every pipeline amoCRM lists', async () => {
    const host = fakeHost({ settings: HOST_SETTINGS });
    show(host);
    await minSample();
    const groups = screen.getAllByRole('group').map(g => g.querySelector('legend')?.textContent);
    for (const p of PIPELINES) expect(groups).toContain(p.name);
  });

  it('shows an API failure with a retry that reads the pipelines again', async () => {
    const host = fakeHost();
    host.fail(new ApiError('NETWORK'));
    const { t } = show(host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.NETWORK'));
    host.fail(null);
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(await minSample()).toBeTruthy();
    expect(host.calls('getPipelines')).toBe(2);
  });
});

describe('SettingsRoot: the publisher’s links', () => {
  it('ends with the privacy policy, the support site and e-mail when the build names them', async () => {
    const host = {
      ...fakeHost({ settings: HOST_SETTINGS }),
      support: {
        supportLink: 'https://funnellens.io/help',
        supportEmail: 'help@funnellens.io',
        privacyLink: 'https://funnellens.io/privacy',
      },
    };
    const { view } = show(host);
    await minSample();
    const links = [...view.container.querySelectorAll('.fl-settings__links a')];
    expect(links.map(a => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Политика конфиденциальности', 'https://funnellens.io/privacy'],
      ['Поддержка', 'https://funnellens.io/help'],
      ['help@funnellens.io', 'mailto:help@funnellens.io'],
    ]);
  });

  it('has no links where the build names no publisher', async () => {
    const { view } = show(fakeHost({ settings: HOST_SETTINGS }));
    await minSample();
    expect(view.container.querySelector('.fl-settings__links')).toBeNull();
  });
});
