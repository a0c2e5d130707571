/**
 * Filtered, sorted list results kept between page requests. A client paging through 400k events
 * 100 at a time would otherwise make the emulator filter and sort the whole history for every
 * page. Entries belong to one account object, so replacing `ctx.account` (page drift, reset)
 * drops them all; the account must therefore be replaced, never mutated in place.
 */
import type { DemoAccount } from '../demo/types';

const MAX_ENTRIES = 32;

export interface ListCache<T> {
  /** The cached list for `key` in `account`, built by `build` on a miss. */
  get(account: DemoAccount, key: string, build: () => readonly T[]): readonly T[];
}

export function createListCache<T>(): ListCache<T> {
  const byAccount = new WeakMap<DemoAccount, Map<string, readonly T[]>>();
  return {
    get(account, key, build) {
      let entries = byAccount.get(account);
      if (entries === undefined) {
        entries = new Map();
        byAccount.set(account, entries);
      }
      const hit = entries.get(key);
      if (hit !== undefined) return hit;
      const built = build();
      entries.set(key, built);
      if (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
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
