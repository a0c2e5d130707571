/** Whole lists read page by page into the sink: the window's, a refresh's, the arrivals'. */
import type { EventFilter } from '../../api';
import type { KeysetList } from './keyset';
import { keysetPage, START } from './keyset';
import { ENTITY_IDS } from './lists';
import type { HistorySource } from './source';
import type { LoadSink } from './sink';

export interface Reader {
  readonly source: HistorySource;
  readonly sink: LoadSink;
  readonly signal?: AbortSignal | undefined;
}

/** Reads every page of a lead list by keyset, feeding the sink; returns the leads read. */
export async function readKeysetList(
  load: Reader,
  list: KeysetList,
  onPage: (boundary: number | null, count: number) => void,
): Promise<number> {
  let cursor = START;
  let count = 0;
  while (!cursor.done) {
    const step = await keysetPage(load.source, list, cursor, load.signal);
    load.sink.leads(step.leads);
    count += step.leads.length;
    cursor = step.cursor;
    onPage(cursor.boundary, count);
  }
  return count;
}

/** Reads every page of a fixed-range event list, feeding the sink. */
export async function readEventList(
  load: Reader,
  filter: EventFilter,
  onPage: (oldest: number | null, count: number) => void,
): Promise<number> {
  let count = 0;
  for (let page = 1; ; page++) {
    const read = await load.source.events(filter, page, load.signal);
    load.sink.changes(read.changes, read.lifecycle);
    count += read.changes.length;
    onPage(read.oldest, count);
    if (!read.more) return count;
  }
}

/**
 * Reads the changes of these leads, ten leads a request (amoCRM's cap on `filter[entity_id]`), each
 * request's filter made for its leads; `onPage` hears the changes read so far. Returns them.
 */
export async function readByLeadIds(
  load: Reader,
  ids: readonly number[],
  filterFor: (entityIds: readonly number[]) => EventFilter,
  onPage: (changes: number) => void,
): Promise<number> {
  let changes = 0;
  for (let i = 0; i < ids.length; i += ENTITY_IDS) {
    const before = changes;
    const entityIds = ids.slice(i, i + ENTITY_IDS);
    changes += await readEventList(load, filterFor(entityIds), (_oldest, count) =>
      onPage(before + count),
    );
  }
  return changes;
}
