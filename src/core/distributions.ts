/**
 * Distributions (docs/metrics.md, foresight, F.5): per stage a histogram of time in stage on fixed
 * log-spaced bins, the time to close by calendar month, and the matrix of moves between places.
 * Read from the same facts as every other number, so the histogram's sample is §6's.
 */
import { addMonths, isValidTimeZone, startOfMonth, zonedParts, zonedToEpoch } from './calendar';
import type {
  CloseMonth,
  DistributionsOption,
  DistributionsReport,
  StageHistogram,
  TransitionMatrix,
  TransitionPlace,
} from './distributionTypes';
import type { LeadFacts } from './facts';
import { AT_LOST, AT_WON, NOT_INCOMING, placeOfEntry, startOfEntry } from './facts';
import { closedAtOf } from './modes';
import { summarize } from './quantile';
import type { Funnel } from './stages';
import type { StuckThreshold } from './stuck';
import type { Period } from './types';

/**
 * Lower bin edges in hours: 1 h, 2 h, 4 h, 8 h, 1 d, 2 d, 4 d, 7 d, 14 d, 30 d, 60 d, 90 d, 180 d.
 * Fixed, so two stages' (or two reports') panels line up bin for bin.
 */
export const BIN_EDGES_HOURS: readonly number[] = [
  0, 1, 2, 4, 8, 24, 48, 96, 168, 336, 720, 1440, 2160, 4320,
];

/** How many months the time-to-close trend shows, ending with the month that holds `to - 1`. */
export const CLOSE_MONTHS = 12;

/** The bin holding `hours`: the last edge at or below it (a value on an edge opens that bin). */
export function binOf(hours: number): number {
  let k = 0;
  while (k + 1 < BIN_EDGES_HOURS.length && (BIN_EDGES_HOURS[k + 1] ?? Infinity) <= hours) k++;
  return k;
}

/** The time zone the months are read in, or null when the block was not asked for. */
export function distributionsZone(option: DistributionsOption): string | null {
  if (option === undefined || option === false) return null;
  const zone = (option === true ? undefined : option.timeZone) ?? 'UTC';
  if (!isValidTimeZone(zone)) throw new RangeError(`distributions: unknown time zone ${zone}`);
  return zone;
}

/** F.5 (a): per place (main then side), the cohort's completed visits in bins. */
export function stageHistograms(
  funnel: Funnel,
  cohort: readonly LeadFacts[],
  thresholds: readonly StuckThreshold[],
): StageHistogram[] {
  const n = funnel.stages.length;
  const counts = funnel.places.map(() => new Array<number>(BIN_EDGES_HOURS.length).fill(0));
  const over = new Array<number>(funnel.places.length).fill(0);
  for (const f of cohort) {
    for (let k = 0; k < f.completedStages.length; k++) {
      const place = f.completedStages[k] ?? -1;
      const row = counts[place];
      if (!row) continue;
      const hours = f.completedHours[k] ?? 0;
      const bin = binOf(hours);
      row[bin] = (row[bin] ?? 0) + 1;
      if (hours > (thresholds[place]?.hours ?? Infinity)) over[place] = (over[place] ?? 0) + 1;
    }
  }
  return funnel.places.map((s, place) => {
    const row = counts[place] ?? [];
    const thresholdHours = thresholds[place]?.hours ?? 0;
    return {
      stageId: s.id,
      side: place >= n,
      samples: row.reduce((a, b) => a + b, 0),
      counts: row,
      thresholdHours,
      thresholdBin: binOf(thresholdHours),
      overThreshold: over[place] ?? 0,
    };
  });
}

/** The `CLOSE_MONTHS` calendar months in `timeZone` ending with the one that holds `to - 1`. */
export function closeMonths(to: number, timeZone: string): (Period & { month: string })[] {
  const last = zonedParts(startOfMonth(to - 1, timeZone), timeZone);
  const months: (Period & { month: string })[] = [];
  for (let k = CLOSE_MONTHS - 1; k >= 0; k--) {
    const first = addMonths({ year: last.year, month: last.month, day: 1 }, -k);
    months.push({
      from: zonedToEpoch(first, timeZone),
      to: zonedToEpoch(addMonths(first, 1), timeZone),
      month: `${first.year}-${String(first.month).padStart(2, '0')}`,
    });
  }
  return months;
}

/** F.5 (b): over the leads in scope (any creation date), their time to close per closing month. */
export function timeToCloseByMonth(
  scope: readonly LeadFacts[],
  to: number,
  timeZone: string,
): CloseMonth[] {
  const months = closeMonths(to, timeZone);
  const won = months.map(() => [] as number[]);
  const lost = months.map(() => [] as number[]);
  const first = months[0]?.from ?? to;
  const end = months[months.length - 1]?.to ?? to;
  for (const f of scope) {
    const at = closedAtOf(f);
    if (at === null || at < first || at >= end) continue;
    const k = months.findIndex(m => at >= m.from && at < m.to);
    (f.isWon ? won : lost)[k]?.push((at - f.lead.createdAt) / 3600);
  }
  return months.map((m, k) => ({
    ...m,
    won: summarize(won[k] ?? []),
    lost: summarize(lost[k] ?? []),
  }));
}

/** The matrix's places: incoming, main stages, side stages, won, lost, outside. */
export function transitionPlaces(funnel: Funnel): TransitionPlace[] {
  const n = funnel.stages.length;
  return [
    { kind: 'incoming', stageId: null },
    ...funnel.places.map((s, i): TransitionPlace => ({
      kind: i < n ? 'stage' : 'side',
      stageId: s.id,
    })),
    { kind: 'won', stageId: null },
    { kind: 'lost', stageId: null },
    { kind: 'outside', stageId: null },
  ];
}

/**
 * F.5 (c): every move of a cohort lead in `[from, to)` — the start of each §4 visit after its
 * first, from the visit before it — counted by where it left and where it went.
 */
export function transitionMatrix(
  funnel: Funnel,
  cohort: readonly LeadFacts[],
  period: Period,
): TransitionMatrix {
  const places = transitionPlaces(funnel);
  const size = places.length;
  const counts = places.map(() => new Array<number>(size).fill(0));
  // Row of a timeline place: incoming 0, stages 1…, then won, lost, outside.
  const row = (place: number, first: boolean, f: LeadFacts): number => {
    if (place >= 0) return place + 1;
    if (place === AT_WON) return size - 3;
    if (place === AT_LOST) return size - 2;
    // The timeline has one code for P's incoming status and everything outside the funnel; only
    // a first visit can be the incoming status (amoCRM moves no lead back into it), which the
    // lead's incoming fate records.
    return first && f.incoming !== NOT_INCOMING ? 0 : size - 1;
  };
  let total = 0;
  for (const f of cohort) {
    for (let k = 1; k < f.timeline.length; k++) {
      const entry = f.timeline[k] ?? 0;
      const at = startOfEntry(entry);
      if (at < period.from || at >= period.to) continue;
      const r = row(placeOfEntry(f.timeline[k - 1] ?? 0), k === 1, f);
      const c = row(placeOfEntry(entry), false, f);
      const line = counts[r];
      if (line) line[c] = (line[c] ?? 0) + 1;
      total++;
    }
  }
  return { places, counts, total };
}

/** The whole F.5 block. */
export function distributions(
  funnel: Funnel,
  leads: {
    readonly cohort: readonly LeadFacts[];
    readonly scope: readonly LeadFacts[];
    readonly thresholds: readonly StuckThreshold[];
  },
  window: Period,
  timeZone: string,
): DistributionsReport {
  return {
    binEdgesHours: BIN_EDGES_HOURS,
    stages: stageHistograms(funnel, leads.cohort, leads.thresholds),
    timeToClose: { timeZone, months: timeToCloseByMonth(leads.scope, window.to, timeZone) },
    transitions: transitionMatrix(funnel, leads.cohort, window),
  };
}
