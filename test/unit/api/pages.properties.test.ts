import fc from 'fast-check';
import { readEventList, readLeadList } from '../../../src/api/pages';
import {
  DELETE,
  DOUBLE,
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
    let refused = 0;
    fc.assert(
      fc.property(mutated(eventListArb, 1, inValues), body => {
        const expected = outcome(() => zodEvents(body, '/api/v4/events'));
        expect(outcome(() => readEventList(body, { path: '/api/v4/events' }))).toEqual(expected);
        if ('first' in expected) refused++;
      }),
      { numRuns: 1500 },
    );
    expect(refused).toBeGreaterThan(150);
  });

  // Each way of breaking the tuple, named, so that every message is checked on every run
  // rather than whenever the random bodies happen to reach it.
  const event = {
    id: '01h8zz0000000000000000000a',
    type: 'lead_status_changed',
    entity_id: 5,
    created_at: 1_700_000_000,
    value_before: [{ lead_status: { id: 10, pipeline_id: 1 } }],
    value_after: [{ lead_status: { id: 11, pipeline_id: 1 } }],
  };
  const body = { _embedded: { events: [event] } };
  const at = (...place: (string | number)[]) => ['_embedded', 'events', 0, ...place];
  it.each([
    [at('value_after'), [], 'too few items (at least 1)'],
    [at('value_after'), DOUBLE, 'too many items (at most 1)'],
    [at('value_before'), DELETE, 'missing (expected array)'],
    [at('value_before'), null, 'expected array, got null'],
    [at('value_after', 0), null, 'expected object, got null'],
    [at('value_after', 0, 'lead_status', 'id'), 'x', 'expected number, got string'],
  ] as const)('at %j with %p: “%s” on both paths', (place, replacement, message) => {
    const broken = mutate(body, place, replacement);
    const expected = outcome(() => zodEvents(broken, '/api/v4/events'));
    expect(expected).toMatchObject({ first: { message } });
    expect(outcome(() => readEventList(broken, { path: '/api/v4/events' }))).toEqual(expected);
  });
});
