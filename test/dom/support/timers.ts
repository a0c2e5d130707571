/**
 * Model timers for page tests (src/state/ports.ts Timers), recorded so a test sees what is
 * scheduled and fires them by hand. Zero-delay timeouts — a service yielding between its sync steps
 * — run on the next microtask, so a sync goes on without the test driving it.
 */
import type { Timers } from '../../../src/state';

export interface RecordedTimer {
  readonly kind: 'timeout' | 'interval';
  readonly ms: number;
  readonly fn: () => void;
}

export interface RecordingTimers extends Timers {
  readonly live: ReadonlyMap<unknown, RecordedTimer>;
  /** How many live timers wait `ms` (of `kind`, if given). */
  count(ms?: number, kind?: RecordedTimer['kind']): number;
  /** Runs every live timer scheduled with `ms`, as if that much time had passed; a timeout once. */
  fire(ms: number): number;
}

export function recordingTimers(): RecordingTimers {
  const live = new Map<unknown, RecordedTimer>();
  let next = 1;
  const matching = (ms?: number, kind?: RecordedTimer['kind']) =>
    [...live].filter(
      ([, t]) => (ms === undefined || t.ms === ms) && (kind === undefined || t.kind === kind),
    );
  return {
    live,
    setTimeout: (fn, ms) => {
      const handle = next++;
      live.set(handle, { kind: 'timeout', ms, fn });
      if (ms <= 0) {
        queueMicrotask(() => {
          if (live.delete(handle)) fn();
        });
      }
      return handle;
    },
    setInterval: (fn, ms) => {
      const handle = next++;
      live.set(handle, { kind: 'interval', ms, fn });
      return handle;
    },
    clearTimeout: h => live.delete(h),
    clearInterval: h => live.delete(h),
    count: (ms, kind) => matching(ms, kind).length,
    fire: ms => {
      const due = matching(ms);
      for (const [handle, t] of due) {
        if (t.kind === 'timeout') live.delete(handle);
        t.fn();
      }
      return due.length;
    },
  };
}
