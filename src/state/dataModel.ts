import { computed, createModel, effect, signal } from '@preact/signals-core';
import type { ApiClient, WaitInfo } from '../api';
import { ApiError, toApiError } from '../api';
import { applySync, scopeKey, syncPipeline } from '../sync';
import type { CacheScope, PipelineData, PipelineStore, SyncProgress } from '../sync';
import type { FunnelInput } from '../core';
import type { Engine } from './engine/engine';
import { readOnly } from './readOnly';
import type { SyncChannel, TabLock, Timers } from './ports';

/** Background refresh while the panel is open. */
export const REFRESH_EVERY_MS = 10 * 60_000;
/** A cache younger than this is shown without an immediate background sync. */
export const FRESH_FOR_MS = 2 * 60_000;
/** How long to wait for another tab's sync before trying ourselves. */
export const OTHER_TAB_RETRY_MS = 15_000;

export type DataStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'syncing'; readonly progress: SyncProgress | null; readonly first: boolean }
  | { readonly kind: 'other-tab' }
  | { readonly kind: 'ready' };

export interface DataDeps {
  readonly scope: CacheScope;
  readonly store: PipelineStore;
  readonly engine: Engine;
  /** The API client; `onWait` reports rate-limit and retry waits to the model. */
  readonly createClient: (hooks: { onWait: (info: WaitInfo) => void }) => ApiClient;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  readonly lock: TabLock;
  readonly channel: SyncChannel;
  readonly timers: Timers;
  /** False when the host knows the user is not an administrator (who may not list users). */
  readonly readUsers?: boolean;
}

/** The engine's input for the held pipeline; null when the pipeline is gone from the account. */
export function funnelInputOf(data: PipelineData): FunnelInput | null {
  const pipeline = data.pipelines.find(p => p.id === data.pipelineId);
  return pipeline
    ? { pipeline, leads: data.leads, events: data.events, lossReasons: data.lossReasons }
    : null;
}

/**
 * One pipeline's data for one mount: shown from the cache at once, then kept fresh by background
 * syncs (one tab at a time). A failed sync keeps what was shown and says why; nothing cached is
 * lost because a sync is written in one transaction only after it completed.
 */
export const DataModel = createModel((deps: DataDeps) => {
  const data = signal<PipelineData | null>(null);
  const status = signal<DataStatus>({ kind: 'idle' });
  const error = signal<ApiError | null>(null);
  const wait = signal<(WaitInfo & { readonly until: number }) | null>(null);
  /** Bumped each time the engine holds new data: report models recompute on it. */
  const engineVersion = signal(0);
  const key = scopeKey(deps.scope);
  let abort = new AbortController();
  let syncing = false;
  let retry: unknown = null;

  const client = deps.createClient({
    onWait: info => {
      wait.value = { ...info, until: deps.clock() + info.seconds * 1000 };
    },
  });

  async function show(next: PipelineData, signal: AbortSignal): Promise<void> {
    const input = funnelInputOf(next);
    if (!input) {
      throw new ApiError('NOT_FOUND', { path: `/api/v4/leads/pipelines/${deps.scope.pipelineId}` });
    }
    await deps.engine.load(input);
    if (signal.aborted) return;
    data.value = next;
    engineVersion.value++;
  }

  async function sync(signal: AbortSignal): Promise<void> {
    // A function, not `signal.aborted` inline: it changes across awaits, which narrowing ignores.
    const stopped = () => signal.aborted;
    if (syncing || stopped()) return;
    syncing = true;
    const prev = data.peek();
    status.value = { kind: 'syncing', progress: null, first: prev === null };
    try {
      const outcome = await deps.lock.tryRun(`funnel-lens-sync:${key}`, async () => {
        const result = await syncPipeline(client, {
          pipelineId: deps.scope.pipelineId,
          since: prev?.syncedAt ?? null,
          knownLeadIds: new Set(prev?.leads.map(l => l.id)),
          readUsers: deps.readUsers,
          now: () => Math.floor(deps.clock() / 1000),
          signal,
          onProgress: progress => {
            wait.value = null;
            status.value = { kind: 'syncing', progress, first: prev === null };
          },
        });
        const { data: next, delta } = applySync(prev, result, deps.scope.pipelineId);
        await deps.store.save(deps.scope, next, delta);
        return next;
      });
      if (stopped()) return;
      if (!outcome.ran) {
        status.value = { kind: 'other-tab' };
        retry = deps.timers.setTimeout(() => void sync(abort.signal), OTHER_TAB_RETRY_MS);
        return;
      }
      deps.channel.post(key);
      await show(outcome.value, signal);
      error.value = null;
      status.value = { kind: 'ready' };
    } catch (e) {
      if (stopped()) return;
      error.value = toApiError(e);
      status.value = data.peek() ? { kind: 'ready' } : { kind: 'idle' };
    } finally {
      syncing = false;
      wait.value = null;
    }
  }

  async function loadCached(signal: AbortSignal): Promise<boolean> {
    const cached = await deps.store.load(deps.scope).catch(() => null);
    if (!cached || signal.aborted) return false;
    await show(cached, signal);
    return true;
  }

  async function start(signal: AbortSignal): Promise<void> {
    status.value = { kind: 'loading' };
    try {
      const had = await loadCached(signal);
      if (signal.aborted) return;
      status.value = { kind: 'ready' };
      const age =
        had && data.peek() ? deps.clock() - (data.peek()?.syncedAt ?? 0) * 1000 : Infinity;
      if (age > FRESH_FOR_MS) await sync(signal);
    } catch (e) {
      if (!signal.aborted) error.value = toApiError(e);
    }
  }

  // The model's lifetime: start, refresh periodically, hear other tabs; all undone on dispose.
  effect(() => {
    abort = new AbortController();
    const { signal } = abort;
    void start(signal);
    const timer = deps.timers.setInterval(() => void sync(signal), REFRESH_EVERY_MS);
    const unsubscribe = deps.channel.subscribe(changed => {
      if (changed !== key || syncing) return;
      if (retry !== null) deps.timers.clearTimeout(retry);
      retry = null;
      void loadCached(signal).then(() => {
        if (!signal.aborted && status.peek().kind === 'other-tab') status.value = { kind: 'ready' };
      });
    });
    return () => {
      abort.abort();
      deps.timers.clearInterval(timer);
      if (retry !== null) deps.timers.clearTimeout(retry);
      unsubscribe();
    };
  });

  return {
    data: readOnly(data),
    status: readOnly(status),
    error: readOnly(error),
    wait: readOnly(wait),
    engineVersion: readOnly(engineVersion),
    /** This pipeline as the last sync saw it (name, stages); null before any data. */
    pipeline: computed(
      () => data.value?.pipelines.find(p => p.id === deps.scope.pipelineId) ?? null,
    ),
    /** Deal names by lead id, for the lists that show deals (drill-down, stuck table). */
    leadNames: computed(
      (): ReadonlyMap<number, string> => new Map(data.value?.leads.map(l => [l.id, l.name])),
    ),
    /** Fetches what changed now (the refresh button). */
    refresh: () => void sync(abort.signal),
  };
});

export type DataModel = InstanceType<typeof DataModel>;
