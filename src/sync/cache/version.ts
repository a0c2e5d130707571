/**
 * The layout of what the cache stores. Bump it whenever a stored shape changes (the core Lead or
 * StatusChange, PipelineData, the object stores or their keys): opening the database at a higher
 * version drops everything held, which costs one full sync and never mixes two layouts.
 */
// 2: leads and events as chunks of packed columns instead of one object record each.
export const CACHE_SCHEMA_VERSION = 2;
