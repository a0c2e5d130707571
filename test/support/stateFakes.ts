/**
 * Plain fakes of what the state layer needs from the browser and amoCRM (src/state/ports.ts and
 * the ApiClient), for node-side model tests and the jsdom harnesses alike: no DOM, no test
 * library. Time is the test's: timers are recorded and fired by hand, the clock is a variable.
 */
import type { ApiClient, WaitInfo } from '../../src/api';
import { ApiError } from '../../src/api';
import { CacheError } from '../../src/sync';
import type { CacheScope, PipelineData, PipelineStore } from '../../src/sync';
import type {
  FunnelReport,
  LeadJourney,
  ReportOptions,
  StageNorm,
  StuckOptions,
} from '../../src/core';
import type { Engine } from '../../src/state/engine/engine';
import type { SyncChannel, TabLock, Timers } from '../../src/state/ports';
import { demoPipelineData } from './pipelineData';

export interface RecordedTimer {
  readonly kind: 'timeout' | 'interval';
  readonly ms: number;
  readonly fn: () => void;
}

/** Model timers, recorded so a test can see what is scheduled; nothing runs on its own. */
export function recordingTimers(): Timers & {
  readonly live: ReadonlyMap<unknown, RecordedTimer>;
  /** How many live timers wait `ms` (of `kind`, if given). */
  count(ms?: number, kind?: RecordedTimer['kind']): number;
  /** Runs every live timer scheduled with `ms`, as if that much time had passed; a timeout once. */
  fire(ms: number): number;
} {
  const live = new Map<unknown, RecordedTimer>();
  let next = 1;
  const add = (kind: RecordedTimer['kind']) => (fn: () => void, ms: number) => {
    const handle = next++;
    live.set(handle, { kind, ms, fn });
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

/** What the fake amoCRM does when a model syncs. */
export interface ClientScript {
  /** Rejects every call with this error. */
  readonly fail?: ApiError;
  /** Reports this wait (as the throttled client would), then never answers. */
  readonly wait?: WaitInfo;
  /** Serves the data in pages of 250 leads; `hold` keeps it from finishing until resolved. */
  readonly serve?: { readonly data: PipelineData; readonly hold?: Promise<void> };
}

/** One call the fake client got, with the abort signal it was given. */
export interface ClientCall {
  readonly method: keyof ApiClient;
  readonly signal: AbortSignal | undefined;
}

/**
 * An ApiClient that does what the current script says (read at each call, so a test can swap it
 * between syncs) and records every call. With no script it fails as if offline (NETWORK).
 */
export function scriptedClient(
  current: () => ClientScript,
  onWait: (info: WaitInfo) => void,
): ApiClient & { readonly calls: ClientCall[] } {
  const calls: ClientCall[] = [];
  const never = new Promise<never>(() => undefined);
  const answer = async <T>(
    method: keyof ApiClient,
    signal: AbortSignal | undefined,
    value: () => T,
  ): Promise<T> => {
    calls.push({ method, signal });
    const script = current();
    if (script.fail) throw script.fail;
    if (script.wait) {
      onWait(script.wait);
      return never;
    }
    if (!script.serve) throw new ApiError('NETWORK');
    return value();
  };
  const data = () => current().serve?.data ?? demoPipelineData();
  return {
    calls,
    getAccount: o => answer('getAccount', o?.signal, () => data().account),
    getPipelines: o => answer('getPipelines', o?.signal, () => [...data().pipelines]),
    getPipeline: (id, o) =>
      answer('getPipeline', o?.signal, () => data().pipelines.find(p => p.id === id) ?? null),
    getUsers: o =>
      answer('getUsers', o?.signal, () => {
        const users = data().users;
        return users ? [...users] : null;
      }),
    getLossReasons: o => answer('getLossReasons', o?.signal, () => [...data().lossReasons]),
    getLead: (id, o) =>
      answer('getLead', o?.signal, () => data().leads.find(l => l.id === id) ?? null),
    async *leadPages(_filter, o) {
      const leads = await answer('leadPages', o?.signal, () => data().leads);
      for (let i = 0; i < leads.length; i += 250) {
        yield {
          page: i / 250 + 1,
          url: '/api/v4/leads',
          raw: null,
          items: leads.slice(i, i + 250),
        };
        if (i === 0) await current().serve?.hold;
      }
      return { reason: 'no_next', pages: Math.ceil(leads.length / 250) };
    },
    async *eventPages(_filter, o) {
      const events = await answer('eventPages', o?.signal, () => data().events);
      yield { page: 1, url: '/api/v4/events', raw: null, items: events, lifecycle: [] };
      return { reason: 'no_next', pages: 1 };
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

type JourneyAnswer = { journey: LeadJourney | null; norms: readonly StageNorm[] };

/**
 * An engine whose answers the test gives, in any order: each report or journey call waits on its
 * own deferred, so a test can resolve a newer request before an older one.
 */
export function controlledEngine(): Engine & {
  readonly reports: { readonly options: ReportOptions; readonly answer: Deferred<FunnelReport> }[];
  readonly journeys: {
    readonly leadId: number;
    readonly now: number;
    readonly stuck: StuckOptions;
    readonly answer: Deferred<JourneyAnswer>;
  }[];
  disposed: boolean;
} {
  const engine = {
    reports: [] as { options: ReportOptions; answer: Deferred<FunnelReport> }[],
    journeys: [] as {
      leadId: number;
      now: number;
      stuck: StuckOptions;
      answer: Deferred<JourneyAnswer>;
    }[],
    disposed: false,
    load: (input: { leads: readonly unknown[] }) => Promise.resolve(input.leads.length),
    report: (options: ReportOptions) => {
      const answer = deferred<FunnelReport>();
      engine.reports.push({ options, answer });
      return answer.promise;
    },
    journey: (leadId: number, now: number, stuck: StuckOptions) => {
      const answer = deferred<JourneyAnswer>();
      engine.journeys.push({ leadId, now, stuck, answer });
      return answer.promise;
    },
    dispose: () => {
      engine.disposed = true;
    },
  };
  return engine;
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

/** Writes `data` as the scope's whole cached copy, as a completed full sync would. */
export async function seedStore(
  store: PipelineStore,
  scope: CacheScope,
  data: PipelineData,
): Promise<void> {
  await store.save(scope, data, {
    replace: true,
    putLeads: data.leads,
    deleteLeadIds: [],
    putEvents: data.events,
  });
}

/** A store over `inner` that counts saves and, while `failSaves` is set, refuses them. */
export function spyStore(inner: PipelineStore): PipelineStore & {
  saves: number;
  loads: number;
  failSaves: boolean;
} {
  const spy = {
    saves: 0,
    loads: 0,
    failSaves: false,
    load: (scope: CacheScope) => {
      spy.loads++;
      return inner.load(scope);
    },
    save: async (
      scope: CacheScope,
      data: PipelineData,
      delta: Parameters<PipelineStore['save']>[2],
    ) => {
      spy.saves++;
      if (spy.failSaves) throw new CacheError('WRITE_FAILED', 'quota exceeded');
      await inner.save(scope, data, delta);
    },
    clear: (scope: CacheScope) => inner.clear(scope),
    close: () => inner.close(),
  };
  return spy;
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
