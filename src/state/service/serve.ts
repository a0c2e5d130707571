/**
 * The worker's side of the data service: one service, started by the page's first message, whose
 * answers and status go back as messages (protocol.ts; the page's proxy is worker.ts).
 */
import { toEngineError } from '../engine/errors';
import type { FromWorker, Question, ToWorker } from './protocol';
import { envelope, isEnvelope } from './protocol';
import type { ServicePorts } from './service';
import { createDataService } from './service';
import type { DataService, ServiceConfig } from './types';
import type { WorkerScopeLike } from './worker';

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
