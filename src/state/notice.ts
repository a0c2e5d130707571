/**
 * What the panel says when a sync failed: the failure (a code, translated by the UI), what the
 * numbers on screen are — the current ones from the held copy, the last visit's, or none — and
 * when the widget tries again by itself. Decided here, from the models' own state, so the words
 * can never claim saved numbers over an empty panel.
 */
import type { ServiceStatus, SyncFailure } from './service/types';

export type Shown =
  /** Numbers computed from the copy held in this browser, last synced at `syncedAt` (epoch s). */
  | { readonly kind: 'held'; readonly syncedAt: number | null }
  /** The last visit's numbers (a snapshot), of `at` (epoch s). */
  | { readonly kind: 'snapshot'; readonly at: number }
  /** No numbers at all yet. */
  | { readonly kind: 'nothing' };

export interface SyncNotice {
  readonly failure: SyncFailure;
  readonly shown: Shown;
  /** Epoch ms of the automatic retry; null when none will come by itself. */
  readonly retryAt: number | null;
}

/** What is on screen: `computed` — numbers from the held copy; else a snapshot's moment, if any. */
export interface OnScreen {
  readonly computed: boolean;
  readonly snapshotAt: number | null;
}

export function shownOf(status: ServiceStatus, screen: OnScreen): Shown {
  if (screen.computed) return { kind: 'held', syncedAt: status.syncedAt };
  if (screen.snapshotAt !== null) return { kind: 'snapshot', at: screen.snapshotAt };
  return { kind: 'nothing' };
}

/** The notice for a failed sync; null while nothing failed. */
export function syncNotice(status: ServiceStatus, screen: OnScreen): SyncNotice | null {
  if (status.error === null) return null;
  return { failure: status.error, shown: shownOf(status, screen), retryAt: status.retryAt };
}
