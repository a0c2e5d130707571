import fc from 'fast-check';
import { buildReport } from '../../../src/core';
import type { FunnelReport, StatusChange } from '../../../src/core';
import { at, input } from './builders';
import { leadArb, materialise } from './randomData';
import type { LeadSpec } from './randomData';

const windowArb = fc.record({
  from: fc.integer({ min: -2400, max: 2400 }),
  len: fc.integer({ min: 1, max: 4800 }),
});

function run(
  specs: LeadSpec[],
  w: { from: number; len: number },
  events?: StatusChange[],
): FunnelReport {
  const d = materialise(specs);
  return buildReport(input(d.leads, events ?? d.events), {
    from: at(w.from),
    to: at(w.from + w.len),
    now: at(5000),
    minSample: 1,
  });
}

const ratios = (r: FunnelReport): (number | null)[] => [
  ...r.stages.flatMap(s => [s.conversionToNext, s.decidedConversion, s.conversionToWon]),
  ...r.previous.stages.flatMap(s => [s.conversionToNext, s.decidedConversion]),
  r.totals.conversion,
  ...r.managers.map(m => m.winRate),
  ...r.forecast.probabilities.map(p => p.p),
];

describe('engine invariants (property tests)', () => {
  const specs = fc.array(leadArb, { maxLength: 40 });

  it('reached never increases along the funnel, and won.reached is at most the last stage', () => {
    fc.assert(
      fc.property(specs, windowArb, (s, w) => {
        const r = run(s, w);
        const reached = r.stages.map(x => x.reached);
        for (let i = 1; i < reached.length; i++)
          expect(reached[i]!).toBeLessThanOrEqual(reached[i - 1]!);
        expect(r.won.reached).toBeLessThanOrEqual(reached[reached.length - 1]!);
      }),
    );
  });

  it('every ratio is null or a fraction in [0, 1], and decided >= plain conversion', () => {
    fc.assert(
      fc.property(specs, windowArb, (s, w) => {
        const r = run(s, w);
        for (const v of ratios(r)) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
        for (const st of r.stages) {
          if (st.decidedConversion !== null && st.conversionToNext !== null) {
            expect(st.decidedConversion).toBeGreaterThanOrEqual(st.conversionToNext);
          }
        }
      }),
    );
  });

  it('current, incoming, won and lost add up to the cohort; parts never exceed the whole', () => {
    fc.assert(
      fc.property(specs, windowArb, (s, w) => {
        const r = run(s, w);
        const current = r.stages.reduce((a, x) => a + x.current, 0);
        expect(current + r.totals.incoming + r.totals.won + r.totals.lost).toBe(r.totals.deals);
        expect(r.totals.open).toBe(r.totals.deals - r.totals.won - r.totals.lost);
        expect(r.stages.reduce((a, x) => a + x.lostHere, 0)).toBe(r.totals.lost);
        expect(r.lossReasons.reduce((a, x) => a + x.count, 0)).toBe(r.totals.lost);
        expect(r.managers.reduce((a, m) => a + m.deals, 0)).toBe(r.totals.deals);
        for (const st of r.stages) {
          expect(st.skipped).toBeLessThanOrEqual(st.reached);
          expect(st.undecided).toBeLessThanOrEqual(st.reached);
          expect(st.stuck).toBeLessThanOrEqual(st.now.count);
        }
      }),
    );
  });

  it('stuck deals are past their threshold and ordered by how far', () => {
    fc.assert(
      fc.property(specs, windowArb, (s, w) => {
        const r = run(s, w);
        r.stuck.forEach((d, i) => {
          expect(d.hoursInStage).toBeGreaterThan(d.thresholdHours);
          const prev = r.stuck[i - 1];
          if (prev)
            expect(prev.hoursInStage - prev.thresholdHours).toBeGreaterThanOrEqual(
              d.hoursInStage - d.thresholdHours,
            );
        });
      }),
    );
  });

  it('does not depend on event order or on events repeated across pages', () => {
    fc.assert(
      fc.property(specs, windowArb, fc.integer(), (s, w, seed) => {
        const { events } = materialise(s);
        const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const repeated = [...shuffled, ...events.filter((_, i) => i % 3 === 0)];
        expect(run(s, w, repeated)).toEqual(run(s, w));
      }),
    );
  });
});
