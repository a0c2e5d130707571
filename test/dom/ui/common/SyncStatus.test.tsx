import { act, cleanup, render, screen } from '@testing-library/preact';
import type { Activity, ServiceStatus } from '../../../../src/state';
import { DataModel } from '../../../../src/state';
import { SyncStatus } from '../../../../src/ui/common';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';
import { fakeService } from '../../../support/fakeService';
import type { FakeService } from '../../../support/fakeService';
import { PID } from '../../../support/pipelineData';

const DAY = 86_400;
let service: FakeService;
let data: DataModel;
afterEach(() => {
  cleanup();
  data[Symbol.dispose]();
  jest.useRealTimers();
});

/** SyncStatus over a DataModel that hears a fake service with this status. */
function show(status: Partial<ServiceStatus>, lang: 'ru' | 'en' = 'ru') {
  service = fakeService(undefined, status);
  data = new DataModel({ service, pipelineId: PID });
  const time = { now: DEMO_NOW * 1000 };
  const env = testEnv({ lang, clock: () => time.now });
  const view = render(
    <WithEnv env={env}>
      <SyncStatus data={data} />
    </WithEnv>,
  );
  return { ...env, time, view };
}

const set = (patch: Partial<ServiceStatus>) =>
  act(() => {
    service.setStatus(patch);
  });

const syncing = (over: Partial<Extract<Activity, { kind: 'syncing' }>> = {}): Activity => ({
  kind: 'syncing',
  stage: 'window',
  fraction: null,
  secondsLeft: null,
  requests: 1,
  heldFrom: null,
  ...over,
});

describe('SyncStatus', () => {
  it('says nothing is loaded yet when a first sync failed', () => {
    const { t } = show({ error: { code: 'NETWORK' } });
    // The service's side (error NETWORK, activity idle) is in the service's own tests.
    expect(screen.getByText(t('fl.common.sync.never'))).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it.each(['server_error', 'network', 'rate_limited'] as const)(
    'words a %s retry wait, counts it down, and at zero lets the retry speak for itself',
    async reason => {
      jest.useFakeTimers();
      const { t, time } = show({
        activity: syncing(),
        wait: {
          reason,
          seconds: 2,
          attempt: 1,
          until: DEMO_NOW * 1000 + 2000,
          budgetLeftSeconds: reason === 'rate_limited' ? 598 : null,
        },
      });
      const timer = screen.getByRole('timer');
      expect(timer.textContent).toBe(t(`fl.common.sync.wait.${reason}`, { seconds: 2 }));
      time.now += 1000;
      await act(() => {
        jest.advanceTimersByTime(1000);
      });
      expect(timer.textContent).toBe(t(`fl.common.sync.wait.${reason}`, { seconds: 1 }));
      // "Retrying in 0 s" would read as a hang while the retry is in the air.
      time.now += 2000;
      await act(() => {
        jest.advanceTimersByTime(1000);
      });
      expect(screen.queryByRole('timer')).toBeNull();
      expect(screen.getByText(t('fl.common.sync.window'))).toBeTruthy();
    },
  );

  it('announces activity in a status region, freshness outside it', async () => {
    const { t, fmt } = show({ phase: 'complete', syncedAt: DEMO_NOW, version: 1 });
    const fresh = screen.getByText(
      t('fl.common.sync.updated', { ago: fmt.ago(DEMO_NOW * 1000, DEMO_NOW * 1000) }),
    );
    expect(fresh.tagName).toBe('TIME');
    expect(fresh.getAttribute('datetime')).toBe(new Date(DEMO_NOW * 1000).toISOString());
    expect(screen.getByRole('status').contains(fresh)).toBe(false);
    await set({ activity: syncing({ stage: 'refresh' }) });
    expect(screen.getByRole('status').textContent).toContain(t('fl.common.sync.refreshing'));
  });

  it('shows a determinate bar with the percentage and the time left once both are known', () => {
    const { t, fmt } = show({ activity: syncing({ fraction: 0.456, secondsLeft: 95 }) });
    const text = t('fl.common.sync.progress', {
      percent: fmt.percent(0.456),
      left: fmt.duration(95),
    });
    expect(text).toMatch(/ · осталось ~/);
    const bar = screen.getByRole('progressbar', { name: t('fl.common.sync.window') });
    expect(bar.getAttribute('aria-valuenow')).toBe('46');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe(text);
    expect(bar.classList.contains('fl-progress--known')).toBe(true);
    expect(bar.querySelector<HTMLElement>('.fl-progress__bar')?.style.width).toBe('46%');
    expect(screen.getByRole('status').textContent).toContain(text);
  });

  it('shows the percentage alone before there is a rate to estimate the time left', () => {
    const { fmt } = show({ activity: syncing({ fraction: 0.2 }) });
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('20');
    expect(bar.getAttribute('aria-valuetext')).toBe(fmt.percent(0.2));
    expect(screen.queryByText(/осталось/)).toBeNull();
  });

  it('shows an indeterminate bar before the fraction is known, and while opening', async () => {
    const { t } = show({ activity: syncing({ secondsLeft: 30 }) });
    const bar = screen.getByRole('progressbar');
    for (const attr of ['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext'])
      expect(bar.hasAttribute(attr)).toBe(false);
    expect(bar.classList.contains('fl-progress--known')).toBe(false);
    expect(bar.querySelector<HTMLElement>('.fl-progress__bar')?.style.width).toBe('');
    await set({ activity: { kind: 'opening' } });
    expect(screen.getByRole('progressbar', { name: t('fl.common.sync.loading') })).toBeTruthy();
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
    await set({ activity: { kind: 'idle' } });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says how far back the backfill has reached, with its date', async () => {
    const reached = DEMO_NOW - 200 * DAY;
    const { t, fmt } = show({
      phase: 'window',
      version: 1,
      syncedAt: DEMO_NOW,
      heldFrom: DEMO_NOW - 60 * DAY,
      activity: syncing({ stage: 'backfill', fraction: 0.5, heldFrom: reached }),
    });
    expect(
      screen.getByText(t('fl.common.sync.backfill', { date: fmt.date(reached) })),
    ).toBeTruthy();
    expect(t('fl.common.sync.backfill', { date: fmt.date(reached) })).toContain(fmt.date(reached));
    await set({ activity: syncing({ stage: 'backfill', heldFrom: null }) });
    expect(screen.getByText(t('fl.common.sync.backfillStart'))).toBeTruthy();
  });

  it('calls a sync before the first one finished the window, whatever its stage', () => {
    const { t } = show({ activity: syncing({ stage: 'refresh' }) });
    expect(screen.getByText(t('fl.common.sync.window'))).toBeTruthy();
    expect(screen.queryByText(t('fl.common.sync.refreshing'))).toBeNull();
  });

  it('says how much history the numbers rest on: since a date, or all of it', async () => {
    const from = DEMO_NOW - 365 * DAY;
    const { t, fmt, view } = show({ phase: 'none', activity: syncing(), heldFrom: from });
    const held = () => view.container.querySelector('.fl-sync__held')?.textContent ?? null;
    expect(held()).toBeNull();
    await set({ phase: 'window', version: 1, syncedAt: DEMO_NOW });
    expect(held()).toBe(` · ${t('fl.common.sync.heldWindow', { date: fmt.date(from) })}`);
    await set({ phase: 'complete', activity: { kind: 'idle' } });
    expect(held()).toBe(` · ${t('fl.common.sync.heldFrom', { date: fmt.date(from) })}`);
    expect(held()).toBe(` · история с ${fmt.date(from)}`);
    await set({ heldFrom: null });
    expect(held()).toBe(' · вся история');
    expect(t('fl.common.sync.heldAll')).toBe('вся история');
  });

  it('speaks English', () => {
    const { fmt } = show(
      {
        phase: 'complete',
        version: 1,
        syncedAt: DEMO_NOW,
        heldFrom: null,
        activity: syncing({ stage: 'refresh', fraction: 0.5, secondsLeft: 120 }),
      },
      'en',
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
      `${fmt.percent(0.5)} · about ${fmt.duration(120)} left`,
    );
    expect(screen.getByRole('status').textContent).not.toMatch(/fl\.common|[а-я]/i);
  });
});
