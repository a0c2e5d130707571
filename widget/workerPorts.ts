/**
 * What the data service needs from the browser, built from the globals of wherever it runs: in
 * the engine worker (the usual place) or on the page when no worker can start. IndexedDB, Web
 * Locks, BroadcastChannel and XMLHttpRequest all exist in dedicated workers.
 */
import { createApiClient, createBrowserHttp, DEFAULT_RATE_LIMIT } from '../src/api';
import type { ServiceConfig, ServicePorts } from '../src/state';
import { realTimers } from '../src/state';
import type { PeerHub } from '../src/api';
import { createPeerHub } from '../src/api';
import { broadcastChannel, openStore, requestPeers, webLock } from './browser';

// One hub per thread (the worker, or the page when no worker starts): its clients count each
// other's requests directly, other threads' through the channel.
let hub: PeerHub | null = null;
export function peersOf(accountId: number): PeerHub {
  hub ??= createPeerHub(requestPeers(accountId));
  return hub;
}

/** The channel tabs of one account and user tell each other about cache updates on. */
export function channelName(scope: ServiceConfig['scope']): string {
  return `funnel-lens:${scope.accountId}:${scope.userId}`;
}

export function servicePorts(config: ServiceConfig): ServicePorts {
  return {
    // The page this one replaced (a reload) may have spent the last second's requests.
    createClient: ({ onWait, waitBudgetSeconds }) =>
      createApiClient({
        http: createBrowserHttp({ origin: config.origin }),
        onWait,
        ...(waitBudgetSeconds === undefined ? {} : { waitBudgetSeconds }),
        rateLimit: { ...DEFAULT_RATE_LIMIT, startFull: true },
        peers: peersOf(config.scope.accountId),
      }),
    openCache: openStore,
    lock: webLock(),
    channel: broadcastChannel(channelName(config.scope)),
    timers: realTimers,
    clock: () => Date.now(),
  };
}
