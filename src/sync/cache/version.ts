/**
 * The layout of what the cache stores. Bump it whenever a stored shape changes (the packed
 * columns, ScopeMeta, BUCKET_COUNT, the object stores or their keys): opening the database at a
 * higher version drops everything held, which costs one full sync and never mixes two layouts.
 */
// 2: leads and events as chunks of packed columns instead of one object record each.
// 3: a scope's leads in buckets by lead id, each bucket's core apart from its events, so a change
//    rewrites only the buckets it touches; the meta carries the history state.
// 4: each bucket's core keeps the leads' derived facts instead of their visits, so a warm start
//    reads what the engine needs instead of deriving it again.
// 5: leads keep their tags, custom field values and nearest task (issue 12's slices and activity
//    signal), so every cached lead has them without reading it again.
// 6: leads keep date fields' values (as text), which snoozed deals (metrics.md F.6) read.
export const CACHE_SCHEMA_VERSION = 6;
