/**
 * Facts derived straight from a lead's held columns are the facts its visits give: the column path
 * is taken only for changes in strictly increasing time, and must agree with §4 everywhere else
 * too (same-second changes, changes out of order, no-ops, unsaid `value_before`, a loaded history).
 */
import fc from 'fast-check';
import type { StatusChange } from '../../../src/core';
import { buildFunnel, leadFacts, leadVisits } from '../../../src/core';
import { heldFacts } from '../../../src/sync/heldVisits';
import { addChanges, changesOf, emptyLeadEvents } from '../../../src/sync/leadEvents';
import { A, B, C, INC, LOST, P, Q, QINC, T0, WON, X, lead, pipelineP } from '../core/builders';

const places: readonly (readonly [number, number])[] = [
  [P, INC],
  [P, A],
  [P, B],
  [P, C],
  [P, WON],
  [P, LOST],
  [Q, QINC],
  [Q, X],
];

const place = fc.constantFrom(...places);
const change = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
  // Small steps, so that same-second changes and changes out of order come up often.
  step: fc.integer({ min: -2, max: 6 }),
  before: fc.option(place, { freq: 5 }),
  after: place,
});

const comparable = (f: ReturnType<typeof leadFacts>) => ({ ...f, visited: Array.from(f.visited) });

describe('heldFacts', () => {
  it('gives the facts of the visits the held changes make', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 9 }),
        place,
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: -4, max: 20 })),
        fc.boolean(),
        (list, now, created, updated, from, side) => {
          let t = T0;
          const changes = list.map(({ id, step, before, after }): StatusChange => {
            t += step;
            return {
              id,
              leadId: 1,
              createdAt: t,
              before: before ? { pipelineId: before[0], statusId: before[1] } : null,
              after: { pipelineId: after[0], statusId: after[1] },
            };
          });
          const held = emptyLeadEvents();
          addChanges(held, changes);
          const one = lead(1, {
            pipelineId: now[0],
            statusId: now[1],
            createdAt: T0 + created,
            updatedAt: T0 + updated,
          });
          const historyFrom = from === null ? null : T0 + from;
          const funnel = buildFunnel(pipelineP, side ? [C] : []);
          const expected = leadFacts(funnel, one, leadVisits(one, changesOf(1, held), historyFrom));
          expect(comparable(heldFacts(funnel, one, held, historyFrom))).toEqual(
            comparable(expected),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the facts of a lead without held changes', () => {
    const one = lead(2, { statusId: B, createdAt: T0, updatedAt: T0 + 7200 });
    const funnel = buildFunnel(pipelineP);
    expect(comparable(heldFacts(funnel, one, undefined, null))).toEqual(
      comparable(leadFacts(funnel, one, leadVisits(one, [], null))),
    );
  });
});
