import type { WaitInfo } from '../api';
import type { Io } from './io';

const WHY: Readonly<Record<WaitInfo['reason'], string>> = {
  rate_limited: 'amoCRM asks to slow down (429)',
  server_error: 'amoCRM server error',
  network: 'network error',
};

/** The wait's line at `left` seconds to go; the budget tells how long before the sync gives up. */
export function waitLine(w: WaitInfo, left: number): string {
  const budget =
    w.budgetLeftSeconds === null
      ? ''
      : `; gives up after ${Math.round(w.budgetLeftSeconds)} s more`;
  return `${WHY[w.reason]} — next try in ${left} s (retry ${w.attempt}${budget})`;
}

export interface Timers {
  readonly every: (ms: number, tick: () => void) => () => void;
}

const realTimers: Timers = {
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    // A countdown must never be what keeps the process alive.
    id.unref();
    return () => clearInterval(id);
  },
};

/**
 * Shows each retry wait. On a terminal one line counts down in place each second; in a log
 * (stderr not a terminal) one line per wait, since a line per second would drown it.
 */
export function waitReporter(io: Io, timers: Timers = realTimers) {
  let stopTicking: (() => void) | null = null;
  const stop = (): void => {
    stopTicking?.();
    stopTicking = null;
  };
  return {
    onWait: (w: WaitInfo): void => {
      stop();
      let left = Math.max(1, Math.ceil(w.seconds));
      if (!io.live) {
        io.warn(waitLine(w, left));
        return;
      }
      io.progress(waitLine(w, left));
      stopTicking = timers.every(1000, () => {
        left--;
        if (left <= 0) stop();
        else io.progress(waitLine(w, left));
      });
    },
    stop,
  };
}
