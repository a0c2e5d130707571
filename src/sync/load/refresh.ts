/**
 * What changed since the last sync: leads updated since then in any pipeline (one that left the
 * pipeline must be seen leaving), status changes, deletions and restorations since then, and the
 * held history of leads that joined the pipeline from elsewhere. With nothing changed this is
 * two requests, both answered "no content".
 */
import { LOST_STATUS_ID, WON_STATUS_ID } from '../../core';
import type { HistoryState } from '../history';
import { SYNC_EVENT_TYPES, updatedSinceList } from './lists';
import type { LoadProgress } from './progress';
import type { WindowLoad } from './window';
import { readByLeadIds, readEventList, readKeysetList } from './read';

/**
 * An incremental sync re-reads this many seconds before the last one started: a change written
 * while the previous sync was paging, or a clock a little off, must not fall in a gap.
 */
export const SYNC_OVERLAP_SECONDS = 600;

export interface RefreshLoad extends Pick<WindowLoad, 'source' | 'sink' | 'signal' | 'onProgress'> {
  /** The pipeline whose newcomers need their older history; null = every pipeline. */
  readonly pipelineId: number | null;
  /** Whether the store held the lead before this sync. */
  readonly held: (leadId: number) => boolean;
}

export async function refresh(
  load: RefreshLoad,
  state: HistoryState,
  until: number,
): Promise<HistoryState> {
  const since = state.syncedAt - SYNC_OVERLAP_SECONDS;
  let requests = 0;
  const tell = (p: Partial<LoadProgress>) => {
    requests++;
    load.onProgress?.({
      stage: 'refresh',
      fraction: null,
      requests,
      leads: 0,
      changes: 0,
      heldFrom: state.from,
      ...p,
    });
  };
  const joined: number[] = [];
  const sink = {
    ...load.sink,
    leads: (list: Parameters<typeof load.sink.leads>[0]) => {
      for (const l of list) {
        const open = l.statusId !== WON_STATUS_ID && l.statusId !== LOST_STATUS_ID;
        const kept = state.from === null || l.createdAt >= state.from || open;
        const ours = load.pipelineId === null || l.pipelineId === load.pipelineId;
        if (ours && kept && !load.held(l.id) && l.createdAt < since) joined.push(l.id);
      }
      load.sink.leads(list);
    },
  };
  await readKeysetList({ ...load, sink }, updatedSinceList(since), (_b, leads) => tell({ leads }));
  const types = SYNC_EVENT_TYPES;
  await readEventList(
    load,
    { types, entity: 'lead', createdFrom: since, createdTo: until },
    (_o, changes) => tell({ changes }),
  );
  // Leads new to the pipeline but older than this sync's window: their history before it.
  const from = state.from ?? undefined;
  await readByLeadIds(
    load,
    joined,
    entityIds => ({ types, entity: 'lead', entityIds, createdFrom: from, createdTo: until }),
    () => tell({}),
  );
  return { ...state, syncedAt: until };
}
