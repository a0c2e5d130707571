import fc from 'fast-check';
import { buildFunnel, buildVisits, orderEvents } from '../../../src/core';
import type { StatusChange } from '../../../src/core';
import { EXACT_LIMIT } from '../../../src/core/sameSecond';
import { A, at, B, C, ev, INC, lead, mv, P, pipelineP, Q, X } from './builders';
import { bruteForceOrder } from './oracle';

const ref = (statusId: number) => ({ pipelineId: P, statusId });

describe('buildFunnel', () => {
  it('orders open stages by sort, ties by id, leaving out incoming, 142 and 143', () => {
    expect(buildFunnel(pipelineP).stages.map(s => s.id)).toEqual([A, B, C]);
  });

  it('breaks sort ties by id and never matches stages by name', () => {
    const f = buildFunnel({
      ...pipelineP,
      statuses: [
        { id: 7, pipelineId: P, name: 'Успешно реализовано', sort: 5, type: 0, color: null },
        { id: 3, pipelineId: P, name: 'Закрыто и не реализовано', sort: 5, type: 0, color: null },
        { id: 142, pipelineId: P, name: 'Новый лид', sort: 1, type: 0, color: null },
        { id: 9, pipelineId: P, name: 'Новый лид', sort: 0, type: 1, color: null },
      ],
    });
    expect(f.stages.map(s => s.id)).toEqual([3, 7]);
  });

  it('has no stages for a pipeline with only system statuses', () => {
    expect(buildFunnel({ ...pipelineP, statuses: [] }).stages).toEqual([]);
  });
});

describe('orderEvents', () => {
  it('drops duplicate ids (the same event on two pages) and no-op changes', () => {
    const e1 = mv(1, 1, A, B, 'x1');
    const ordered = orderEvents([e1, { ...e1 }, mv(1, 2, B, B, 'x2'), mv(1, 3, B, C, 'x3')]);
    expect(ordered.map(e => e.id)).toEqual(['x1', 'x3']);
  });

  it('orders by time whatever order the pages came in', () => {
    const ordered = orderEvents([mv(1, 5, B, C, 'b'), mv(1, 1, A, B, 'a')]);
    expect(ordered.map(e => e.id)).toEqual(['a', 'b']);
  });

  it('chains events with equal timestamps so each starts where the previous ended', () => {
    // Ids sort the wrong way round on purpose: z (A→B) must come before a (B→C).
    const ordered = orderEvents([mv(1, 1, INC, A, 'm'), mv(1, 2, B, C, 'a'), mv(1, 2, A, B, 'z')]);
    expect(ordered.map(e => e.id)).toEqual(['m', 'z', 'a']);
  });

  it('chains a same-second group at the very start from its head', () => {
    const ordered = orderEvents([mv(1, 2, B, C, 'a'), mv(1, 2, A, B, 'z')]);
    expect(ordered.map(e => e.id)).toEqual(['z', 'a']);
  });

  it('falls back to id order when no event continues the chain', () => {
    const ordered = orderEvents([mv(1, 2, C, A, 'b'), mv(1, 2, B, A, 'a')]);
    expect(ordered.map(e => e.id)).toEqual(['a', 'b']);
  });

  it('breaks a cycle of same-second events without losing any', () => {
    const ordered = orderEvents([mv(1, 2, B, A, 'b'), mv(1, 2, A, B, 'a')]);
    expect(ordered.map(e => e.id).sort()).toEqual(['a', 'b']);
    expect(ordered).toHaveLength(2);
  });
});

describe('orderEvents: same-second moves (metrics.md 4.2, v1.1)', () => {
  const now = (statusId: number) => ({ pipelineId: P, statusId });
  const ids = (events: StatusChange[]) => events.map(e => e.id);

  it('A→B, B→A, A→C in one second, the lead now at C: the order that ends at C', () => {
    const group = [mv(1, 2, A, B, 'x1'), mv(1, 2, B, A, 'x2'), mv(1, 2, A, C, 'x0')];
    // Greedy chaining took x0 first (it starts where the lead was) and then had to jump back.
    expect(ids(orderEvents(group, now(C)))).toEqual(['x1', 'x2', 'x0']);
    const l = lead(1, { statusId: C, createdAt: at(0), updatedAt: at(2) });
    // No 0-hour visit to C before the lead comes back to A: C is entered once, last.
    const visits = buildVisits(l, orderEvents(group, now(C)));
    expect(visits.map(v => v.statusId)).toEqual([A, B, A, C]);
  });

  it('A→B and B→A in one second, then A→C an hour later: the pair ends at A', () => {
    const events = [mv(1, 2, A, B, 'q'), mv(1, 2, B, A, 'p'), mv(1, 3, A, C, 'r')];
    expect(ids(orderEvents(events, now(C)))).toEqual(['q', 'p', 'r']);
  });

  it('ties on links go to the smallest list of ids, compared as strings', () => {
    // Both orders hold one link; "10" < "9" as strings.
    const group = [mv(1, 2, A, B, '9'), mv(1, 2, B, A, '10')];
    expect(ids(orderEvents(group, now(C)))).toEqual(['10', '9']);
  });

  it('counts the link to the current status only after the last event', () => {
    // After a (C→A), x then y holds both inner links whatever the lead's status is now; alone,
    // the pair holds one inner link either way, and ending at the current status B decides.
    const group = [mv(1, 5, A, B, 'x'), mv(1, 5, B, A, 'y')];
    const start = mv(1, 1, C, A, 'a');
    expect(ids(orderEvents([start, ...group], now(A)))).toEqual(['a', 'x', 'y']);
    expect(ids(orderEvents([start, ...group], now(B)))).toEqual(['a', 'x', 'y']);
    expect(ids(orderEvents(group, now(B)))).toEqual(['y', 'x']);
  });

  const statuses = [A, B, C, INC].map(s => ({ pipelineId: P, statusId: s }));
  const eventsArb = fc
    .array(
      fc.record({
        t: fc.integer({ min: 1, max: 3 }),
        before: fc.integer({ min: 0, max: 3 }),
        step: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 7 },
    )
    .chain(specs =>
      fc
        .uniqueArray(fc.stringMatching(/^[a-c0-9]{1,2}$/), {
          minLength: specs.length,
          maxLength: specs.length,
        })
        .map(names =>
          specs.map((s, k) => ({
            id: names[k]!,
            leadId: 1,
            createdAt: at(s.t),
            before: statuses[s.before]!,
            // Never a no-op: the after is another status.
            after: statuses[(s.before + s.step) % statuses.length]!,
          })),
        ),
    );

  it('equals a brute-force search over every allowed order (property)', () => {
    fc.assert(
      fc.property(
        eventsArb,
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (events, cur, shuffled) => {
          const current = statuses[cur]!;
          const given = shuffled ? [...events].reverse() : events;
          const want = bruteForceOrder(events, { p: current.pipelineId, s: current.statusId });
          expect(ids(orderEvents(given, current))).toEqual(ids(want));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps a group too large to search in time-and-id order, whole', () => {
    const big = Array.from({ length: EXACT_LIMIT + 1 }, (_, k) =>
      mv(1, 2, k % 2 ? B : A, k % 2 ? A : B, `e${String(k).padStart(2, '0')}`),
    );
    expect(ids(orderEvents([...big].reverse(), now(A)))).toEqual(ids(big));
  });
});

describe('buildVisits', () => {
  it('starts in value_before of the first event at created_at, one visit per change', () => {
    const l = lead(1, { statusId: C, createdAt: at(0), updatedAt: at(5) });
    const visits = buildVisits(l, orderEvents([mv(1, 2, A, B), mv(1, 5, B, C)]));
    const none = { censored: false };
    expect(visits).toEqual([
      { pipelineId: P, statusId: A, start: at(0), end: at(2), from: null, ...none },
      { pipelineId: P, statusId: B, start: at(2), end: at(5), from: ref(A), ...none },
      { pipelineId: P, statusId: C, start: at(5), end: null, from: ref(B), ...none },
    ]);
  });

  it('without events the lead sits in its current status since created_at', () => {
    const visits = buildVisits(lead(1, { statusId: B, createdAt: at(3) }), []);
    expect(visits).toEqual([
      { pipelineId: P, statusId: B, start: at(3), end: null, from: null, censored: false },
    ]);
  });

  it('closes a history that does not lead to the current status at max(updated_at, last event)', () => {
    const l = lead(1, { statusId: C, updatedAt: at(10) });
    const visits = buildVisits(l, orderEvents([mv(1, 2, A, B)]));
    // The visit §4.5 adds was begun by no event: it has no `from`.
    expect(visits.slice(1)).toEqual([
      { pipelineId: P, statusId: B, start: at(2), end: at(10), from: ref(A), censored: false },
      { pipelineId: P, statusId: C, start: at(10), end: null, from: null, censored: false },
    ]);
    // updated_at older than the last event: the last event's time wins.
    const stale = buildVisits({ ...l, updatedAt: at(1) }, orderEvents([mv(1, 2, A, B)]));
    expect(stale[2]).toMatchObject({ pipelineId: P, statusId: C, start: at(2), end: null });
  });

  it('with a loaded history, censors the first visit of a lead created before it', () => {
    const l = lead(1, { statusId: C, createdAt: at(0), updatedAt: at(8) });
    const visits = buildVisits(l, orderEvents([mv(1, 8, B, C)]), at(5));
    expect(visits).toEqual([
      { pipelineId: P, statusId: B, start: at(5), end: at(8), from: null, censored: true },
      { pipelineId: P, statusId: C, start: at(8), end: null, from: ref(B), censored: false },
    ]);
    // A lead created since the history began is known from its start.
    expect(buildVisits({ ...l, createdAt: at(6) }, [], at(5))[0]).toMatchObject({
      start: at(6),
      censored: false,
    });
  });

  it('keeps visits in other pipelines (the engine ignores them later)', () => {
    const l = lead(1, { statusId: B });
    const visits = buildVisits(
      l,
      orderEvents([ev(1, 1, [P, A], [Q, X]), ev(1, 4, [Q, X], [P, B])]),
    );
    expect(visits.map(v => [v.pipelineId, v.statusId])).toEqual([
      [P, A],
      [Q, X],
      [P, B],
    ]);
  });
});
