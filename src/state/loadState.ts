import type { Signal } from '@preact/signals-core';
import type { EngineError } from './engine/errors';
import { toEngineError } from './engine/errors';

/** An asynchronous result as one value, so the UI never sees data and error disagree. */
export type LoadState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly previous: T | null }
  | { readonly status: 'ok'; readonly data: T }
  | { readonly status: 'error'; readonly error: EngineError; readonly previous: T | null };

/** The latest data a state holds, whatever it is doing now. */
export function latest<T>(state: LoadState<T>): T | null {
  switch (state.status) {
    case 'ok':
      return state.data;
    case 'loading':
    case 'error':
      return state.previous;
    case 'idle':
      return null;
  }
}

/**
 * Runs an engine computation into a model's state: loading (keeping what is shown), then the
 * answer or the failure. Returns the cancel for an effect's cleanup: once a newer computation
 * started or the model was disposed, a late answer is dropped.
 */
export function runInto<T>(state: Signal<LoadState<T>>, task: Promise<T>): () => void {
  let current = true;
  state.value = { status: 'loading', previous: latest(state.peek()) };
  task.then(
    data => {
      if (current) state.value = { status: 'ok', data };
    },
    (error: unknown) => {
      if (current) {
        state.value = {
          status: 'error',
          error: toEngineError(error),
          previous: latest(state.peek()),
        };
      }
    },
  );
  return () => {
    current = false;
  };
}
