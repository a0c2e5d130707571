import { CacheError } from './errors';
import type { CacheScope, ScopeMeta } from './types';

/**
 * The scope as one string key; rejects ids that would make two scopes share a key.
 *
 * @example
 * scopeKey({ accountId: 7, userId: 3, pipelineId: 12 }) //=> '7:3:12'
 */
export function scopeKey(scope: CacheScope): string {
  for (const field of ['accountId', 'userId', 'pipelineId'] as const) {
    const value: unknown = scope[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new CacheError(
        'BAD_SCOPE',
        `scope.${field} must be a non-negative integer, got ${String(value)}`,
      );
    }
  }
  return `${scope.accountId}:${scope.userId}:${scope.pipelineId}`;
}

/** A meta saved under another pipeline's scope would be shown for the wrong funnel. */
export function checkMeta(scope: CacheScope, meta: ScopeMeta): void {
  if (meta.pipelineId !== scope.pipelineId) {
    throw new CacheError(
      'BAD_SCOPE',
      `meta.pipelineId ${meta.pipelineId} does not match scope.pipelineId ${scope.pipelineId}`,
    );
  }
}

/**
 * The meta picked field by field, so nothing else rides along into storage (say, leads spread
 * into the object by a caller) and both stores hold exactly the same shape.
 */
export function pickMeta(meta: ScopeMeta): ScopeMeta {
  return {
    pipelineId: meta.pipelineId,
    account: meta.account,
    pipelines: meta.pipelines,
    users: meta.users,
    lossReasons: meta.lossReasons,
    metaAt: meta.metaAt,
    history: meta.history,
  };
}

/**
 * An incremental save onto no copy (never saved, cleared by another tab, dropped as stale) would
 * leave a meta that looks complete over only the buckets given: a later load would show a funnel
 * missing every other bucket. Refused, so the caller saves the whole copy with `replace` instead.
 */
export function noHeldCopy(): CacheError {
  return new CacheError(
    'WRITE_FAILED',
    'an incremental save (replace: false) needs a held copy to change, and the scope holds none',
  );
}
