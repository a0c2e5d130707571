import type { FunnelModel } from '../../core';
import type { FunnelInput } from '../../core';
import {
  buildModel,
  leadJourney,
  reportFromModel,
  stageNorms,
  unpackEvents,
  unpackLeads,
} from '../../core';
import type { EngineRequest, EngineResponse, EngineResult, Envelope } from './protocol';
import { ENGINE_CHANNEL, isEnvelope } from './protocol';

/**
 * Answers engine requests against the loaded model. Runs inside the worker, and also directly on
 * the page when no worker can be started (tests, or a host whose CSP forbids workers).
 */
export function createEngineCore(): {
  handle(req: EngineRequest): EngineResult;
  /** Loads plain input directly (the page-thread engine has no copy to save). */
  loadInput(input: FunnelInput): number;
} {
  let model: FunnelModel | null = null;
  const need = (): FunnelModel => {
    if (!model) throw new Error('engine: no data loaded');
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
          const norms = stageNorms(m, req.thresholds);
          return { op: 'journey', journey: leadJourney(m, req.leadId, req.now, norms), norms };
        }
      }
    },
    loadInput(input) {
      model = buildModel(input);
      return model.facts.length;
    },
  };
}

/** The part of a worker's global scope the engine uses. */
export interface WorkerScopeLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** Installs the engine's message loop in a worker scope. */
export function serveEngine(scope: WorkerScopeLike): void {
  const core = createEngineCore();
  scope.addEventListener('message', event => {
    if (!isEnvelope(event.data)) return;
    const req = event.data.body as EngineRequest;
    let response: EngineResponse;
    try {
      response = { id: req.id, ok: true, result: core.handle(req) };
    } catch (error) {
      response = {
        id: req.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    const envelope: Envelope<EngineResponse> = { channel: ENGINE_CHANNEL, body: response };
    scope.postMessage(envelope);
  });
}
