/**
 * A naive second reading of docs/metrics.md F.5 (distributions), written from the text: each
 * lead's history comes from the raw status changes through the oracle's own brute-force §4
 * (`history`), never from the engine's facts; bins, months and places are found by plain loops.
 */
import type { FunnelInput, Lead } from '../../../src/core';
import { history } from './oracle';

const EDGES_IN_HOURS = [0, 1, 2, 4, 8, 24, 2 * 24, 4 * 24, 7 * 24, 14 * 24, 30 * 24, 60 * 24];
const EDGES = [...EDGES_IN_HOURS, 90 * 24, 180 * 24];

/** The bin of `h`: how many edges are at or below it, less one. */
const binOfHours = (h: number) => EDGES.filter(e => e <= h).length - 1;

function q(values: number[], p: number): number | null {
  const x = [...values].sort((a, b) => a - b);
  if (x.length === 0) return null;
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  if (lo === x.length - 1) return x[lo]!;
  return x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!);
}
const triple = (xs: number[]) => ({
  samples: xs.length,
  medianHours: q(xs, 0.5),
  p90Hours: q(xs, 0.9),
});

/** `YYYY-MM` of an instant in a zone, read off the runtime's calendar. */
function yearMonth(epoch: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(epoch * 1000));
  const get = (t: string) => parts.find(p => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

function monthsBack(last: string, count: number): string[] {
  let [y, m] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

export function oracleDistributions(
  input: FunnelInput,
  o: {
    from: number;
    to: number;
    historyFrom?: number;
    sideStageIds?: number[];
    timeZone: string;
    keep?: (lead: Lead) => boolean;
    /** §7's thresholds per open stage id (checked against the oracle elsewhere). */
    thresholdOf: (stageId: number) => number;
  },
) {
  const P = input.pipeline.id;
  const T = o.historyFrom ?? null;
  const open = input.pipeline.statuses
    .filter(s => s.pipelineId === P && s.type === 0 && s.id !== 142 && s.id !== 143)
    .sort((a, b) => a.sort - b.sort || a.id - b.id);
  const side = (id: number) => (o.sideStageIds ?? []).includes(id);
  const places = [...open.filter(s => !side(s.id)), ...open.filter(s => side(s.id))];
  const incomingIds = input.pipeline.statuses
    .filter(s => s.pipelineId === P && s.type === 1)
    .map(s => s.id);

  // §3 with the freshest copy, the loaded history's leads, and the report's filters.
  const fresh = new Map<number, Lead>();
  for (const l of input.leads) {
    const seen = fresh.get(l.id);
    if (!seen || l.updatedAt >= seen.updatedAt) fresh.set(l.id, l);
  }
  const scope = [...fresh.values()].filter(
    l =>
      l.pipelineId === P &&
      !l.isDeleted &&
      (T === null || l.createdAt >= T || (l.statusId !== 142 && l.statusId !== 143)) &&
      (o.keep ?? (() => true))(l),
  );
  const visitsOf = new Map(scope.map(l => [l.id, history(l, [...input.events], T).visits]));
  const cohort = scope.filter(l => l.createdAt >= o.from && l.createdAt < o.to);

  const stages = places.map(s => {
    const hours: number[] = [];
    for (const l of cohort)
      for (const v of visitsOf.get(l.id)!)
        if (v.p === P && v.s === s.id && v.end !== null && !v.censored)
          hours.push((v.end - v.start) / 3600);
    const counts = EDGES.map((_, k) => hours.filter(h => binOfHours(h) === k).length);
    const threshold = o.thresholdOf(s.id);
    return {
      stageId: s.id,
      side: side(s.id),
      samples: hours.length,
      counts,
      thresholdHours: threshold,
      thresholdBin: binOfHours(threshold),
      overThreshold: hours.filter(h => h > threshold).length,
    };
  });

  const labels = monthsBack(yearMonth(o.to - 1, o.timeZone), 12);
  const months = labels.map(month => {
    const won: number[] = [];
    const lost: number[] = [];
    for (const l of scope) {
      if (l.statusId !== 142 && l.statusId !== 143) continue;
      const vs = visitsOf.get(l.id)!;
      const closedAt = vs[vs.length - 1]!.start;
      if (yearMonth(closedAt, o.timeZone) !== month) continue;
      (l.statusId === 142 ? won : lost).push((closedAt - l.createdAt) / 3600);
    }
    return { month, won: triple(won), lost: triple(lost) };
  });

  const key = (v: { p: number; s: number }, first: boolean): string => {
    if (v.p === P && places.some(s => s.id === v.s))
      return `${side(v.s) ? 'side' : 'stage'}:${v.s}`;
    if (v.p === P && v.s === 142) return 'won';
    if (v.p === P && v.s === 143) return 'lost';
    if (first && v.p === P && incomingIds.includes(v.s)) return 'incoming';
    return 'outside';
  };
  const moves = new Map<string, number>();
  let total = 0;
  for (const l of cohort) {
    const vs = visitsOf.get(l.id)!;
    for (let k = 1; k < vs.length; k++) {
      if (vs[k]!.start < o.from || vs[k]!.start >= o.to) continue;
      const name = `${key(vs[k - 1]!, k === 1)} -> ${key(vs[k]!, false)}`;
      moves.set(name, (moves.get(name) ?? 0) + 1);
      total++;
    }
  }
  return { stages, months, moves, total };
}
