import fc from 'fast-check';
import { buildReport } from '../../../src/core';
import { A, B, C, at, input } from './builders';
import { oracleReport } from './oracle';
import { oracleExtensions, passes } from './oracleSlices';
import { materialiseSliced, slicedLeadArb, sliceArb } from './randomSlices';

const windowArb = fc.record({
  from: fc.integer({ min: -2400, max: 2400 }),
  len: fc.integer({ min: 1, max: 4800 }),
});

describe('slice extensions vs a naive second reading', () => {
  it('a slice (and the manager filter) narrows every number; thresholds learn from all', () => {
    fc.assert(
      fc.property(
        fc.array(slicedLeadArb, { maxLength: 60 }),
        windowArb,
        sliceArb,
        fc.option(fc.subarray([1, 2, 3]), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        fc.option(fc.integer({ min: -2400, max: 4800 }), { nil: undefined }),
        fc.subarray([A, B, C]),
        (specs, w, slice, users, stuckDays, historyFrom, sideStageIds) => {
          const d = materialiseSliced(specs);
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
            { ...opts, slice, responsibleUserIds: users },
          );
          const keep = (l: (typeof d.leads)[number]) => passes(l, slice, users);
          expect(engine).toMatchObject(
            oracleReport(input(d.leads, d.events), { ...opts, ...history, sideStageIds, keep }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('unattended, money and counting modes vs a naive second reading', () => {
  it('agrees on every new number for random accounts, slices and loaded histories', () => {
    fc.assert(
      fc.property(
        fc.array(slicedLeadArb, { maxLength: 60 }),
        windowArb,
        sliceArb,
        fc.option(fc.integer({ min: -2400, max: 4800 }), { nil: undefined }),
        fc.constantFrom('closed' as const, 'entered' as const),
        (specs, w, slice, historyFrom, mode) => {
          const d = materialiseSliced(specs);
          const opts = { from: at(w.from), to: at(w.from + w.len), now: at(5000), minSample: 1 };
          const history = historyFrom === undefined ? {} : { historyFrom: at(historyFrom) };
          const engine = buildReport(
            { ...input(d.leads, d.events), ...history },
            { ...opts, slice, mode, money: true, includeOpenDeals: true },
          );
          const naive = oracleExtensions(
            input(d.leads, d.events),
            { ...opts, ...history },
            l => passes(l, slice),
            engine.weakestTransition?.fromStageId ?? null,
          );
          expect(engine.stages).toMatchObject(naive.unattended.stages);
          const open = [...(engine.openDeals ?? [])].sort((a, b) => a.leadId - b.leadId);
          expect(open).toMatchObject(naive.unattended.openDeals);
          for (const s of engine.stuck) expect(open.find(o => o.leadId === s.leadId)).toEqual(s);
          expect(engine.money).toMatchObject(naive.money);
          if (mode === 'closed') {
            expect(engine.closedMode).toEqual(naive.closedMode);
            expect(engine.flow).toBeUndefined();
          } else {
            expect(engine.flow).toEqual(naive.flow);
            expect(engine.closedMode).toBeUndefined();
          }
          expect(engine.options).toMatchObject({ mode, money: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});
