import type { Lead, StatusChange } from '../../core';
import type { PipelineData, PipelineDelta } from '../merge';
import { CacheError, describeError } from './errors';
import { byId, checkData, metaOf, scopeKey } from './scope';
import type { PipelineMeta } from './scope';
import type { PipelineStore } from './types';

interface Held {
  readonly meta: PipelineMeta;
  readonly leads: Map<number, Lead>;
  readonly events: Map<string, StatusChange>;
}

/** Runs `fn` and settles with its result, so a throw becomes a rejection like in the IDB store. */
function settle<T>(fn: () => T): Promise<T> {
  return new Promise<T>(resolve => resolve(fn()));
}

/**
 * A pipeline store held in memory: for tests, and for browsers where IndexedDB cannot open
 * (private mode, a blocked upgrade). Copies on the way in and out, like IndexedDB does, so no
 * caller can change what is held by mutating an object it passed or got.
 *
 * @example
 * const store = createMemoryStore();
 * await store.save(scope, data, delta);
 * (await store.load(scope))?.leads.length //=> data.leads.length
 */
export function createMemoryStore(): PipelineStore {
  let held: Map<string, Held> | null = new Map();
  const live = (): Map<string, Held> => {
    if (held === null) throw new CacheError('CLOSED');
    return held;
  };

  return {
    load: scope =>
      settle((): PipelineData | null => {
        const found = live().get(scopeKey(scope));
        if (found === undefined) return null;
        return structuredClone({
          ...found.meta,
          leads: [...found.leads.values()].sort(byId),
          events: [...found.events.values()].sort(byId),
        });
      }),

    save: (scope, data, delta) =>
      settle(() => {
        const all = live();
        const key = scopeKey(scope);
        checkData(scope, data);
        // Copy first: a value that cannot be cloned throws here, before anything held changes.
        // Past this line only Map operations run, and they cannot fail midway.
        let copy: { meta: PipelineMeta; delta: PipelineDelta };
        try {
          copy = structuredClone({ meta: metaOf(data), delta });
        } catch (error) {
          throw new CacheError('WRITE_FAILED', describeError(error), error);
        }
        const prev = delta.replace ? undefined : all.get(key);
        const leads = prev?.leads ?? new Map<number, Lead>();
        const events = prev?.events ?? new Map<string, StatusChange>();
        const gone = new Set(copy.delta.deleteLeadIds);
        for (const id of gone) leads.delete(id);
        if (gone.size > 0) for (const [id, e] of events) if (gone.has(e.leadId)) events.delete(id);
        for (const lead of copy.delta.putLeads) leads.set(lead.id, lead);
        for (const event of copy.delta.putEvents) events.set(event.id, event);
        all.set(key, { meta: copy.meta, leads, events });
      }),

    clear: scope =>
      settle(() => {
        live().delete(scopeKey(scope));
      }),

    close: () => {
      held = null;
    },
  };
}
