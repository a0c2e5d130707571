import { isClosed } from './journey';
import { laterMoment } from './calendar';
import type { PlannedLead } from './leads';
import { HOSTILE_NAMES } from './names';
import type { Rng } from './random';

/**
 * The few hand-placed features of the demo: hostile names on deals the UI is sure to show (stuck
 * ones), and deleted leads whose history stays in the events.
 */

/** Share of leads deleted by the admin (their events stay in /events). */
export const DELETED_SHARE = 0.006;
/** From this many leads on, one deleted lead is restored again (lead_deleted + lead_restored). */
const RESTORED_FROM = 200;
/** Preferred stage for each hostile name: Отправлено КП and Договор/счет, where stuck deals are. */
const HOSTILE_POS = [3, 5];

function pickFrom(candidates: PlannedLead[], rng: Rng): PlannedLead | undefined {
  return candidates.length === 0 ? undefined : rng.pick(candidates);
}

/** Exactly one lead per hostile name (when there are enough leads). */
export function assignHostileNames(plans: PlannedLead[], rng: Rng): void {
  const used = new Set<PlannedLead>();
  const stalled = plans.filter(p => p.journey.stalled);
  const openMain = plans.filter(
    p => !p.imported && p.journey.place.pipe === 'main' && !isClosed(p.journey.place.pos),
  );
  HOSTILE_NAMES.forEach((name, i) => {
    const free = (list: PlannedLead[]) => list.filter(p => !used.has(p));
    const chosen =
      pickFrom(free(stalled.filter(p => p.journey.place.pos === HOSTILE_POS[i])), rng) ??
      pickFrom(free(stalled), rng) ??
      free(openMain).pop() ??
      free(plans).pop();
    if (!chosen) return;
    chosen.name = name;
    used.add(chosen);
  });
}

/** Marks a few leads deleted (and, in larger accounts, one deleted and restored). */
export function markDeletions(plans: PlannedLead[], now: number, rng: Rng): void {
  const hostile = new Set<string>(HOSTILE_NAMES);
  const eligible = plans.filter(p => !hostile.has(p.name));
  const deleted = Math.round(plans.length * DELETED_SHARE);
  const restored = plans.length >= RESTORED_FROM ? 1 : 0;
  const wanted = Math.min(eligible.length, deleted + restored);
  const chosen = new Set<PlannedLead>();
  while (chosen.size < wanted) chosen.add(rng.pick(eligible));
  // Set order is insertion order, so which lead is the restored one is deterministic too.
  let index = 0;
  for (const plan of chosen) {
    plan.deletedAt = laterMoment(plan.journey.lastAt, now, 72, rng);
    if (index >= deleted) plan.restoredAt = laterMoment(plan.deletedAt, now, 20, rng);
    index += 1;
  }
}
