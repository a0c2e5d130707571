import type { HistorySource } from '../sync';

/**
 * The source with every call also bound to `stop`. When one request fails the sync, the loaders'
 * other requests (parallel pages, a 429 being waited out) would otherwise run on behind the
 * error message, holding the process open for up to the wait budget.
 */
export function stoppable(source: HistorySource, stop: AbortSignal): HistorySource {
  const bound = (signal?: AbortSignal) => (signal ? AbortSignal.any([signal, stop]) : stop);
  return {
    account: signal => source.account(bound(signal)),
    pipelines: signal => source.pipelines(bound(signal)),
    users: signal => source.users(bound(signal)),
    lossReasons: signal => source.lossReasons(bound(signal)),
    leads: (filter, page, signal) => source.leads(filter, page, bound(signal)),
    events: (filter, page, signal) => source.events(filter, page, bound(signal)),
  };
}
