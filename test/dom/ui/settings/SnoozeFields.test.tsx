import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import type { SettingsFormProps } from '../../../../src/ui/settings';
import { SettingsForm } from '../../../../src/ui/settings';
import type { CreateFields } from '../../../../src/ui/settings/SnoozeFields';
import { testEnv, WithEnv } from '../../../support/env';
import { demo } from '../fullReport/demoModels';

const { pipelines } = demo();
type Change = Parameters<SettingsFormProps['onChange']>[0];
const env = testEnv();
const { t } = env;

const FIELDS = [
  { id: 10, name: 'utm_source', type: 'tracking_data' },
  { id: 11, name: 'Дата встречи', type: 'date' },
  { id: 12, name: 'Комментарий', type: 'textarea' },
  { id: 13, name: 'Продукт', type: 'select' },
];

function mount(create: CreateFields | null, value = DEFAULT_SETTINGS) {
  const changes: Change[] = [];
  render(
    <WithEnv env={env}>
      <SettingsForm
        value={value}
        pipelines={pipelines}
        fields={FIELDS}
        createSnoozeFields={create}
        onChange={c => changes.push(c)}
      />
    </WithEnv>,
  );
  return { last: () => changes.at(-1) };
}

const select = (label: string) => screen.getByRole<HTMLSelectElement>('combobox', { name: label });
const options = (label: string) => [...select(label).options].map(o => o.text);

afterEach(cleanup);

describe('settings: snoozed deals’ fields (metrics.md F.6)', () => {
  it('offers date fields for "waits until" and text fields for the reason', () => {
    const { last } = mount(null);
    const until = t('fl.settings.snooze.until');
    const reason = t('fl.settings.snooze.reason');
    expect(options(until)).toEqual([t('fl.settings.snooze.none'), 'Дата встречи']);
    expect(options(reason)).toEqual([t('fl.settings.snooze.none'), 'Комментарий']);
    fireEvent.change(select(until), { target: { value: '11' } });
    fireEvent.change(select(reason), { target: { value: '12' } });
    expect(last()).toEqual({
      settings: { ...DEFAULT_SETTINGS, snoozeUntilFieldId: 11, snoozeReasonFieldId: 12 },
    });
    expect(screen.queryByRole('button', { name: t('fl.settings.snooze.create') })).toBeNull();
  });

  it('keeps a saved field the list does not hold, by its number', () => {
    mount(null, { ...DEFAULT_SETTINGS, snoozeUntilFieldId: 99 });
    expect(select(t('fl.settings.snooze.until')).value).toBe('99');
  });

  it('creates the two fields, selects them, and says so', async () => {
    const asked: unknown[] = [];
    const { last } = mount(names => {
      asked.push(names);
      return Promise.resolve({
        ok: true,
        until: { id: 501, name: names.until, type: 'date' },
        reason: { id: 502, name: names.reason, type: 'text' },
      });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t('fl.settings.snooze.create') }));
      // The answer to the write arrives a microtask later.
      await Promise.resolve();
    });
    expect(asked).toEqual([{ until: 'Funnel Lens: ждёт до', reason: 'Funnel Lens: причина' }]);
    expect(last()).toEqual({
      settings: { ...DEFAULT_SETTINGS, snoozeUntilFieldId: 501, snoozeReasonFieldId: 502 },
    });
    expect(select(t('fl.settings.snooze.until')).selectedOptions[0]?.text).toBe(
      'Funnel Lens: ждёт до',
    );
    expect(screen.getByRole('status').textContent).toBe(t('fl.settings.snooze.created'));
  });

  it('says why the fields could not be created and chooses nothing', async () => {
    const { last } = mount(() => Promise.resolve({ ok: false, error: 'FORBIDDEN' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t('fl.settings.snooze.create') }));
      // The answer to the write arrives a microtask later.
      await Promise.resolve();
    });
    expect(screen.getByRole('alert').textContent).toBe(t('fl.settings.snooze.createForbidden'));
    expect(last()).toBeUndefined();
  });
});
