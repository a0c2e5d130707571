import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ApiError } from '../../../../src/api';
import { createHarness, demoPipelineData, exact, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';

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
const refreshButton = () => screen.getByRole('button', { name: h.env.t('fl.panel.refresh') });

describe('Panel while data loads and fails', () => {
  it('shows only progress with counts on a first sync, then the funnel', async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>(resolve => {
      release = resolve;
    });
    const served = demoPipelineData();
    h = await createHarness({ cached: false, script: { serve: { data: served, hold } } });
    renderPanel(h);
    const { t, fmt } = h.env;
    await screen.findByText(t('fl.common.sync.first'));
    const counts = t('fl.common.sync.counts', {
      pages: fmt.int(1),
      leads: fmt.int(Math.min(250, served.leads.length)),
      events: fmt.int(0),
    });
    await screen.findByText(counts, exact);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(counts);
    expect(refreshButton().hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByLabelText(t('fl.panel.totals.label'))).toBeNull();

    release();
    const r = await reportReady(h);
    expect(totalDeals()).toBe(fmt.int(r.totals.deals));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(
      screen.getByText(t('fl.common.sync.updated', { ago: fmt.ago(h.time.now, h.time.now) })),
    ).toBeTruthy();
  });

  it('words a background refresh differently and keeps the numbers on screen', async () => {
    const hold = new Promise<void>(() => undefined);
    h = await createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    h.setScript({ serve: { data: demoPipelineData(), hold } });
    fireEvent.click(refreshButton());
    await screen.findByText(h.env.t('fl.common.sync.refreshing'));
    expect(screen.queryByText(h.env.t('fl.common.sync.first'))).toBeNull();
    expect(totalDeals()).toBe(h.env.fmt.int(r.totals.deals));
  });

  it('shows a translated API error above the cached numbers, and retries', async () => {
    h = await createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    h.setScript({ fail: new ApiError('FORBIDDEN', { status: 403, path: '/api/v4/leads' }) });
    fireEvent.click(refreshButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t('fl.errors.FORBIDDEN', { path: '/api/v4/leads' }));
    expect(alert.textContent).toContain('/api/v4/leads');
    expect(totalDeals()).toBe(fmt.int(r.totals.deals));
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(r.stages.length);

    h.setScript({ serve: { data: demoPipelineData() } });
    fireEvent.click(within(alert).getByRole('button', { name: t('fl.common.retry') }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('asks for a reload on 401 and offers no retry', async () => {
    h = await createHarness();
    renderPanel(h);
    await reportReady(h);
    h.setScript({ fail: new ApiError('UNAUTHORIZED', { status: 401, path: '/api/v4/account' }) });
    fireEvent.click(refreshButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(h.env.t('fl.errors.UNAUTHORIZED'));
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  it('shows an engine failure and keeps the previous report', async () => {
    h = await createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    h.failEngine();
    fireEvent.change(screen.getByLabelText(h.env.t('fl.common.period.label')), {
      target: { value: 'last_90' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(h.env.t('fl.errors.engine.FAILED'));
    expect(totalDeals()).toBe(h.env.fmt.int(r.totals.deals));
  });

  it('says another tab is loading when the sync lock is taken', async () => {
    h = await createHarness({ lock: { tryRun: () => Promise.resolve({ ran: false }) } });
    renderPanel(h);
    await reportReady(h);
    fireEvent.click(refreshButton());
    await screen.findByText(h.env.t('fl.common.sync.otherTab'));
  });

  it('counts down a rate-limit wait and keeps freshness moving', async () => {
    jest.useFakeTimers();
    h = await createHarness();
    renderPanel(h);
    await reportReady(h);
    const { t, fmt } = h.env;
    const syncedMs = h.time.now;
    h.setScript({ wait: { reason: 'rate_limited', seconds: 12, attempt: 1 } });
    fireEvent.click(refreshButton());
    const timer = await screen.findByRole('timer');
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
  });
});
