import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import type { Drilldown } from '../../../../src/ui/panel/Drilldown';
import { loadDrilldown } from '../../../../src/ui/panel/loadDrilldown';
import type * as LoadModule from '../../../../src/ui/panel/loadDrilldown';
import { STATUS_IDS } from '../../../support/demo';
import { createHarness, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';

// The real chunk loader (jest resolves its dynamic import), watched so a test can hold it back
// or make it fail.
jest.mock('../../../../src/ui/panel/loadDrilldown', () => {
  const actual = jest.requireActual<typeof LoadModule>('../../../../src/ui/panel/loadDrilldown');
  return { loadDrilldown: jest.fn(actual.loadDrilldown) };
});
const load = jest.mocked(loadDrilldown);

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
});

const KP = STATUS_IDS.main.open[3];

function deferred() {
  let resolve!: (value: typeof Drilldown) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<typeof Drilldown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function openStage() {
  h = createHarness();
  const view = renderPanel(h);
  await reportReady(h);
  const row = within(screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') }))
    .getAllByRole('button')
    .find(b => b.querySelector('.fl-row__name')?.textContent === 'Отправлено КП')!;
  fireEvent.click(row);
  return view;
}

describe('The drill-down’s own chunk', () => {
  it('shows the stage, a way back and a loading line until it arrives', async () => {
    const chunk = deferred();
    load.mockImplementationOnce(() => chunk.promise);
    await openStage();
    const { t } = h.env;
    expect(h.report.selectedStage.value).toBe(KP);
    expect(screen.getByRole('heading', { name: 'Отправлено КП' })).toBeTruthy();
    expect(screen.getByText(t('fl.drill.loading')).getAttribute('role')).toBe('status');
    const back = screen.getByRole('button', { name: t('fl.drill.back') });
    expect(document.activeElement).toBe(back);
    expect(screen.queryByRole('tablist')).toBeNull();

    chunk.resolve(
      await jest
        .requireActual<typeof LoadModule>('../../../../src/ui/panel/loadDrilldown')
        .loadDrilldown(),
    );
    expect(await screen.findByRole('tablist')).toBeTruthy();
    // The drill-down's own way back took the focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: t('fl.drill.back') }));
  });

  it('goes back to the funnel while the chunk is still on its way', async () => {
    load.mockImplementationOnce(() => new Promise(() => undefined));
    await openStage();
    fireEvent.keyDown(screen.getByRole('button', { name: h.env.t('fl.drill.back') }), {
      key: 'Escape',
    });
    expect(h.report.selectedStage.value).toBeNull();
    expect(screen.getByRole('list', { name: h.env.t('fl.panel.funnel.label') })).toBeTruthy();
  });

  it('says a failed fetch as a failed request, and a retry brings the deals', async () => {
    load.mockImplementationOnce(() => Promise.reject(new Error('chunk')));
    await openStage();
    const { t } = h.env;
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.NETWORK'));
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(await screen.findByRole('tablist')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('renders nothing once the panel is gone, when the chunk arrives after', async () => {
    const chunk = deferred();
    load.mockImplementationOnce(() => chunk.promise);
    const view = await openStage();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    view.unmount();
    chunk.resolve(
      await jest
        .requireActual<typeof LoadModule>('../../../../src/ui/panel/loadDrilldown')
        .loadDrilldown(),
    );
    await chunk.promise;
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(view.container.innerHTML).toBe('');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
