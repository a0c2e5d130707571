/**
 * The slice filter: choices from the facets with their counts, names once loaded (ids before or
 * after a failure), ticks that change the slice, chips that take conditions away, and the same
 * keyboard behaviour as the manager filter. Expected texts come from the same messages, so the
 * tests hold before and after the new keys are merged into the locale files.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import type { Slice } from '../../../../src/core';
import type { Facets } from '../../../../src/state';
import { SliceFilter } from '../../../../src/ui/common';
import type { NamesState } from '../../../../src/ui/common';
import type { Translate } from '../../../../src/i18n';
import { testEnv, WithEnv } from '../../../support/env';

const PRODUCT = 7;
const UTM = 9;
const NOTE = 11;
const FLAG = 13;

const facets: Facets = {
  tags: [
    { id: 501, count: 40 },
    { id: 502, count: 12 },
  ],
  fields: [
    {
      fieldId: PRODUCT,
      values: [
        { value: 71, count: 30 },
        { value: 72, count: 5 },
      ],
      more: 0,
    },
    {
      fieldId: UTM,
      values: [
        { value: 'yandex', count: 20 },
        { value: 'vk', count: 8 },
      ],
      more: 3,
    },
    { fieldId: NOTE, values: [{ value: 'позвонить утром', count: 1 }], more: 0 },
    { fieldId: FLAG, values: [{ value: true, count: 4 }], more: 0 },
  ],
};

const loaded: NamesState = {
  status: 'ok',
  names: {
    tags: [
      { id: 501, name: 'сайт' },
      { id: 502, name: 'чат' },
    ],
    fields: [
      { id: UTM, name: 'utm_source', type: 'tracking_data', enums: null },
      {
        id: PRODUCT,
        name: 'Продукт',
        type: 'select',
        enums: [
          { id: 71, value: 'Внедрение CRM' },
          { id: 72, value: 'Обучение' },
        ],
      },
      { id: NOTE, name: 'Комментарий', type: 'textarea', enums: null },
      { id: FLAG, name: 'Повторный', type: 'checkbox', enums: null },
    ],
  },
};

function setup(
  value: Slice | null,
  names: NamesState = loaded,
  f: Facets | null = facets,
  sourceFieldId: number | null = null,
) {
  const env = testEnv();
  const ft = env.t;
  const onChange = jest.fn<undefined, [Slice | null]>();
  const onNeedNames = jest.fn<undefined, []>();
  const ui = (v: Slice | null, n: NamesState) => (
    <WithEnv env={env}>
      <SliceFilter
        value={v}
        onChange={onChange}
        facets={f}
        names={n}
        onNeedNames={onNeedNames}
        sourceFieldId={sourceFieldId}
      />
      <button type="button">elsewhere</button>
    </WithEnv>
  );
  const view = render(ui(value, names));
  return {
    env,
    ft,
    onChange,
    onNeedNames,
    rerender: (v: Slice | null, n = names) => view.rerender(ui(v, n)),
  };
}

const openButton = (ft: Translate) => screen.getByRole('button', { name: ft('fl.filter.button') });
const legends = () =>
  Array.from(document.querySelectorAll('.fl-slice__group legend')).map(l => l.textContent);

describe('SliceFilter', () => {
  it('asks for the names when first opened, not before, and not again once asked', () => {
    const { ft, onNeedNames, rerender } = setup(null, { status: 'idle' });
    expect(onNeedNames).not.toHaveBeenCalled();
    const button = openButton(ft);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(onNeedNames).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-controls')!)).not.toBeNull();
    rerender(null, { status: 'loading' });
    expect(screen.getByRole('status').textContent).toBe(ft('fl.filter.namesLoading'));
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onNeedNames).toHaveBeenCalledTimes(1);
  });

  it('lists tags, list fields and UTM fields with their counts, by name, in the account order', () => {
    const { env, ft } = setup(null);
    fireEvent.click(openButton(ft));
    // The textarea is not offered; the checkbox is, as Yes/No.
    expect(legends()).toEqual([ft('fl.filter.tags'), 'utm_source', 'Продукт', 'Повторный']);
    const tags = screen.getByRole('group', { name: ft('fl.filter.tags') });
    expect(
      within(tags)
        .getAllByRole('checkbox')
        .map(c => c.closest('label')?.textContent),
    ).toEqual([`сайт${env.fmt.int(40)}`, `чат${env.fmt.int(12)}`]);
    const product = screen.getByRole('group', { name: 'Продукт' });
    expect(within(product).getByRole('checkbox', { name: /Внедрение CRM/ })).toBeTruthy();
    const utm = screen.getByRole('group', { name: 'utm_source' });
    expect(within(utm).getAllByRole('checkbox')).toHaveLength(2);
    expect(utm.textContent).toContain(ft('fl.filter.moreValues', { count: env.fmt.int(3) }));
    const flag = screen.getByRole('group', { name: 'Повторный' });
    expect(
      within(flag).getByRole('checkbox', { name: new RegExp(ft('fl.filter.yes')) }),
    ).toBeTruthy();
    // Focus goes into the list, as the manager filter's does.
    expect(document.activeElement).toBe(within(tags).getAllByRole('checkbox')[0]);
  });

  it('lists the admin’s source field first, as the source, even a text field', () => {
    const { ft } = setup(null, loaded, facets, NOTE);
    fireEvent.click(openButton(ft));
    expect(legends()).toEqual([
      ft('fl.filter.tags'),
      ft('fl.filter.source', { field: 'Комментарий' }),
      'utm_source',
      'Продукт',
      'Повторный',
    ]);
  });

  it('works with ids when the names failed, and retries on demand', () => {
    const failed: NamesState = { status: 'error', error: { code: 'NETWORK' } };
    const { env, ft, onNeedNames } = setup(null, failed);
    fireEvent.click(openButton(ft));
    // Without types, only values that are enum ids or flags say a list field.
    expect(legends()).toEqual([
      ft('fl.filter.tags'),
      ft('fl.filter.fieldId', { id: PRODUCT }),
      ft('fl.filter.fieldId', { id: FLAG }),
    ]);
    const tags = screen.getByRole('group', { name: ft('fl.filter.tags') });
    expect(tags.textContent).toContain(ft('fl.filter.tagId', { id: 501 }));
    expect(screen.getByText(ft('fl.filter.namesFailed'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: env.t('fl.common.retry') }));
    expect(onNeedNames).toHaveBeenCalledTimes(1);
  });

  it('each tick adds or takes away one condition', () => {
    const { ft, onChange, rerender } = setup(null);
    fireEvent.click(openButton(ft));
    fireEvent.click(screen.getByRole('checkbox', { name: /чат/ }));
    expect(onChange).toHaveBeenLastCalledWith({ tagIds: [502] });
    const withTag: Slice = { tagIds: [502] };
    rerender(withTag);
    fireEvent.click(screen.getByRole('checkbox', { name: /yandex/ }));
    expect(onChange).toHaveBeenLastCalledWith({
      tagIds: [502],
      fields: [{ fieldId: UTM, values: ['yandex'] }],
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /чат/ }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('shows the chosen conditions as chips that each take theirs away, and a reset', () => {
    const slice: Slice = {
      tagIds: [501],
      fields: [
        { fieldId: PRODUCT, values: [71, 72] },
        { fieldId: FLAG, values: [false] },
      ],
    };
    const { ft, onChange, rerender } = setup(slice);
    const list = screen.getByRole('list', { name: ft('fl.filter.chips') });
    const chips = Array.from(list.querySelectorAll('.fl-slice__chip'));
    expect(chips.map(c => c.textContent)).toEqual([
      '× сайт',
      `× ${ft('fl.filter.chip', { field: 'Продукт', value: 'Внедрение CRM' })}`,
      `× ${ft('fl.filter.chip', { field: 'Продукт', value: 'Обучение' })}`,
      `× ${ft('fl.filter.chip', { field: 'Повторный', value: ft('fl.filter.no') })}`,
    ]);
    expect(chips[0]!.getAttribute('aria-label')).toBe(ft('fl.filter.remove', { name: 'сайт' }));
    expect(
      screen.getByRole('button', { name: ft('fl.filter.active', { count: '4' }) }),
    ).toBeTruthy();
    fireEvent.click(chips[1]!);
    expect(onChange).toHaveBeenLastCalledWith({
      tagIds: [501],
      fields: [
        { fieldId: PRODUCT, values: [72] },
        { fieldId: FLAG, values: [false] },
      ],
    });
    // Focus moves on to the next chip, not to the page.
    expect(document.activeElement).toBe(chips[2]);
    fireEvent.click(within(list).getByRole('button', { name: ft('fl.filter.clear') }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    rerender(null);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('closes on Escape with focus back on the button, and on a click outside', () => {
    const { ft } = setup(null);
    const button = openButton(ft);
    fireEvent.click(button);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.mouseDown(document.body);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('is disabled until a report brings the facets', () => {
    const { ft } = setup(null, { status: 'idle' }, null);
    const button = openButton(ft);
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('title')).toBe(ft('fl.filter.unavailable'));
  });
});
