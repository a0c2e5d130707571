/**
 * Filtered, sorted list results kept between page requests. A client paging through 400k events
 * 100 at a time would otherwise make the emulator filter and sort the whole history for every
 * page. Entries belong to one account object, so replacing `ctx.account` (page drift, reset)
 * drops them all; the account must therefore be replaced, never mutated in place.
 *
 * The least recently read entry goes first: a sync interleaves one long paged list with many
 * one-page id batches, and the list it is still reading must outlive them. Entries are bounded
 * in number and in items held, since a million-lead account's unfiltered event list alone holds
 * millions of references.
 */
import type { DemoAccount } from '../demo/types';

export interface ListCacheLimits {
  readonly maxEntries: number;
  /** Items (references) held per account; the newest entry stays even when it alone is more. */
  readonly maxItems: number;
}

/** 4M references are about 32 MB of pointers. */
const DEFAULT_LIMITS: ListCacheLimits = { maxEntries: 32, maxItems: 4_000_000 };

export interface ListCache<T> {
  /** The cached list for `key` in `account`, built by `build` on a miss. */
  get(account: DemoAccount, key: string, build: () => readonly T[]): readonly T[];
}

interface Entries<T> {
  /** Map order is recency order: a hit is moved to the end. */
  readonly lists: Map<string, readonly T[]>;
  items: number;
}

function evict<T>(entries: Entries<T>, limits: ListCacheLimits): void {
  for (const [key, list] of entries.lists) {
    if (entries.lists.size <= 1) return;
    if (entries.lists.size <= limits.maxEntries && entries.items <= limits.maxItems) return;
    entries.lists.delete(key);
    entries.items -= list.length;
  }
}

export function createListCache<T>(limits: ListCacheLimits = DEFAULT_LIMITS): ListCache<T> {
  const byAccount = new WeakMap<DemoAccount, Entries<T>>();
  return {
    get(account, key, build) {
      let entries = byAccount.get(account);
      if (entries === undefined) {
        entries = { lists: new Map(), items: 0 };
        byAccount.set(account, entries);
      }
      const hit = entries.lists.get(key);
      if (hit !== undefined) {
        entries.lists.delete(key);
        entries.lists.set(key, hit);
        return hit;
      }
      const built = build();
      entries.lists.set(key, built);
      entries.items += built.length;
      evict(entries, limits);
      return built;
    },
  };
}

/** Query parameters that do not change which items a list holds. */
const NOT_SELECTING = new Set(['page', 'limit', 'with']);

/** A cache key from what selects the list, so every page of one list shares an entry. */
export function listKey(
  parts: Readonly<Record<string, unknown>>,
  query: Readonly<Record<string, unknown>>,
): string {
  const selecting = Object.entries(query).filter(([name]) => !NOT_SELECTING.has(name));
  return JSON.stringify([parts, selecting]);
}
