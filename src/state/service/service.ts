/**
 * The data service itself (see types.ts): opens the cache, steps the keeper — window, backfill,
 * refresh — one step at a time under the tab lock, keeps the engine's model up to date, and
 * answers the page's questions between steps.
 */
import type { ApiClient, WaitInfo } from '../../api';
import { ApiError } from '../../api';
import type { FunnelModel } from '../../core';
import type { Keeper, LoadStage, ScopeStore, StepKind, StepResult } from '../../sync';
import {
  apiSource as sourceOf,
  CacheError,
  createKeeper,
  phaseOf,
  PipelineGone,
  scopeKey,
  secondsLeft,
} from '../../sync';
import { EngineError } from '../engine/errors';
import { resolvePeriod } from '../period';
import type { SyncChannel, TabLock, Timers } from '../ports';
import {
  afterStep,
  buildFromStore,
  journeyView,
  partialCounts,
  reportView,
  stageDealsView,
} from './model';
import { createRecovery, MAX_RETRY_MS, WAIT_BUDGET_SECONDS } from './retryPolicy';
import type { DataService, ServiceConfig, ServiceStatus, SyncFailure } from './types';
import { INITIAL_STATUS } from './types';

/** Background refresh while the page is open; failed syncs are retried no later than this too. */
export const REFRESH_EVERY_MS = MAX_RETRY_MS;
/** How long to wait for another tab's sync before trying ourselves. */
export const OTHER_TAB_RETRY_MS = 15_000;
/**
 * After the window is in, the backfill waits until the page has drawn the window's numbers
 * (`shown`), at most this long: otherwise its requests and pages compete with the first exact
 * panel (the bench saw up to seven backfill requests made between the answer and the paint).
 */
export const WINDOW_SHOWN_WAIT_MS = 2_000;
/** During the backfill the model is rebuilt at most this often (and when it ends). */
export const BACKFILL_MODEL_EVERY_MS = 20_000;

export interface ServicePorts {
  /** `waitBudgetSeconds`: the client's budget for 429s (RequesterOptions); the service sets it. */
  createClient(hooks: { onWait: (info: WaitInfo) => void; waitBudgetSeconds?: number }): ApiClient;
  /** The cache: IndexedDB where it opens, memory otherwise. */
  openCache(): Promise<ScopeStore>;
  readonly lock: TabLock;
  readonly channel: SyncChannel;
  readonly timers: Timers;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
}

const DAY = 86_400;

export function failureOf(error: unknown): SyncFailure {
  if (error instanceof ApiError)
    return { code: error.code, status: error.status, path: error.path, detail: error.detail };
  if (error instanceof PipelineGone) return { code: 'PIPELINE_GONE' };
  if (error instanceof CacheError) return { code: 'CACHE', detail: error.message };
  return { code: 'HTTP', detail: error instanceof Error ? error.message : String(error) };
}

export function createDataService(config: ServiceConfig, ports: ServicePorts): DataService {
  const seconds = () => Math.floor(ports.clock() / 1000);
  const key = scopeKey(config.scope);
  const listeners = new Set<(s: ServiceStatus) => void>();
  const abort = new AbortController();
  // A function, not `abort.signal.aborted` inline: it changes across awaits, which narrowing ignores.
  const stopped = () => abort.signal.aborted;
  let status: ServiceStatus = INITIAL_STATUS;
  const set = (patch: Partial<ServiceStatus>) => {
    status = { ...status, ...patch };
    for (const l of listeners) l(status);
  };
  let model: FunnelModel | null = null;
  let modelAt = 0;
  let running = false;
  let again = false;
  let force = false;
  let retry: unknown = null;
  /** The turn the loop yields between steps; dispose clears it, so no timer outlives us. */
  let pause: unknown = null;
  /** Set while the loop waits for the page to ask for the window's numbers. */
  /** Ends the wait after the window: set while it lasts. */
  let drawn: (() => void) | null = null;
  let stage: { name: LoadStage; at: number; from: number } | null = null;

  const client = ports.createClient({
    onWait: info => set({ wait: { ...info, until: ports.clock() + info.seconds * 1000 } }),
    waitBudgetSeconds: WAIT_BUDGET_SECONDS,
  });
  const cacheReady = ports.openCache();
  let keeper: ReturnType<typeof createKeeper> | null = null;

  function publishModel(next: FunnelModel | null): void {
    model = next;
    modelAt = ports.clock();
    const meta = keeper?.meta() ?? null;
    set({
      phase: phaseOf(meta?.history ?? null),
      heldFrom: next?.historyFrom ?? null,
      target: meta?.history.target ?? null,
      syncedAt: meta?.history.syncedAt ?? null,
      pipelines: meta?.pipelines ?? [],
      version: status.version + 1,
    });
  }

  function apply(result: StepResult): void {
    const k = keeper;
    const store = k?.store();
    const meta = k?.meta();
    if (!store || !meta) return;
    const backfilling = result.kind === 'backfill' && meta.history.backfill !== null;
    // Rebuilding over a growing history costs seconds on a large account; while the backfill runs
    // the page keeps the numbers it has and they catch up now and then.
    if (backfilling && model && ports.clock() - modelAt < BACKFILL_MODEL_EVERY_MS) {
      set({ phase: 'window', syncedAt: meta.history.syncedAt });
      return;
    }
    publishModel(
      model
        ? afterStep(model, result, store, meta, config.sideStageIds)
        : buildFromStore(store, meta, config.sideStageIds),
    );
  }

  // A retry forces a step: a failed refresh leaves the keeper with nothing due.
  const recovery = createRecovery(ports.timers, ports.clock, () => {
    set({ retryAt: null });
    force = true;
    void loop();
  });

  /** A sync failed: say so, and when the failure passes, when it is tried again. */
  function failed(error: unknown): void {
    const failure = failureOf(error);
    set({ error: failure, retryAt: recovery.failed(failure), activity: { kind: 'idle' } });
  }

  /** One retry at a time, however often the loop was woken while another tab syncs. */
  function retryLater(): void {
    if (retry !== null) ports.timers.clearTimeout(retry);
    retry = ports.timers.setTimeout(() => {
      retry = null;
      void loop();
    }, OTHER_TAB_RETRY_MS);
  }

  async function loop(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      for (;;) {
        if (stopped() || !keeper) return;
        const kind: StepKind | null = force ? (keeper.next() ?? 'refresh') : keeper.next();
        force = false;
        if (kind === null) break;
        const k = keeper;
        // Other tabs hear of the step before the lock is free, so none steps from a stale copy.
        const outcome = await ports.lock.tryRun(`funnel-lens-sync:${key}`, async () => {
          // Syncing from the step's first request (the account's meta), not from its first list.
          if (status.activity.kind !== 'syncing')
            set({
              activity: {
                kind: 'syncing',
                stage: kind,
                fraction: null,
                secondsLeft: null,
                requests: 0,
                heldFrom: status.heldFrom,
              },
            });
          const result = await k.step(kind, abort.signal, p => {
            if (stopped()) return;
            // A stage runs over many steps (the backfill): its rate is measured from its start.
            if (stage?.name !== p.stage)
              stage = { name: p.stage, at: ports.clock(), from: p.fraction ?? 0 };
            set({
              wait: null,
              activity: {
                kind: 'syncing',
                stage: p.stage,
                fraction: p.fraction,
                secondsLeft: secondsLeft(p.fraction, ports.clock() - stage.at, stage.from),
                requests: p.requests,
                heldFrom: p.heldFrom,
              },
            });
          });
          ports.channel.post(key);
          return result;
        });
        if (stopped()) return;
        if (!outcome.ran) {
          set({ activity: { kind: 'other-tab' } });
          retryLater();
          return;
        }
        // The lock was free after all (a refresh or the timer came first): no retry is due.
        if (retry !== null) ports.timers.clearTimeout(retry);
        retry = null;
        apply(outcome.value);
        recovery.succeeded();
        set({ error: null, retryAt: null });
        // Let questions from the page be answered between steps; after the window, its numbers
        // before the backfill starts.
        const wait = outcome.value.kind === 'window' ? WINDOW_SHOWN_WAIT_MS : 0;
        await new Promise(resolve => {
          const go = () => {
            if (pause !== null) ports.timers.clearTimeout(pause);
            pause = null;
            drawn = null;
            resolve(undefined);
          };
          pause = ports.timers.setTimeout(go, wait);
          if (wait > 0) drawn = go;
        });
      }
      set({ activity: { kind: 'idle' } });
    } catch (error) {
      if (stopped()) return;
      failed(error);
    } finally {
      running = false;
      stage = null;
      set({ wait: null });
      if (again && !stopped()) {
        again = false;
        void loop();
      }
    }
  }

  async function start(): Promise<void> {
    try {
      const cache = await cacheReady;
      keeper = createKeeper({
        scope: config.scope,
        cache,
        source: sourceOf(client),
        readUsers: config.readUsers,
        now: seconds,
        windowFrom: now => {
          const p = resolvePeriod(config.period, now, config.timeZone);
          return p.from - (p.to - p.from);
        },
        target: now => (config.horizonDays === null ? null : now - config.horizonDays * DAY),
        sideStageIds: config.sideStageIds,
      });
      // An unreadable copy is as good as none; a copy of a pipeline the account lost is an error.
      const held = await keeper.open().catch((error: unknown) => {
        if (error instanceof PipelineGone) throw error;
        return false;
      });
      if (abort.signal.aborted) return;
      if (held) {
        const store = keeper.store();
        const meta = keeper.meta();
        if (store && meta) publishModel(buildFromStore(store, meta, config.sideStageIds));
      }
      set({ activity: { kind: 'idle' } });
      await loop();
    } catch (error) {
      if (!abort.signal.aborted) failed(error);
    }
  }

  /**
   * Another tab saved a step: show the numbers of its copy. A copy that cannot be read (or holds
   * nothing) is no reason to wait for that tab: the error shows and this tab tries again itself.
   */
  async function reloadFromOtherTab(k: Keeper): Promise<void> {
    try {
      const held = await k.reload();
      const store = k.store();
      const meta = k.meta();
      if (stopped()) return;
      if (held && store && meta) {
        publishModel(buildFromStore(store, meta, config.sideStageIds));
        if (status.activity.kind === 'other-tab') set({ activity: { kind: 'idle' } });
        return;
      }
      set({ activity: { kind: 'idle' } });
    } catch (error) {
      if (stopped()) return;
      set({ error: failureOf(error), activity: { kind: 'idle' } });
    }
    retryLater();
  }

  const timer = ports.timers.setInterval(() => void loop(), REFRESH_EVERY_MS);
  const unsubscribe = ports.channel.subscribe(changed => {
    if (changed !== key || running || !keeper) return;
    if (retry !== null) ports.timers.clearTimeout(retry);
    retry = null;
    void reloadFromOtherTab(keeper);
  });
  void start();

  /** Answers on a later turn, as a worker would, and refuses once disposed. */
  const answer = async <T>(fn: () => T): Promise<T> => {
    await Promise.resolve();
    if (abort.signal.aborted) throw new EngineError('DISPOSED');
    return fn();
  };

  return {
    // Throws NO_DATA before any model.
    report: (options, lists) => answer(() => reportView(model, options, lists)),
    stageDeals: (options, stageId) => answer(() => stageDealsView(model, options, stageId)),
    journey: async (leadId, now, stuck) => {
      const visits = await keeper?.visitsOf(leadId);
      return answer(() => journeyView(model, leadId, now, stuck, visits));
    },
    partial: period =>
      answer(() => {
        const store = keeper?.store();
        return store ? partialCounts(store, period) : null;
      }),
    refresh: () => {
      recovery.cancel();
      if (status.retryAt !== null) set({ retryAt: null });
      force = true;
      void loop();
    },
    shown: () => {
      if (drawn) ports.timers.setTimeout(drawn, 0);
    },
    subscribe: listener => {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      abort.abort();
      ports.timers.clearInterval(timer);
      if (retry !== null) ports.timers.clearTimeout(retry);
      if (pause !== null) ports.timers.clearTimeout(pause);
      recovery.cancel();
      unsubscribe();
      listeners.clear();
      void cacheReady.then(c => c.close()).catch(() => undefined);
    },
  };
}
