import type { PipelineData, PipelineDelta } from '../merge';

/** Whose copy: each account, user and pipeline has its own, never visible to another. */
export interface CacheScope {
  readonly accountId: number;
  readonly userId: number;
  readonly pipelineId: number;
}

/**
 * Where synced pipeline data is kept between widget openings. Every method rejects with a
 * `CacheError`; a store that cannot open is replaced by the memory store by the caller.
 *
 * @example
 * const held = await store.load(scope);
 * const { data, delta } = applySync(held, await syncPipeline(client, opts), scope.pipelineId);
 * await store.save(scope, data, delta);
 */
export interface PipelineStore {
  /**
   * The held data for the scope, or null (nothing yet, or written by an older schema version —
   * then it is dropped). Leads come in id order, events in id order (string order).
   */
  load(scope: CacheScope): Promise<PipelineData | null>;
  /**
   * Makes `data` the scope's copy, atomically: if anything fails, nothing changes. `delta` must be
   * what turns the held copy into `data` (as applySync returns them): the memory store applies
   * the delta (replace / put leads / delete leads and their events / put events), the IndexedDB
   * store writes the whole of `data` as packed chunks, both with the new meta (everything in
   * PipelineData except leads and events).
   */
  save(scope: CacheScope, data: PipelineData, delta: PipelineDelta): Promise<void>;
  /** Forgets everything held for the scope. */
  clear(scope: CacheScope): Promise<void>;
  /** Releases the store; later calls reject with `CLOSED`. */
  close(): void;
}
