/**
 * The data service on the page, for when no worker can run it. Its code — the service, sync,
 * cache and API client, the part the worker runs (engine.js) — is fetched only then, so the page's
 * own part stays small on the usual path. Until it is in, the service says it is opening and
 * questions wait; if it cannot be fetched, the status says so (NETWORK, as any failed request)
 * and the refresh button fetches it again.
 */
import { EngineError } from '../engine/errors';
import type { ServicePorts } from './service';
import { INITIAL_STATUS } from './types';
import type { DataService, ServiceConfig, ServiceStatus } from './types';

export function pagedService(
  config: ServiceConfig,
  pagePorts: () => Promise<ServicePorts>,
): DataService {
  const listeners = new Set<(s: ServiceStatus) => void>();
  let status: ServiceStatus = INITIAL_STATUS;
  let service: DataService | null = null;
  let disposed = false;
  const tell = (next: ServiceStatus) => {
    status = next;
    for (const l of listeners) l(next);
  };

  /** Resolves to the service, or to the reason a question cannot be answered. */
  let settled: Promise<DataService | EngineError>;
  const start = () => {
    settled = Promise.all([
      // The worker's own chunk: already in the HTTP cache when a worker started and then died.
      import(/* webpackChunkName: "engine" */ './service'),
      pagePorts(),
    ]).then(
      ([code, ports]) => {
        if (disposed) return new EngineError('DISPOSED');
        service = code.createDataService(config, ports);
        service.subscribe(tell);
        return service;
      },
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        if (!disposed)
          tell({ ...status, activity: { kind: 'idle' }, error: { code: 'NETWORK', detail } });
        return new EngineError('FAILED', `the data service did not load: ${detail}`, error);
      },
    );
  };
  start();

  const ready = async (): Promise<DataService> => {
    const outcome = await settled;
    if (outcome instanceof EngineError) throw outcome;
    return outcome;
  };

  return {
    report: async (options, lists) => (await ready()).report(options, lists),
    stageDeals: async (options, stageId) => (await ready()).stageDeals(options, stageId),
    journey: async (leadId, now, stuck) => (await ready()).journey(leadId, now, stuck),
    partial: async period => (await ready()).partial(period),
    refresh: () => {
      if (service) service.refresh();
      else if (status.error && !disposed) {
        tell({ ...status, activity: { kind: 'opening' }, error: null });
        start();
      }
    },
    shown: () => service?.shown(),
    subscribe: listener => {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      disposed = true;
      listeners.clear();
      service?.dispose();
    },
  };
}
