/**
 * Keeping one pipeline's data: loading it from amoCRM (the window first, then older history, then
 * what changed), the history store that derives visits, and the cache contract with its memory
 * store. Other layers import it only through this file; the IndexedDB store, browser only, has
 * its own entry (`sync/idb`).
 */
export { deletedByTime, keepLatestLifecycle } from './lifecycle';
export { CacheError } from './cache/errors';
export type { CacheErrorCode } from './cache/errors';
export { createMemoryStore } from './cache/memory';
export type { BucketCore, CacheScope, ScopeChange, ScopeMeta, ScopeStore } from './cache/types';
export type { PackedEvents } from './leadEvents';
export { scopeKey } from './cache/scope';
export { BUCKET_COUNT, bucketOf } from './cache/buckets';
export { phaseOf } from './history';
export type { Backfill, HistoryState, KeysetCursor, PageCursor } from './history';
export { createHistoryStore } from './store';
export type { HistoryStore, StoreChange } from './store';
export { BACKFILL_PAGES, backfillPages, createKeeper, FRESH_FOR_S, PipelineGone } from './keeper';
export type { Keeper, KeeperDeps, StepKind, StepResult } from './keeper';
export { apiSource } from './load/source';
export type { HistorySource } from './load/source';
export type { LoadProgress, LoadStage } from './load/progress';
export { secondsLeft } from './load/progress';
export { loadWindow } from './load/window';
export { readEventList, readKeysetList } from './load/read';
export type { WindowLoad } from './load/window';
export { refresh, SYNC_OVERLAP_SECONDS } from './load/refresh';
export { createdSinceList, SYNC_EVENT_TYPES, updatedSinceList } from './load/lists';
export type { LoadSink } from './load/sink';
export { readMeta } from './load/meta';
export type { AccountMeta } from './load/meta';
