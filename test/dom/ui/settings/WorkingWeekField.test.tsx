import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import type { WidgetSettings } from '../../../../src/state/settings';
import type { SettingsFormProps } from '../../../../src/ui/settings';
import { SettingsForm } from '../../../../src/ui/settings';
import { testEnv, WithEnv } from '../../../support/env';
import { demo } from '../fullReport/demoModels';

const { pipelines } = demo();
type Change = Parameters<SettingsFormProps['onChange']>[0];

const WEEK = {
  days: [1, 2, 3, 4, 5],
  hours: [{ from: 540, to: 1080 }],
  timeZone: 'Europe/Moscow',
  holidays: [],
};

function mount(value: WidgetSettings = DEFAULT_SETTINGS) {
  const changes: Change[] = [];
  const env = testEnv({ lang: 'ru' });
  render(
    <WithEnv env={env}>
      <SettingsForm value={value} pipelines={pipelines} onChange={c => changes.push(c)} />
    </WithEnv>,
  );
  const group = () => screen.getByRole('group', { name: env.t('fl.working.settings.legend') });
  const field = (key: Parameters<typeof env.t>[0]) =>
    within(group()).getByLabelText<HTMLInputElement>(env.t(key));
  return { changes, env, group, field, last: () => changes.at(-1) };
}

const saved = (c: Change | undefined) => {
  if (!c || !('settings' in c)) throw new Error(`not saved: ${JSON.stringify(c)}`);
  return c.settings.workingWeek;
};

afterEach(cleanup);

describe('WorkingWeekField', () => {
  it('is off until the admin sets a week, which starts Mon–Fri 09:00–18:00 in the account’s zone', () => {
    const m = mount();
    const enable = within(m.group()).getByRole<HTMLInputElement>('checkbox', {
      name: m.env.t('fl.working.settings.enable'),
    });
    expect(enable.checked).toBe(false);
    expect(within(m.group()).queryByLabelText(m.env.t('fl.working.settings.start'))).toBeNull();
    fireEvent.click(enable);
    expect(saved(m.last())).toEqual({ ...WEEK, timeZone: m.env.timeZone });
    const days = within(
      within(m.group()).getByRole('group', { name: m.env.t('fl.working.settings.days') }),
    ).getAllByRole<HTMLInputElement>('checkbox');
    expect(days.map(d => d.checked)).toEqual([true, true, true, true, true, false, false]);
    expect(days.map(d => d.parentElement?.textContent)).toEqual([
      'пн',
      'вт',
      'ср',
      'чт',
      'пт',
      'сб',
      'вс',
    ]);
    fireEvent.click(enable);
    expect(saved(m.last())).toBeNull();
  });

  it('shows a saved week and saves edits through the engine’s rules: days, a night shift, holidays', () => {
    const m = mount({ ...DEFAULT_SETTINGS, workingWeek: WEEK });
    expect(m.field('fl.working.settings.start').value).toBe('09:00');
    expect(m.field('fl.working.settings.end').value).toBe('18:00');
    const days = within(m.group()).getAllByRole<HTMLInputElement>('checkbox').slice(1);
    fireEvent.click(days[5]!);
    expect(saved(m.last())?.days).toEqual([1, 2, 3, 4, 5, 6]);
    // An end before the start: a shift across midnight, two intervals of the day.
    fireEvent.input(m.field('fl.working.settings.start'), { target: { value: '22:00' } });
    fireEvent.input(m.field('fl.working.settings.end'), { target: { value: '6:30' } });
    expect(saved(m.last())?.hours).toEqual([
      { from: 0, to: 390 },
      { from: 1320, to: 1440 },
    ]);
    fireEvent.input(m.field('fl.working.settings.holidays'), {
      target: { value: '2026-01-07\n\n 2026-01-01 \n2026-01-07' },
    });
    expect(saved(m.last())?.holidays).toEqual(['2026-01-01', '2026-01-07']);
  });

  it('refuses a bad time, a week without days and a bad holiday line, naming each', () => {
    const m = mount({ ...DEFAULT_SETTINGS, workingWeek: WEEK });
    fireEvent.input(m.field('fl.working.settings.end'), { target: { value: '18.00' } });
    expect(m.last()).toEqual({ invalid: ['workingWeek.end'] });
    expect(m.field('fl.working.settings.end').getAttribute('aria-invalid')).toBe('true');
    expect(within(m.group()).getByRole('alert').textContent).toBe(m.env.t('fl.working.error.time'));
    fireEvent.input(m.field('fl.working.settings.end'), { target: { value: '09:00' } });
    expect(within(m.group()).getByRole('alert').textContent).toBe(
      m.env.t('fl.working.error.sameTime'),
    );
    fireEvent.input(m.field('fl.working.settings.end'), { target: { value: '24:00' } });
    expect(saved(m.last())?.hours).toEqual([{ from: 540, to: 1440 }]);

    fireEvent.input(m.field('fl.working.settings.holidays'), {
      target: { value: '2026-01-01\n2026-02-30\n\n1 мая' },
    });
    expect(m.last()).toEqual({ invalid: ['workingWeek.holidays.1', 'workingWeek.holidays.2'] });
    expect(within(m.group()).getByRole('alert').textContent).toBe(
      `${m.env.t('fl.working.error.holiday', { line: 2, value: '2026-02-30' })} ${m.env.t('fl.working.error.holiday', { line: 4, value: '1 мая' })}`,
    );
    fireEvent.input(m.field('fl.working.settings.holidays'), { target: { value: '' } });

    for (const day of within(m.group()).getAllByRole<HTMLInputElement>('checkbox').slice(1))
      if (day.checked) fireEvent.click(day);
    expect(m.last()).toEqual({ invalid: ['workingWeek.days'] });
    expect(within(m.group()).getByRole('alert').textContent).toBe(m.env.t('fl.working.error.days'));
  });

  it('offers the runtime’s zones, and a zone it does not know only as text it then refuses', () => {
    const m = mount({ ...DEFAULT_SETTINGS, workingWeek: WEEK });
    const zone = m.field('fl.working.settings.timeZone');
    expect(zone.tagName).toBe('SELECT');
    expect([...(zone as unknown as HTMLSelectElement).options].map(o => o.value)).toEqual(
      Intl.supportedValuesOf('timeZone'),
    );
    fireEvent.change(zone, { target: { value: 'Asia/Yekaterinburg' } });
    expect(saved(m.last())?.timeZone).toBe('Asia/Yekaterinburg');
    cleanup();

    // A zone the runtime reads but does not list (an alias, 'Etc/GMT+3'): kept, shown as text.
    const typed = mount({ ...DEFAULT_SETTINGS, workingWeek: { ...WEEK, timeZone: 'Etc/GMT+3' } });
    const input = typed.field('fl.working.settings.timeZone');
    expect(Intl.supportedValuesOf('timeZone')).not.toContain('Etc/GMT+3');
    expect(input.tagName).toBe('INPUT');
    expect(input.value).toBe('Etc/GMT+3');
    fireEvent.input(input, { target: { value: 'Mars/Olympus' } });
    expect(typed.last()).toEqual({ invalid: ['workingWeek.timeZone'] });
  });
});
