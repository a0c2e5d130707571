/**
 * The data service across a worker boundary: the page's proxy (`serviceInWorker`) and the
 * worker's loop (`serveDataService`). The same bundle runs on both sides.
 */
import { EngineError, isEngineErrorCode, toEngineError } from '../engine/errors';
import type { Answer, FromWorker, Question, ToWorker } from './protocol';
import { envelope, isEnvelope } from './protocol';
import type { ServicePorts } from './service';
import { createDataService } from './service';
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

/** Answers one question from the service, as the message that carries it back. */
async function answerOf(service: DataService, id: number, q: Question): Promise<FromWorker> {
  try {
    if (q.op === 'report') {
      const view = await service.report(q.options, q.lists);
      return { op: 'answer', id, answer: { op: 'report', view } };
    }
    if (q.op === 'stageDeals') {
      const view = await service.stageDeals(q.options, q.stageId);
      return { op: 'answer', id, answer: { op: 'stageDeals', view } };
    }
    if (q.op === 'journey') {
      const view = await service.journey(q.leadId, q.now, q.stuck);
      return { op: 'answer', id, answer: { op: 'journey', view } };
    }
    return { op: 'answer', id, answer: { op: 'partial', counts: await service.partial(q.period) } };
  } catch (error) {
    const failure = toEngineError(error);
    return { op: 'failed', id, code: failure.code, detail: failure.detail ?? '' };
  }
}

/** The worker's loop: one service, started by the page's first message. */
export function serveDataService(
  scope: WorkerScopeLike,
  portsFor: (config: ServiceConfig) => ServicePorts,
): void {
  let service: DataService | null = null;
  const post = (body: FromWorker) => scope.postMessage(envelope(body));
  scope.addEventListener('message', event => {
    if (!isEnvelope(event.data)) return;
    const msg = event.data.body as ToWorker;
    switch (msg.op) {
      case 'start':
        if (service) return;
        service = createDataService(msg.config, portsFor(msg.config));
        service.subscribe(status => post({ op: 'status', status }));
        return;
      case 'ask':
        if (!service) post({ op: 'failed', id: msg.id, code: 'NO_DATA', detail: 'not started' });
        else void answerOf(service, msg.id, msg.question).then(post);
        return;
      case 'refresh':
        service?.refresh();
        return;
      case 'shown':
        service?.shown();
        return;
      case 'dispose':
        service?.dispose();
        service = null;
        return;
    }
  });
}
