import fc from 'fast-check';
import { buildReport } from '../../../src/core';
import { A, B, C, at, input } from './builders';
import { oracleReport } from './oracle';
import { leadArb, materialise } from './randomData';

describe('engine vs a naive second reading of the contract', () => {
  it('agrees on every contract number for random histories, horizons and loaded histories', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 60 }),
        fc.record({
          from: fc.integer({ min: -2400, max: 2400 }),
          len: fc.integer({ min: 1, max: 4800 }),
        }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.integer({ min: 0, max: 5 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
        fc.option(fc.integer({ min: -2400, max: 4800 }), { nil: undefined }),
        (specs, w, stuckDays, minSample, horizonDays, historyFrom) => {
          const d = materialise(specs);
          const opts = {
            from: at(w.from),
            to: at(w.from + w.len),
            now: at(5000),
            minSample,
            ...(stuckDays !== undefined && { stuckDays }),
            ...(horizonDays !== undefined && { horizonDays }),
          };
          const history = historyFrom === undefined ? {} : { historyFrom: at(historyFrom) };
          const engine = buildReport({ ...input(d.leads, d.events), ...history }, opts);
          expect(engine).toMatchObject(
            oracleReport(input(d.leads, d.events), { ...opts, ...history }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with side stages (metrics.md 11.3): any subset of the open stages', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 60 }),
        fc.subarray([A, B, C], { minLength: 1 }),
        fc.record({
          from: fc.integer({ min: -2400, max: 2400 }),
          len: fc.integer({ min: 1, max: 4800 }),
        }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.option(fc.integer({ min: -2400, max: 4800 }), { nil: undefined }),
        (specs, sideStageIds, w, stuckDays, historyFrom) => {
          const d = materialise(specs);
          const opts = {
            from: at(w.from),
            to: at(w.from + w.len),
            now: at(5000),
            minSample: 1,
            ...(stuckDays !== undefined && { stuckDays }),
          };
          const history = historyFrom === undefined ? {} : { historyFrom: at(historyFrom) };
          const engine = buildReport(
            { ...input(d.leads, d.events), ...history, sideStageIds },
            opts,
          );
          expect(engine).toMatchObject(
            oracleReport(input(d.leads, d.events), { ...opts, ...history, sideStageIds }),
          );
          expect(engine.options.sideStageIds).toEqual([...sideStageIds].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
