/**
 * When a failed sync is tried again by itself. Only failures that pass (no connection, a timeout,
 * amoCRM's own 5xx, a rate limit that outlasted the wait budget) are retried on a schedule; the
 * others need the user (a new session, rights, a paid account) and the panel says so instead.
 */
import type { Timers } from '../ports';
import type { SyncFailure } from './types';

/** The first automatic retry after a failure that passes. */
export const FIRST_RETRY_MS = 30_000;
/**
 * After a rate limit the widget already waited out for its whole budget, amoCRM is in no hurry:
 * the first retry comes later, so the account is not knocked on again at once.
 */
export const FIRST_RATE_LIMITED_RETRY_MS = 2 * 60_000;
/** Retries double up to this: the background refresh's own period, which goes on meanwhile. */
export const MAX_RETRY_MS = 10 * 60_000;
/**
 * The widget's wait budget for a storm of 429s: ten minutes, one refresh period. While it waits
 * the panel keeps its numbers and counts the wait down, so waiting costs only freshness, and
 * giving up sooner would just start the same wait over. A storm longer than a refresh period is
 * ended and said (RATE_LIMITED) and the sync tried again on schedule, so a wait never passes for
 * a hang.
 */
export const WAIT_BUDGET_SECONDS = MAX_RETRY_MS / 1000;

const PASSING: ReadonlySet<SyncFailure['code']> = new Set([
  'NETWORK',
  'TIMEOUT',
  'SERVER',
  'RATE_LIMITED',
]);

/** Milliseconds until the `failures`-th failure in a row (1 = the first) is retried; null: never. */
export function retryDelayMs(failure: SyncFailure, failures: number): number | null {
  if (!PASSING.has(failure.code)) return null;
  const first = failure.code === 'RATE_LIMITED' ? FIRST_RATE_LIMITED_RETRY_MS : FIRST_RETRY_MS;
  return Math.min(MAX_RETRY_MS, first * 2 ** Math.max(0, failures - 1));
}

/**
 * The schedule of one service's automatic retries: failures in a row and the one timer waiting
 * to retry. `retry` runs when it fires; a success or a manual refresh cancels it.
 */
export function createRecovery(timers: Timers, clock: () => number, retry: () => void) {
  let failures = 0;
  let timer: unknown = null;
  const cancel = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return {
    /** Books a failure; the moment (epoch ms) of the retry it scheduled, or null for none. */
    failed(failure: SyncFailure): number | null {
      cancel();
      const delay = retryDelayMs(failure, ++failures);
      if (delay === null) return null;
      timer = timers.setTimeout(() => {
        timer = null;
        retry();
      }, delay);
      return clock() + delay;
    },
    succeeded(): void {
      failures = 0;
      cancel();
    },
    cancel,
  };
}
