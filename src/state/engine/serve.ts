import type { FunnelModel } from '../../core';
import {
  buildModel,
  leadJourney,
  reportFromModel,
  stageNorms,
  unpackEvents,
  unpackLeads,
} from '../../core';
import { EngineError, toEngineError } from './errors';
import type { EngineRequest, EngineResponse, EngineResult, Envelope } from './protocol';
import { ENGINE_CHANNEL, isEnvelope } from './protocol';

/**
 * Answers engine requests against the loaded model. Runs inside the worker, and also directly on
 * the page when no worker can be started (tests, or a host whose CSP forbids workers).
 */
export function createEngineCore(): { handle(req: EngineRequest): EngineResult } {
  let model: FunnelModel | null = null;
  const need = (): FunnelModel => {
    if (!model) throw new EngineError('NO_DATA');
    return model;
  };
  return {
    handle(req) {
      switch (req.op) {
        case 'load': {
          const { leads, events, ...rest } = req.input;
          model = buildModel({ ...rest, leads: unpackLeads(leads), events: unpackEvents(events) });
          return { op: 'load', leads: model.facts.length };
        }
        case 'report':
          return { op: 'report', report: reportFromModel(need(), req.options) };
        case 'journey': {
          const m = need();
          const norms = stageNorms(m, req.stuck, req.now);
          return { op: 'journey', journey: leadJourney(m, req.leadId, req.now, norms), norms };
        }
      }
    },
  };
}

/** The part of a worker's global scope the engine uses. */
export interface WorkerScopeLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** One request answered: the result, or the failure as a code the page can act on. */
export function answer(
  core: ReturnType<typeof createEngineCore>,
  req: EngineRequest,
): EngineResponse {
  try {
    return { id: req.id, ok: true, result: core.handle(req) };
  } catch (error) {
    const failure = toEngineError(error);
    return { id: req.id, ok: false, code: failure.code, detail: failure.detail ?? '' };
  }
}

/** Installs the engine's message loop in a worker scope. */
export function serveEngine(scope: WorkerScopeLike): void {
  const core = createEngineCore();
  scope.addEventListener('message', event => {
    if (!isEnvelope(event.data)) return;
    const body = answer(core, event.data.body as EngineRequest);
    const envelope: Envelope<EngineResponse> = { channel: ENGINE_CHANNEL, body };
    scope.postMessage(envelope);
  });
}
