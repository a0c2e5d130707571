import type { LeadLifecycle } from '../api';

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
