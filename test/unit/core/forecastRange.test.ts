import fc from 'fast-check';
import type { LeadFacts } from '../../../src/core';
import {
  buildModel,
  FORECAST_SEED,
  forecastRange,
  mulberry32,
  pmfQuantile,
  poissonBinomial,
  revenueDraws,
  timeToWin,
} from '../../../src/core';
import { A, at, B, C, H, input, lead, LOST, mv, P, WON } from './builders';
import { history, oracleReport } from './oracle';
import { leadArb, materialise } from './randomData';

/** Every outcome of n trials, one by one: the count distribution by definition. */
function enumerate(p: readonly number[]): number[] {
  const pmf = new Array<number>(p.length + 1).fill(0);
  for (let mask = 0; mask < 1 << p.length; mask++) {
    let prob = 1;
    let wins = 0;
    p.forEach((x, i) => {
      const won = (mask >> i) & 1;
      wins += won;
      prob *= won ? x : 1 - x;
    });
    pmf[wins]! += prob;
  }
  return pmf;
}

/** The smallest k with P(X <= k) >= u, from a plain list. */
function naiveQuantile(pmf: readonly number[], u: number): number {
  let c = 0;
  for (let k = 0; k < pmf.length; k++) if ((c += pmf[k]!) >= u) return k;
  return pmf.length - 1;
}

/** The textbook O(n²) recursion, nothing dropped. */
function fullRecursion(p: readonly number[]): number[] {
  let pmf = [1];
  for (const x of p) pmf = [...pmf, 0].map((v, k) => v * (1 - x) + (k > 0 ? pmf[k - 1]! : 0) * x);
  return pmf;
}

/** SFC32 (C. Doty-Humphrey): a generator unrelated to the engine's Mulberry32. */
function sfc32(seed: number): () => number {
  let a = seed >>> 0;
  let b = 0x9e3779b9;
  let c = 0x243f6a88;
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const probability = fc.oneof(
  fc.constantFrom(0, 1, 0.5),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

describe('the count of wins (Poisson–binomial)', () => {
  it('equals enumeration of every outcome for small n, and so do its quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(probability, { maxLength: 12 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (p, u) => {
          const got = poissonBinomial(p);
          const want = enumerate(p);
          want.forEach((w, k) => expect(got[k]).toBeCloseTo(w, 12));
          expect(pmfQuantile(got, u)).toBe(naiveQuantile(want, u));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('loses nothing visible by dropping negligible ends, for thousands of deals', () => {
    const next = mulberry32(7);
    const p = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? next() * 0.05 : next()));
    const got = poissonBinomial(p);
    const want = fullRecursion(p);
    let drift = 0;
    want.forEach((w, k) => (drift = Math.max(drift, Math.abs(w - got[k]!))));
    expect(drift).toBeLessThan(1e-15);
    for (const u of [0.05, 0.5, 0.95]) expect(pmfQuantile(got, u)).toBe(naiveQuantile(want, u));
  });

  it('draws uniforms from the seeded source: in [0, 1), evenly over ten bins', () => {
    const next = mulberry32(FORECAST_SEED);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = next();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 10)]!++;
    }
    expect(outside).toBe(0);
    // Chi-square with 9 degrees of freedom: 27.9 is its 99.9th percentile.
    expect(bins.reduce((s, b) => s + (b - 10_000) ** 2 / 10_000, 0)).toBeLessThan(27.9);
  });
});

/**
 * docs/metrics.md (foresight: forecast with a range) read from the text over the oracle's visits:
 * p from §9, times to win from each won lead's visits, and the chance within h given the wait.
 */
function naiveChances(data: ReturnType<typeof input>, now: number, horizonDays: number) {
  const stages = [A, B, C];
  const p = oracleReport(data, { from: 0, to: 1, now }).forecast.probabilities.map(x => x.p);
  const pipeline = data.leads.filter(l => l.pipelineId === P && !l.isDeleted);
  const visitsOf = (id: number) =>
    history(
      pipeline.find(l => l.id === id)!,
      [...data.events],
      null,
    ).visits;
  const times: number[][] = stages.map(() => []);
  for (const l of pipeline) {
    const v = visitsOf(l.id);
    const w = v.findIndex(x => x.p === P && x.s === WON);
    if (w < 0) continue;
    stages.forEach((s, i) => {
      const before = v.slice(0, w).filter(x => x.p === P && x.s === s);
      if (before.length > 0) times[i]!.push(v[w]!.start - before[before.length - 1]!.start);
    });
  }
  const out: { id: number; chance: number; price: number }[] = [];
  for (const l of [...pipeline].sort((a, b) => a.id - b.id)) {
    const i = stages.indexOf(l.statusId);
    if (i < 0 || p[i] === null) continue;
    const v = visitsOf(l.id);
    const waited = now - v[v.length - 1]!.start;
    const longer = times[i]!.filter(t => t > waited);
    const soon = longer.filter(t => t <= waited + horizonDays * 86400);
    const chance = longer.length === 0 ? 0 : (p[i]! * soon.length) / longer.length;
    out.push({ id: l.id, chance, price: l.price });
  }
  return out;
}

describe('forecastRange (metrics.md foresight: forecast with a range)', () => {
  it('agrees with a naive reading on random histories: expected values and the count range', () => {
    const seen: number[] = [];
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 20, maxLength: 80 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 30 }),
        (specs, nowHours, h) => {
          // Leads created within ~8 days before T0 and `now` soon after: open deals have
          // then waited about as long as won ones took, so the chances are seldom all 0.
          const d = materialise(specs.map(s => ({ ...s, created: (s.created % 100) - 100 })));
          const data = input(d.leads, d.events);
          const now = at(nowHours);
          const model = buildModel(data);
          const options = { horizonsDays: [h], draws: 200 };
          const got = forecastRange(model.funnel, model.facts, now, options).horizons[0]!;
          const want = naiveChances(data, now, h).filter(x => x.chance > 0);
          const pmf = fullRecursion(want.map(x => x.chance));
          expect(got.deals).toBe(want.length);
          expect(got.expectedWins).toBeCloseTo(
            want.reduce((s, x) => s + x.chance, 0),
            9,
          );
          expect(got.expectedRevenue).toBeCloseTo(
            want.reduce((s, x) => s + x.chance * x.price, 0),
            4,
          );
          expect(got.winsLow).toBe(naiveQuantile(pmf, 0.05));
          expect(got.winsHigh).toBe(naiveQuantile(pmf, 0.95));
          expect(got.revenueLow).toBeLessThanOrEqual(got.revenueHigh);
          seen.push(got.deals);
        },
      ),
      { numRuns: 150 },
    );
    // The cases were not all empty: most forecast several deals.
    expect(seen.filter(n => n >= 3).length).toBeGreaterThan(seen.length / 2);
  });

  it('conditions on the wait, and a longer horizon never forecasts less', () => {
    // Three won leads took 10, 20 and 40 days from A to a win; two deals wait at A.
    const won = [10, 20, 40].map((days, k) =>
      lead(k + 1, { statusId: WON, createdAt: at(0), updatedAt: at(days * 24) }),
    );
    const events = won.map(l => mv(l.id, (l.updatedAt - at(0)) / H, A, WON));
    const lostLead = lead(4, { statusId: LOST, createdAt: at(0), updatedAt: at(24) });
    const waiting = [
      lead(5, { statusId: A, createdAt: at(1000 - 5 * 24), price: 100 }),
      lead(6, { statusId: A, createdAt: at(1000 - 25 * 24), price: 1000 }),
    ];
    const model = buildModel(input([...won, lostLead, ...waiting], events));
    const r = forecastRange(model.funnel, model.facts, at(1000), { horizonsDays: [10, 30] });
    // p(A) = 3 won of 4 closed. Deal 5 (5 days in): 1 of 3 longer waits ends within 10 days,
    // 2 of 3 within 30; deal 6 (25 days in): the one longer wait (40) ends within 30 only.
    expect(r.horizons[0]!.expectedWins).toBeCloseTo(0.75 * (1 / 3), 12);
    expect(r.horizons[0]!.deals).toBe(1);
    expect(r.horizons[1]!.expectedWins).toBeCloseTo(0.75 * (2 / 3 + 1), 12);
    expect(r.horizons[1]!.expectedRevenue).toBeCloseTo(0.75 * ((2 / 3) * 100 + 1000), 9);
    expect(r.horizons[1]).toMatchObject({ deals: 2, winsLow: 0, winsHigh: 2 });
    expect(r.horizons[0]!.revenueHigh).toBeLessThanOrEqual(r.horizons[1]!.revenueHigh);
  });

  it('reads side stages as §11.3 does and takes no time from a censored first visit', () => {
    // Lead 1: A at 0, side stage B at 24 h, won at 72 h. Lead 2: A, then lost. Lead 3 waits at B.
    const leads = [
      lead(1, { statusId: WON, updatedAt: at(72) }),
      lead(2, { statusId: LOST, updatedAt: at(10) }),
      lead(3, { statusId: B, price: 500 }),
    ];
    const events = [mv(1, 24, A, B), mv(1, 72, B, WON), mv(2, 10, A, LOST), mv(3, 76, A, B)];
    const side = buildModel(input(leads, events, { sideStageIds: [B] }));
    // Places: main stages A and C, then the side stage B.
    expect(timeToWin(side.funnel, side.facts).map(t => Array.from(t))).toEqual([
      [72 * H],
      [],
      [48 * H],
    ]);
    // Lead 3 has waited 24 h at B: p of A (1 won of 2 closed) times the one longer wait (48 h).
    const r = forecastRange(side.funnel, side.facts, at(100), { horizonsDays: [1] });
    expect(r.horizons[0]).toMatchObject({ deals: 1, expectedWins: 0.5, expectedRevenue: 250 });
    // With history loaded from 12 h on, a lead created before it is there only if open now: lead
    // 1 reopened at C after its win. Its first visit (A, from 0) has no known start.
    const reopened = [lead(1, { statusId: C, updatedAt: at(80) })];
    const moves = [mv(1, 24, A, B), mv(1, 72, B, WON), mv(1, 80, WON, C)];
    const full = buildModel(input(reopened, moves));
    const fullTimes = timeToWin(full.funnel, full.facts).map(t => Array.from(t));
    expect(fullTimes).toEqual([[72 * H], [48 * H], []]);
    const loaded = buildModel(input(reopened, moves, { historyFrom: at(12) }));
    const times = timeToWin(loaded.funnel, loaded.facts, at(12));
    expect(times.map(t => Array.from(t))).toEqual([[], [48 * H], []]);
  });

  it('draws reproducibly whatever the order of the data, near an independent simulation', () => {
    const next = mulberry32(99);
    const chances = Array.from({ length: 300 }, () => next() * 0.4);
    const prices = Array.from({ length: 300 }, () => Math.round(next() * 90_000) + 1000);
    const [sorted] = revenueDraws([chances], prices, 10_000, FORECAST_SEED);
    const [again] = revenueDraws([chances], prices, 10_000, FORECAST_SEED);
    expect(again).toEqual(sorted);
    // An independent simulation: another generator, its own loop.
    const rand = sfc32(12345);
    const other = Array.from({ length: 10_000 }, () =>
      chances.reduce((s, c, i) => s + (rand() < c ? prices[i]! : 0), 0),
    ).sort((a, b) => a - b);
    const sd = Math.sqrt(chances.reduce((s, c, i) => s + c * (1 - c) * prices[i]! ** 2, 0));
    const at = (xs: ArrayLike<number>, u: number) => xs[Math.round((xs.length - 1) * u)]!;
    for (const u of [0.05, 0.5, 0.95])
      expect(Math.abs(at(sorted!, u) - at(other, u))).toBeLessThan(0.15 * sd);
    const mean = chances.reduce((s, c, i) => s + c * prices[i]!, 0);
    expect(Math.abs(sorted!.reduce((s, x) => s + x, 0) / 10_000 - mean)).toBeLessThan(0.05 * sd);
  });

  it('gives the same range for the same facts in any order', () => {
    let forecasted = 0;
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 20, maxLength: 60 }), fc.nat(), (specs, seed) => {
        const d = materialise(specs.map(s => ({ ...s, created: (s.created % 100) - 100 })));
        const model = buildModel(input(d.leads, d.events));
        const shuffled = fc.sample(
          fc.shuffledSubarray([...model.facts], { minLength: model.facts.length }),
          { numRuns: 1, seed },
        )[0] as LeadFacts[];
        const options = { draws: 300 };
        const forward = forecastRange(model.funnel, model.facts, at(60), options);
        expect(forecastRange(model.funnel, shuffled, at(60), options)).toEqual(forward);
        if ((forward.horizons[0]?.deals ?? 0) > 0) forecasted++;
      }),
      { numRuns: 40 },
    );
    expect(forecasted).toBeGreaterThan(20);
  });
});
