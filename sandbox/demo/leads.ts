import { atLocalHour, CreationCalendar, DAY, localDay } from './calendar';
import {
  CREATED_LOST,
  IMPORTED_SHARE,
  IMPORTED_START,
  INCOMING,
  LOST_POS,
  MAIN_SHARE,
  MANAGERS,
  PRICE,
  START_WEIGHTS,
} from './funnel';
import { pickLossReason, placeOf, simulateJourney } from './journey';
import type { Journey, Place } from './journey';
import { dealName } from './names';
import type { Rng } from './random';
import { TAGS, USER_IDS } from './structure';
import type { PipeKey } from './structure';
import type { DemoTag } from './types';

// A global lookup per call is costly in some hosts (jest's vm context); these run per lead.
const { max, min, round } = Math;

/** Everything decided about one lead before it becomes a DemoLead and its events. */
export interface PlannedLead {
  readonly id: number;
  name: string;
  readonly price: number;
  readonly createdAt: number;
  readonly createdBy: number;
  readonly imported: boolean;
  readonly tags: readonly DemoTag[];
  readonly noteId: number;
  readonly journey: Journey;
  /** Set by the deletion pass. */
  deletedAt: number | null;
  restoredAt: number | null;
}

export interface LeadStreams {
  readonly timing: Rng;
  readonly journeys: Rng;
  readonly names: Rng;
  readonly misc: Rng;
}

const FIRST_LEAD_ID = 28_540_117;
const FIRST_NOTE_ID = 184_300_201;
const SHARES = MANAGERS.map(m => m.share);

function weightedPick(table: readonly (readonly [number, number])[], rng: Rng): number {
  return table[rng.weighted(table.map(([, w]) => w))]?.[0] ?? INCOMING;
}

/**
 * Creation moments, oldest first: the seasonal inflow over the `historyDays` before `now`, plus
 * one batch import of old deals in the first week (at night, a few seconds apart, like a CSV
 * import).
 */
function creationMoments(
  count: number,
  now: number,
  historyDays: number,
  rng: Rng,
): { at: number; imported: boolean }[] {
  const from = now - historyDays * DAY;
  const imports = round(count * IMPORTED_SHARE);
  const calendar = new CreationCalendar(from, now);
  const moments: { at: number; imported: boolean }[] = [];
  for (let i = 0; i < count - imports; i += 1)
    moments.push({ at: calendar.sample(rng), imported: false });
  let at = max(from, atLocalHour(localDay(from) + 4, 22.2));
  for (let i = 0; i < imports; i += 1) {
    moments.push({ at: min(at, now), imported: true });
    at += rng.int(2, 9);
  }
  return moments.sort((a, b) => a.at - b.at);
}

function tagsFor(pipe: PipeKey, start: Place, imported: boolean, rng: Rng): DemoTag[] {
  if (imported) return [TAGS.imported];
  if (pipe === 'repeat') return [TAGS.client];
  if (start.pos === INCOMING) return [rng.pick([TAGS.site, TAGS.site, TAGS.chat, TAGS.call])];
  const r = rng.float();
  if (r < 0.4) return [TAGS.referral];
  return r < 0.55 ? [TAGS.expo] : [];
}

function priceFor(pipe: PipeKey, start: Place, rng: Rng): number {
  const zero = start.pos === INCOMING ? PRICE.zeroIncoming : PRICE.zeroOther;
  if (rng.chance(zero)) return 0;
  const { median, sigma } = PRICE[pipe];
  const raw = rng.logNormal(median, sigma);
  return round(min(PRICE.max, max(PRICE.min, raw)) / 100) * 100;
}

function createdByFor(start: Place, imported: boolean, responsible: number, rng: Rng): number {
  if (imported) return USER_IDS.admin;
  if (start.pos === INCOMING) return 0;
  return rng.chance(0.9) ? responsible : USER_IDS.admin;
}

export function planLeads(
  count: number,
  now: number,
  historyDays: number,
  rng: LeadStreams,
): PlannedLead[] {
  const planned: PlannedLead[] = [];
  let id = FIRST_LEAD_ID;
  let noteId = FIRST_NOTE_ID;
  for (const moment of creationMoments(count, now, historyDays, rng.timing)) {
    id += rng.misc.int(1, 37);
    noteId += rng.misc.int(1, 9);
    const pipe: PipeKey = moment.imported || rng.misc.chance(MAIN_SHARE) ? 'main' : 'repeat';
    const table = moment.imported ? IMPORTED_START : START_WEIGHTS[pipe];
    const start = placeOf(pipe, weightedPick(table, rng.misc));
    const responsible = MANAGERS[rng.misc.weighted(SHARES)]?.id ?? USER_IDS.admin;
    const lossReasonId = start.pos === LOST_POS ? pickLossReason(CREATED_LOST, rng.misc) : null;
    const journey = simulateJourney(
      { createdAt: moment.at, place: start, responsible, lossReasonId, moves: !moment.imported },
      now,
      rng.journeys,
    );
    planned.push({
      id,
      name: dealName(rng.names, pipe, start.pos === INCOMING, id),
      price: priceFor(pipe, start, rng.misc),
      createdAt: moment.at,
      createdBy: createdByFor(start, moment.imported, responsible, rng.misc),
      imported: moment.imported,
      tags: tagsFor(pipe, start, moment.imported, rng.misc),
      noteId,
      journey,
      deletedAt: null,
      restoredAt: null,
    });
  }
  return planned;
}
