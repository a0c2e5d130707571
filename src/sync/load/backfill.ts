/**
 * Older history, newest first, in the background: status changes into and out of the pipeline
 * and its closed leads before the window, read a few pages at a time so the caller can save and
 * recompute between steps, and continued after a reload from the saved cursors. Whichever list
 * lags furthest behind is read next, so the history held (`from`) moves back steadily.
 */
import type { Backfill, HistoryState, KeysetCursor, PageCursor } from '../history';
import { noteArrivals, readArrivalHistories } from './arrivals';
import { keysetPage } from './keyset';
import { closedBeforeList, intoList, outList } from './lists';
import { covered } from './progress';
import type { WindowLoad } from './window';

/** Where a list's held part begins: everything from here to the window is in. */
function pageHeld(c: PageCursor, to: number, floor: number): number {
  if (c.done) return floor;
  return c.oldest === null ? to : c.oldest + 1;
}

function keysetHeld(c: KeysetCursor, to: number, floor: number): number {
  if (c.done) return floor;
  // A server without filters is read by page number: nothing is held until the list is done.
  if (c.page !== undefined) return to;
  return c.boundary === null ? to : c.boundary + 1;
}

/** The history held from (the latest start among the lists); null once all of it is in. */
export function heldFrom(state: HistoryState): number | null {
  const b = state.backfill;
  if (b === null) return state.from;
  const floor = state.target ?? Number.NEGATIVE_INFINITY;
  const starts = [
    pageHeld(b.into, b.to, floor),
    b.out ? pageHeld(b.out, b.to, floor) : floor,
    keysetHeld(b.closed, b.to, floor),
  ];
  const from = Math.max(...starts);
  return from === Number.NEGATIVE_INFINITY ? null : from;
}

type Lane = 'into' | 'out' | 'closed';

function laggard(b: Backfill, floor: number): Lane | null {
  const lanes: [Lane, number, boolean][] = [
    ['into', pageHeld(b.into, b.to, floor), b.into.done],
    ...(b.out
      ? [['out', pageHeld(b.out, b.to, floor), b.out.done] as [Lane, number, boolean]]
      : []),
    ['closed', keysetHeld(b.closed, b.to, floor), b.closed.done],
  ];
  const open = lanes.filter(([, , done]) => !done).sort((x, y) => y[1] - x[1]);
  return open[0]?.[0] ?? null;
}

/**
 * Reads up to `maxRequests` pages of the backfill; returns the state to save. When the lists are
 * done the state has no backfill and holds history from the target (all of it without one).
 */
export async function backfillStep(
  load: WindowLoad,
  state: HistoryState,
  maxRequests: number,
): Promise<HistoryState> {
  let b = state.backfill;
  if (b === null) return state;
  const floor = state.target ?? Number.NEGATIVE_INFINITY;
  const range = { from: state.target ?? undefined, to: b.to - 1 };
  let n = 0;
  if (state.target === null && b.oldest === null) {
    // How far back "all history" goes, for the progress estimate: the pipeline's oldest lead.
    const first = await load.source.leads(
      { pipelineId: load.pipeline.id, order: { field: 'created_at', direction: 'asc' } },
      1,
      load.signal,
    );
    n++;
    b = { ...b, oldest: Math.min(b.to, ...first.items.map(l => l.createdAt)) };
  }
  const far = state.target ?? b.oldest ?? b.to;
  // Leads seen coming into the pipeline from another: their earlier moves are read at the step's
  // end, ten leads a request, so the state the step saves is exact (over its budget by those).
  const arrived = new Map<number, number>();
  for (; n < maxRequests; n++) {
    const lane = laggard(b, floor);
    if (lane === null) break;
    if (lane === 'closed') {
      const list = closedBeforeList(load.pipeline, b.to, state.target ?? undefined);
      const step = await keysetPage(load.source, list, b.closed, load.signal);
      load.sink.leads(step.leads);
      b = { ...b, closed: step.cursor };
    } else {
      const filter =
        lane === 'into'
          ? intoList(load.pipeline, range)
          : outList(load.pipeline, load.pipelines, range);
      const cursor = lane === 'into' ? b.into : b.out;
      if (!filter || !cursor) {
        // The account has no other pipeline any more: no list of changes out of this one.
        b = { ...b, out: null };
        continue;
      }
      const read = await load.source.events(filter, cursor.page, load.signal);
      load.sink.changes(read.changes, read.lifecycle);
      if (lane === 'into') noteArrivals(arrived, load.pipeline.id, read.changes);
      const next: PageCursor = {
        page: cursor.page + 1,
        oldest: read.oldest ?? cursor.oldest,
        done: !read.more,
      };
      b = lane === 'into' ? { ...b, into: next } : { ...b, out: next };
    }
    const from = heldFrom({ ...state, backfill: b });
    load.onProgress?.({
      stage: 'backfill',
      // null: every list is done and all history is held.
      fraction: from === null ? 1 : covered(far, b.to, from, 'back'),
      requests: n + 1,
      leads: 0,
      changes: 0,
      heldFrom: from,
    });
  }
  await readArrivalHistories(load, arrived, state.target ?? undefined, () => undefined);
  const done = laggard(b, floor) === null;
  const next = { ...state, backfill: done ? null : b };
  return { ...next, from: done ? state.target : (heldFrom(next) ?? state.from) };
}
