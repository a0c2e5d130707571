import { buildFunnel, buildVisits, orderEvents } from '../../../src/core';
import { A, at, B, C, ev, INC, lead, mv, P, pipelineP, Q, X } from './builders';

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
