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
    expect(changesOf(1, held)).toEqual(list);
  });

  it('adds a change whose id is held no second time, and reports nothing new', () => {
    const held = emptyLeadEvents();
    addChanges(held, [mv(1, 1, A, B, 'a')]);
    // Another copy under the same id (a page read twice): the first one stays.
    expect(addChanges(held, [mv(1, 5, A, C, 'a')])).toBe(false);
    expect(changesOf(1, held)).toEqual([mv(1, 1, A, B, 'a')]);
    expect(addChanges(held, [mv(1, 1, A, B, 'a'), mv(1, 3, B, C, 'c')])).toBe(true);
    expect(held.ids).toEqual(['a', 'c']);
  });

  it('keeps one of an id given twice in one batch', () => {
    const held = emptyLeadEvents();
    expect(addChanges(held, [mv(1, 1, A, B, 'a'), mv(1, 1, A, B, 'a'), mv(1, 2, B, C, 'b')])).toBe(
      true,
    );
    expect(held.ids).toEqual(['a', 'b']);
    expect(changesOf(1, held)).toEqual([mv(1, 1, A, B, 'a'), mv(1, 2, B, C, 'b')]);
  });

  it('keeps ids, sides and times exactly, other pipelines and 32-bit limits included', () => {
    const held = emptyLeadEvents();
    const top = 0xffff_ffff;
    const list: StatusChange[] = [
      { ...ev(2 ** 40, 0, [P, A], [Q, X], 'ы"\n'), createdAt: top },
      ev(2 ** 40, 1, [Q, X], [top, top], ''),
    ];
    addChanges(held, list);
    expect(changesOf(2 ** 40, held)).toEqual(list);
  });

  it('refuses a change whose time or ids do not fit 32 bits, naming it, and keeps what it held', () => {
    const held = emptyLeadEvents();
    addChanges(held, [mv(1, 1, A, B, 'a')]);
    const late = { ...mv(1, 2, B, C, 'late'), createdAt: 2 ** 32 };
    expect(() => addChanges(held, [late])).toThrow(/status change late of lead 1/);
    expect(() =>
      addChanges(held, [{ ...mv(1, 2, B, C, 'neg'), after: { pipelineId: P, statusId: -1 } }]),
    ).toThrow(RangeError);
    expect(() => addChanges(held, [{ ...mv(1, 2, B, C, 'half'), createdAt: 1.5 }])).toThrow(
      RangeError,
    );
    expect(changesOf(1, held)).toEqual([mv(1, 1, A, B, 'a')]);
  });
});

describe('held ids', () => {
  it('tells an id from ids that contain it or that it contains, the empty id included', () => {
    const held = emptyLeadEvents();
    addChanges(held, [mv(1, 1, A, B, 'ab'), mv(1, 2, B, C, 'xaby'), mv(1, 3, C, A, '')]);
    expect(addChanges(held, [mv(1, 4, A, B, 'a')])).toBe(true);
    expect(addChanges(held, [mv(1, 6, C, A, 'xab')])).toBe(true);
    expect(addChanges(held, [mv(1, 1, A, B, 'ab'), mv(1, 3, C, A, '')])).toBe(false);
    expect(held.ids).toEqual(['ab', 'xaby', '', 'a', 'xab']);
  });

  it('keeps every change as it grows, five numbers each', () => {
    const held = emptyLeadEvents();
    const list = Array.from({ length: 37 }, (_, k) =>
      mv(1, k, k % 2 ? B : A, k % 2 ? A : B, `c${k}`),
    );
    addChanges(held, list);
    expect(changesOf(1, held)).toEqual(list);
    expect(held.cols).toHaveLength(37 * 5);
  });

  it('still refuses repeats once a lead holds many changes, also after a trip through the cache', () => {
    const held = emptyLeadEvents();
    const list = Array.from({ length: 40 }, (_, k) =>
      mv(1, k, k % 2 ? B : A, k % 2 ? A : B, `c${k}`),
    );
    addChanges(held, list);
    expect(addChanges(held, [mv(1, 99, A, C, 'c3'), mv(1, 99, A, C, 'c39')])).toBe(false);
    const back = unpackLeadEvents(packLeadEvents([[1, held]])).get(1);
    if (!back) throw new Error('lead 1 lost in the cache');
    expect(addChanges(back, [mv(1, 99, A, C, 'c0')])).toBe(false);
    expect(addChanges(back, [mv(1, 99, A, C, 'c40'), mv(1, 99, A, C, 'c0')])).toBe(true);
    expect(back.ids).toHaveLength(41);
  });
});

describe('packLeadEvents / unpackLeadEvents', () => {
  it('packs nothing as an empty record', () => {
    const packed = packLeadEvents([[1, emptyLeadEvents()]]);
    expect(packed.count).toBe(0);
    expect(unpackLeadEvents(packed).size).toBe(0);
  });

  it('splits a bucket record back into each lead’s changes, for many leads', () => {
    const change = fc.record({
      id: fc.string(),
      at: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
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
            byLead.set(leadId, changesOf(leadId, held));
            return [leadId, held] as const;
          });
          const packed = packLeadEvents(helds);
          expect(packed.count).toBe(helds.reduce((n, [, h]) => n + h.ids.length, 0));
          const back = unpackLeadEvents(packed);
          for (const [leadId, list] of byLead) {
            if (list.length === 0) expect(back.has(leadId)).toBe(false);
            else expect(changesOf(leadId, back.get(leadId)!)).toEqual(list);
          }
          expect([...back.keys()].every(id => byLead.has(id))).toBe(true);
        },
      ),
    );
  });

  it('gives back records addChanges can go on with', () => {
    const held = emptyLeadEvents();
    addChanges(held, [mv(7, 1, A, B, 'a')]);
    const back = unpackLeadEvents(packLeadEvents([[7, held]])).get(7)!;
    expect(addChanges(back, [mv(7, 1, A, B, 'a')])).toBe(false);
    expect(addChanges(back, [mv(7, 2, B, C, 'b')])).toBe(true);
    expect(back.ids).toEqual(['a', 'b']);
  });
});

describe('a change with an empty value_before', () => {
  it('is held and read back, packed or not, with its before still unsaid', () => {
    const held = emptyLeadEvents();
    const list: StatusChange[] = [{ ...mv(1, 1, A, B, 'a'), before: null }, mv(1, 2, B, C, 'b')];
    addChanges(held, list);
    expect(changesOf(1, held)).toEqual(list);
    const back = unpackLeadEvents(packLeadEvents([[1, held]])).get(1);
    expect(back && changesOf(1, back)).toEqual(list);
  });
});
