import { fireEvent, render, screen } from '@testing-library/preact';
import type { PeriodChoice } from '../../../../src/state/period';
import { PeriodPicker } from '../../../../src/ui/common';
import { testEnv, WithEnv } from '../../../support/env';

// testEnv's clock is DEMO_NOW: 26 Nov 2026, 12:00 in Moscow.
function setup(value: PeriodChoice, lang: 'ru' | 'en' = 'ru') {
  const env = testEnv({ lang });
  const onChange = jest.fn<undefined, [PeriodChoice]>();
  const view = render(
    <WithEnv env={env}>
      <PeriodPicker value={value} onChange={onChange} timeZone="Europe/Moscow" />
    </WithEnv>,
  );
  const { t } = env;
  const select = () => screen.getByLabelText<HTMLSelectElement>(t('fl.common.period.label'));
  const from = () => screen.getByLabelText<HTMLInputElement>(t('fl.common.period.from'));
  const to = () => screen.getByLabelText<HTMLInputElement>(t('fl.common.period.to'));
  const apply = () =>
    fireEvent.click(screen.getByRole('button', { name: t('fl.common.period.apply') }));
  return { env, t, onChange, view, select, from, to, apply };
}

describe('PeriodPicker', () => {
  it('offers the presets and applies one at once', () => {
    const { t, onChange, select } = setup({ kind: 'last_30' });
    expect([...select().options].map(o => o.text)).toEqual([
      t('fl.common.period.this_month'),
      t('fl.common.period.last_30'),
      t('fl.common.period.last_90'),
      t('fl.common.period.quarter'),
      t('fl.common.period.custom'),
    ]);
    expect(select().value).toBe('last_30');
    fireEvent.change(select(), { target: { value: 'quarter' } });
    expect(onChange).toHaveBeenCalledWith({ kind: 'quarter' });
  });

  it('starts custom dates from the current period, as calendar days in the account zone', () => {
    const { onChange, select, from, to } = setup({ kind: 'last_30' });
    fireEvent.change(select(), { target: { value: 'custom' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(from().type).toBe('date');
    expect([from().value, to().value]).toEqual(['2026-10-27', '2026-11-26']);
  });

  it('applies a valid range and refuses the invalid ones with a message', () => {
    const { t, onChange, select, from, to, apply } = setup({ kind: 'this_month' });
    fireEvent.change(select(), { target: { value: 'custom' } });
    const cases: [string, string, string][] = [
      ['', '2026-11-10', t('fl.common.period.errorMissing')],
      ['2026-02-30', '2026-03-10', t('fl.common.period.errorMissing')],
      ['2026-11-10', '2026-11-01', t('fl.common.period.errorOrder')],
      ['2026-11-27', '2026-12-05', t('fl.common.period.errorFuture')],
    ];
    for (const [a, b, message] of cases) {
      fireEvent.input(from(), { target: { value: a } });
      fireEvent.input(to(), { target: { value: b } });
      apply();
      expect(screen.getByRole('alert').textContent).toBe(message);
    }
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.input(from(), { target: { value: '2026-11-01' } });
    fireEvent.input(to(), { target: { value: '2026-11-01' } });
    apply();
    expect(onChange).toHaveBeenCalledWith({
      kind: 'custom',
      from: { year: 2026, month: 11, day: 1 },
      to: { year: 2026, month: 11, day: 1 },
    });
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('cancel drops the edit and goes back to the preset', () => {
    const { t, select } = setup({ kind: 'last_90' });
    fireEvent.change(select(), { target: { value: 'custom' } });
    fireEvent.click(screen.getByRole('button', { name: t('fl.common.period.cancel') }));
    expect(screen.queryByLabelText(t('fl.common.period.from'))).toBeNull();
    expect(select().value).toBe('last_90');
  });

  it('shows a custom period with its dates, in English too', () => {
    const { select, from, to } = setup(
      {
        kind: 'custom',
        from: { year: 2026, month: 1, day: 5 },
        to: { year: 2026, month: 3, day: 31 },
      },
      'en',
    );
    expect(select().value).toBe('custom');
    expect(screen.getByText('Custom dates…')).toBeTruthy();
    expect([from().value, to().value]).toEqual(['2026-01-05', '2026-03-31']);
  });
});
