import type { AccountInfo } from '../../api';
import type { LossReason, PackedFacts, PackedLeads, Pipeline, User } from '../../core';
import type { HistoryState } from '../history';
import type { PackedEvents } from '../leadEvents';

/** Whose copy: each account, user and pipeline has its own, never visible to another. */
export interface CacheScope {
  readonly accountId: number;
  readonly userId: number;
  readonly pipelineId: number;
}

/** What a scope keeps besides its buckets. */
export interface ScopeMeta {
  readonly pipelineId: number;
  readonly account: AccountInfo;
  readonly pipelines: readonly Pipeline[];
  /** null when the user may not list users (not an administrator). */
  readonly users: readonly User[] | null;
  readonly lossReasons: readonly LossReason[];
  /** When account, pipelines, users and loss reasons were read (epoch s). */
  readonly metaAt: number;
  readonly history: HistoryState;
}

/**
 * A scope's leads live in buckets by lead id (`bucketOf`), so a change to a few leads rewrites a
 * few buckets, not the whole copy. A bucket's core is what the engine reads at once.
 */
export interface BucketCore {
  readonly leads: PackedLeads;
  /** What the engine derived from each lead's history, for the funnel it was derived for. */
  readonly facts: PackedFacts;
}

/**
 * Where synced pipeline data is kept between widget openings. Every method rejects with a
 * `CacheError`; a store that cannot open is replaced by the memory store by the caller.
 */
export interface ScopeStore {
  /**
   * The scope's meta and every bucket's core, or null (nothing held yet, or written by another
   * schema version — then it is dropped). Events are left out: they are read only when needed.
   */
  load(
    scope: CacheScope,
  ): Promise<{ meta: ScopeMeta; cores: ReadonlyMap<number, BucketCore> } | null>;
  /**
   * The given buckets' status changes; a bucket holding none is absent from the map. Rejects
   * (READ_FAILED) when the copy turns out broken — a record the meta counts is gone — and drops
   * it, so the next `load` finds nothing: an empty answer would read as "no events".
   */
  loadEvents(scope: CacheScope, buckets: readonly number[]): Promise<Map<number, PackedEvents>>;
  /**
   * Writes the meta and the given buckets atomically: if anything fails, nothing changes. A
   * bucket's core and events are replaced by what is given (each one that is given); an empty
   * one (count 0) drops that record, so the bucket is then absent. With `replace`, every record
   * not given is dropped (a bucket given only a core loses its events). Without it, a copy must
   * be held (else WRITE_FAILED): buckets added to nothing would load as a complete copy.
   * Buckets are 0..BUCKET_COUNT-1 and hold only their own leads (`bucketOf`), else WRITE_FAILED.
   */
  save(scope: CacheScope, change: ScopeChange): Promise<void>;
  /** Forgets everything held for the scope. */
  clear(scope: CacheScope): Promise<void>;
  /** Releases the store; later calls reject with `CLOSED`. */
  close(): void;
}

export interface ScopeChange {
  readonly meta: ScopeMeta;
  readonly cores: ReadonlyMap<number, BucketCore>;
  readonly events: ReadonlyMap<number, PackedEvents>;
  readonly replace: boolean;
}
