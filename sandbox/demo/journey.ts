import { HOUR, DAY, toWorkingTime } from './calendar';
import {
  FUNNEL,
  INCOMING,
  LOST_POS,
  MANAGERS,
  PENDING_INCOMING,
  REASSIGN_CHANCE,
  REOPEN,
  ROBOT_SHARE,
  SIDE_POS,
  STALL,
  WON_POS,
} from './funnel';
import type { ManagerProfile, Move, StageKnobs } from './funnel';
import type { Rng } from './random';
import { LOSS_REASONS, USER_GROUP, USER_IDS } from './structure';
import type { PipeKey } from './structure';

// A global lookup per call is costly in some hosts (jest's vm context); these run per move.
const { max, round } = Math;

/**
 * One lead's life, simulated forward from its creation: a stage-to-stage walk with log-normal
 * waits snapped to office hours, stopped at `now`. Whatever is pending at `now` simply has not
 * happened yet, which is what leaves young deals open.
 */

export interface Place {
  readonly pipe: PipeKey;
  /** Open-stage index, or INCOMING / WON_POS / LOST_POS / SIDE_POS. */
  readonly pos: number;
}

const PLACES: Record<PipeKey, Place[]> = { main: [], repeat: [] };

/** The one shared Place object per position: journeys make millions of moves in big accounts. */
export function placeOf(pipe: PipeKey, pos: number): Place {
  const list = PLACES[pipe];
  const existing = list[pos - SIDE_POS];
  if (existing) return existing;
  const place = Object.freeze({ pipe, pos });
  list[pos - SIDE_POS] = place;
  return place;
}

export interface StatusStep {
  readonly kind: 'status';
  readonly at: number;
  readonly by: number;
  readonly from: Place;
  readonly to: Place;
}

export interface ResponsibleStep {
  readonly kind: 'responsible';
  readonly at: number;
  readonly by: number;
  readonly from: number;
  readonly to: number;
}

export type Step = StatusStep | ResponsibleStep;

export interface Journey {
  readonly steps: Step[];
  place: Place;
  responsible: number;
  lossReasonId: number | null;
  closedAt: number | null;
  /** Left untouched in Отправлено КП / Договор for weeks (see STALL). */
  stalled: boolean;
  /** Time of the last step, or the creation time. */
  lastAt: number;
}

export interface JourneyStart {
  readonly createdAt: number;
  readonly place: Place;
  readonly responsible: number;
  /** Only for leads created already lost. */
  readonly lossReasonId: number | null;
  /** False for old imports: they keep the status they were imported in, with no events. */
  readonly moves: boolean;
  /** Never move to another pipeline (the side-stage pass continues repeat-only journeys). */
  readonly stayInPipeline?: boolean;
}

/** Minimum gap between two moves of one lead, so a lead's events never share a second. */
const MIN_GAP = 120;
const MAX_STEPS = 40;

const PROFILES = new Map(MANAGERS.map(m => [m.id, m]));
const SALES_MANAGERS = MANAGERS.filter(m => m.id !== USER_IDS.admin);

export const isClosed = (pos: number): boolean => pos === WON_POS || pos === LOST_POS;

function profileOf(userId: number): ManagerProfile {
  const profile = PROFILES.get(userId);
  if (!profile) throw new RangeError(`demo: no manager profile for user ${userId}`);
  return profile;
}

function knobsAt(place: Place): StageKnobs {
  const pipeline = FUNNEL[place.pipe];
  const knobs = place.pos === INCOMING ? pipeline.incoming : pipeline.open[place.pos];
  if (!knobs) throw new RangeError(`demo: no stage ${place.pos} in pipeline ${place.pipe}`);
  return knobs;
}

export function pickLossReason(
  mix: readonly (readonly [keyof typeof LOSS_REASONS | null, number])[],
  rng: Rng,
): number | null {
  const entry = mix[rng.weighted(mix.map(([, w]) => w))];
  const key = entry?.[0] ?? null;
  return key === null ? null : LOSS_REASONS[key].id;
}

interface Plan {
  readonly to: Place;
  readonly hours: number;
}

function pickMove(moves: readonly Move[], lossMul: number, rng: Rng): Move {
  const weight = (m: Move) => (m.to === LOST_POS ? m.w * lossMul : m.w);
  let total = 0;
  for (const m of moves) total += weight(m);
  let x = rng.float() * total;
  for (const m of moves) {
    x -= weight(m);
    if (x < 0) return m;
  }
  const last = moves[moves.length - 1];
  if (!last) throw new RangeError('demo: a stage without moves');
  return last;
}

function planOpen(place: Place, profile: ManagerProfile, stay: boolean, rng: Rng): Plan {
  const knobs = knobsAt(place);
  const mul = place.pipe === 'main' && place.pos >= 0 ? (profile.lossMul[place.pos] ?? 1) : 1;
  const moves = stay ? knobs.moves.filter(m => m.pipe === undefined) : knobs.moves;
  const move = pickMove(moves, mul, rng);
  return {
    to: placeOf(move.pipe ?? place.pipe, move.to),
    hours: rng.logNormal(knobs.hours * profile.speed, knobs.sigma),
  };
}

/** A closed lead is mostly left alone; a few are reopened or (lost → won) paid after all. */
function planClosed(place: Place, lastOpen: number, rng: Rng): Plan | null {
  const pipeline = FUNNEL[place.pipe];
  if (place.pos === WON_POS) {
    if (!rng.chance(REOPEN.won)) return null;
    const to = placeOf(place.pipe, pipeline.wonReopenTo);
    return { to, hours: rng.logNormal(REOPEN.wonDays * 24, 0.7) };
  }
  if (lastOpen >= pipeline.lateFrom && rng.chance(REOPEN.lostToWon)) {
    return { to: placeOf(place.pipe, WON_POS), hours: rng.logNormal(7 * 24, 0.7) };
  }
  if (!rng.chance(lastOpen >= 1 ? REOPEN.lost : REOPEN.lostEarly)) return null;
  const back = lastOpen > 0 && rng.chance(0.3) ? 1 : 0;
  const to = placeOf(place.pipe, max(0, lastOpen - back));
  return { to, hours: rng.logNormal(REOPEN.lostDays * 24, 0.8) };
}

/**
 * Whether nobody acts on the lead any more before `now`: fresh requests not yet accepted, and
 * recent deals left hanging in Отправлено КП / Договор (STALL).
 */
function leftAlone(place: Place, enteredAt: number, now: number, rng: Rng): boolean {
  if (place.pos === INCOMING) {
    return now - enteredAt <= PENDING_INCOMING.maxDays * DAY && rng.chance(PENDING_INCOMING.chance);
  }
  if (place.pipe !== STALL.pipe || !(STALL.positions as readonly number[]).includes(place.pos)) {
    return false;
  }
  const age = now - enteredAt;
  return age >= STALL.minDays * DAY && age <= STALL.maxDays * DAY && rng.chance(STALL.chance);
}

function otherManager(current: number, rng: Rng): number {
  const group = USER_GROUP.get(current);
  const sameGroup = SALES_MANAGERS.filter(m => m.id !== current && USER_GROUP.get(m.id) === group);
  const pool =
    sameGroup.length > 0 && rng.chance(0.75)
      ? sameGroup
      : SALES_MANAGERS.filter(m => m.id !== current);
  return rng.pick(pool).id;
}

/** Hand the lead to another manager somewhere between two of its moves. */
function reassign(journey: Journey, from: number, to: number, rng: Rng): void {
  const gap = to - from;
  if (gap < 4 * HOUR) return;
  const raw = from + round(gap * (0.2 + 0.6 * rng.float()));
  const snapped = toWorkingTime(raw, rng);
  const at = snapped < to - MIN_GAP ? snapped : raw;
  const next = otherManager(journey.responsible, rng);
  const by = rng.chance(0.6) ? USER_IDS.admin : journey.responsible;
  journey.steps.push({ kind: 'responsible', at, by, from: journey.responsible, to: next });
  journey.responsible = next;
}

/** Bookkeeping of one status change, by amoCRM's rules for `closed_at` and `loss_reason_id`. */
function applyMove(journey: Journey, to: Place, at: number, rng: Rng): void {
  const from = journey.place;
  if (isClosed(to.pos)) {
    // First closing (from an open status) records the date; 143 → 142 keeps it.
    if (!isClosed(from.pos)) journey.closedAt = at;
  } else {
    journey.closedAt = null;
  }
  journey.lossReasonId = to.pos === LOST_POS ? pickLossReason(knobsAt(from).reasons, rng) : null;
  journey.place = to;
  journey.lastAt = at;
}

export function simulateJourney(start: JourneyStart, now: number, rng: Rng): Journey {
  const journey: Journey = {
    steps: [],
    place: start.place,
    responsible: start.responsible,
    lossReasonId: start.place.pos === LOST_POS ? start.lossReasonId : null,
    closedAt: isClosed(start.place.pos) ? start.createdAt : null,
    stalled: false,
    lastAt: start.createdAt,
  };
  if (!start.moves) return journey;
  let t = start.createdAt;
  let lastOpen = start.place.pos;
  // Leads created already closed are finished business: they are never reopened.
  let reopens = isClosed(start.place.pos) ? 0 : REOPEN.maxPerLead;
  for (let n = 0; n < MAX_STEPS; n += 1) {
    const place = journey.place;
    const closed = isClosed(place.pos);
    if (!closed && leftAlone(place, t, now, rng)) {
      journey.stalled = place.pos !== INCOMING;
      break;
    }
    const plan = closed
      ? reopens > 0
        ? planClosed(place, lastOpen, rng)
        : null
      : planOpen(place, profileOf(journey.responsible), start.stayInPipeline === true, rng);
    if (!plan) break;
    const at = toWorkingTime(t + max(MIN_GAP, round(plan.hours * HOUR)), rng);
    if (at > now) break;
    if (!closed && rng.chance(REASSIGN_CHANCE)) reassign(journey, t, at, rng);
    const by = rng.chance(ROBOT_SHARE) ? 0 : journey.responsible;
    journey.steps.push({ kind: 'status', at, by, from: place, to: plan.to });
    if (closed) reopens -= 1;
    applyMove(journey, plan.to, at, rng);
    if (plan.to.pos >= 0) lastOpen = plan.to.pos;
    t = at;
  }
  return journey;
}

/** The responsible user just before `steps[k]` (a step may hand the deal to another manager). */
export function responsibleBefore(journey: Journey, k: number): number {
  const first = journey.steps.find(s => s.kind === 'responsible');
  let responsible = first ? first.from : journey.responsible;
  for (let i = 0; i < k; i += 1) {
    const step = journey.steps[i];
    if (step?.kind === 'responsible') responsible = step.to;
  }
  return responsible;
}
