import { DAY } from './calendar';
import { DROP, LOST_POS } from './funnel';
import { pickLossReason, placeOf, responsibleBefore } from './journey';
import type { Journey } from './journey';
import type { PlannedLead } from './leads';
import type { Rng } from './random';

/**
 * The demo's real drop (issue 13, `DROP` in `funnel.ts`): over the last weeks before `now`, most
 * deals that would have gone on from Взяли в работу are lost there instead, so the significant-
 * changes alert (docs/metrics.md F.2) has one transition to find.
 *
 * It runs after the side stage and before the custom fields, draws only from its own stream, and
 * rewrites only main-pipeline deals whose move on from Взяли в работу falls in that span: every
 * other lead and event is the same as without it. A rewritten deal is lost at the moment it would
 * have moved on, for one of the drop's loss reasons, and does nothing after.
 */

/** Index of the lead's first move on from the stage inside the span, or -1. */
function moveOn(journey: Journey, since: number): number {
  return journey.steps.findIndex(
    s =>
      s.kind === 'status' &&
      s.at >= since &&
      s.from.pipe === DROP.pipe &&
      s.from.pos === DROP.from &&
      s.to.pipe === DROP.pipe &&
      s.to.pos > DROP.from,
  );
}

/** Rewrites the dropped leads' journeys; returns them (in plan order). */
export function plantDrop(plans: readonly PlannedLead[], now: number, rng: Rng): PlannedLead[] {
  const since = now - DROP.days * DAY;
  const dropped: PlannedLead[] = [];
  for (const plan of plans) {
    const { journey } = plan;
    if (plan.imported || plan.deletedAt !== null) continue;
    const k = moveOn(journey, since);
    const step = journey.steps[k];
    // One draw per candidate, whatever the outcome, so the stream stays aligned.
    if (step?.kind !== 'status' || rng.chance(DROP.keep)) continue;
    const lost = placeOf(DROP.pipe, LOST_POS);
    journey.responsible = responsibleBefore(journey, k);
    journey.steps.length = k;
    journey.steps.push({ ...step, to: lost });
    journey.place = lost;
    journey.lossReasonId = pickLossReason(DROP.reasons, rng);
    journey.closedAt = step.at;
    journey.lastAt = step.at;
    journey.stalled = false;
    dropped.push(plan);
  }
  return dropped;
}
