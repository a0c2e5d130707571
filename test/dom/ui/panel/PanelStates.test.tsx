import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { createHarness, exact, firstLoad, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';
import { DEMO_NOW } from '../../../support/demo';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
  jest.useRealTimers();
});

const totalDeals = () =>
  within(screen.getByLabelText(h.env.t('fl.panel.totals.label')))
    .getByText(h.env.t('fl.panel.totals.deals'))
    .parentElement!.querySelector('.fl-num')!.textContent;
const refreshButton = () =>
  screen.getByRole<HTMLButtonElement>('button', { name: h.env.t('fl.panel.refresh') });

describe('Panel while data loads and fails', () => {
  it('shows only progress with the time left on a first load, then the funnel', async () => {
    h = createHarness({ status: firstLoad(0.45, 150) });
    renderPanel(h);
    const { t, fmt } = h.env;
    await screen.findByText(t('fl.common.sync.window'));
    const progress = t('fl.common.sync.progress', {
      percent: fmt.percent(0.45),
      left: fmt.duration(150),
    });
    expect(screen.getByText(progress, exact)).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuetext')).toBe(progress);
    expect(bar.getAttribute('aria-valuenow')).toBe('45');
    expect(refreshButton().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(t('fl.panel.waitingData'))).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByLabelText(t('fl.panel.totals.label'))).toBeNull();
    // Nothing to compute from yet: the page does not ask for a report.
    expect(h.service.asked().report).toBe(0);

    await h.status({
      phase: 'complete',
      version: 1,
      syncedAt: DEMO_NOW,
      activity: { kind: 'idle' },
    });
    const r = await reportReady(h);
    expect(totalDeals()).toBe(fmt.int(r.totals.deals));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(t('fl.panel.waitingData'))).toBeNull();
    expect(refreshButton().hasAttribute('aria-disabled')).toBe(false);
    expect(
      screen.getByText(t('fl.common.sync.updated', { ago: fmt.ago(h.time.now, h.time.now) })),
    ).toBeTruthy();
  });

  it('words a background refresh differently and keeps the numbers on screen', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    fireEvent.click(refreshButton());
    expect(h.service.refreshes()).toBe(1);
    await h.status({
      activity: {
        kind: 'syncing',
        stage: 'refresh',
        fraction: null,
        secondsLeft: null,
        requests: 1,
        heldFrom: null,
      },
    });
    expect(screen.getByText(h.env.t('fl.common.sync.refreshing'))).toBeTruthy();
    expect(screen.queryByText(h.env.t('fl.common.sync.window'))).toBeNull();
    expect(refreshButton().getAttribute('aria-disabled')).toBe('true');
    expect(totalDeals()).toBe(h.env.fmt.int(r.totals.deals));
  });

  it('keeps focus on the refresh button that started a sync, which ignores presses meanwhile', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    const button = refreshButton();
    button.focus();
    // Enter on a focused button is its click.
    fireEvent.click(button);
    await h.status({
      activity: {
        kind: 'syncing',
        stage: 'refresh',
        fraction: null,
        secondsLeft: null,
        requests: 1,
        heldFrom: null,
      },
    });
    // Never `disabled`: a disabled button would hand focus to <body> (WCAG 2.4.3).
    expect(refreshButton().disabled).toBe(false);
    expect(refreshButton().getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(refreshButton());
    fireEvent.click(refreshButton());
    expect(h.service.refreshes()).toBe(1);
    await h.status({ activity: { kind: 'idle' } });
    expect(refreshButton().hasAttribute('aria-disabled')).toBe(false);
    expect(document.activeElement).toBe(refreshButton());
    fireEvent.click(refreshButton());
    expect(h.service.refreshes()).toBe(2);
  });

  it('shows a translated API error above the cached numbers, and retries', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    await h.status({ error: { code: 'FORBIDDEN', status: 403, path: '/api/v4/leads' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.FORBIDDEN', { path: '/api/v4/leads' }));
    expect(alert.textContent).toContain('/api/v4/leads');
    expect(totalDeals()).toBe(fmt.int(r.totals.deals));
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(r.stages.length);

    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    expect(h.service.refreshes()).toBe(1);
    await h.status({ error: null });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers no retry while a sync runs', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    await h.status({
      error: { code: 'SERVER', status: 502 },
      activity: {
        kind: 'syncing',
        stage: 'refresh',
        fraction: null,
        secondsLeft: null,
        requests: 1,
        heldFrom: null,
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.fl-error__text')?.textContent).toBe(h.env.t('fl.errors.SERVER'));
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('asks for a reload on 401 and offers no retry', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    await h.status({ error: { code: 'UNAUTHORIZED', status: 401, path: '/api/v4/account' } });
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.fl-error__text')?.textContent).toBe(
      h.env.t('fl.errors.UNAUTHORIZED'),
    );
    // No retry comes by itself: only a reload helps, and the message says so.
    expect(alert.querySelector('.fl-error__next')).toBeNull();
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it.each(['PIPELINE_GONE', 'CACHE', 'NETWORK'] as const)(
    'speaks a sync failure (%s) by its code',
    async code => {
      h = createHarness();
      renderPanel(h);
      await reportReady(h);
      await h.status({ error: { code } });
      expect(screen.getByRole('alert').textContent).toContain(h.env.t(`fl.errors.${code}`));
      expect(screen.getByRole('alert').textContent).not.toMatch(/fl\.errors|\{\w+\}/);
    },
  );

  it.each(['FAILED', 'NO_DATA', 'WORKER_FAILED'] as const)(
    'shows an engine failure (%s) and keeps the previous report',
    async code => {
      h = createHarness();
      renderPanel(h);
      const r = await reportReady(h);
      h.service.failReports(code);
      fireEvent.change(screen.getByLabelText(h.env.t('fl.common.period.label')), {
        target: { value: 'last_90' },
      });
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(h.env.t(`fl.errors.engine.${code}`));
      expect(totalDeals()).toBe(h.env.fmt.int(r.totals.deals));
    },
  );

  it('says nothing when a report is refused because the service went away', async () => {
    h = createHarness();
    const { container } = renderPanel(h);
    const r = await reportReady(h);
    h.service.failReports('DISPOSED');
    fireEvent.change(screen.getByLabelText(h.env.t('fl.common.period.label')), {
      target: { value: 'last_90' },
    });
    await waitFor(() => expect(h.report.state.value.status).toBe('error'));
    await act(() => Promise.resolve());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.textContent).not.toContain(h.env.t('fl.errors.engine.DISPOSED'));
    expect(totalDeals()).toBe(h.env.fmt.int(r.totals.deals));
  });

  it('says another tab is loading when it holds the sync lock', async () => {
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    await h.status({ activity: { kind: 'other-tab' } });
    expect(screen.getByText(h.env.t('fl.common.sync.otherTab'))).toBeTruthy();
  });

  it('says it is opening the saved data before the service has read it', () => {
    h = createHarness({ status: { phase: 'none', version: 0, activity: { kind: 'opening' } } });
    renderPanel(h);
    expect(screen.getByText(h.env.t('fl.common.sync.loading'))).toBeTruthy();
    // Opening is not loading from amoCRM: no "numbers will appear" note yet.
    expect(screen.queryByText(h.env.t('fl.panel.waitingData'))).toBeNull();
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
  });

  it('counts down a rate-limit wait and keeps freshness moving', async () => {
    jest.useFakeTimers();
    h = createHarness();
    renderPanel(h);
    await reportReady(h);
    const { t, fmt } = h.env;
    const syncedMs = DEMO_NOW * 1000;
    await h.status({
      wait: {
        reason: 'rate_limited',
        seconds: 12,
        attempt: 1,
        until: h.time.now + 12_000,
        budgetLeftSeconds: 588,
      },
    });
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe(t('fl.common.sync.wait.rate_limited', { seconds: 12 }));
    h.time.now += 5000;
    await act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(timer.textContent).toBe(t('fl.common.sync.wait.rate_limited', { seconds: 7 }));

    h.time.now = syncedMs + 3 * 60_000;
    await act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(
      screen.getByText(t('fl.common.sync.updated', { ago: fmt.ago(syncedMs, h.time.now) })),
    ).toBeTruthy();
    expect(fmt.ago(syncedMs, h.time.now)).toBe('3 минуты назад');
    await h.status({ wait: null });
    expect(screen.queryByRole('timer')).toBeNull();
  });
});
