/**
 * A worker and its global scope joined in memory, as `new Worker` joins them: each message is
 * structured-cloned (what cannot cross to a worker fails here too) and delivered on a later turn,
 * never to the side that posted it. A terminated worker neither hears nor says anything more; a
 * crash fires the worker's 'error' event, as a worker that cannot start (a host CSP) shows it.
 */
import type { WorkerLike, WorkerScopeLike } from '../../../../src/state/service/worker';
import { envelope } from '../../../../src/state/service/protocol';
import type { FromWorker, ToWorker } from '../../../../src/state/service/protocol';

type Listener = (event: { data: unknown }) => void;

export interface PageEnd extends WorkerLike {
  readonly terminated: () => boolean;
  /** Fires the 'error' event on a later turn. */
  crash(): void;
}

export interface WorkerEnd extends WorkerScopeLike {
  /** Every message the page posted, as the worker got it. */
  readonly received: unknown[];
  /** The bodies of the service's messages the page posted, in order. */
  readonly asked: () => ToWorker[];
  /** Posts a service message to the page, in its envelope. */
  say(body: FromWorker): void;
}

export function messagePair(): { worker: PageEnd; scope: WorkerEnd } {
  const toPage: Listener[] = [];
  const errors: ((event: unknown) => void)[] = [];
  const toWorker: Listener[] = [];
  const received: unknown[] = [];
  let terminated = false;
  const later = (fn: () => void) => setTimeout(fn, 0);
  const worker: PageEnd = {
    postMessage(message) {
      if (terminated) return;
      const data = structuredClone(message);
      later(() => {
        if (terminated) return;
        received.push(data);
        for (const l of [...toWorker]) l({ data });
      });
    },
    addEventListener(type: 'message' | 'error', listener: Listener) {
      if (type === 'message') toPage.push(listener);
      else errors.push(listener as (event: unknown) => void);
    },
    terminate() {
      terminated = true;
    },
    terminated: () => terminated,
    crash() {
      later(() => {
        for (const l of [...errors]) l(new Error('worker failed'));
      });
    },
  };
  const scope: WorkerEnd = {
    received,
    asked: () =>
      received
        .filter((m): m is { body: ToWorker } => typeof m === 'object' && m !== null && 'body' in m)
        .map(m => m.body),
    addEventListener(_type, listener) {
      toWorker.push(listener);
    },
    postMessage(message) {
      if (terminated) return;
      const data = structuredClone(message);
      later(() => {
        if (terminated) return;
        for (const l of [...toPage]) l({ data });
      });
    },
    say(body) {
      scope.postMessage(envelope(body));
    },
  };
  return { worker, scope };
}
