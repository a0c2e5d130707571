/**
 * Browser facilities behind the state layer's small interfaces: one tab syncs at a time (Web
 * Locks), the others hear about it (BroadcastChannel), the engine runs in a worker started from
 * this very bundle, and the cache lives in IndexedDB — each with a fallback that keeps the widget
 * working where the browser or the host's policy says no.
 */
import type { PeerTransport } from '../src/api';
import type { ScopeStore } from '../src/sync';
import type { ServiceConfig, WorkerLike } from '../src/state';
import type { SyncChannel, TabLock } from '../src/state';
import { soloLock } from '../src/state';

interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    cb: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export function webLock(): TabLock {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks) return soloLock;
  return {
    tryRun: <T>(name: string, fn: () => Promise<T>) =>
      locks.request(name, { ifAvailable: true }, async lock =>
        lock === null ? { ran: false as const } : { ran: true as const, value: await fn() },
      ),
  };
}

/** One BroadcastChannel per subscriber, closed on unsubscribe (no listeners outlive a mount). */
export function broadcastChannel(name: string): SyncChannel {
  if (typeof BroadcastChannel === 'undefined')
    return { post: () => undefined, subscribe: () => () => undefined };
  return {
    post: key => {
      const channel = new BroadcastChannel(name);
      channel.postMessage(key);
      channel.close();
    },
    subscribe: listener => {
      const channel = new BroadcastChannel(name);
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (typeof event.data === 'string') listener(event.data);
      };
      return () => channel.close();
    },
  };
}

/**
 * The channel this thread's clients tell the account's other clients (the page's, the engine
 * worker's, other tabs') about their requests on, so that together they keep amoCRM's limit. One
 * per thread, open for the thread's life: a page or worker holds one hub.
 */
export function requestPeers(accountId: number): PeerTransport | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(`funnel-lens-requests:${accountId}`);
  return {
    post: message => channel.postMessage(message),
    listen: hear => {
      channel.onmessage = (event: MessageEvent<unknown>) => hear(event.data);
    },
  };
}

/** The worker's part of the widget, beside script.js in the widget's folder (same version). */
export function engineUrlOf(scriptUrl: string): string {
  return scriptUrl.replace(/script\.js(\?|$)/, 'engine.js$1');
}

/**
 * Starts the engine worker from our own script: a tiny blob stub gives the worker an AMD `define`
 * and imports engine.js then script.js, whose entry then serves engine requests (see script.ts).
 * importScripts also loads a script from amoCRM's CDN, which `new Worker(cdnUrl)` would refuse
 * cross-origin.
 */
export function spawnEngineWorker(scriptUrl: string | null): WorkerLike | null {
  if (!scriptUrl || typeof Worker === 'undefined' || typeof Blob === 'undefined') return null;
  return startedLater(() => {
    const absolute = new URL(scriptUrl, globalThis.location.href).href;
    const stub =
      'self.define=function(d,f){f.apply(null,d.map(function(){return undefined}))};' +
      `self.define.amd={};importScripts(${JSON.stringify(engineUrlOf(absolute))},${JSON.stringify(absolute)});`;
    const url = URL.createObjectURL(new Blob([stub], { type: 'text/javascript' }));
    const worker = new Worker(url);
    // The worker has fetched the stub once it answers or fails; revoke the URL then.
    const revoke = () => URL.revokeObjectURL(url);
    worker.addEventListener('message', revoke, { once: true });
    worker.addEventListener('error', revoke, { once: true });
    return worker;
  });
}

type Listening =
  | { readonly type: 'message'; readonly listener: (event: { data: unknown }) => void }
  | { readonly type: 'error'; readonly listener: (event: unknown) => void };

const listen = (worker: WorkerLike, l: Listening): void => {
  if (l.type === 'message') worker.addEventListener('message', l.listener);
  else worker.addEventListener('error', l.listener);
};

/**
 * A worker created on the next task rather than inside the mount: `new Worker` holds the page
 * for up to a hundred milliseconds on a busy machine, on top of the mount's own task. Messages
 * wait, in order, until it exists; one that cannot be created reports an error, as a worker that
 * dies does, and the service moves to the page.
 */
export function startedLater(create: () => WorkerLike): WorkerLike {
  const queued: unknown[] = [];
  const listening: Listening[] = [];
  let worker: WorkerLike | null = null;
  let ended = false;
  const timer = setTimeout(() => {
    if (ended) return;
    try {
      worker = create();
    } catch (error) {
      for (const l of listening) if (l.type === 'error') l.listener(error);
      return;
    }
    for (const l of listening) listen(worker, l);
    for (const message of queued.splice(0)) worker.postMessage(message);
  }, 0);
  return {
    postMessage: message => {
      if (worker) worker.postMessage(message);
      else if (!ended) queued.push(message);
    },
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      const l = { type, listener } as Listening;
      if (worker) listen(worker, l);
      else listening.push(l);
    },
    terminate: () => {
      ended = true;
      clearTimeout(timer);
      worker?.terminate();
    },
  };
}

/**
 * A store usable at once that opens the real one on first use (its code is fetched then), and
 * waits for it. Closing one never opened opens nothing.
 */
export function deferredStore(open: () => Promise<ScopeStore>): ScopeStore {
  let opening: Promise<ScopeStore> | null = null;
  const store = () => (opening ??= open());
  return {
    load: async scope => (await store()).load(scope),
    loadEvents: async (scope, buckets) => (await store()).loadEvents(scope, buckets),
    save: async (scope, change) => (await store()).save(scope, change),
    clear: async scope => (await store()).clear(scope),
    close: () => {
      void opening?.then(s => s.close()).catch(() => undefined);
    },
  };
}

/** The channel tabs of one account and user tell each other about cache updates on. */
export function channelName(scope: ServiceConfig['scope']): string {
  return `funnel-lens:${scope.accountId}:${scope.userId}`;
}

export function localStore(prefix: string): {
  get(key: string): string | null;
  set(key: string, value: string): void;
} {
  return {
    get: key => {
      try {
        return globalThis.localStorage.getItem(`${prefix}${key}`);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        globalThis.localStorage.setItem(`${prefix}${key}`, value);
      } catch {
        // storage full or denied: the preference just is not remembered
      }
    },
  };
}
