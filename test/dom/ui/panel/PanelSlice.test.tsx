/**
 * The slice filter in the panel: beside the managers, its choices from the report's facets (the
 * demo account's tags, «Продукт» and utm_source), names asked for on the first opening, ticks that
 * narrow every number through the report model, and the drill-down's list link carrying what
 * amoCRM's list can filter by — and saying when its list is wider.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { FIELD_IDS } from '../../../../sandbox/demo';
import type { NamesState, SliceNames } from '../../../../src/ui/common';
import { buildStageListUrl } from '../../../../src/ui/env';
import { Panel } from '../../../../src/ui/panel';
import { demoAccount, STATUS_IDS } from '../../../support/demo';
import { WithEnv } from '../../../support/env';
import { createHarness, demoPipelineData, PID, reportReady, stageDealsReady } from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const KP = STATUS_IDS.main.open[3];

const account = demoAccount();

/** The demo pipeline: its leads carry their tags as the API serves them (`_embedded.tags`). */
const withTags = demoPipelineData;
const names: SliceNames = {
  tags: [...new Map(account.leads.flatMap(l => l.tags).map(t => [t.id, t])).values()],
  fields: account.customFields,
};

function renderWithNames(state: NamesState) {
  const load = jest.fn<undefined, []>();
  const ui = (s: NamesState) => (
    <WithEnv env={h.env}>
      <Panel
        data={h.data}
        report={h.report}
        pipelineId={PID}
        pipelineName="Продажи"
        collapsed={h.collapsed}
        userName="Анна Соколова"
        sliceNames={{ state: s, load, sourceFieldId: null }}
      />
    </WithEnv>
  );
  const view = render(ui(state));
  return { load, rerender: (s: NamesState) => view.rerender(ui(s)) };
}

const rowButton = (name: string) =>
  within(screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') }))
    .getAllByRole('button')
    .find(b => b.querySelector('.fl-row__name')?.textContent === name)!;

const listButton = () =>
  screen.getAllByRole('button').find(b => b.classList.contains('fl-drill__list'))!;

describe('the slice filter in the panel', () => {
  it('sits beside the managers, asks for names when opened and narrows the numbers', async () => {
    h = createHarness({ pipeline: withTags() });
    const ft = h.env.t;
    const { load, rerender } = renderWithNames({ status: 'idle' });
    const before = await reportReady(h);
    const controls = document.querySelector('.fl-controls')!;
    const button = within(controls as HTMLElement).getByRole('button', {
      name: ft('fl.filter.button'),
    });
    expect(load).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(load).toHaveBeenCalledTimes(1);
    rerender({ status: 'ok', names });
    const product = screen.getByRole('group', { name: 'Продукт' });
    const utm = screen.getByRole('group', { name: 'utm_source' });
    expect(within(utm).getByRole('checkbox', { name: /vk/ })).toBeTruthy();
    const tags = screen.getByRole('group', { name: ft('fl.filter.tags') });
    fireEvent.click(within(tags).getByRole('checkbox', { name: /чат/ }));
    const chat = names.tags.find(t => t.name === 'чат')!.id;
    expect(h.report.slice.value).toEqual({ tagIds: [chat] });
    const after = await reportReady(h);
    expect(after.options.slice?.tagIds).toEqual([chat]);
    expect(after.totals.deals).toBeLessThan(before.totals.deals);
    // The choices stay: the facets are not narrowed by the slice.
    expect(within(product).getAllByRole('checkbox').length).toBeGreaterThan(1);
    expect(within(tags).getAllByRole('checkbox').length).toBeGreaterThan(2);
    const chip = document.querySelector('.fl-slice__chip')!;
    expect(chip.textContent).toBe('× чат');
    fireEvent.click(chip);
    expect(h.report.slice.value).toBeNull();
  });

  it('puts a list field into the drill-down link, and counts the same deals', async () => {
    h = createHarness({ pipeline: withTags() });
    const ft = h.env.t;
    renderWithNames({ status: 'ok', names });
    await reportReady(h);
    const product = account.customFields.find(f => f.id === FIELD_IDS.product)!;
    const enumId = product.enums![0]!.id;
    await act(() => h.report.setSlice({ fields: [{ fieldId: product.id, values: [enumId] }] }));
    const r = await reportReady(h);
    fireEvent.click(rowButton('Отправлено КП'));
    await stageDealsReady(h);
    const stage = r.stages.find(s => s.id === KP)!;
    const count = ft.plural('fl.drill.openListCountFiltered', stage.now.count, {
      count: h.env.fmt.int(stage.now.count),
    });
    const button = listButton();
    expect(button.querySelector('.fl-drill__list-count')!.textContent).toBe(count);
    expect(button.getAttribute('title')).toBe(h.env.t('fl.drill.allHint'));
    fireEvent.click(button);
    const url = buildStageListUrl(PID, [KP], null, [{ fieldId: product.id, values: [enumId] }]);
    expect(url).toBe(
      `/leads/list/pipeline/${PID}/?filter%5Bpipe%5D%5B${PID}%5D%5B%5D=${KP}` +
        `&filter%5Bcf%5D%5B${product.id}%5D%5B%5D=${enumId}&useFilter=y`,
    );
    expect(h.env.navigated).toEqual([url]);
  });

  it('says the list is wider when the slice has tags or text values the list cannot filter by', async () => {
    h = createHarness({ pipeline: withTags() });
    const ft = h.env.t;
    renderWithNames({ status: 'ok', names });
    await reportReady(h);
    const chat = names.tags.find(t => t.name === 'чат')!.id;
    const slice = {
      tagIds: [chat],
      fields: [{ fieldId: FIELD_IDS.utmSource, values: ['yandex'] }],
    };
    await act(() => h.report.setSlice(slice));
    const r = await reportReady(h);
    fireEvent.click(rowButton('Отправлено КП'));
    await stageDealsReady(h);
    const stage = r.stages.find(s => s.id === KP)!;
    const button = listButton();
    expect(button.querySelector('.fl-drill__list-count')!.textContent).toBe(
      ft.plural('fl.drill.openListCountWider', stage.now.count, {
        count: h.env.fmt.int(stage.now.count),
      }),
    );
    expect(button.getAttribute('title')).toBe(
      `${h.env.t('fl.drill.allHint')} ${ft('fl.drill.widerHint')}`,
    );
    fireEvent.click(button);
    // Neither the tag nor the text value can go into the URL.
    expect(h.env.navigated).toEqual([buildStageListUrl(PID, [KP])]);
  });
});
