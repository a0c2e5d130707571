/**
 * A lead's status changes held as columns: added once per id (within a batch too), read back as
 * the same objects, and packed with other leads' into one bucket record and split back.
 */
import fc from 'fast-check';
import type { StatusChange } from '../../../src/core';
import {
  addChanges,
  changesOf,
  emptyLeadEvents,
  packLeadEvents,
  unpackLeadEvents,
} from '../../../src/sync/leadEvents';
import { A, B, C, ev, mv, P, Q, X } from '../core/builders';

describe('addChanges', () => {
  it('adds new changes, in order, and says so', () => {
    const held = emptyLeadEvents();
    const list = [mv(1, 1, A, B, 'a'), mv(1, 2, B, C, 'b')];
    expect(addChanges(held, list)).toBe(true);
    expect(held.ids).toEqual(['a', 'b']);
    expect(changesOf(held)).toEqual(list);
  });

  it('adds a change whose id is held no second time, and reports nothing new', () => {
    const held = emptyLeadEvents();
    addChanges(held, [mv(1, 1, A, B, 'a')]);
    // Another copy under the same id (a page read twice): the first one stays.
    expect(addChanges(held, [mv(1, 5, A, C, 'a')])).toBe(false);
    expect(changesOf(held)).toEqual([mv(1, 1, A, B, 'a')]);
    expect(addChanges(held, [mv(1, 1, A, B, 'a'), mv(1, 3, B, C, 'c')])).toBe(true);
    expect(held.ids).toEqual(['a', 'c']);
  });

  it('keeps one of an id given twice in one batch', () => {
    const held = emptyLeadEvents();
    expect(addChanges(held, [mv(1, 1, A, B, 'a'), mv(1, 1, A, B, 'a'), mv(1, 2, B, C, 'b')])).toBe(
      true,
    );
    expect(held.ids).toEqual(['a', 'b']);
    expect(held.cols).toHaveLength(2 * 6);
  });

  it('keeps ids, sides and times exactly, other pipelines and large values included', () => {
    const held = emptyLeadEvents();
    const list: StatusChange[] = [
      { ...ev(2 ** 40, 0, [P, A], [Q, X], 'ы"\n'), createdAt: 2 ** 33 + 1 },
      ev(2 ** 40, 1, [Q, X], [P, B], ''),
    ];
    addChanges(held, list);
    expect(changesOf(held)).toEqual(list);
  });
});

describe('packLeadEvents / unpackLeadEvents', () => {
  it('packs nothing as an empty record', () => {
    const packed = packLeadEvents([emptyLeadEvents()]);
    expect(packed.count).toBe(0);
    expect(unpackLeadEvents(packed).size).toBe(0);
  });

  it('splits a bucket record back into each lead’s changes, for many leads', () => {
    const change = fc.record({
      id: fc.string(),
      at: fc.integer({ min: 0, max: 2 ** 33 }),
      before: fc.constantFrom(A, B, C),
      after: fc.constantFrom(A, B, C, X),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 40 }), { maxLength: 30 }),
        fc.array(fc.array(change, { maxLength: 6 }), { maxLength: 30 }),
        (leadIds, rows) => {
          const byLead = new Map<number, StatusChange[]>();
          const helds = leadIds.map((leadId, k) => {
            const list = (rows[k] ?? []).map(r => ({
              ...ev(leadId, 0, [P, r.before], [r.after === X ? Q : P, r.after], r.id),
              createdAt: r.at,
            }));
            const held = emptyLeadEvents();
            addChanges(held, list);
            byLead.set(leadId, changesOf(held));
            return held;
          });
          const packed = packLeadEvents(helds);
          expect(packed.count).toBe(helds.reduce((n, h) => n + h.ids.length, 0));
          const back = unpackLeadEvents(packed);
          for (const [leadId, list] of byLead) {
            if (list.length === 0) expect(back.has(leadId)).toBe(false);
            else expect(changesOf(back.get(leadId)!)).toEqual(list);
          }
          expect([...back.keys()].every(id => byLead.has(id))).toBe(true);
        },
      ),
    );
  });

  it('gives back records addChanges can go on with', () => {
    const held = emptyLeadEvents();
    addChanges(held, [mv(7, 1, A, B, 'a')]);
    const back = unpackLeadEvents(packLeadEvents([held])).get(7)!;
    expect(addChanges(back, [mv(7, 1, A, B, 'a')])).toBe(false);
    expect(addChanges(back, [mv(7, 2, B, C, 'b')])).toBe(true);
    expect(back.ids).toEqual(['a', 'b']);
  });
});
