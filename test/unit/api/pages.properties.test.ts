import fc from 'fast-check';
import { readEventList, readLeadList } from '../../../src/api/pages';
import {
  eventListArb,
  leadListArb,
  mutate,
  outcome,
  placesOf,
  replacementArb,
  zodEvents,
  zodLeads,
} from './pageBodies';
import type { Outcome } from './pageBodies';

type Place = (string | number)[];

/** `times` successive single-field mutations of a body, each at a place `focus` accepts. */
function mutated(
  arb: fc.Arbitrary<unknown>,
  times: number,
  focus: (place: Place) => boolean = () => true,
): fc.Arbitrary<unknown> {
  let out = arb;
  for (let i = 0; i < times; i++) {
    out = out
      .filter(body => placesOf(body).some(focus))
      .chain(body =>
        fc.tuple(
          fc.constant(body),
          fc.constantFrom(...placesOf(body).filter(focus)),
          replacementArb,
        ),
      )
      .map(([body, place, replacement]) => mutate(body, place, replacement));
  }
  return out;
}

const readers = [
  ['leads', leadListArb, zodLeads, readLeadList],
  ['events', eventListArb, zodEvents, readEventList],
] as const;

describe.each(readers)(
  'the %s reader equals the zod path (property tests)',
  (_, arb, zod, read) => {
    /** Asserts the same outcome on both paths and returns it, for tallies. */
    function same(body: unknown): Outcome {
      const expected = outcome(() => zod(body, '/api/v4/x'));
      expect(outcome(() => read(body, { path: '/api/v4/x' }))).toEqual(expected);
      return expected;
    }

    it('reads random valid bodies to the same core values', () => {
      fc.assert(
        fc.property(arb, body => {
          expect(same(body)).toHaveProperty('ok');
        }),
        { numRuns: 300 },
      );
    });

    it('accepts and refuses the same single-field mutations, with the same first issue', () => {
      let refused = 0;
      fc.assert(
        fc.property(mutated(arb, 1), body => {
          if (!('ok' in same(body))) refused++;
        }),
        { numRuns: 1500 },
      );
      // Many places are free-form (unknown extra keys, unread arrays); enough must still break.
      expect(refused).toBeGreaterThan(150);
    });

    it('gives the same first issue when two fields are broken (zod reports both)', () => {
      fc.assert(
        fc.property(mutated(arb, 2), body => {
          same(body);
        }),
        { numRuns: 1000 },
      );
    });
  },
);

describe('lead_status_changed values (property tests)', () => {
  const inValues = (place: Place) =>
    place.includes('value_before') || place.includes('value_after') || place.includes('type');

  it('refuses broken value_before / value_after tuples with zod’s first issue', () => {
    const messages = new Set<string>();
    fc.assert(
      fc.property(mutated(eventListArb, 1, inValues), body => {
        const expected = outcome(() => zodEvents(body, '/api/v4/events'));
        expect(outcome(() => readEventList(body, { path: '/api/v4/events' }))).toEqual(expected);
        if ('first' in expected) messages.add(expected.first?.message ?? '');
      }),
      { numRuns: 1500 },
    );
    expect([...messages]).toEqual(
      expect.arrayContaining([
        'too few items (at least 1)',
        'too many items (at most 1)',
        'missing (expected array)',
        'expected array, got null',
        'expected object, got null',
        'expected number, got string',
      ]),
    );
  });
});
