import type { PackedEvents } from '../leadEvents';
import { CacheError } from './errors';
import type { CacheErrorCode } from './errors';
import type { BucketCore, ScopeChange } from './types';

/**
 * How many buckets a scope's leads are spread over. At 100k leads a bucket holds ~1,600 of them,
 * so a change to a few leads rewrites ~1/64 of the copy each, while a load is still only 64 reads.
 * Changing it moves leads to other buckets: bump CACHE_SCHEMA_VERSION with it.
 */
export const BUCKET_COUNT = 64;

/**
 * The bucket a lead, its facts and its status changes live in.
 *
 * @example
 * bucketOf(130) //=> 2
 */
export function bucketOf(leadId: number): number {
  return leadId % BUCKET_COUNT;
}

/** A bucket no lead maps to would be written but never read back. */
export function checkBucket(bucket: number, code: CacheErrorCode): void {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= BUCKET_COUNT) {
    throw new CacheError(
      code,
      `bucket must be an integer in 0..${BUCKET_COUNT - 1}, got ${bucket}`,
    );
  }
}

/**
 * A lead saved in the wrong bucket would be held twice once it is saved again in its own, and
 * counted twice by the engine. Checking costs one pass over the id columns of what is given.
 */
function checkMembers(bucket: number, ids: Float64Array, what: string): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? 0;
    if (bucketOf(id) !== bucket) {
      throw new CacheError(
        'WRITE_FAILED',
        `bucket ${bucket}: ${what}[${i}] = ${id} belongs in bucket ${bucketOf(id)}`,
      );
    }
  }
}

/** Every bucket of the change is one of ours and holds only its own leads. */
export function checkChange(change: ScopeChange): void {
  for (const [bucket, core] of change.cores) {
    checkBucket(bucket, 'WRITE_FAILED');
    checkMembers(bucket, core.leads.id, 'leads.id');
    checkMembers(bucket, core.facts.leadId, 'facts.leadId');
  }
  for (const [bucket, events] of change.events) {
    checkBucket(bucket, 'WRITE_FAILED');
    checkMembers(bucket, events.leadId, 'events.leadId');
  }
}

/**
 * An empty core or events record is not kept: saving one drops the bucket's record, so a bucket
 * whose last lead left disappears without a replacing save, and "absent" is the only way a store
 * says a bucket holds nothing.
 */
export function isEmptyCore(core: BucketCore): boolean {
  return core.leads.count === 0 && core.facts.count === 0;
}

export function isEmptyEvents(events: PackedEvents): boolean {
  return events.count === 0;
}

/** The distinct buckets asked for, each checked. */
export function wantedBuckets(buckets: readonly number[]): number[] {
  const wanted = [...new Set(buckets)];
  for (const bucket of wanted) checkBucket(bucket, 'READ_FAILED');
  return wanted;
}
