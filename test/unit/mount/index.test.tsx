/**
 * The composition roots as the widget adapter calls them: over a fake Host (the data service on
 * the page, syncing from the sandbox's emulator), each mount renders into its container with its
 * style in the page head, and its unmount takes all of it away again: the DOM, the style, model
 * timers (the host's, recorded), UI timers (jest's fake clock counts them), channel subscriptions,
 * requests still running, and charts.
 */
import { setImmediate as realSetImmediate } from 'node:timers';
import { act, fireEvent, screen } from '@testing-library/preact';
import ru from '../../../i18n/ru.json';
import { mountCard, mountPanel, mountReport, mountSettings } from '../../../src/mount';
import type { Unmount } from '../../../src/mount';
import { WIDGET_CSS } from '../../../src/ui';
import { charts } from '../../support/chartMock';
import type { FakeHost } from '../../support/fakeHost';
import { fakeHost, HOST_INPUT, MAIN } from '../../support/fakeHost';

jest.mock('../../../src/ui/chart/Chart', () =>
  jest.requireActual('../../support/chartMock').chartModuleMock(),
);

const styles = () => [...document.head.querySelectorAll('style[data-funnel-lens]')];
let container: HTMLElement;

beforeEach(() => {
  // Timers only: a microtask Preact or signals queued is no timer left behind, and the emulator
  // answers through setImmediate.
  jest.useFakeTimers({
    doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate', 'clearImmediate'],
  });
  container = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  container.remove();
  jest.useRealTimers();
});

/**
 * Waits until `check` passes, letting real I/O run in between: the emulator answers on
 * setImmediate, which testing-library's waitFor never yields to under jest's fake timers.
 */
async function until<T>(check: () => T, what: string): Promise<T> {
  for (let turn = 0; ; turn++) {
    try {
      return check();
    } catch (error) {
      if (turn > 5000) throw new Error(`timed out waiting for ${what}`, { cause: error });
    }
    await act(async () => {
      await new Promise(resolve => realSetImmediate(resolve));
    });
  }
}

/** Checks that an unmount leaves nothing behind, and that a second one changes nothing. */
function expectGone(host: FakeHost, unmount: Unmount, stylesBefore: number) {
  unmount();
  expect(container.innerHTML).toBe('');
  expect(styles()).toHaveLength(stylesBefore);
  expect(host.timers.live.size).toBe(0);
  expect(host.bus.listeners()).toBe(0);
  // The API client holds each request's rate-limit slot on a timer (due at once here): let those
  // end, then nothing may be left.
  jest.advanceTimersByTime(0);
  expect(jest.getTimerCount()).toBe(0);
  expect(() => unmount()).not.toThrow();
  expect(styles()).toHaveLength(stylesBefore);
}

/** The container is hidden until the host's stylesheet applies (the fake's at once). */
async function stylesApplied(): Promise<void> {
  expect(container.style.visibility).toBe('hidden');
  await act(async () => {
    await Promise.resolve();
  });
  expect(container.style.visibility).toBe('');
}

describe('mountPanel', () => {
  it('renders the panel with its style, and unmount removes everything', async () => {
    const host = fakeHost();
    const before = styles().length;
    const unmount = mountPanel(host, container, MAIN.id);
    expect(styles()).toHaveLength(before + 1);
    expect(styles().at(-1)?.textContent).toBe(WIDGET_CSS);
    await until(() => screen.getByRole('list', { name: ru.fl.panel.funnel.label }), 'the funnel');
    expect(container.textContent).toContain(MAIN.name);
    expect(host.timers.live.size).toBeGreaterThan(0);
    expect(jest.getTimerCount()).toBeGreaterThan(0);
    expectGone(host, unmount, before);
  });

  it('aborts a sync still running when unmounted', async () => {
    const host = fakeHost();
    host.hold();
    const before = styles().length;
    const unmount = mountPanel(host, container, MAIN.id);
    await until(() => expect(host.requests.length).toBeGreaterThan(0), 'a request');
    expect(screen.queryByRole('list', { name: ru.fl.panel.funnel.label })).toBeNull();
    const signals = host.requests.map(r => r.signal);
    expect(signals.every(s => s !== undefined && !s.aborted)).toBe(true);
    expectGone(host, unmount, before);
    expect(signals.every(s => s?.aborted)).toBe(true);
  });

  it('restores and persists the collapsed state, telling the host each time', async () => {
    const host = fakeHost();
    const key = `collapsed:${host.account.id}:${host.user.id}`;
    host.stored.set(key, '1');
    const onCollapse = jest.fn();
    const unmount = mountPanel(host, container, MAIN.id, { onCollapse });
    expect(onCollapse.mock.calls).toEqual([[true]]);
    await stylesApplied();
    fireEvent.click(screen.getByRole('button', { name: ru.fl.panel.expand }));
    expect(host.stored.get(key)).toBe('0');
    expect(onCollapse.mock.calls).toEqual([[true], [false]]);
    fireEvent.click(screen.getByRole('button', { name: ru.fl.panel.collapse }));
    expect(host.stored.get(key)).toBe('1');
    expect(onCollapse.mock.calls).toEqual([[true], [false], [true]]);
    unmount();
    expect(onCollapse).toHaveBeenCalledTimes(3);
  });

  it('starts expanded when nothing is stored, and works without onCollapse', async () => {
    const host = fakeHost();
    const unmount = mountPanel(host, container, MAIN.id);
    expect(host.stored.get(`collapsed:${host.account.id}:${host.user.id}`)).toBe('0');
    await stylesApplied();
    expect(screen.getByRole('button', { name: ru.fl.panel.collapse })).toBeTruthy();
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: ru.fl.panel.collapse }));
    });
    expect(screen.getByRole('button', { name: ru.fl.panel.expand })).toBeTruthy();
    unmount();
  });
});

describe('mountReport', () => {
  it('renders the full report with its style, and unmount removes everything', async () => {
    const host = fakeHost();
    const before = styles().length;
    const unmount = mountReport(host, container);
    expect(styles()).toHaveLength(before + 1);
    expect(styles().at(-1)?.textContent).toBe(WIDGET_CSS);
    await until(() => screen.getByLabelText(ru.fl.report.pipeline), 'the pipeline select');
    await until(() => expect(charts.made.some(c => !c.destroyed)).toBe(true), 'a chart');
    expectGone(host, unmount, before);
    expect(charts.made.every(c => c.destroyed)).toBe(true);
  });
});

describe('mountCard', () => {
  it('renders the lead card with its style, and unmount removes everything', async () => {
    const host = fakeHost();
    const lead = HOST_INPUT.leads.find(l => l.closedAt === null)!;
    const before = styles().length;
    const unmount = mountCard(host, container, lead.id);
    expect(styles()).toHaveLength(before + 1);
    expect(styles().at(-1)?.textContent).toBe(WIDGET_CSS);
    await until(
      () => screen.getByText(ru.fl.card.path.replace('{pipeline}', MAIN.name)),
      'the deal’s path',
    );
    expectGone(host, unmount, before);
  });
});

describe('mountSettings', () => {
  it('renders the form in a funnel-lens container, and unmount removes everything', async () => {
    const host = fakeHost();
    const input = document.createElement('input');
    const before = styles().length;
    const mounted = mountSettings(host, container, input);
    expect(container.classList.contains('funnel-lens')).toBe(true);
    expect(styles()).toHaveLength(before + 1);
    expect(styles().at(-1)?.textContent).toBe(WIDGET_CSS);
    const min = await until(
      () => screen.getByRole('textbox', { name: 'Минимальная выборка' }),
      'the form',
    );

    expect(mounted.isValid()).toBe(true);
    fireEvent.input(min, { target: { value: '0' } });
    expect(mounted.isValid()).toBe(false);
    await act(() => mounted.showRefusal());
    expect(screen.getByText(ru.fl.settings.refused)).toBeTruthy();
    fireEvent.input(min, { target: { value: '15' } });
    expect(mounted.isValid()).toBe(true);
    expect(screen.queryByText(ru.fl.settings.refused)).toBeNull();
    expect(JSON.parse(input.value)).toMatchObject({ minSample: 15 });
    // amoCRM was let save: the form says so, until the next change.
    await act(() => mounted.showSaved());
    expect(screen.getByRole('status').textContent).toBe(ru.fl.settings.saved);
    fireEvent.input(min, { target: { value: '16' } });
    expect(screen.queryByText(ru.fl.settings.saved)).toBeNull();

    expectGone(host, mounted.unmount, before);
    expect(container.classList.contains('funnel-lens')).toBe(false);
  });
});
