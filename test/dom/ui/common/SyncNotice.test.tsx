/**
 * The banner of a failed sync says what is on screen — the held copy's numbers with their moment
 * and age, the last visit's, or none yet — and counts down to the automatic retry, on the mount's
 * clock; unmounting leaves no timer behind.
 */
import { act, render, screen } from '@testing-library/preact';
import type { Shown, SyncFailure } from '../../../../src/state';
import { ErrorBanner } from '../../../../src/ui/common';
import { DEMO_NOW } from '../../../support/demo';
import { testEnv, WithEnv } from '../../../support/env';

const LIMITED: SyncFailure = { code: 'RATE_LIMITED', status: 429 };

function show(shown: Shown, retryAt: number | null, lang: 'ru' | 'en' = 'ru') {
  const time = { now: DEMO_NOW * 1000 };
  const env = testEnv({ lang, clock: () => time.now });
  const view = render(
    <WithEnv env={env}>
      <ErrorBanner error={LIMITED} shown={shown} retryAt={retryAt} onRetry={() => undefined} />
    </WithEnv>,
  );
  const line = (cls: string) =>
    screen.getByRole('alert').querySelector(`.${cls}`)?.textContent ?? null;
  return { env, time, view, line };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('the banner of a failed sync', () => {
  it('over computed numbers: says they are the held copy’s, of when, and how old', () => {
    const synced = DEMO_NOW - 25 * 60;
    const { env, line } = show({ kind: 'held', syncedAt: synced }, null);
    expect(line('fl-error__text')).toBe(env.t('fl.errors.RATE_LIMITED'));
    expect(line('fl-error__shown')).toBe(
      env.t('fl.common.notice.held', {
        time: env.fmt.dateTime(synced),
        ago: env.fmt.ago(synced * 1000, DEMO_NOW * 1000),
      }),
    );
    expect(line('fl-error__shown')).toContain('25 минут назад');
  });

  it('over the last visit’s numbers: says so, with their moment', () => {
    const at = DEMO_NOW - 2 * 3600;
    const { env, line } = show({ kind: 'snapshot', at }, null, 'en');
    expect(line('fl-error__shown')).toBe(
      env.t('fl.common.notice.snapshot', {
        time: env.fmt.dateTime(at),
        ago: env.fmt.ago(at * 1000, DEMO_NOW * 1000),
      }),
    );
    expect(line('fl-error__shown')).toContain('2 hours ago');
  });

  it('over nothing: says there are no numbers yet, and claims no saved data', () => {
    const { env, line } = show({ kind: 'nothing' }, null);
    expect(line('fl-error__shown')).toBe(env.t('fl.common.notice.nothing'));
    expect(screen.getByRole('alert').textContent).not.toMatch(/Показаны/);
  });

  it('counts down to the automatic retry, then says it is trying; unmounting stops the clock', async () => {
    jest.useFakeTimers();
    const retryAt = DEMO_NOW * 1000 + 90_000;
    const { env, time, view } = show({ kind: 'nothing' }, retryAt);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe(
      env.t('fl.common.notice.retryIn', { left: env.fmt.duration(90) }),
    );
    time.now += 60_000;
    await act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(timer.textContent).toBe(
      env.t('fl.common.notice.retryIn', { left: env.fmt.duration(30) }),
    );
    time.now = retryAt;
    await act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(timer.textContent).toBe(env.t('fl.common.notice.retryNow'));
    expect(jest.getTimerCount()).toBeGreaterThan(0);
    view.unmount();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('without a scheduled retry, promises none', () => {
    show({ kind: 'held', syncedAt: DEMO_NOW }, null);
    expect(screen.queryByRole('timer')).toBeNull();
  });
});
