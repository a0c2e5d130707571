/**
 * The IndexedDB store of synced pipeline data: the browser half of src/sync, a second entry so
 * that Node code (the CLI) never compiles or loads it.
 */
export { CACHE_SCHEMA_VERSION } from '../cache/version';
export { DEFAULT_CACHE_NAME, openIdbStore } from './idb';
export type { IdbStoreOptions } from './idb';
