/**
 * The panel by keyboard (WCAG 2.1.1, 2.4.1, 2.4.3): one Tab stop per stage, the numbers' definitions
 * one arrow away, a skip past the controls and totals to the stages.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { createHarness, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const stageRows = () => [
  ...document.querySelectorAll<HTMLElement>('.fl-funnel li.fl-row[data-stage-id]'),
];
const tabbable = (root: Element) =>
  [...root.querySelectorAll<HTMLElement>('button, a[href], input, select, [tabindex]')].filter(
    el => el.tabIndex >= 0,
  );
const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
const cellOf = (el: Element | null) =>
  ['fl-row__conv', 'fl-row__main', 'fl-row__time', 'fl-row__stuck', 'fl-row__decided'].find(
    c => el?.closest(`.${c}`) !== null,
  ) ?? (el?.closest('.fl-row__bar') ? 'fl-row__bar' : undefined);

describe('Panel by keyboard', () => {
  it('has one Tab stop per stage, with each number one arrow away and its definition shown', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t } = h.env;
    const funnel = screen.getByRole('list', { name: t('fl.panel.funnel.label') });
    // The stage buttons and the won count; no definition of a stage's number is a Tab stop.
    expect(tabbable(funnel)).toHaveLength(r.stages.length + 1);
    expect(funnel.getAttribute('aria-describedby')).toBe(
      document.querySelector('.fl-funnel__keys')?.id,
    );
    expect(document.querySelector('.fl-funnel__keys')?.textContent).toBe(t('fl.panel.funnel.keys'));

    const rows = stageRows();
    const first = within(rows[0]!).getByRole('button');
    first.focus();
    // ← to the conversion on the left, → back along the row to the decided share at its end.
    press('ArrowLeft');
    expect(cellOf(document.activeElement)).toBe('fl-row__conv');
    expect(document.activeElement?.getAttribute('aria-describedby')).toBeTruthy();
    press('ArrowLeft');
    expect(cellOf(document.activeElement)).toBe('fl-row__conv');
    press('ArrowRight');
    expect(document.activeElement).toBe(first);
    press('ArrowRight');
    expect(cellOf(document.activeElement)).toBe('fl-row__time');
    // ↓ keeps to the same number in the next stage.
    press('ArrowDown');
    expect(rows[1]!.contains(document.activeElement)).toBe(true);
    expect(cellOf(document.activeElement)).toBe('fl-row__time');
    const stops = rows[1]!.querySelectorAll('button.fl-row__main, .fl-hint').length;
    for (let i = 0; i < stops; i++) press('ArrowRight');
    expect(cellOf(document.activeElement)).toBe('fl-row__decided');
    press('Home');
    expect(rows[0]!.contains(document.activeElement)).toBe(true);
    expect(cellOf(document.activeElement)).toBe('fl-row__decided');
    press('End');
    expect(rows.at(-1)!.contains(document.activeElement)).toBe(true);
  });

  it('skips from the top of the panel to the first stage', async () => {
    h = createHarness();
    const { container } = renderPanel(h);
    await reportReady(h);
    const { t } = h.env;
    const skip = screen.getByRole('button', { name: t('fl.panel.skip') });
    // The panel's first Tab stop, before the header's buttons and the controls.
    expect(tabbable(container)[0]).toBe(skip);
    fireEvent.click(skip);
    expect(document.activeElement).toBe(within(stageRows()[0]!).getByRole('button'));
    // Not offered inside a drill-down, where there is no funnel to skip to.
    fireEvent.click(document.activeElement!);
    expect(screen.queryByRole('button', { name: t('fl.panel.skip') })).toBeNull();
  });
});
