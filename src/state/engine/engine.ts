import type {
  FunnelInput,
  FunnelReport,
  LeadJourney,
  ReportOptions,
  StageNorm,
  StuckOptions,
} from '../../core';
import { packEvents, packLeads, packedBuffers } from '../../core';
import { EngineError, isEngineErrorCode } from './errors';
import type { EngineAsk, EngineRequest, EngineResponse, EngineResult, Envelope } from './protocol';
import { ENGINE_CHANNEL, isEnvelope } from './protocol';
import { answer, createEngineCore } from './serve';

/**
 * The funnel engine as the state layer sees it: asynchronous, off the main thread if possible.
 * Every failure rejects with an EngineError.
 */
export interface Engine {
  load(input: FunnelInput): Promise<number>;
  report(options: ReportOptions): Promise<FunnelReport>;
  journey(
    leadId: number,
    now: number,
    stuck: StuckOptions,
  ): Promise<{ journey: LeadJourney | null; norms: readonly StageNorm[] }>;
  /** Stops the worker and rejects whatever is still pending with DISPOSED. */
  dispose(): void;
}

/** The part of a `Worker` the engine uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

type Ask = (req: EngineAsk, transfer?: Transferable[]) => Promise<EngineResult>;

function engineOver(ask: Ask, dispose: () => void): Engine {
  const expect = async <K extends EngineResult['op']>(
    op: K,
    req: EngineAsk,
    transfer?: Transferable[],
  ): Promise<Extract<EngineResult, { op: K }>> => {
    const result = await ask(req, transfer);
    if (result.op !== op) throw new EngineError('FAILED', `expected ${op}, got ${result.op}`);
    return result as Extract<EngineResult, { op: K }>;
  };
  return {
    load: async input => {
      const packed = {
        ...input,
        leads: packLeads(input.leads),
        events: packEvents(input.events),
      };
      // The columns were made for this message: transfer them instead of copying.
      const transfer = [...packedBuffers(packed.leads), ...packedBuffers(packed.events)];
      return (await expect('load', { op: 'load', input: packed }, transfer)).leads;
    },
    report: async options => (await expect('report', { op: 'report', options })).report,
    journey: async (leadId, now, stuck) => {
      const r = await expect('journey', { op: 'journey', leadId, now, stuck });
      return { journey: r.journey, norms: r.norms };
    },
    dispose,
  };
}

/** A response's failure as the EngineError it stands for. */
function failureOf(res: Extract<EngineResponse, { ok: false }>): EngineError {
  const detail = res.detail === '' ? undefined : res.detail;
  return new EngineError(isEngineErrorCode(res.code) ? res.code : 'FAILED', detail);
}

/**
 * The engine on the calling thread. Each call yields to the event loop first so a burst of UI
 * updates is not blocked by a computation that starts in the same tick.
 */
export function createInThreadEngine(): Engine {
  const core = createEngineCore();
  let disposed = false;
  return engineOver(
    async req => {
      await new Promise(resolve => setTimeout(resolve, 0));
      if (disposed) throw new EngineError('DISPOSED');
      const res = answer(core, { ...req, id: 0 });
      if (!res.ok) throw failureOf(res);
      return res.result;
    },
    () => {
      disposed = true;
    },
  );
}

/** The engine in a Web Worker; requests are matched to responses by id. */
export function createWorkerEngine(worker: WorkerLike): Engine {
  let next = 1;
  let ended: EngineError | null = null;
  const pending = new Map<
    number,
    { resolve: (r: EngineResult) => void; reject: (e: EngineError) => void }
  >();
  const failAll = (error: EngineError) => {
    ended = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', event => {
    if (!isEnvelope(event.data)) return;
    const res = event.data.body as EngineResponse;
    const p = pending.get(res.id);
    if (!p) return;
    pending.delete(res.id);
    if (res.ok) p.resolve(res.result);
    else p.reject(failureOf(res));
  });
  worker.addEventListener('error', () => failAll(new EngineError('WORKER_FAILED')));
  return engineOver(
    (req, transfer) =>
      new Promise<EngineResult>((resolve, reject) => {
        // A dead or disposed worker never answers: fail at once instead of waiting forever.
        if (ended) {
          reject(ended);
          return;
        }
        const id = next++;
        pending.set(id, { resolve, reject });
        const envelope: Envelope<EngineRequest> = {
          channel: ENGINE_CHANNEL,
          body: { ...req, id },
        };
        worker.postMessage(envelope, transfer ?? []);
      }),
    () => {
      worker.terminate();
      failAll(new EngineError('DISPOSED'));
    },
  );
}
