import { signal } from '@preact/signals-core';
import { EngineError } from '../../../src/state/engine/errors';
import type { LoadState } from '../../../src/state/loadState';
import { latest, runInto } from '../../../src/state/loadState';
import { deferred } from '../../support/stateFakes';

const flush = () => new Promise(resolve => setTimeout(resolve, 0));

describe('latest', () => {
  it('is the data a state holds, whatever it is doing', () => {
    const error = new EngineError('FAILED');
    expect(latest<number>({ status: 'idle' })).toBeNull();
    expect(latest<number>({ status: 'ok', data: 1 })).toBe(1);
    expect(latest<number>({ status: 'loading', previous: 2 })).toBe(2);
    expect(latest<number>({ status: 'loading', previous: null })).toBeNull();
    expect(latest<number>({ status: 'error', error, previous: 3 })).toBe(3);
    expect(latest<number>({ status: 'error', error, previous: null })).toBeNull();
  });
});

describe('runInto', () => {
  it('goes loading, keeping what was shown, then ok with the answer', async () => {
    const state = signal<LoadState<number>>({ status: 'ok', data: 1 });
    const task = deferred<number>();
    runInto(state, task.promise);
    expect(state.value).toEqual({ status: 'loading', previous: 1 });
    task.resolve(2);
    await flush();
    expect(state.value).toEqual({ status: 'ok', data: 2 });
  });

  it('starts from nothing when nothing was shown', () => {
    const state = signal<LoadState<number>>({ status: 'idle' });
    runInto(state, new Promise<number>(() => undefined));
    expect(state.value).toEqual({ status: 'loading', previous: null });
  });

  it('keeps an EngineError as it is, with the previous data', async () => {
    const state = signal<LoadState<number>>({ status: 'ok', data: 1 });
    const failure = new EngineError('NO_DATA');
    runInto(state, Promise.reject(failure));
    await flush();
    expect(state.value).toEqual({ status: 'error', error: failure, previous: 1 });
    const shown = state.value;
    expect(shown.status === 'error' && shown.error).toBe(failure);
  });

  it('turns any other failure into a FAILED EngineError that keeps the cause', async () => {
    const state = signal<LoadState<number>>({ status: 'idle' });
    const cause = new RangeError('bad period');
    runInto(state, Promise.reject(cause));
    await flush();
    const shown = state.value;
    if (shown.status !== 'error') throw new Error(`expected an error, got ${shown.status}`);
    expect(shown.error).toBeInstanceOf(EngineError);
    expect(shown.error.code).toBe('FAILED');
    expect(shown.error.detail).toBe('bad period');
    expect(shown.error.cause).toBe(cause);
    expect(shown.previous).toBeNull();
  });

  it('keeps the data shown before a loading that failed', async () => {
    const state = signal<LoadState<number>>({ status: 'ok', data: 1 });
    runInto(state, new Promise<number>(() => undefined));
    runInto(state, Promise.reject(new EngineError('FAILED')));
    await flush();
    expect(state.value).toMatchObject({ status: 'error', previous: 1 });
  });

  it('drops a late answer once cancelled', async () => {
    const state = signal<LoadState<number>>({ status: 'idle' });
    const first = deferred<number>();
    const cancel = runInto(state, first.promise);
    cancel();
    const second = deferred<number>();
    runInto(state, second.promise);
    second.resolve(2);
    await flush();
    first.resolve(1);
    await flush();
    expect(state.value).toEqual({ status: 'ok', data: 2 });
  });

  it('drops a late failure once cancelled', async () => {
    const state = signal<LoadState<number>>({ status: 'ok', data: 1 });
    const task = deferred<number>();
    const cancel = runInto(state, task.promise);
    cancel();
    task.reject(new EngineError('DISPOSED'));
    await flush();
    expect(state.value).toEqual({ status: 'loading', previous: 1 });
  });
});
