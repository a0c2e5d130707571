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
   * Applies one sync atomically: the delta (replace / put leads / delete leads and their events /
   * put events) and the new meta (everything in PipelineData except leads and events) in ONE
   * readwrite transaction. If anything fails, nothing changes.
   */
  save(scope: CacheScope, data: PipelineData, delta: PipelineDelta): Promise<void>;
  /** Forgets everything held for the scope. */
  clear(scope: CacheScope): Promise<void>;
  /** Releases the store; later calls reject with `CLOSED`. */
  close(): void;
}
