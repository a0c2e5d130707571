/** The browser cache of synced pipeline data: IndexedDB, with a memory store as the fallback. */
export { CacheError } from './errors';
export type { CacheErrorCode } from './errors';
export { CACHE_SCHEMA_VERSION, DEFAULT_CACHE_NAME, openIdbStore } from './idb';
export type { IdbStoreOptions } from './idb';
export { createMemoryStore } from './memory';
export type { CacheScope, PipelineStore } from './types';
