/** Random but well-formed lead histories for property and differential tests. */
import fc from 'fast-check';
import type { Lead, StatusChange, StatusRef } from '../../../src/core';
import { A, at, B, C, INC, LOST, lead, P, Q, QINC, WON, X } from './builders';

const STATUSES: StatusRef[] = [
  { pipelineId: P, statusId: INC },
  { pipelineId: P, statusId: A },
  { pipelineId: P, statusId: B },
  { pipelineId: P, statusId: C },
  { pipelineId: P, statusId: WON },
  { pipelineId: P, statusId: LOST },
  { pipelineId: Q, statusId: QINC },
  { pipelineId: Q, statusId: X },
  { pipelineId: Q, statusId: WON },
];

/**
 * Random lead histories: a walk over the statuses with random gaps (0 gives equal timestamps),
 * sometimes with events missing at the end (the current status then differs), and leads created
 * anywhere over ~200 days.
 */
export const leadArb = fc.record({
  created: fc.integer({ min: -2400, max: 2400 }),
  walk: fc.array(
    fc.record({ to: fc.integer({ min: 0, max: STATUSES.length - 1 }), gap: fc.nat(48) }),
    {
      maxLength: 8,
    },
  ),
  start: fc.integer({ min: 0, max: STATUSES.length - 1 }),
  dropTail: fc.nat(2),
  price: fc.nat(100_000),
  user: fc.integer({ min: 1, max: 3 }),
  reason: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  deleted: fc.boolean(),
});

export type LeadSpec = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

export function materialise(specs: LeadSpec[]): { leads: Lead[]; events: StatusChange[] } {
  const leads: Lead[] = [];
  const events: StatusChange[] = [];
  specs.forEach((s, k) => {
    const id = k + 1;
    let cur = STATUSES[s.start]!;
    let t = s.created;
    const mine: StatusChange[] = [];
    s.walk.forEach((step, j) => {
      const to = STATUSES[step.to]!;
      t += step.gap;
      mine.push({ id: `${id}-${j}`, leadId: id, createdAt: at(t), before: cur, after: to });
      cur = to;
    });
    events.push(...mine.slice(0, Math.max(0, mine.length - s.dropTail)));
    leads.push(
      lead(id, {
        pipelineId: cur.pipelineId,
        statusId: cur.statusId,
        createdAt: at(s.created),
        updatedAt: at(t),
        price: s.price,
        responsibleUserId: s.user,
        lossReasonId: cur.statusId === LOST ? s.reason : null,
        isDeleted: s.deleted && k % 7 === 0,
      }),
    );
  });
  return { leads, events };
}
