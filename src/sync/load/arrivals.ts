/**
 * Leads that entered the pipeline from another one. The lists of changes are filtered to the ones
 * that touch the pipeline, so such a lead's earlier moves elsewhere are not among them; its first
 * response (metrics.md 11.4) is its first move anywhere, so those are read by lead id — amoCRM's
 * only filter for them, up to 10 leads a request.
 */
import type { StatusChange } from '../../core';
import { ENTITY_IDS, STATUS_CHANGED } from './lists';
import type { Reader } from './read';
import { readEventList } from './read';

/** Notes in `seen` the leads of `changes` that moved into `pipelineId` from another, and when. */
export function noteArrivals(
  seen: Map<number, number>,
  pipelineId: number,
  changes: readonly StatusChange[],
): void {
  for (const c of changes) {
    if (c.after.pipelineId !== pipelineId || c.before.pipelineId === pipelineId) continue;
    // The latest arrival: everything before it is read.
    seen.set(c.leadId, Math.max(seen.get(c.leadId) ?? c.createdAt, c.createdAt));
  }
}

/**
 * Reads the status changes of these leads up to their arrival, from `from` on; `onPage` hears the
 * changes read so far. Returns the requests made.
 */
export async function readArrivalHistories(
  load: Reader,
  arrived: ReadonlyMap<number, number>,
  from: number | undefined,
  onPage: (changes: number) => void,
): Promise<number> {
  const ids = [...arrived.keys()].sort((a, b) => a - b);
  let requests = 0;
  let changes = 0;
  for (let i = 0; i < ids.length; i += ENTITY_IDS) {
    const entityIds = ids.slice(i, i + ENTITY_IDS);
    const to = Math.max(...entityIds.map(id => arrived.get(id) ?? 0));
    const before = changes;
    changes += await readEventList(
      load,
      { types: STATUS_CHANGED, entity: 'lead', entityIds, createdFrom: from, createdTo: to },
      (_oldest, count) => {
        requests++;
        onPage(before + count);
      },
    );
  }
  return requests;
}
