/**
 * Workers for engine tests. `fakeWorker` connects the page side to a real `serveEngine` in
 * process, structured-cloning every message like postMessage does, so anything that would not
 * survive the trip to a worker fails here too. `manualWorker` answers nothing: a test reads what
 * was posted and answers (or fails) by hand.
 */
import type { WorkerLike } from '../../../../src/state/engine/engine';
import { serveEngine } from '../../../../src/state/engine/serve';

type Listener = (event: { data: unknown }) => void;

/** A worker that answers its first `answers` messages (all by default), then dies on the next. */
export function fakeWorker(
  opts: { answers?: number } = {},
): WorkerLike & { terminated: boolean; posted: number } {
  const page: { message: Listener[]; error: ((e: unknown) => void)[] } = { message: [], error: [] };
  const inside: Listener[] = [];
  serveEngine({
    addEventListener: (_type, l) => inside.push(l),
    postMessage: m =>
      queueMicrotask(() => page.message.forEach(l => l({ data: structuredClone(m) }))),
  });
  const w = {
    terminated: false,
    posted: 0,
    postMessage(m: unknown) {
      w.posted++;
      if (w.posted > (opts.answers ?? Infinity)) {
        queueMicrotask(() => page.error.forEach(l => l(new Error('boom'))));
        return;
      }
      queueMicrotask(() => inside.forEach(l => l({ data: structuredClone(m) })));
    },
    addEventListener(type: 'message' | 'error', l: never) {
      (type === 'message' ? page.message : page.error).push(l);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

/** A worker whose answers the test writes. */
export function manualWorker(): WorkerLike & {
  readonly posted: { readonly message: unknown; readonly transfer: Transferable[] }[];
  terminated: boolean;
  /** Delivers `data` to the page as a message from the worker. */
  reply(data: unknown): void;
  /** Raises the worker's error event (a crash, or a script the CSP refused). */
  crash(): void;
} {
  const messages: Listener[] = [];
  const errors: ((e: unknown) => void)[] = [];
  const posted: { message: unknown; transfer: Transferable[] }[] = [];
  const w = {
    posted,
    terminated: false,
    postMessage(message: unknown, transfer: Transferable[] = []) {
      posted.push({ message, transfer });
    },
    addEventListener(type: 'message' | 'error', l: never) {
      (type === 'message' ? messages : errors).push(l);
    },
    terminate() {
      w.terminated = true;
    },
    reply: (data: unknown) => messages.forEach(l => l({ data })),
    crash: () => errors.forEach(l => l(new Error('crash'))),
  };
  return w;
}
