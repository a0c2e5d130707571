import type { FunnelInput } from '../../core';
import type { Engine, WorkerLike } from './engine';
import { createInThreadEngine, createWorkerEngine } from './engine';
import { EngineError } from './errors';

/**
 * The worker engine when a worker can be started, the in-thread engine otherwise. A worker that
 * dies (a host CSP that forbids blob: workers only shows up as an error event after creation) is
 * replaced by the in-thread engine, which gets the last loaded data and answers the call again.
 */
export function createEngine(spawnWorker: (() => WorkerLike | null) | null): Engine {
  const worker = spawnWorker?.() ?? null;
  let inner: Engine = worker ? createWorkerEngine(worker) : createInThreadEngine();
  let onWorker = worker !== null;
  let lastInput: FunnelInput | null = null;

  async function call<T>(run: (e: Engine) => Promise<T>): Promise<T> {
    try {
      return await run(inner);
    } catch (error) {
      if (!onWorker || !(error instanceof EngineError) || error.code !== 'WORKER_FAILED')
        throw error;
      onWorker = false;
      inner.dispose();
      inner = createInThreadEngine();
      if (lastInput) await inner.load(lastInput);
      return run(inner);
    }
  }

  return {
    load: input => {
      lastInput = input;
      return call(e => e.load(input));
    },
    report: options => call(e => e.report(options)),
    journey: (leadId, now, stuck) => call(e => e.journey(leadId, now, stuck)),
    dispose: () => {
      lastInput = null;
      inner.dispose();
    },
  };
}
