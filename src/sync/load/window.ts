/**
 * The window first: what the panel's numbers for its period need — the pipeline's leads created
 * since the comparison window began, its open leads, and the status changes since then. The
 * panel is exact for its period as soon as this is in; older history follows in the background.
 */
import type { Pipeline } from '../../core';
import type { HistoryState, PageCursor } from '../history';
import { START } from './keyset';
import { noteArrivals, readArrivalHistories } from './arrivals';
import { createdSinceList, intoList, openBeforeList, outList } from './lists';
import type { LoadProgress } from './progress';
import { covered } from './progress';
import type { HistorySource } from './source';
import type { LoadSink } from './sink';
import { readEventList, readKeysetList } from './read';

export interface WindowLoad {
  readonly source: HistorySource;
  readonly pipeline: Pipeline;
  readonly pipelines: readonly Pipeline[];
  readonly sink: LoadSink;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: LoadProgress) => void) | undefined;
}

export const FIRST_PAGE: PageCursor = { page: 1, oldest: null, done: false };

/**
 * Loads the window [from, until]: afterwards the data holds history from `from` on (see
 * docs/metrics.md, loaded history) and the backfill of [target, from) is set up.
 */
export async function loadWindow(
  load: WindowLoad,
  from: number,
  until: number,
  target: number | null,
): Promise<HistoryState> {
  const { pipeline } = load;
  let requests = 0;
  let leads = 0;
  let changes = 0;
  const tell = (fraction: number) => {
    requests++;
    load.onProgress?.({ stage: 'window', fraction, requests, leads, changes, heldFrom: null });
  };
  // Weights: status changes are most of the requests (100 a page against 250 leads).
  await readKeysetList(load, createdSinceList(pipeline, from), (boundary, n) => {
    leads = n;
    tell(0.25 * covered(from, until, boundary, 'forward'));
  });
  const before = leads;
  await readKeysetList(load, openBeforeList(pipeline, from), (_b, n) => {
    leads = before + n;
    tell(0.3);
  });
  const range = { from, to: until };
  const arrived = new Map<number, number>();
  const into = {
    ...load,
    sink: {
      ...load.sink,
      changes: (...args: Parameters<LoadSink['changes']>) => {
        noteArrivals(arrived, pipeline.id, args[0]);
        load.sink.changes(...args);
      },
    },
  };
  await readEventList(into, intoList(pipeline, range), (oldest, n) => {
    changes = n;
    tell(0.3 + 0.55 * covered(from, until, oldest, 'back'));
  });
  const intoCount = changes;
  await readArrivalHistories(load, arrived, from, n => {
    changes = intoCount + n;
    tell(0.85);
  });
  const out = outList(pipeline, load.pipelines, range);
  if (out) {
    const readSoFar = changes;
    await readEventList(load, out, (oldest, n) => {
      changes = readSoFar + n;
      tell(0.9 + 0.1 * covered(from, until, oldest, 'back'));
    });
  }
  const done = target !== null && target >= from;
  return {
    from,
    target,
    syncedAt: until,
    backfill: done
      ? null
      : {
          to: from,
          into: FIRST_PAGE,
          out: outList(pipeline, load.pipelines, { to: from - 1 }) ? FIRST_PAGE : null,
          closed: START,
          oldest: null,
        },
  };
}
