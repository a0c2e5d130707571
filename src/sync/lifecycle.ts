import type { LeadLifecycle } from '../api';

/**
 * Whether a lead is deleted now, from what is known of it: its body (`updatedAt`, `isDeleted`),
 * the latest time a `with=only_deleted` list gave it as deleted, and its latest `lead_deleted` /
 * `lead_restored` event. The latest of these decides (docs/metrics.md, inputs the contract
 * settles). At equal times the deletion record or event wins over the body: amoCRM stamps a
 * deletion with the second it happened, and a body of that same second may have been read just
 * before it.
 */
export function deletedByTime(
  body: { readonly updatedAt: number; readonly isDeleted: boolean },
  event?: LeadLifecycle,
  listedDeletedAt?: number,
): boolean {
  let deleted = body.isDeleted;
  let at = body.updatedAt;
  if (listedDeletedAt !== undefined && listedDeletedAt >= at) {
    deleted = true;
    at = listedDeletedAt;
  }
  if (event !== undefined && event.createdAt >= at) deleted = event.kind === 'deleted';
  return deleted;
}

/**
 * Keeps, per lead, its latest deletion or restoration in `into`. Equal times go to the larger id,
 * so the result does not depend on the order pages arrived in.
 */
export function keepLatestLifecycle(
  into: Map<number, LeadLifecycle>,
  list: readonly LeadLifecycle[],
): Map<number, LeadLifecycle> {
  for (const e of list) {
    const seen = into.get(e.leadId);
    if (
      !seen ||
      e.createdAt > seen.createdAt ||
      (e.createdAt === seen.createdAt && e.id > seen.id)
    ) {
      into.set(e.leadId, e);
    }
  }
  return into;
}
