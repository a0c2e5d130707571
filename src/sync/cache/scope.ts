import type { PipelineData } from '../merge';
import { CacheError } from './errors';
import type { CacheScope } from './types';

/** What a store keeps per scope besides leads and events. */
export type PipelineMeta = Omit<PipelineData, 'leads' | 'events'>;

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

/** Data saved under another pipeline's scope would be shown for the wrong funnel. */
export function checkData(scope: CacheScope, data: PipelineData): void {
  if (data.pipelineId !== scope.pipelineId) {
    throw new CacheError(
      'BAD_SCOPE',
      `data.pipelineId ${data.pipelineId} does not match scope.pipelineId ${scope.pipelineId}`,
    );
  }
}

/** The meta part of the data, picked field by field so nothing unexpected is stored. */
export function metaOf(data: PipelineMeta): PipelineMeta {
  return {
    pipelineId: data.pipelineId,
    syncedAt: data.syncedAt,
    account: data.account,
    pipelines: data.pipelines,
    users: data.users,
    lossReasons: data.lossReasons,
  };
}

/** IndexedDB's order for number or string keys, so both stores return the same sequence. */
export function byId(a: { readonly id: number | string }, b: { readonly id: number | string }) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
