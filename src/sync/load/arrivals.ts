/**
 * Leads that entered the pipeline from another one. The lists of changes are filtered to the ones
 * that touch the pipeline, so such a lead's earlier moves elsewhere are not among them; its first
 * response (metrics.md 11.4) is its first move anywhere, so those are read by lead id — amoCRM's
 * only filter for them, up to 10 leads a request.
 */
import type { StatusChange } from '../../core';
import { STATUS_CHANGED } from './lists';
import type { Reader } from './read';
import { readByLeadIds } from './read';

/** Notes in `seen` the leads of `changes` that moved into `pipelineId` from another, and when. */
export function noteArrivals(
  seen: Map<number, number>,
  pipelineId: number,
  changes: readonly StatusChange[],
): void {
  for (const c of changes) {
    // A change without a before does not say it came from elsewhere; reading every such lead's
    // earlier changes would cost a request per ten of them on a guess.
    if (c.after.pipelineId !== pipelineId || (c.before?.pipelineId ?? pipelineId) === pipelineId)
      continue;
    // The latest arrival: everything before it is read.
    seen.set(c.leadId, Math.max(seen.get(c.leadId) ?? c.createdAt, c.createdAt));
  }
}

/**
 * Reads the status changes of these leads up to their arrival, from `from` on; `onPage` hears the
 * changes read so far.
 */
export async function readArrivalHistories(
  load: Reader,
  arrived: ReadonlyMap<number, number>,
  from: number | undefined,
  onPage: (changes: number) => void,
): Promise<void> {
  const ids = [...arrived.keys()].sort((a, b) => a - b);
  await readByLeadIds(
    load,
    ids,
    entityIds => ({
      types: STATUS_CHANGED,
      entity: 'lead',
      entityIds,
      createdFrom: from,
      createdTo: Math.max(...entityIds.map(id => arrived.get(id) ?? 0)),
    }),
    onPage,
  );
}
