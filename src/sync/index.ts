/**
 * Keeping one pipeline's data: sync from amoCRM (full or incremental), merge into what is held,
 * and the cache contract with its memory store. Other layers import it only through this file;
 * the IndexedDB store, browser only, has its own entry (`sync/idb`).
 */
export { SYNC_EVENT_TYPES, SYNC_OVERLAP_SECONDS, syncPipeline } from './sync';
export type { SyncOptions, SyncPhase, SyncProgress, SyncResult } from './sync';
export { applySync } from './merge';
export type { PipelineData, PipelineDelta } from './merge';
export { keepLatestLifecycle } from './lifecycle';
export { CacheError } from './cache/errors';
export type { CacheErrorCode } from './cache/errors';
export { createMemoryStore } from './cache/memory';
export type { BucketCore, CacheScope, ScopeChange, ScopeMeta, ScopeStore } from './cache/types';
export { scopeKey } from './cache/scope';
export { BUCKET_COUNT, bucketOf } from './cache/buckets';
export { phaseOf } from './history';
export type { Backfill, HistoryState, KeysetCursor, PageCursor } from './history';
