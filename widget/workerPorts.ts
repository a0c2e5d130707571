/**
 * What the data service needs from the browser, built from the globals of wherever it runs: in
 * the engine worker (the usual place) or on the page when no worker can start. IndexedDB, Web
 * Locks, BroadcastChannel and XMLHttpRequest all exist in dedicated workers. This module and what
 * it imports are in engine.js: the page fetches them only when it needs the API or the cache
 * itself (createHost.ts).
 */
import {
  createApiClient,
  createBrowserHttp,
  createLeadWriter,
  DEFAULT_RATE_LIMIT,
  toApiError,
} from '../src/api';
import type { PageApi } from '../src/mount';
import type { ServiceConfig, ServicePorts } from '../src/state';
import { realTimers } from '../src/state';
import type { PeerHub } from '../src/api';
import { createPeerHub } from '../src/api';
import { createMemoryStore } from '../src/sync';
import type { ScopeStore } from '../src/sync';
import { openIdbStore } from '../src/sync/idb';
import { broadcastChannel, channelName, requestPeers, webLock } from './browser';

// One hub per thread (the worker, or the page when no worker starts): its clients count each
// other's requests directly, other threads' through the channel.
let hub: PeerHub | null = null;
export function peersOf(accountId: number): PeerHub {
  hub ??= createPeerHub(requestPeers(accountId));
  return hub;
}

/** IndexedDB when it opens, memory otherwise (private windows, blocked storage). */
export async function openStore(): Promise<ScopeStore> {
  try {
    return await openIdbStore();
  } catch {
    return createMemoryStore();
  }
}

/** The page's own API (same origin, the user's session cookie: no tokens). */
export function pageApi(accountId: number): PageApi {
  return {
    // Its requests and the engine worker's share amoCRM's limit through the thread's hub. A hub
    // hears only what peers send after it joins, and the worker may have spent the last second
    // just before (a backfill's last pages): so it starts as if that second were spent.
    createClient: ({ onWait, waitBudgetSeconds }) =>
      createApiClient({
        http: createBrowserHttp(),
        onWait,
        rateLimit: { ...DEFAULT_RATE_LIMIT, startFull: true },
        peers: peersOf(accountId),
        ...(waitBudgetSeconds === undefined ? {} : { waitBudgetSeconds }),
      }),
    toApiError: error => toApiError(error),
    createWriter: () => createLeadWriter(createBrowserHttp()),
  };
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
