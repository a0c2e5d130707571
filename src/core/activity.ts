import type { LeadFacts } from './facts';
import type { Lead } from './types';

/**
 * metrics.md extensions, "Unattended": the lead has no open task (`closest_task_at` null) or its
 * nearest one is overdue (due before `now`). null when the data does not carry the nearest task
 * (a store that keeps fewer columns): unknown, never read as unattended.
 */
export function unattended(lead: Lead, now: number): boolean | null {
  const due = lead.closestTaskAt;
  if (due === undefined) return null;
  return due === null || due < now;
}

/**
 * Per place (main stages, then side stages), the unattended leads among those now at it; null
 * for a place where any of them has unknown task data, as the count could not be exact.
 */
export function unattendedPerPlace(
  places: number,
  facts: readonly LeadFacts[],
  now: number,
): (number | null)[] {
  const out = new Array<number | null>(places).fill(0);
  for (const f of facts) {
    const at = f.currentIndex;
    if (at < 0 || at >= places) continue;
    const seen = out[at];
    if (seen === null || seen === undefined) continue;
    const u = unattended(f.lead, now);
    out[at] = u === null ? null : u ? seen + 1 : seen;
  }
  return out;
}
