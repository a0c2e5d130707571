/**
 * The panel never claims what is not so (issue 10): after a failed sync it says whether numbers
 * are on screen and whose, or that there are none yet; under a 429 it keeps its numbers, counts
 * down amoCRM's wait, and goes on by itself.
 */
import { act, cleanup, screen, within } from '@testing-library/preact';
import { createHarness, firstLoad, renderPanel, reportReady } from './harness';
import type { Harness } from './harness';
import { DEMO_NOW } from '../../../support/demo';

let h: Harness;
afterEach(() => {
  cleanup();
  h.dispose();
  jest.useRealTimers();
});

const totals = () => screen.queryByLabelText(h.env.t('fl.panel.totals.label'));
const RETRY_AT = DEMO_NOW * 1000 + 120_000;

describe('Panel: what a failed sync leaves on screen', () => {
  it('a failed first load: no numbers, says there are none yet and when it tries again', async () => {
    h = createHarness({ status: firstLoad() });
    renderPanel(h);
    await h.status({
      activity: { kind: 'idle' },
      error: { code: 'RATE_LIMITED', status: 429, detail: 'Too many requests' },
      retryAt: RETRY_AT,
    });
    const { t, fmt } = h.env;
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.fl-error__text')?.textContent).toBe(t('fl.errors.RATE_LIMITED'));
    expect(alert.querySelector('.fl-error__shown')?.textContent).toBe(
      t('fl.common.notice.nothing'),
    );
    expect(within(alert).getByRole('timer').textContent).toBe(
      t('fl.common.notice.retryIn', { left: fmt.duration(120) }),
    );
    // Nothing claims saved data, and the server's own words never show.
    expect(document.body.textContent).not.toMatch(/Показаны|сохранённые данные/);
    expect(document.body.textContent).not.toContain('Too many requests');
    expect(totals()).toBeNull();
  });

  it('a failed refresh under the numbers: keeps them and says they are as of the last sync', async () => {
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const syncedAt = DEMO_NOW - 40 * 60;
    h.time.now = DEMO_NOW * 1000;
    await h.status({ syncedAt, error: { code: 'SERVER', status: 502 }, retryAt: RETRY_AT });
    const { t, fmt } = h.env;
    const shown = screen.getByRole('alert').querySelector('.fl-error__shown')?.textContent;
    expect(shown).toBe(
      t('fl.common.notice.held', {
        time: fmt.dateTime(syncedAt),
        ago: fmt.ago(syncedAt * 1000, h.time.now),
      }),
    );
    expect(
      within(totals()!)
        .getByText(t('fl.panel.totals.deals'))
        .parentElement!.querySelector('.fl-num')?.textContent,
    ).toBe(fmt.int(r.totals.deals));
  });

  it('a failed first load over the last visit’s numbers: shows them and says whose they are', async () => {
    const storage = new Map<string, string>();
    const before = createHarness({ storage });
    renderPanel(before);
    await reportReady(before);
    cleanup();
    before.dispose();

    h = createHarness({
      storage,
      status: { ...firstLoad(), activity: { kind: 'idle' }, error: { code: 'NETWORK' } },
    });
    renderPanel(h);
    await act(() => Promise.resolve());
    const at = h.report.snapshotAt.value!;
    expect(at).not.toBeNull();
    const { t, fmt } = h.env;
    expect(screen.getByRole('alert').querySelector('.fl-error__shown')?.textContent).toBe(
      t('fl.common.notice.snapshot', {
        time: fmt.dateTime(at),
        ago: fmt.ago(at * 1000, h.time.now),
      }),
    );
    expect(totals()).not.toBeNull();
    // Nothing is being computed after a failure: the "recomputing" note would be untrue.
    expect(screen.queryByText(t('fl.panel.snapshot', { time: fmt.dateTime(at) }))).toBeNull();
    // No retry scheduled (the status says none): none is promised.
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

describe('Panel under a 429', () => {
  it('keeps the numbers, counts amoCRM’s wait down, and goes on by itself', async () => {
    jest.useFakeTimers();
    h = createHarness();
    renderPanel(h);
    const r = await reportReady(h);
    const { t, fmt } = h.env;
    await h.status({
      activity: {
        kind: 'syncing',
        stage: 'refresh',
        fraction: null,
        secondsLeft: null,
        requests: 2,
        heldFrom: null,
      },
      wait: {
        reason: 'rate_limited',
        seconds: 4,
        attempt: 3,
        until: h.time.now + 4000,
        budgetLeftSeconds: 590,
      },
    });
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe(t('fl.common.sync.wait.rate_limited', { seconds: 4 }));
    expect(timer.textContent).toBe('amoCRM просит подождать: продолжим через 4 с');
    expect(screen.queryByRole('alert')).toBeNull();
    const deals = () =>
      within(totals()!)
        .getByText(t('fl.panel.totals.deals'))
        .parentElement!.querySelector('.fl-num')?.textContent;
    expect(deals()).toBe(fmt.int(r.totals.deals));

    // The wait is over: the request is in the air, and no "0 s" hangs on screen.
    h.time.now += 4000;
    await act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.queryByRole('timer')).toBeNull();

    await h.status({ wait: null, activity: { kind: 'idle' }, version: 2, syncedAt: DEMO_NOW + 4 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(deals()).toBe(fmt.int(r.totals.deals));
  });
});
