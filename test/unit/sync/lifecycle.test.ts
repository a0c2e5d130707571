/** A lead's latest deletion or restoration, whatever order the pages came in. */
import fc from 'fast-check';
import type { LeadLifecycle } from '../../../src/api';
import { keepLatestLifecycle } from '../../../src/sync';

const e = (id: string, leadId: number, createdAt: number, kind: LeadLifecycle['kind']) => ({
  id,
  leadId,
  createdAt,
  kind,
});

describe('keepLatestLifecycle', () => {
  it('keeps each lead’s latest event', () => {
    const kept = keepLatestLifecycle(new Map(), [
      e('a', 1, 10, 'deleted'),
      e('b', 1, 20, 'restored'),
      e('c', 2, 5, 'deleted'),
      e('d', 1, 15, 'deleted'),
    ]);
    expect(kept).toEqual(
      new Map([
        [1, e('b', 1, 20, 'restored')],
        [2, e('c', 2, 5, 'deleted')],
      ]),
    );
  });

  it('breaks a tie in time by the larger id', () => {
    const a = e('a', 1, 10, 'restored');
    const b = e('b', 1, 10, 'deleted');
    expect(keepLatestLifecycle(new Map(), [a, b]).get(1)).toBe(b);
    expect(keepLatestLifecycle(new Map(), [b, a]).get(1)).toBe(b);
  });

  it('goes on from what it kept before, and gives the same whatever the order', () => {
    const into = keepLatestLifecycle(new Map(), [e('z', 1, 30, 'deleted')]);
    keepLatestLifecycle(into, [e('y', 1, 20, 'restored')]);
    expect(into.get(1)?.id).toBe('z');
    const event = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      leadId: fc.integer({ min: 1, max: 3 }),
      createdAt: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom<LeadLifecycle['kind']>('deleted', 'restored'),
    });
    fc.assert(
      fc.property(fc.array(event), fc.func(fc.integer()), (list, key) => {
        // Distinct (lead, id) pairs, as event ids are unique.
        const unique = [...new Map(list.map(x => [`${x.leadId}:${x.id}`, x])).values()];
        const shuffled = [...unique].sort((x, y) => key(x.id, x.leadId) - key(y.id, y.leadId));
        expect(keepLatestLifecycle(new Map(), shuffled)).toEqual(
          keepLatestLifecycle(new Map(), unique),
        );
      }),
    );
  });
});
