import type { WaitInfo } from '../../../src/api';
import { waitReporter } from '../../../src/cli/waits';
import { fakeIo } from './fakeIo';

const rateLimited: WaitInfo = {
  reason: 'rate_limited',
  seconds: 3,
  attempt: 2,
  until: 0,
  budgetLeftSeconds: 590,
};

/** Timers the test advances by hand. */
function manualTimers() {
  let tick: (() => void) | null = null;
  return {
    timers: {
      every: (_ms: number, fn: () => void) => {
        tick = fn;
        return () => {
          tick = null;
        };
      },
    },
    tick: () => tick?.(),
    running: () => tick !== null,
  };
}

describe('retry waits on stderr', () => {
  it('count down in place on a terminal, one line per second, and stop at zero', () => {
    const io = fakeIo({ live: true });
    const clock = manualTimers();
    waitReporter(io, clock.timers).onWait(rateLimited);
    clock.tick();
    clock.tick();
    expect(io.stderr).toEqual([
      'amoCRM asks to slow down (429) — next try in 3 s (retry 2; gives up after 590 s more)',
      'amoCRM asks to slow down (429) — next try in 2 s (retry 2; gives up after 590 s more)',
      'amoCRM asks to slow down (429) — next try in 1 s (retry 2; gives up after 590 s more)',
    ]);
    clock.tick();
    expect(clock.running()).toBe(false);
    expect(io.stderr).toHaveLength(3);
  });

  it('print one plain line per wait in a log, with no countdown', () => {
    const io = fakeIo({ live: false });
    const clock = manualTimers();
    waitReporter(io, clock.timers).onWait({
      reason: 'server_error',
      seconds: 4,
      attempt: 3,
      until: 0,
      budgetLeftSeconds: null,
    });
    expect(clock.running()).toBe(false);
    expect(io.stderr).toEqual(['funnel-lens: amoCRM server error — next try in 4 s (retry 3)']);
  });

  it('a new wait replaces the countdown of the last one, and stop ends it', () => {
    const io = fakeIo({ live: true });
    const clock = manualTimers();
    const reporter = waitReporter(io, clock.timers);
    reporter.onWait(rateLimited);
    reporter.onWait({ ...rateLimited, seconds: 10, attempt: 3 });
    clock.tick();
    expect(io.stderr.at(-1)).toContain('next try in 9 s (retry 3');
    reporter.stop();
    expect(clock.running()).toBe(false);
  });
});
