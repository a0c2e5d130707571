import { realTimers, silentChannel, soloLock } from '../../../src/state/ports';

describe('soloLock', () => {
  it('always runs the callback and hands back its value', async () => {
    const fn = jest.fn(() => Promise.resolve(42));
    expect(await soloLock.tryRun('funnel-lens-sync:1:2:3', fn)).toEqual({ ran: true, value: 42 });
    // The same name again, even while the first run is going: one tab never waits for itself.
    const slow = soloLock.tryRun('x', () => new Promise(resolve => setTimeout(resolve, 5, 'a')));
    expect(await soloLock.tryRun('x', () => Promise.resolve('b'))).toEqual({
      ran: true,
      value: 'b',
    });
    expect(await slow).toEqual({ ran: true, value: 'a' });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('passes a failure of the callback on', async () => {
    const boom = new Error('boom');
    await expect(soloLock.tryRun('x', () => Promise.reject(boom))).rejects.toBe(boom);
  });
});

describe('silentChannel', () => {
  it('delivers nothing, and unsubscribing is harmless', () => {
    const heard = jest.fn();
    const unsubscribe = silentChannel.subscribe(heard);
    silentChannel.post('1:2:3');
    expect(heard).not.toHaveBeenCalled();
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe('realTimers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('schedules and clears a timeout', () => {
    const fn = jest.fn();
    realTimers.setTimeout(fn, 1000);
    const cleared = jest.fn();
    const handle = realTimers.setTimeout(cleared, 1000);
    realTimers.clearTimeout(handle);
    jest.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(cleared).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('repeats an interval until cleared', () => {
    const fn = jest.fn();
    const handle = realTimers.setInterval(fn, 100);
    jest.advanceTimersByTime(350);
    expect(fn).toHaveBeenCalledTimes(3);
    realTimers.clearInterval(handle);
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(3);
    expect(jest.getTimerCount()).toBe(0);
  });
});
