import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { buildFunnel } from '../../../../src/core';
import type { Lang } from '../../../../src/i18n';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import type { WidgetSettings } from '../../../../src/state/settings';
import type { SettingsFormProps } from '../../../../src/ui/settings';
import { SettingsForm } from '../../../../src/ui/settings';
import { PIPELINE_IDS, STATUS_IDS } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { demo } from '../fullReport/demoModels';

const HOSTILE = '<img src=x onerror=alert(1)>';
const { pipelines } = demo();
const main = pipelines.find(p => p.id === PIPELINE_IDS.main)!;
const stageId = STATUS_IDS.main.open[3];

type Change = Parameters<SettingsFormProps['onChange']>[0];

function mount(
  value: WidgetSettings = DEFAULT_SETTINGS,
  lang: Lang = 'ru',
  list = pipelines,
  learned?: ReadonlyMap<number, number>,
  fields: readonly { readonly id: number; readonly name: string }[] | null = null,
) {
  const changes: Change[] = [];
  const view = render(
    <WithEnv env={testEnv({ lang })}>
      <SettingsForm
        value={value}
        pipelines={list}
        learned={learned}
        fields={fields}
        onChange={c => changes.push(c)}
      />
    </WithEnv>,
  );
  return { changes, view, last: () => changes.at(-1) };
}

const stageInput = (): HTMLInputElement => {
  const group = screen.getByRole('group', { name: main.name });
  const name = main.statuses.find(s => s.id === stageId)!.name;
  return within(group).getByRole<HTMLInputElement>('textbox', { name });
};

afterEach(cleanup);

describe('SettingsForm', () => {
  it('lists each pipeline’s open stages in funnel order, empty meaning learned from history', () => {
    mount();
    const group = screen.getByRole('group', { name: main.name });
    const inputs = within(group).getAllByRole<HTMLInputElement>('textbox');
    const stages = buildFunnel(main).stages;
    expect(inputs.map(i => i.labels?.[0]?.textContent)).toEqual(stages.map(s => s.name));
    expect(inputs.every(i => i.value === '' && i.placeholder === 'по истории')).toBe(true);
  });

  it('shows in an empty field the threshold history would give, and words the limits plainly', () => {
    mount(DEFAULT_SETTINGS, 'ru', pipelines, new Map([[stageId, 9.9 * 24]]));
    expect(stageInput().placeholder).toBe('по истории: 9,9 дн.');
    // A stage with nothing learned yet says where its threshold comes from, without a number.
    const group = screen.getByRole('group', { name: main.name });
    const others = within(group)
      .getAllByRole<HTMLInputElement>('textbox')
      .filter(i => i !== stageInput());
    expect(others.every(i => i.placeholder === 'по истории')).toBe(true);
    const hint = screen.getByText(/^В днях:/);
    expect(hint.textContent).toBe(
      'В днях: больше нуля и не больше 365. Если оставить поле пустым, порог вычисляется по истории этапа (p90: 9 из 10 визитов короче).',
    );
    expect(hint.textContent).not.toContain('от больше');
  });

  it('accepts a threshold in days, with a decimal comma, and clears it back to learned', () => {
    const { last } = mount();
    fireEvent.input(stageInput(), { target: { value: '2,5' } });
    expect(last()).toEqual({
      settings: { ...DEFAULT_SETTINGS, stuckDaysByStage: { [String(stageId)]: 2.5 } },
    });
    fireEvent.input(stageInput(), { target: { value: '' } });
    expect(last()).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it.each([
    ['abc', 'Введите число дней, например 5 или 2,5.'],
    ['-3', 'Порог должен быть больше нуля.'],
    ['0', 'Порог должен быть больше нуля.'],
    ['400', 'Не больше 365 дней.'],
  ])('refuses %s days with a message next to the field', (typed, message) => {
    const { last } = mount();
    fireEvent.input(stageInput(), { target: { value: typed } });
    expect(last()).toEqual({ invalid: [`stuckDaysByStage.${stageId}`] });
    const input = stageInput();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByRole('alert');
    expect(error.textContent).toBe(message);
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(input.value).toBe(typed);
  });

  it.each([
    ['0', 'Минимальная выборка — не меньше 1.'],
    ['1001', 'Минимальная выборка — не больше 1000.'],
    ['2.5', 'Введите целое число.'],
    ['abc', 'Введите целое число.'],
  ])('refuses a minimum sample of %s', (typed, message) => {
    const { last } = mount();
    fireEvent.input(screen.getByRole('textbox', { name: 'Минимальная выборка' }), {
      target: { value: typed },
    });
    expect(last()).toEqual({ invalid: ['minSample'] });
    expect(screen.getByRole('alert').textContent).toBe(message);
  });

  it('reports every invalid field at once and recovers when they are fixed', () => {
    const { last } = mount();
    const min = screen.getByRole('textbox', { name: 'Минимальная выборка' });
    fireEvent.input(min, { target: { value: '0' } });
    fireEvent.input(stageInput(), { target: { value: 'x' } });
    expect(last()).toEqual({
      invalid: expect.arrayContaining(['minSample', `stuckDaysByStage.${stageId}`]),
    });
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    fireEvent.input(min, { target: { value: '25' } });
    fireEvent.input(stageInput(), { target: { value: '14' } });
    expect(last()).toEqual({
      settings: { ...DEFAULT_SETTINGS, minSample: 25, stuckDaysByStage: { [String(stageId)]: 14 } },
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sets the default period and the pipelines with the panel', () => {
    const { last } = mount();
    fireEvent.change(screen.getByRole('combobox', { name: 'Период по умолчанию' }), {
      target: { value: 'quarter' },
    });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, defaultPeriod: 'quarter' } });
    fireEvent.click(screen.getByRole('checkbox', { name: main.name }));
    expect(last()).toEqual({
      settings: { ...DEFAULT_SETTINGS, defaultPeriod: 'quarter', pipelines: [main.id] },
    });
    // Only the chosen pipeline's stages are offered once a choice is made.
    expect(
      screen.getAllByRole('group').map(g => g.querySelector('legend')?.textContent),
    ).not.toContain(pipelines.find(p => p.id === PIPELINE_IDS.repeat)!.name);
    fireEvent.click(screen.getByRole('checkbox', { name: main.name }));
    expect(last()).toEqual({
      settings: { ...DEFAULT_SETTINGS, defaultPeriod: 'quarter', pipelines: [] },
    });
  });

  it('starts from the saved settings and keeps thresholds of stages it does not show', () => {
    const saved: WidgetSettings = {
      ...DEFAULT_SETTINGS,
      minSample: 7,
      stuckDaysByStage: { [String(stageId)]: 3, '999': 9 },
    };
    const { last } = mount(saved);
    expect(stageInput().value).toBe('3');
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'Минимальная выборка' }).value,
    ).toBe('7');
    fireEvent.input(stageInput(), { target: { value: '4' } });
    expect(last()).toEqual({
      settings: { ...saved, stuckDaysByStage: { [String(stageId)]: 4, '999': 9 } },
    });
  });

  const horizon = () =>
    screen.getByRole<HTMLSelectElement>('combobox', { name: 'История для расчётов' });

  it('offers the history horizons, explained, starting from the saved one', () => {
    mount();
    const select = horizon();
    expect([...select.options].map(o => o.text)).toEqual([
      '6 месяцев',
      '1 год',
      '2 года',
      'Вся история',
    ]);
    expect(select.value).toBe(String(DEFAULT_SETTINGS.horizonDays));
    const hint = document.getElementById(select.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/^Насколько далеко в прошлое/);
  });

  it('saves the chosen horizon, all history as null', () => {
    const { last } = mount();
    fireEvent.change(horizon(), { target: { value: '730' } });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, horizonDays: 730 } });
    fireEvent.change(horizon(), { target: { value: 'all' } });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, horizonDays: null } });
    fireEvent.change(horizon(), { target: { value: '180' } });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, horizonDays: 180 } });
  });

  it('keeps a saved horizon outside the choices selectable as itself', () => {
    const { last } = mount({ ...DEFAULT_SETTINGS, horizonDays: 90 });
    expect(horizon().value).toBe('90');
    expect(horizon().selectedOptions[0]?.text).toBe('3 месяца');
    fireEvent.input(screen.getByRole('textbox', { name: 'Минимальная выборка' }), {
      target: { value: '5' },
    });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, horizonDays: 90, minSample: 5 } });
  });

  it.each([730, null])(
    'keeps the saved history horizon (%s) whatever else changes',
    horizonDays => {
      const saved: WidgetSettings = { ...DEFAULT_SETTINGS, horizonDays };
      const { last } = mount(saved);
      fireEvent.input(screen.getByRole('textbox', { name: 'Минимальная выборка' }), {
        target: { value: '25' },
      });
      expect(last()).toEqual({ settings: { ...saved, minSample: 25 } });
      fireEvent.input(stageInput(), { target: { value: '3' } });
      fireEvent.change(screen.getByRole('combobox', { name: 'Период по умолчанию' }), {
        target: { value: 'quarter' },
      });
      expect(last()).toEqual({
        settings: {
          ...saved,
          minSample: 25,
          defaultPeriod: 'quarter',
          stuckDaysByStage: { [String(stageId)]: 3 },
        },
      });
    },
  );

  const tf = testEnv().t;
  const confidence = () =>
    screen.getByRole<HTMLSelectElement>('combobox', { name: tf('fl.settings.confidence.label') });

  it('offers the alerts’ confidence levels, explained, 95% by default', () => {
    mount();
    const select = confidence();
    expect([...select.options].map(o => o.text)).toEqual(['90\u00a0%', '95\u00a0%', '99\u00a0%']);
    expect(select.value).toBe('0.95');
    const hint = document.getElementById(select.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe(tf('fl.settings.confidence.hint'));
  });

  it('saves the chosen level, and keeps a saved one outside the choices as itself', () => {
    const { last } = mount();
    fireEvent.change(confidence(), { target: { value: '0.99' } });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, alertConfidence: 0.99 } });
    fireEvent.change(confidence(), { target: { value: '0.9' } });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, alertConfidence: 0.9 } });
    cleanup();

    const saved: WidgetSettings = { ...DEFAULT_SETTINGS, alertConfidence: 0.8 };
    const again = mount(saved);
    expect(confidence().value).toBe('0.8');
    fireEvent.input(screen.getByRole('textbox', { name: 'Минимальная выборка' }), {
      target: { value: '5' },
    });
    expect(again.last()).toEqual({ settings: { ...saved, minSample: 5 } });
  });

  it('names the deal source field from the account’s fields, and keeps a saved one unlisted', () => {
    const fields = [
      { id: 1283437, name: 'utm_source' },
      { id: 1291005, name: 'Продукт' },
    ];
    const source = () =>
      screen.getByRole<HTMLSelectElement>('combobox', { name: tf('fl.settings.source.label') });
    const { last } = mount(DEFAULT_SETTINGS, 'ru', pipelines, undefined, fields);
    expect([...source().options].map(o => o.text)).toEqual([
      tf('fl.settings.source.none'),
      'utm_source',
      'Продукт',
    ]);
    fireEvent.change(source(), { target: { value: '1291005' } });
    expect(last()).toEqual({ settings: { ...DEFAULT_SETTINGS, sourceFieldId: 1291005 } });
    fireEvent.change(source(), { target: { value: '' } });
    expect(last()).toEqual({ settings: DEFAULT_SETTINGS });
    cleanup();

    // The list unread (or the field deleted): the saved choice stays, by its number.
    mount({ ...DEFAULT_SETTINGS, sourceFieldId: 77 });
    expect(source().value).toBe('77');
    expect(source().selectedOptions[0]?.text).toBe(tf('fl.filter.fieldId', { id: 77 }));
  });

  it('renders names from amoCRM as text and speaks English', () => {
    const hostile = pipelines.map(p => ({
      ...p,
      name: p.id === main.id ? HOSTILE : p.name,
      statuses: p.statuses.map(s => (s.id === stageId ? { ...s, name: HOSTILE } : s)),
    }));
    const { view } = mount(DEFAULT_SETTINGS, 'en', hostile);
    expect(view.container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(3);
    fireEvent.input(screen.getByRole('textbox', { name: 'Minimum sample' }), {
      target: { value: '0' },
    });
    expect(screen.getByRole('alert').textContent).toBe('The minimum sample is at least 1.');
    expect(screen.getByRole('combobox', { name: 'Default period' })).toBeTruthy();
    expect(
      [
        ...screen.getByRole<HTMLSelectElement>('combobox', { name: 'History to compute from' })
          .options,
      ].map(o => o.text),
    ).toEqual(['6 months', '1 year', '2 years', 'All history']);
  });
});

describe('SettingsForm: side stages (metrics.md 11.3)', () => {
  const sideId = STATUS_IDS.main.open[2];
  const sideName = main.statuses.find(s => s.id === sideId)!.name;
  const group = () => screen.getByRole('group', { name: `${main.name}: боковые этапы` });

  it('suggests from history with its numbers and ticks nothing itself', () => {
    const changes: Change[] = [];
    const departures = new Map([
      [sideId, { stageId: sideId, leaves: 40, back: 12, lost: 18, suggested: true }],
    ]);
    render(
      <WithEnv env={testEnv({ lang: 'ru' })}>
        <SettingsForm
          value={DEFAULT_SETTINGS}
          pipelines={pipelines}
          departures={departures}
          onChange={c => changes.push(c)}
        />
      </WithEnv>,
    );
    const box = within(group()).getByRole<HTMLInputElement>('checkbox', { name: sideName });
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).not.toBeNull();
    expect(
      within(group()).getByText(
        'Похоже на боковой: 75 % переходов с этапа — назад (12) или в «Закрыто и не реализовано» (18); всего переходов: 40.',
      ),
    ).toBeTruthy();
    expect(changes).toEqual([]);

    fireEvent.click(box);
    expect(changes.at(-1)).toEqual({ settings: { ...DEFAULT_SETTINGS, sideStageIds: [sideId] } });
    fireEvent.click(box);
    expect(changes.at(-1)).toEqual({ settings: { ...DEFAULT_SETTINGS, sideStageIds: [] } });
  });

  it('shows the side stages already set as ticked, without suggestions when none were computed', () => {
    mount({ ...DEFAULT_SETTINGS, sideStageIds: [sideId] });
    const box = within(group()).getByRole<HTMLInputElement>('checkbox', { name: sideName });
    expect(box.checked).toBe(true);
    expect(within(group()).queryByText(/Похоже на боковой/)).toBeNull();
  });
});

describe('SettingsForm after amoCRM refused a save', () => {
  const renderWith = (refusals: number) => (
    <WithEnv env={testEnv({ lang: 'ru' })}>
      <SettingsForm
        value={DEFAULT_SETTINGS}
        pipelines={pipelines}
        onChange={() => undefined}
        refusals={refusals}
      />
    </WithEnv>
  );

  it('moves focus to the first invalid field on each refusal, not before', () => {
    const view = render(renderWith(0));
    const min = screen.getByRole('textbox', { name: 'Минимальная выборка' });
    fireEvent.input(stageInput(), { target: { value: 'x' } });
    fireEvent.input(min, { target: { value: '0' } });
    const save = document.createElement('button');
    document.body.append(save);
    save.focus();
    // Typing a wrong value alone does not pull focus anywhere.
    expect(document.activeElement).toBe(save);
    view.rerender(renderWith(1));
    // The minimum sample comes first in the form, before the stage thresholds.
    expect(document.activeElement).toBe(min);
    expect(min.getAttribute('aria-invalid')).toBe('true');
    save.focus();
    view.rerender(renderWith(2));
    expect(document.activeElement).toBe(min);
    fireEvent.input(min, { target: { value: '10' } });
    save.focus();
    view.rerender(renderWith(3));
    expect(document.activeElement).toBe(stageInput());
    save.remove();
  });
});
