/**
 * How much of a pipeline's history the widget holds, and where loading goes on. It is saved with
 * the cache, so a reload or a second tab continues where the last one stopped.
 *
 * Loading runs in three stages (issue #8): the window (what the panel's numbers need), then the
 * backfill of older history newest first down to the horizon, then incremental syncs of what
 * changed. "History from T" (docs/metrics.md, extensions) says exactly what the data then holds.
 */

/** A paged list over a fixed time range: immutable, so page numbers stay valid across sessions. */
export interface PageCursor {
  /** The next page to read (1-based). */
  readonly page: number;
  /** Every item newer than this (epoch s) is held; null before the first page. */
  readonly oldest: number | null;
  readonly done: boolean;
}

/**
 * A lead list read by creation time, newest first, one boundary at a time (leads come and go while
 * we read: page numbers would shift and skip one; a moving boundary cannot).
 */
export interface KeysetCursor {
  /** Every lead created after this (epoch s) is held; null before the first page. */
  readonly boundary: number | null;
  /** Leads at the boundary second already held (the next request repeats that second). */
  readonly atBoundary: readonly number[];
  /**
   * Set once the server turned out to ignore the list's filters (accounts without amoCRM's API
   * filter add-on): the list is then read by page number from this page on, and re-checked here.
   */
  readonly page?: number | undefined;
  /** More leads at the boundary second than a page holds: the page number within that second. */
  readonly within?: number | undefined;
  readonly done: boolean;
}

/** What the backfill still has to read: older history in [target, to). */
export interface Backfill {
  /** The window's start: everything from here on was loaded first. */
  readonly to: number;
  /** Status changes into the pipeline's statuses (and moves within it). */
  readonly into: PageCursor;
  /** Status changes out of the pipeline; null when the account has no other pipeline. */
  readonly out: PageCursor | null;
  /** Closed leads of the pipeline (open ones came with the window). */
  readonly closed: KeysetCursor;
  /**
   * When the pipeline's oldest lead was created (read once when going back to the beginning):
   * how far "all history" reaches, for the progress estimate.
   */
  readonly oldest: number | null;
}

export interface HistoryState {
  /**
   * Where the held history starts (`historyFrom`): status changes from it on, the pipeline's
   * leads created from it on, and its open leads. null = the whole history.
   */
  readonly from: number | null;
  /** How far back the backfill goes: null = all history (the horizon setting). */
  readonly target: number | null;
  /** The backfill still to do; null when done. */
  readonly backfill: Backfill | null;
  /** Start (epoch s) of the last sync whose changes are all held: the next incremental's `since`. */
  readonly syncedAt: number;
}

/** 'window' while older history is still loading; 'complete' once it reached the horizon. */
export function phaseOf(state: HistoryState | null): 'none' | 'window' | 'complete' {
  if (state === null) return 'none';
  return state.backfill === null ? 'complete' : 'window';
}
