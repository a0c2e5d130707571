/**
 * Forecast with a range and a horizon (docs/metrics.md, foresight): how many open deals will be
 * won within h days, and for how much, as an expected value and a 90 % interval. §9's forecast
 * says how likely a deal is to be won at all; the time deals took from its stage to a win says
 * how likely that is to happen within the horizon, given how long it has already waited.
 */
import { forecast } from './breakdowns';
import type { LeadFacts } from './facts';
import { AT_WON, placeOfEntry, startOfEntry } from './facts';
import { mulberry32, pmfQuantile, poissonBinomial } from './poissonBinomial';
import { quantile } from './quantile';
import type { Funnel } from './stages';

export const FORECAST_HORIZONS_DAYS: readonly number[] = [30, 90];
export const FORECAST_DRAWS = 10_000;
export const FORECAST_SEED = 20261129;
/** The interval's ends: the 5th and 95th percentiles, a 90 % interval. */
const LOW = 0.05;
const HIGH = 0.95;
const DAY = 86400;

export interface ForecastRangeOptions {
  readonly horizonsDays?: readonly number[];
  /** The loaded history's start (extension, loaded history): a first visit before it is censored. */
  readonly historyFrom?: number | null;
  readonly draws?: number;
  readonly seed?: number;
}

export interface HorizonForecast {
  readonly horizonDays: number;
  /** Open deals with a chance above 0 of a win within the horizon. */
  readonly deals: number;
  readonly expectedWins: number;
  readonly winsLow: number;
  readonly winsHigh: number;
  readonly expectedRevenue: number;
  readonly revenueLow: number;
  readonly revenueHigh: number;
}

export interface ForecastRange {
  readonly draws: number;
  readonly seed: number;
  readonly horizons: readonly HorizonForecast[];
}

/**
 * Per place (main stages, then side stages), ascending: for each lead of `all` ever won in P,
 * the seconds from the start of its last visit to the place before its first win to that win.
 * A first visit begun before the loaded history has no known start and gives no sample.
 */
export function timeToWin(
  funnel: Funnel,
  all: readonly LeadFacts[],
  historyFrom: number | null = null,
): Float64Array[] {
  const samples: number[][] = funnel.places.map(() => []);
  const last = new Map<number, number>();
  for (const f of all) {
    const timeline = f.timeline;
    const won = timeline.findIndex(e => placeOfEntry(e) === AT_WON);
    if (won < 0) continue;
    const censored = historyFrom !== null && f.lead.createdAt < historyFrom;
    last.clear();
    for (let k = censored ? 1 : 0; k < won; k++) {
      const place = placeOfEntry(timeline[k] ?? 0);
      if (place >= 0) last.set(place, startOfEntry(timeline[k] ?? 0));
    }
    const at = startOfEntry(timeline[won] ?? 0);
    for (const [place, start] of last) samples[place]?.push(at - start);
  }
  return samples.map(s => Float64Array.from(s).sort());
}

/**
 * The chance that a deal won in the end, having waited `waited` seconds at the place, is won
 * within `horizon` more seconds: among the place's times to win longer than `waited`, the share
 * at most `waited + horizon`; 0 when none is longer.
 */
export function winWithin(sorted: Float64Array, waited: number, horizon: number): number {
  const longer = sorted.length - upperBound(sorted, waited);
  if (longer === 0) return 0;
  return (upperBound(sorted, waited + horizon) - upperBound(sorted, waited)) / longer;
}

function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Expected wins and revenue over each horizon with their 90 % intervals, over the open deals of
 * `all` (every pipeline lead the report counts, in any order: deals are taken by lead id).
 *
 * @example
 * forecastRange(funnel, facts, now).horizons[0] //=> { horizonDays: 30, expectedWins: 4.2, winsLow: 1, … }
 */
export function forecastRange(
  funnel: Funnel,
  all: readonly LeadFacts[],
  now: number,
  options: ForecastRangeOptions = {},
): ForecastRange {
  const horizonsDays = options.horizonsDays ?? FORECAST_HORIZONS_DAYS;
  const draws = options.draws ?? FORECAST_DRAWS;
  const seed = options.seed ?? FORECAST_SEED;
  const p = forecast(funnel, all).probabilities.map(s => s.p);
  const times = timeToWin(funnel, all, options.historyFrom ?? null);
  const n = funnel.stages.length;
  // Deals by lead id, so the draws do not depend on the order the data came in.
  const open = [...all]
    .filter(f => f.currentIndex >= 0 && f.currentVisitStart !== null)
    .sort((a, b) => a.lead.id - b.lead.id);
  const chances: number[][] = horizonsDays.map(() => []);
  const prices: number[] = [];
  for (const f of open) {
    // §9 and §11.3: a deal at a side stage counts with p of the main stage it reached.
    const pi = p[f.currentIndex >= n ? f.reachedIndex : f.currentIndex] ?? null;
    const sorted = times[f.currentIndex];
    if (pi === null || !sorted) continue;
    const waited = now - (f.currentVisitStart ?? now);
    const within = horizonsDays.map(h => pi * winWithin(sorted, waited, h * DAY));
    if (within.every(x => x === 0)) continue;
    within.forEach((x, j) => chances[j]?.push(x));
    prices.push(f.lead.price);
  }
  const revenue = revenueDraws(chances, prices, draws, seed);
  return {
    draws,
    seed,
    horizons: horizonsDays.map((horizonDays, j) => {
      const pj = chances[j] ?? [];
      const pmf = poissonBinomial(pj);
      const sums = revenue[j] ?? new Float64Array(0);
      return {
        horizonDays,
        deals: pj.filter(x => x > 0).length,
        expectedWins: pj.reduce((s, x) => s + x, 0),
        winsLow: pmfQuantile(pmf, LOW),
        winsHigh: pmfQuantile(pmf, HIGH),
        expectedRevenue: pj.reduce((s, x, i) => s + x * (prices[i] ?? 0), 0),
        revenueLow: quantile(sums, LOW) ?? 0,
        revenueHigh: quantile(sums, HIGH) ?? 0,
      };
    }),
  };
}

/**
 * `draws` simulated revenues per horizon, each sorted ascending. Draw d takes one uniform per
 * deal, in order; a deal is won within horizon j when its uniform is below its chance for j, so
 * one set of uniforms serves every horizon and a longer horizon never draws less.
 */
export function revenueDraws(
  chances: readonly (readonly number[])[],
  prices: readonly number[],
  draws: number,
  seed: number,
): Float64Array[] {
  const next = mulberry32(seed);
  const out = chances.map(() => new Float64Array(draws));
  // Typed copies keep the hot loop free of bounds checks on ragged arrays.
  const rows = chances.map(row => Float64Array.from(prices, (_, i) => row[i] ?? 0));
  const price = Float64Array.from(prices);
  const sums = new Float64Array(rows.length);
  for (let d = 0; d < draws; d++) {
    sums.fill(0);
    for (let i = 0; i < price.length; i++) {
      const u = next();
      for (let j = 0; j < rows.length; j++)
        if (u < (rows[j]?.[i] ?? 0)) sums[j] = (sums[j] ?? 0) + (price[i] ?? 0);
    }
    out.forEach((row, j) => (row[d] = sums[j] ?? 0));
  }
  for (const row of out) row.sort();
  return out;
}
