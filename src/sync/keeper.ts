/**
 * Keeps one pipeline's history for the widget: reads the cache at start, then, one step at a
 * time, loads the window, backfills older history, or fetches what changed — applying each step
 * to the in-memory store and saving exactly the buckets it changed, with the cursors that let a
 * reload or another tab go on from there. The caller (the engine worker) decides when to step,
 * holds the tab lock around steps, and turns each step's change into the engine's model.
 */
import type { Lead, Pipeline, StatusChange, Visit } from '../core';
import { buildFunnel } from '../core';
import type { CacheScope, ScopeMeta, ScopeStore } from './cache/types';
import { BUCKET_COUNT } from './cache/buckets';
import type { HistoryState } from './history';
import { backfillStep } from './load/backfill';
import type { AccountMeta, MetaPart } from './load/meta';
import { META_FRESH_FOR_S, readMeta, staleParts } from './load/meta';
import type { LoadProgress } from './load/progress';
import { refresh } from './load/refresh';
import type { HistorySource } from './load/source';
import { loadWindow } from './load/window';
import type { HistoryStore, StoreChange } from './store';
import { createHistoryStore } from './store';

/** Pages per backfill step: ~3 s at amoCRM's rate, so progress is saved and shown often. */
export const BACKFILL_PAGES = 20;
/**
 * Each step ends with a save of every bucket it touched (most of them: a page of older history
 * touches leads all over) and a rebuild, costing in proportion to what is held. Steps grow with
 * the held leads so that cost stays a small share of the step: at 100,000 leads a step is 200
 * pages, about 30 s of requests against a few seconds of saving.
 */
export function backfillPages(heldLeads: number): number {
  return Math.max(BACKFILL_PAGES, Math.ceil(heldLeads / 500));
}
/** A copy synced less than this long ago needs no refresh when a page opens. */
export const FRESH_FOR_S = 120;

export interface KeeperDeps {
  readonly scope: CacheScope;
  readonly cache: ScopeStore;
  readonly source: HistorySource;
  /** Whether the user may list users (administrators only). */
  readonly readUsers: boolean;
  /** Epoch seconds. */
  readonly now: () => number;
  /** Where the window starts for a load begun at `now` (the panel's comparison window). */
  readonly windowFrom: (now: number) => number;
  /** How far back the backfill goes at `now` (the horizon); null = all history. */
  readonly target: (now: number) => number | null;
  /** metrics.md 11.3: the open stages the admin set apart as side stages (any pipeline's). */
  readonly sideStageIds?: readonly number[];
  /** Pages per backfill step for the leads held; default `backfillPages`. */
  readonly stepPages?: (heldLeads: number) => number;
}

export type StepKind = 'window' | 'backfill' | 'refresh';

export interface StepResult extends StoreChange {
  readonly kind: StepKind;
  /** The meta changed in a way the model must see (pipelines, loss reasons). */
  readonly metaChanged: boolean;
  /** Buckets written, for other tabs to read again. */
  readonly buckets: readonly number[];
}

export function createKeeper(deps: KeeperDeps) {
  let meta: ScopeMeta | null = null;
  let store: HistoryStore | null = null;
  // Facts depend on which stages are side stages; a change of them derives the facts again.
  const funnelOf = (pipeline: Pipeline) => buildFunnel(pipeline, deps.sideStageIds ?? []);

  const pipelineOf = (m: AccountMeta): Pipeline => {
    const p = m.pipelines.find(x => x.id === deps.scope.pipelineId);
    if (!p) throw new PipelineGone(deps.scope.pipelineId);
    return p;
  };

  async function save(next: ScopeMeta, replace = false): Promise<number[]> {
    if (!store) return [];
    const dirty = store.takeDirty();
    await deps.cache.save(deps.scope, { meta: next, ...dirty, replace });
    meta = next;
    return [...new Set([...dirty.cores.keys(), ...dirty.events.keys()])];
  }

  /** Meta to go on with: held, refreshed where stale or old, or read whole the first time. */
  async function freshMeta(
    held: AccountMeta | null,
    now: number,
    seen: { leads: readonly Lead[]; changes: readonly StatusChange[] },
    signal?: AbortSignal,
  ): Promise<{ meta: AccountMeta; changed: boolean }> {
    const parts: Set<MetaPart> = held ? staleParts(held, now, seen) : new Set();
    if (held && parts.size === 0) return { meta: held, changed: false };
    const read = await readMeta(deps.source, {
      held,
      parts,
      readUsers: deps.readUsers,
      now,
      signal,
    });
    const changed =
      !held ||
      JSON.stringify(read.pipelines) !== JSON.stringify(held.pipelines) ||
      JSON.stringify(read.lossReasons) !== JSON.stringify(held.lossReasons);
    return { meta: read, changed };
  }

  /** Derives what the store has marked, reading the status changes it needs from the cache. */
  async function derive(held: HistoryStore): Promise<StoreChange> {
    const wanted = held.missingEvents();
    if (wanted.length > 0) held.loadEvents(wanted, await deps.cache.loadEvents(deps.scope, wanted));
    return held.derive();
  }

  return {
    meta: () => meta,
    store: () => store,
    /** Reads the cache; false when it holds nothing for the scope. */
    async open(): Promise<boolean> {
      const held = await deps.cache.load(deps.scope);
      if (!held) return false;
      // A copy whose meta lacks the pipeline throws PipelineGone: there is no funnel to read it by.
      const opened = createHistoryStore(
        deps.scope.pipelineId,
        held.meta.history.from,
        funnelOf(pipelineOf(held.meta)),
      );
      opened.loadCores(held.cores);
      // Facts held for other stages than the meta's are derived again before anyone reads them.
      await derive(opened);
      meta = held.meta;
      store = opened;
      return true;
    },
    /** What to do next, or null when the copy is complete and fresh. */
    next(): StepKind | null {
      if (!meta) return 'window';
      if (meta.history.backfill !== null) return 'backfill';
      return deps.now() - meta.history.syncedAt >= FRESH_FOR_S ? 'refresh' : null;
    },
    async step(
      kind: StepKind,
      signal?: AbortSignal,
      onProgress?: (p: LoadProgress) => void,
    ): Promise<StepResult> {
      const now = Math.floor(deps.now());
      const seen = { leads: [] as Lead[], changes: [] as StatusChange[] };
      const base = await freshMeta(meta, now, seen, signal);
      const pipeline = pipelineOf(base.meta);
      const target = deps.target(now);
      const funnel = funnelOf(pipeline);
      if (kind === 'window' || !store || !meta) {
        store = createHistoryStore(deps.scope.pipelineId, null, funnel);
        store.allEventsLoaded(BUCKET_COUNT);
      } else {
        store.setFunnel(funnel);
        // Deriving needs each touched lead's changes: a backfill touches most buckets.
        const wanted = store.missingEvents(kind === 'backfill');
        if (wanted.length > 0)
          store.loadEvents(wanted, await deps.cache.loadEvents(deps.scope, wanted));
      }
      const held = store;
      const sink = {
        leads: (list: readonly Lead[]) => {
          seen.leads.push(...list);
          held.applyLeads(list);
        },
        changes: (
          list: readonly StatusChange[],
          lifecycle: Parameters<typeof held.applyLifecycle>[0],
        ) => {
          seen.changes.push(...list);
          held.applyChanges(list);
          held.applyLifecycle(lifecycle);
        },
      };
      const load = {
        source: deps.source,
        pipeline,
        pipelines: base.meta.pipelines,
        sink,
        signal,
        onProgress,
      };
      let history: HistoryState;
      if (kind === 'window' || !meta) {
        history = await loadWindow(load, deps.windowFrom(now), now, target);
        held.setHistoryFrom(history.from);
      } else if (kind === 'backfill') {
        // Take in everything back to the backfill's end; the step's end says how far it got.
        held.setHistoryFrom(meta.history.target);
        history = await backfillStep(
          load,
          meta.history,
          (deps.stepPages ?? backfillPages)(held.size()),
        );
        held.setHistoryFrom(history.from);
        if (history.backfill === null) held.pruneEvents();
      } else {
        const pipelineId = deps.scope.pipelineId;
        history = await refresh(
          { ...load, pipelineId, held: id => held.lead(id) !== undefined },
          meta.history,
          now,
        );
        // Mid-backfill, what was read past the history waits for it to move back.
        if (history.backfill === null) held.pruneEvents();
      }
      // What the pages named that the meta does not know is read now, before the model sees it.
      const after = await freshMeta(base.meta, now, seen, signal);
      held.setFunnel(funnelOf(pipelineOf(after.meta)));
      const change = await derive(held);
      const buckets = await save(
        { ...after.meta, pipelineId: deps.scope.pipelineId, history },
        kind === 'window',
      );
      return { kind, ...change, metaChanged: base.changed || after.changed, buckets };
    },
    /** A lead's visits (its journey), reading its bucket's status changes from the cache. */
    async visitsOf(leadId: number): Promise<Visit[] | undefined> {
      const held = store;
      if (!held) return undefined;
      const wanted = held.missingFor([leadId]);
      if (wanted.length > 0)
        held.loadEvents(wanted, await deps.cache.loadEvents(deps.scope, wanted));
      return held.visitsOf(leadId);
    },
    /** Another tab saved these buckets: read them (and the meta) again. */
    async reload(): Promise<boolean> {
      return this.open();
    },
  };
}

export type Keeper = ReturnType<typeof createKeeper>;

/** The scope's pipeline is no longer in the account. */
export class PipelineGone extends Error {
  override readonly name = 'PipelineGone';
  constructor(readonly pipelineId: number) {
    super(`pipeline ${pipelineId} is not in the account`);
  }
}

/** Meta refresh interval, for callers that schedule refreshes. */
export { META_FRESH_FOR_S };
