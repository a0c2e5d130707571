/**
 * The data service where it can run best: in a worker from the widget's own script, else on the
 * page. A worker that dies (a host CSP forbidding blob: workers shows up only after it started)
 * is replaced by a service on the page, which reopens the cache and goes on; a question the dead
 * worker left unanswered is asked again there.
 */
import { EngineError } from '../engine/errors';
import { pagedService } from './paged';
import type { ServicePorts } from './service';
import type { DataService, ServiceConfig, ServiceStatus } from './types';
import type { WorkerLike } from './worker';
import { serviceInWorker } from './worker';

export function openDataService(
  config: ServiceConfig,
  spawnWorker: (() => WorkerLike | null) | null,
  pagePorts: () => Promise<ServicePorts>,
): DataService {
  const listeners = new Set<(s: ServiceStatus) => void>();
  const unsubs: (() => void)[] = [];
  let disposed = false;
  const follow = (service: DataService) =>
    unsubs.push(service.subscribe(status => listeners.forEach(l => l(status))));
  const onPage = () => pagedService(config, pagePorts);
  const moveToPage = () => {
    if (disposed) return;
    unsubs.splice(0).forEach(u => u());
    inner.dispose();
    inner = onPage();
    follow(inner);
  };
  const worker = spawnWorker?.() ?? null;
  let inner: DataService = worker ? serviceInWorker(worker, config, moveToPage) : onPage();
  follow(inner);

  async function call<T>(run: (s: DataService) => Promise<T>): Promise<T> {
    try {
      return await run(inner);
    } catch (error) {
      if (!(error instanceof EngineError) || error.code !== 'WORKER_FAILED' || disposed)
        throw error;
      return run(inner);
    }
  }

  return {
    report: (options, lists) => call(s => s.report(options, lists)),
    stageDeals: (options, stageId) => call(s => s.stageDeals(options, stageId)),
    journey: (leadId, now, stuck) => call(s => s.journey(leadId, now, stuck)),
    partial: period => call(s => s.partial(period)),
    refresh: () => inner.refresh(),
    shown: () => inner.shown(),
    subscribe: listener => {
      listeners.add(listener);
      const current = { value: null as ServiceStatus | null };
      const probe = inner.subscribe(s => (current.value = s));
      probe();
      if (current.value) listener(current.value);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      disposed = true;
      unsubs.splice(0).forEach(u => u());
      listeners.clear();
      inner.dispose();
    },
  };
}
