/**
 * Plain fakes of what the state layer needs from the browser and amoCRM (src/state/ports.ts, the
 * ApiClient, the cache), for node-side service and model tests and the jsdom harnesses alike: no
 * DOM, no test library. Time is the test's: timers are recorded and fired by hand, the clock is a
 * variable.
 */
import type { ApiClient, PageCallOptions, WaitInfo } from '../../src/api';
import { ApiError } from '../../src/api';
import type { SyncChannel, TabLock, Timers } from '../../src/state/ports';
import { apiSource, CacheError, createKeeper } from '../../src/sync';
import type { CacheScope, Keeper, ScopeStore } from '../../src/sync';

export interface RecordedTimer {
  readonly kind: 'timeout' | 'interval';
  readonly ms: number;
  readonly fn: () => void;
}

export interface RecordingTimers extends Timers {
  readonly live: ReadonlyMap<unknown, RecordedTimer>;
  /** How many live timers wait `ms` (of `kind`, if given). */
  count(ms?: number, kind?: RecordedTimer['kind']): number;
  /** Runs every live timer scheduled with `ms`, as if that much time had passed; a timeout once. */
  fire(ms: number): number;
}

/**
 * Model timers, recorded so a test can see what is scheduled; nothing runs on its own, except,
 * with `zeroDelayRuns`, zero-delay timeouts — a service yielding between its sync steps — on the
 * next microtask, so a page test's sync goes on without the test driving it.
 */
export function recordingTimers(opts: { readonly zeroDelayRuns?: boolean } = {}): RecordingTimers {
  const live = new Map<unknown, RecordedTimer>();
  let next = 1;
  const add = (kind: RecordedTimer['kind']) => (fn: () => void, ms: number) => {
    const handle = next++;
    live.set(handle, { kind, ms, fn });
    if (opts.zeroDelayRuns && kind === 'timeout' && ms <= 0)
      queueMicrotask(() => {
        if (live.delete(handle)) fn();
      });
    return handle;
  };
  const matching = (ms?: number, kind?: RecordedTimer['kind']) =>
    [...live].filter(
      ([, t]) => (ms === undefined || t.ms === ms) && (kind === undefined || t.kind === kind),
    );
  return {
    live,
    setTimeout: add('timeout'),
    setInterval: add('interval'),
    clearTimeout: h => live.delete(h),
    clearInterval: h => live.delete(h),
    count: (ms, kind) => matching(ms, kind).length,
    fire: ms => {
      const due = matching(ms);
      for (const [handle, t] of due) {
        if (t.kind === 'timeout') live.delete(handle);
        t.fn();
      }
      return due.length;
    },
  };
}

/** What the scripted client does at a call, read at each call so a test can change it. */
export interface ClientScript {
  /** Rejects every call with this error. */
  readonly fail?: ApiError | undefined;
  /** Reports this wait (as the throttled client would), then never answers. */
  readonly wait?: WaitInfo | undefined;
  /** Calls of these methods (of every method when none are named) wait for `until` first. */
  readonly hold?:
    | {
        readonly methods?: readonly (keyof ApiClient)[] | undefined;
        readonly until: Promise<void>;
      }
    | undefined;
  /** Asks lists in pages of this many items: more pages, so loads take more steps. */
  readonly pageLimit?: number | undefined;
}

/** One call the scripted client got, with the abort signal it was given. */
export interface ClientCall {
  readonly method: keyof ApiClient;
  readonly signal: AbortSignal | undefined;
}

/**
 * An ApiClient that does what the current script says, then asks `inner` (a real client, say over
 * the sandbox's emulator), and records every call. Without an inner client a call that the script
 * lets through fails as if offline (NETWORK).
 */
export function scriptedClient(
  inner: ApiClient | null,
  current: () => ClientScript,
  onWait: (info: WaitInfo) => void = () => undefined,
): ApiClient & {
  readonly calls: ClientCall[];
  /** Calls waiting on a hold right now. */
  readonly parked: () => number;
} {
  const calls: ClientCall[] = [];
  let parked = 0;
  const never = new Promise<never>(() => undefined);
  /** Runs the script for one call; resolves with the client to ask. */
  const admit = async (method: keyof ApiClient, signal: AbortSignal | undefined) => {
    calls.push({ method, signal });
    const script = current();
    if (script.fail) throw script.fail;
    if (script.wait) {
      onWait(script.wait);
      return never;
    }
    const hold = script.hold;
    if (hold && (!hold.methods || hold.methods.includes(method))) {
      parked++;
      try {
        await hold.until;
      } finally {
        parked--;
      }
    }
    if (!inner) throw new ApiError('NETWORK');
    return inner;
  };
  const limited = (o: PageCallOptions | undefined): PageCallOptions | undefined => {
    const limit = current().pageLimit;
    return limit === undefined ? o : { ...o, limit };
  };
  return {
    calls,
    parked: () => parked,
    getAccount: async o => (await admit('getAccount', o?.signal)).getAccount(o),
    getPipelines: async o => (await admit('getPipelines', o?.signal)).getPipelines(o),
    getPipeline: async (id, o) => (await admit('getPipeline', o?.signal)).getPipeline(id, o),
    getUsers: async o => (await admit('getUsers', o?.signal)).getUsers(o),
    getLossReasons: async o => (await admit('getLossReasons', o?.signal)).getLossReasons(o),
    getLeadTags: async o => (await admit('getLeadTags', o?.signal)).getLeadTags(o),
    getLeadCustomFields: async o =>
      (await admit('getLeadCustomFields', o?.signal)).getLeadCustomFields(o),
    getLead: async (id, o) => (await admit('getLead', o?.signal)).getLead(id, o),
    async *leadPages(filter, o) {
      const client = await admit('leadPages', o?.signal);
      return yield* client.leadPages(filter, limited(o));
    },
    async *eventPages(filter, o) {
      const client = await admit('eventPages', o?.signal);
      return yield* client.eventPages(filter, limited(o));
    },
  };
}

/** A promise a test settles by hand. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Web Locks' `ifAvailable` in miniature: shared by the tabs of one test, a name is held while its
 * callback runs, and `hold` plays another tab that holds a name (every name when none is given).
 */
export function fakeLock(): TabLock & {
  hold(name?: string): () => void;
  /** Names asked for, in order, and whether each ran. */
  readonly asked: { readonly name: string; readonly ran: boolean }[];
} {
  const held = new Set<string>();
  let all = 0;
  const asked: { name: string; ran: boolean }[] = [];
  return {
    asked,
    async tryRun(name, fn) {
      if (all > 0 || held.has(name)) {
        asked.push({ name, ran: false });
        return { ran: false };
      }
      asked.push({ name, ran: true });
      held.add(name);
      try {
        return { ran: true, value: await fn() };
      } finally {
        held.delete(name);
      }
    },
    hold(name) {
      if (name === undefined) all++;
      else held.add(name);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (name === undefined) all--;
        else held.delete(name);
      };
    },
  };
}

/**
 * BroadcastChannel in miniature: each `tab()` is one tab's channel; a post reaches the listeners
 * of every other tab (never the poster's own), synchronously.
 */
export function channelBus(): {
  tab(): SyncChannel & { readonly posted: string[] };
  /** Listeners subscribed across all tabs. */
  listeners(): number;
} {
  const subs = new Set<{ readonly tab: number; readonly listener: (key: string) => void }>();
  let tabs = 0;
  return {
    tab() {
      const id = ++tabs;
      const posted: string[] = [];
      return {
        posted,
        post(key) {
          posted.push(key);
          for (const s of [...subs]) if (s.tab !== id) s.listener(key);
        },
        subscribe(listener) {
          const sub = { tab: id, listener };
          subs.add(sub);
          return () => subs.delete(sub);
        },
      };
    },
    listeners: () => subs.size,
  };
}

/**
 * One connection to a cache shared by the tabs of a test, as each IndexedDB open is: closing it
 * (a service does when disposed) closes only this connection, never what the others hold, and
 * its later calls reject CLOSED. While `failLoads` is set, reads of the scope's copy reject with
 * it (a broken copy's READ_FAILED, say).
 */
export function connection(shared: ScopeStore): ScopeStore & {
  readonly closed: () => boolean;
  failLoads: Error | null;
} {
  let closed = false;
  const open = (): ScopeStore => {
    if (closed) throw new CacheError('CLOSED');
    return shared;
  };
  const conn = {
    failLoads: null as Error | null,
    closed: () => closed,
    load: async (scope: CacheScope) => {
      if (conn.failLoads) throw conn.failLoads;
      return open().load(scope);
    },
    loadEvents: async (scope: CacheScope, buckets: readonly number[]) =>
      open().loadEvents(scope, buckets),
    save: async (scope: CacheScope, change: Parameters<ScopeStore['save']>[1]) =>
      open().save(scope, change),
    clear: async (scope: CacheScope) => open().clear(scope),
    close: () => {
      closed = true;
    },
  };
  return conn;
}

const DAY = 86_400;

/**
 * Fills `cache` with the scope's whole history read through `client`, as a service left it at
 * `now` (epoch s): the window of the 30 days before the 30 days before now, then the backfill to
 * `horizonDays` back (all history when null). Returns the keeper, holding what it wrote; it goes
 * on by the clock given (a fixed `now` by default).
 */
export async function fillCache(
  cache: ScopeStore,
  scope: CacheScope,
  client: ApiClient,
  now: number,
  horizonDays: number | null = null,
  clock: () => number = () => now,
): Promise<Keeper> {
  const keeper = createKeeper({
    scope,
    cache,
    source: apiSource(client),
    readUsers: true,
    now: clock,
    windowFrom: at => at - 60 * DAY,
    target: at => (horizonDays === null ? null : at - horizonDays * DAY),
  });
  for (let kind = keeper.next(); kind !== null; kind = keeper.next()) await keeper.step(kind);
  return keeper;
}

/**
 * Waits (on real timers, letting the in-thread engine's setTimeout(0) run) until `done` holds.
 * Under jest's fake timers use `jest.advanceTimersByTimeAsync` instead.
 */
export async function eventually(done: () => boolean, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 1));
  }
}

/** Lets pending promise callbacks and the engine's zero-delay yields run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise(resolve => setTimeout(resolve, 0));
}
