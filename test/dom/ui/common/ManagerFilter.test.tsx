import { fireEvent, render, screen } from '@testing-library/preact';
import { ManagerFilter } from '../../../../src/ui/common';
import { testEnv, WithEnv } from '../../../support/env';

const managers = [
  { id: 11, name: 'Дмитрий Волков' },
  { id: 12, name: 'Екатерина Морозова' },
  { id: 13, name: 'Сергей Лебедев' },
];

function setup(value: readonly number[] | null, list = managers) {
  const env = testEnv({ managers: list });
  const onChange = jest.fn<undefined, [readonly number[] | null]>();
  const view = render(
    <WithEnv env={env}>
      <ManagerFilter value={value} onChange={onChange} />
      <button type="button">elsewhere</button>
    </WithEnv>,
  );
  return { t: env.t, onChange, view };
}

describe('ManagerFilter', () => {
  it.each([
    [null, 'Все менеджеры'],
    [[12], 'Екатерина Морозова'],
    [[11, 13], '2 менеджера'],
    [[11, 12, 13, 14, 15], '5 менеджеров'],
  ] as const)('names the choice %j on its button: %s', (value, label) => {
    setup(value);
    expect(screen.getByRole('button', { name: label })).toBeTruthy();
  });

  it('opens a checkbox list that adds, removes and resets managers', () => {
    const { t, onChange } = setup([11]);
    const button = screen.getByRole('button', { name: 'Дмитрий Волков' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-controls')!)).not.toBeNull();
    const boxes = screen.getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map(b => b.checked)).toEqual([false, true, false, false]);
    expect(document.activeElement).toBe(boxes[0]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Сергей Лебедев' }));
    expect(onChange).toHaveBeenLastCalledWith([11, 13]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Дмитрий Волков' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    fireEvent.click(screen.getByRole('checkbox', { name: t('fl.common.managers.all') }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('keeps "all" ticked when it is the choice and someone unticks it', () => {
    const { t, onChange } = setup(null);
    fireEvent.click(screen.getByRole('button', { name: t('fl.common.managers.all') }));
    const all = screen.getByRole<HTMLInputElement>('checkbox', {
      name: t('fl.common.managers.all'),
    });
    fireEvent.click(all);
    expect(all.checked).toBe(true);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('closes on Escape with focus back on the button, and on a click outside', () => {
    const { t } = setup(null);
    const button = screen.getByRole('button', { name: t('fl.common.managers.all') });
    fireEvent.click(button);
    fireEvent.keyDown(screen.getAllByRole('checkbox')[2]!, { key: 'Escape' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.mouseDown(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('is disabled with a reason when the host knows no managers', () => {
    const { t } = setup(null, []);
    const button = screen.getByRole('button', { name: t('fl.common.managers.all') });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('title')).toBe(t('fl.common.managers.unavailable'));
  });
});
