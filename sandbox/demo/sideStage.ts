import { DAY, HOUR, toWorkingTime } from './calendar';
import { LOST_POS, ROBOT_SHARE, SIDE_POS, SIDE_STAGE } from './funnel';
import { pickLossReason, placeOf, responsibleBefore, simulateJourney } from './journey';
import type { Journey } from './journey';
import type { PlannedLead } from './leads';
import { HOSTILE_NAMES } from './names';
import type { Rng } from './random';

const { max, round } = Math;
/** As in `journey.ts`: a lead's events never share a second. */
const MIN_GAP = 120;

/**
 * The side stage (metrics.md 11.3, `SIDE_STAGE` in `funnel.ts`): a share of the repeat pipeline's
 * deals go to Недозвон from Новый запрос instead of their first move on, wait there for days, and
 * then go back to Новый запрос, on to Подбор решения, or are lost; a few are still there now.
 *
 * It runs after everything else and draws only from its own stream, and it only rewrites deals
 * that never touch the main pipeline (nor are imported, deleted or named by `specials.ts`), so
 * the main pipeline's leads and events are the same as without it.
 */

const HOSTILE: ReadonlySet<string> = new Set(HOSTILE_NAMES);

function eligible(plan: PlannedLead): boolean {
  const { journey } = plan;
  if (plan.imported || plan.deletedAt !== null || plan.restoredAt !== null) return false;
  if (HOSTILE.has(plan.name) || journey.place.pipe !== SIDE_STAGE.pipe) return false;
  return journey.steps.every(
    s => s.kind !== 'status' || (s.from.pipe === SIDE_STAGE.pipe && s.to.pipe === SIDE_STAGE.pipe),
  );
}

function park(journey: Journey, k: number, now: number, rng: Rng): void {
  const { steps } = journey;
  const leaving = steps[k];
  if (leaving?.kind !== 'status') throw new RangeError('demo: the side stage needs a status move');
  const from = placeOf(SIDE_STAGE.pipe, SIDE_STAGE.from);
  const side = placeOf(SIDE_STAGE.pipe, SIDE_POS);
  const enteredAt = leaving.at;
  const responsible = responsibleBefore(journey, k);
  steps.length = k;
  steps.push({ kind: 'status', at: enteredAt, by: leaving.by, from, to: side });
  journey.place = side;
  journey.responsible = responsible;
  journey.lossReasonId = null;
  journey.closedAt = null;
  journey.stalled = false;
  journey.lastAt = enteredAt;

  const { forgotten } = SIDE_STAGE;
  const age = now - enteredAt;
  if (age >= forgotten.minDays * DAY && age <= forgotten.maxDays * DAY) {
    if (rng.chance(forgotten.chance)) return;
  }
  const hours = rng.logNormal(SIDE_STAGE.hours, SIDE_STAGE.sigma);
  const at = toWorkingTime(enteredAt + max(MIN_GAP, round(hours * HOUR)), rng);
  if (at > now) return;
  const move =
    SIDE_STAGE.moves[rng.weighted(SIDE_STAGE.moves.map(m => m.w))] ?? SIDE_STAGE.moves[0];
  const by = rng.chance(ROBOT_SHARE) ? 0 : responsible;
  const to = placeOf(SIDE_STAGE.pipe, move.to);
  steps.push({ kind: 'status', at, by, from: side, to });
  if (move.to === LOST_POS) {
    journey.place = to;
    journey.lossReasonId = pickLossReason(SIDE_STAGE.reasons, rng);
    journey.closedAt = at;
    journey.lastAt = at;
    return;
  }
  const rest = simulateJourney(
    {
      createdAt: at,
      place: to,
      responsible,
      lossReasonId: null,
      moves: true,
      stayInPipeline: true,
    },
    now,
    rng,
  );
  for (const step of rest.steps) steps.push(step);
  journey.place = rest.place;
  journey.responsible = rest.responsible;
  journey.lossReasonId = rest.lossReasonId;
  journey.closedAt = rest.closedAt;
  journey.lastAt = rest.lastAt;
}

/**
 * Sends some of the repeat pipeline's deals through the side stage, rewriting their journeys from
 * their first move out of Новый запрос on. Returns the rewritten plans, in the order of `plans`.
 */
export function sendToSideStage(
  plans: readonly PlannedLead[],
  now: number,
  rng: Rng,
): PlannedLead[] {
  const parked: PlannedLead[] = [];
  const from = placeOf(SIDE_STAGE.pipe, SIDE_STAGE.from);
  for (const plan of plans) {
    if (!eligible(plan)) continue;
    const k = plan.journey.steps.findIndex(s => s.kind === 'status' && s.from === from);
    if (k < 0 || !rng.chance(SIDE_STAGE.chance)) continue;
    park(plan.journey, k, now, rng);
    parked.push(plan);
  }
  return parked;
}
