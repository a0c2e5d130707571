import type { PackedEvents } from '../leadEvents';
import { checkChange, isEmptyCore, isEmptyEvents, wantedBuckets } from './buckets';
import { CacheError, guard } from './errors';
import type { CacheErrorCode } from './errors';
import { checkMeta, noHeldCopy, pickMeta, scopeKey } from './scope';
import type { BucketCore, ScopeMeta, ScopeStore } from './types';

interface Held {
  readonly meta: ScopeMeta;
  readonly cores: ReadonlyMap<number, BucketCore>;
  readonly events: ReadonlyMap<number, PackedEvents>;
}

/**
 * Runs `fn` and settles with its result, so a throw becomes a rejection like in the IDB store,
 * and anything but a CacheError (a malformed record) becomes one with `code`.
 */
function settle<T>(code: CacheErrorCode, fn: () => T): Promise<T> {
  return guard(code, () => new Promise<T>(resolve => resolve(fn())));
}

/** Map entries in bucket order, as the IDB store returns them. */
function sorted<V>(map: ReadonlyMap<number, V>): [number, V][] {
  return [...map].sort(([a], [b]) => a - b);
}

/**
 * Applies one kind of record: given ones replace what is held, empty ones drop it. Works on a
 * new map, so what is held stays untouched until the whole change is ready.
 */
function apply<V>(
  held: ReadonlyMap<number, V> | undefined,
  given: readonly [number, V][],
  isEmpty: (value: V) => boolean,
): Map<number, V> {
  const next = new Map(held);
  for (const [bucket, value] of given) {
    if (isEmpty(value)) next.delete(bucket);
    else next.set(bucket, value);
  }
  return next;
}

/**
 * A scope store held in memory: for tests, and for browsers where IndexedDB cannot open (private
 * mode, a blocked upgrade). Copies on the way in and out, like IndexedDB does, so no caller can
 * change what is held by mutating an object it passed or got.
 *
 * @example
 * const store = createMemoryStore();
 * await store.save(scope, { meta, cores, events, replace: true });
 * (await store.load(scope))?.cores.size //=> cores.size
 */
export function createMemoryStore(): ScopeStore {
  let held: Map<string, Held> | null = new Map();
  const live = (): Map<string, Held> => {
    if (held === null) throw new CacheError('CLOSED');
    return held;
  };

  return {
    load: scope =>
      settle('READ_FAILED', () => {
        const found = live().get(scopeKey(scope));
        if (found === undefined) return null;
        const copy = structuredClone({ meta: found.meta, cores: sorted(found.cores) });
        return { meta: copy.meta, cores: new Map(copy.cores) };
      }),

    loadEvents: (scope, buckets) =>
      settle('READ_FAILED', () => {
        const found = live().get(scopeKey(scope));
        const picked: [number, PackedEvents][] = [];
        for (const bucket of wantedBuckets(buckets).sort((a, b) => a - b)) {
          const events = found?.events.get(bucket);
          if (events !== undefined) picked.push([bucket, events]);
        }
        return new Map(structuredClone(picked));
      }),

    save: (scope, change) =>
      settle('WRITE_FAILED', () => {
        const all = live();
        const key = scopeKey(scope);
        checkMeta(scope, change.meta);
        checkChange(change);
        const prev = change.replace ? undefined : all.get(key);
        if (!change.replace && prev === undefined) throw noHeldCopy();
        // Copy first: a value that cannot be cloned throws here (WRITE_FAILED, by `settle`),
        // before anything held changes. Entries, not the maps: a ReadonlyMap need not be a Map,
        // and would clone as `{}`.
        const copy = structuredClone({
          meta: pickMeta(change.meta),
          cores: [...change.cores],
          events: [...change.events],
        });
        // Past this line only Map operations run, and they cannot fail midway.
        all.set(key, {
          meta: copy.meta,
          cores: apply(prev?.cores, copy.cores, isEmptyCore),
          events: apply(prev?.events, copy.events, isEmptyEvents),
        });
      }),

    clear: scope =>
      settle('WRITE_FAILED', () => {
        live().delete(scopeKey(scope));
      }),

    close: () => {
      held = null;
    },
  };
}
