import fc from 'fast-check';
import {
  baselineDecidedCounts,
  baselineWindows,
  buildModel,
  buildReport,
  normalQuantile,
  proportionChange,
  transitionChanges,
  twoSidedP,
  Z_90,
} from '../../../src/core';
import { A, B, C, H, WON, at, input } from './builders';
import { oracleReport } from './oracle';
import { leadArb, materialise } from './randomData';

/** The standard normal's upper tail by Simpson's rule over the density: no closed form shared. */
function naiveUpperTail(z: number): number {
  const steps = 4000;
  const end = 12;
  if (z >= end) return 0;
  const h = (end - z) / steps;
  const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let s = phi(z) + phi(end);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * phi(z + i * h);
  return (s * h) / 3;
}

/** Wilson's interval as the two roots of (p - π)² = z²·π(1 - π)/n, solved as a quadratic. */
function naiveWilson(k: number, n: number, z: number): [number, number] {
  const p = k / n;
  const a = 1 + (z * z) / n;
  const b = -(2 * p + (z * z) / n);
  const c = p * p;
  const d = Math.sqrt(Math.max(0, b * b - 4 * a * c));
  return [(-b - d) / (2 * a), (-b + d) / (2 * a)];
}

/** The two-sided level's z, by bisection on the integrated tail. */
function naiveZ(confidence: number): number {
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (2 * naiveUpperTail(mid) > 1 - confidence) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const quantiles = new Map<number, number>();
/** docs/metrics.md (foresight: significant changes) read straight from the text. */
function naiveChange(k1: number, n1: number, k0: number, n0: number, confidence: number) {
  const z = quantiles.get(confidence) ?? naiveZ(confidence);
  quantiles.set(confidence, z);
  const [l1, u1] = naiveWilson(k1, n1, z);
  const [l0, u0] = naiveWilson(k0, n0, z);
  const p1 = k1 / n1;
  const p0 = k0 / n0;
  const pooled = (k1 + k0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  const stat = se === 0 ? 0 : (p1 - p0) / se;
  return {
    low: p1 - p0 - Math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2),
    high: p1 - p0 + Math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2),
    pValue: Math.min(1, 2 * naiveUpperTail(Math.abs(stat))),
  };
}

describe('proportionChange (metrics.md foresight: significant changes)', () => {
  it('gives published values', () => {
    // Newcombe (1998), Statistics in Medicine 17:873, table II, method 10.
    const a = proportionChange({ k: 56, n: 70 }, { k: 48, n: 80 })!;
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    const b = proportionChange({ k: 9, n: 10 }, { k: 3, n: 10 })!;
    expect(b.low).toBeCloseTo(0.1705, 4);
    expect(b.high).toBeCloseTo(0.809, 4);
    // scipy: 2·norm.sf(2.6501719512585336) and 2·norm.sf(3.375917844785462).
    expect(a.z).toBeCloseTo(2.6501719512585336, 10);
    expect(a.pValue).toBeCloseTo(0.00804508136819656, 8);
    expect(a.direction).toBe('up');
    expect(a.flagged).toBe(true);
    const drop = proportionChange({ k: 12, n: 60 }, { k: 130, n: 300 }, { confidence: 0.99 })!;
    expect(drop.pValue).toBeCloseTo(0.0007356988401431036, 9);
    expect(drop.direction).toBe('down');
    expect(drop.flagged).toBe(true);
    // scipy: norm.ppf(0.975), norm.ppf(0.95).
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(Z_90, 8);
  });

  it('never flags a small sample, and needs no variation to say nothing', () => {
    const small = proportionChange({ k: 0, n: 9 }, { k: 900, n: 1000 })!;
    expect(small.pValue).toBeLessThan(1e-9);
    expect(small.flagged).toBe(false);
    expect(proportionChange({ k: 0, n: 9 }, { k: 900, n: 1000 }, { minSample: 9 })!.flagged).toBe(
      true,
    );
    const flat = proportionChange({ k: 20, n: 20 }, { k: 50, n: 50 })!;
    expect(flat).toMatchObject({ z: 0, pValue: 1, direction: null, flagged: false });
    expect(flat.high).toBeGreaterThan(0);
    expect(flat.low).toBeLessThan(0);
    expect(proportionChange({ k: 0, n: 0 }, { k: 5, n: 10 })).toBeNull();
    expect(() => proportionChange({ k: 1, n: 2 }, { k: 1, n: 2 }, { confidence: 1 })).toThrow(
      RangeError,
    );
  });

  it('agrees with a naive second reading on random counts and levels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        fc.integer({ min: 1, max: 50 }),
        (n1, n0, r1, r0, confidence, minSample) => {
          const k1 = Math.round(r1 * n1);
          const k0 = Math.round(r0 * n0);
          const got = proportionChange(
            { k: k1, n: n1 },
            { k: k0, n: n0 },
            { confidence, minSample },
          )!;
          const want = naiveChange(k1, n1, k0, n0, confidence);
          expect(got.low).toBeCloseTo(want.low, 6);
          expect(got.high).toBeCloseTo(want.high, 6);
          expect(got.low).toBeLessThanOrEqual(got.difference);
          expect(got.high).toBeGreaterThanOrEqual(got.difference);
          expect(got.pValue).toBeCloseTo(want.pValue, 6);
          const alpha = 1 - confidence;
          if (Math.abs(want.pValue - alpha) > 1e-6)
            expect(got.flagged).toBe(want.pValue < alpha && n1 >= minSample && n0 >= minSample);
        },
      ),
      { numRuns: 300 },
    );
    expect(twoSidedP(0)).toBe(1);
  });
});

describe('the baseline (12 weeks same-age) and the transitions', () => {
  it('lists the windows that fill the weeks, each seen as of its own cut', () => {
    const week = 7 * 86400;
    expect(baselineWindows({ from: 10 * week, to: 11 * week }, 11 * week + 5)).toHaveLength(12);
    expect(baselineWindows({ from: 0, to: 30 * 86400 }, 0)).toHaveLength(3);
    expect(baselineWindows({ from: 0, to: 90 * 86400 }, 0)).toHaveLength(1);
    expect(baselineWindows({ from: 5, to: 5 }, 0)).toEqual([]);
    expect(baselineWindows({ from: 100, to: 110 }, 200, 0)).toEqual([
      { period: { from: 90, to: 100 }, cut: 190 },
    ]);
  });

  it('is the sum of §11.2 same-age counts of each window, as a naive reading gives them', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 60 }),
        fc.integer({ min: -2400, max: 2400 }),
        fc.integer({ min: 300, max: 2400 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 2400 }),
        (specs, from, len, weeks, ahead) => {
          const d = materialise(specs);
          const data = input(d.leads, d.events);
          const window = { from: at(from), to: at(from + len) };
          const now = at(from + len) + ahead * H;
          const model = buildModel(data);
          const got = baselineDecidedCounts(model.funnel, model.byCreated, window, now, weeks);
          const windows = baselineWindows(window, now, weeks);
          const want = [0, 1, 2].map(() => ({ k: 0, n: 0 }));
          // Window k's same-age counts are the oracle's previous.sameAge of the window after it.
          for (const w of windows) {
            const shift = window.from - w.period.from - (window.to - window.from);
            const o = oracleReport(data, {
              from: window.from - shift,
              to: window.to - shift,
              now: now - shift,
            }).previous.sameAge;
            o.stages.forEach((s, i) => {
              const n = s.reached! - s.undecided!;
              want[i]!.n += n;
              want[i]!.k +=
                i + 1 < o.stages.length
                  ? o.stages[i + 1]!.reached!
                  : Math.round((s.decidedConversion ?? 0) * n);
            });
          }
          expect(got).toEqual(want);
          if (windows.length === 1) {
            const engine = buildReport(data, { ...window, now }).previous.sameAge;
            expect(got.map(c => c.n)).toEqual(engine.stages.map(s => s.reached - s.undecided));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names each transition and flags only the significant ones', () => {
    const model = buildModel(input([], []));
    const changes = transitionChanges(
      model.funnel,
      [
        { k: 10, n: 100 },
        { k: 5, n: 8 },
        { k: 0, n: 0 },
      ],
      [
        { k: 50, n: 100 },
        { k: 0, n: 80 },
        { k: 3, n: 5 },
      ],
    );
    expect(changes.map(c => [c.fromStageId, c.toStageId])).toEqual([
      [A, B],
      [B, C],
      [C, WON],
    ]);
    expect(changes.map(c => c.change?.flagged ?? null)).toEqual([true, false, null]);
    expect(changes[0]!.change!.direction).toBe('down');
  });
});
