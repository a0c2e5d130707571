/**
 * The page's side of the data service across a worker boundary: the proxy (`serviceInWorker`).
 * The worker's loop is serve.ts, apart so the page's part of the bundle does not carry the
 * service itself.
 */
import { EngineError, isEngineErrorCode } from '../engine/errors';
import type { Answer, FromWorker, Question, ToWorker } from './protocol';
import { envelope, isEnvelope } from './protocol';
import type { DataService, ServiceConfig, ServiceStatus } from './types';

/** The part of a `Worker` the proxy uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

/** The part of a worker's global scope the service loop uses. */
export interface WorkerScopeLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

type Pending = { resolve: (a: Answer) => void; reject: (e: EngineError) => void };

/**
 * The service running in `worker`. Questions reject with WORKER_FAILED when the worker dies
 * (a host CSP that forbids blob: workers shows up only as an error event) and with DISPOSED after
 * `dispose`; `onFailure` hears the death once, so the caller can move the service elsewhere.
 */
export function serviceInWorker(
  worker: WorkerLike,
  config: ServiceConfig,
  onFailure: () => void,
): DataService {
  const listeners = new Set<(s: ServiceStatus) => void>();
  const pending = new Map<number, Pending>();
  let last: ServiceStatus | null = null;
  let ended: EngineError | null = null;
  let next = 1;
  const send = (body: ToWorker) => worker.postMessage(envelope(body));
  const end = (error: EngineError) => {
    if (ended) return;
    ended = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', event => {
    if (!isEnvelope(event.data)) return;
    const msg = event.data.body as FromWorker;
    if (msg.op === 'status') {
      last = msg.status;
      for (const l of listeners) l(msg.status);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.op === 'answer') p.resolve(msg.answer);
    else
      p.reject(
        new EngineError(isEngineErrorCode(msg.code) ? msg.code : 'FAILED', msg.detail || undefined),
      );
  });
  worker.addEventListener('error', () => {
    if (ended) return;
    end(new EngineError('WORKER_FAILED'));
    onFailure();
  });
  send({ op: 'start', config });

  const ask = <K extends Answer['op']>(question: Question & { op: K }) =>
    new Promise<Extract<Answer, { op: K }>>((resolve, reject) => {
      if (ended) {
        reject(ended);
        return;
      }
      const id = next++;
      pending.set(id, {
        resolve: a =>
          a.op === question.op
            ? resolve(a as Extract<Answer, { op: K }>)
            : reject(new EngineError('FAILED', `expected ${question.op}, got ${a.op}`)),
        reject,
      });
      send({ op: 'ask', id, question });
    });

  return {
    report: async (options, lists = 'full') => (await ask({ op: 'report', options, lists })).view,
    stageDeals: async (options, stageId) =>
      (await ask({ op: 'stageDeals', options, stageId })).view,
    journey: async (leadId, now, stuck) => (await ask({ op: 'journey', leadId, now, stuck })).view,
    partial: async period => (await ask({ op: 'partial', period })).counts,
    refresh: () => send({ op: 'refresh' }),
    shown: () => send({ op: 'shown' }),
    subscribe: listener => {
      listeners.add(listener);
      if (last) listener(last);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      if (!ended) send({ op: 'dispose' });
      worker.terminate();
      end(new EngineError('DISPOSED'));
      listeners.clear();
    },
  };
}
