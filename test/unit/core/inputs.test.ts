/**
 * Inputs the contract leaves open (docs/metrics.md, extensions: inputs the contract settles), each
 * with the rule chosen and a check that well-formed data keeps the §1–§11 numbers.
 */
import {
  buildFunnel,
  buildReport,
  buildVisits,
  orderEvents,
  packLeads,
  unpackLeads,
} from '../../../src/core';
import type { Pipeline, StatusChange } from '../../../src/core';
import { A, at, B, C, input, lead, LOST, mv, P, pipelineP, wide } from './builders';

describe('a status whose type is neither 0 nor 1', () => {
  const OTHER = 1009;
  const withOther: Pipeline = {
    ...pipelineP,
    statuses: [
      ...pipelineP.statuses,
      { id: OTHER, pipelineId: P, name: 'Служебный', sort: 25, type: 2, color: null },
    ],
  };

  it('is not a stage, nor the incoming status', () => {
    const funnel = buildFunnel(withOther);
    expect(funnel.stages.map(s => s.id)).toEqual([A, B, C]);
    expect([...funnel.incoming]).not.toContain(OTHER);
  });

  it('holds leads that count as §9 incoming and reach nothing by being there', () => {
    const r = buildReport(
      input([lead(1, { statusId: OTHER }), lead(2, { statusId: B })], [mv(2, 1, A, B)], {
        pipeline: withOther,
      }),
      wide,
    );
    expect(r.stages.map(s => s.id)).toEqual([A, B, C]);
    expect(r.stages.map(s => s.reached)).toEqual([1, 1, 0]);
    expect(r.totals).toMatchObject({ deals: 2, open: 2, incoming: 1 });
    expect(r.incoming.entered).toBe(0);
  });
});

describe('an event dated before the lead was created', () => {
  it('happens at created_at: no visit has a negative length, no response is negative', () => {
    const events = [mv(1, -5, A, B), mv(1, 2, B, C)];
    const visits = buildVisits(lead(1, { statusId: C }), orderEvents(events));
    expect(visits.map(v => [v.statusId, v.start, v.end])).toEqual([
      [A, at(0), at(0)],
      [B, at(0), at(2)],
      [C, at(2), null],
    ]);
    const r = buildReport(input([lead(1, { statusId: C })], events), wide);
    expect(r.stages.map(s => s.time.samples)).toEqual([1, 1, 0]);
    expect(r.stages[0]?.time.medianHours).toBe(0);
    expect(r.stages[1]?.time.medianHours).toBe(2);
    expect(r.response.medianHours).toBe(0);
  });

  it('keeps its own time for the §4.2 order', () => {
    // Both before created_at, a second apart: time order, not a same-second group.
    const events = [mv(1, -1, B, C, 'b'), mv(1, -2, A, B, 'z')];
    const visits = buildVisits(lead(1, { statusId: C }), orderEvents(events, lead(1)));
    expect(visits.map(v => v.statusId)).toEqual([A, B, C]);
  });
});

describe('a status change with an empty value_before', () => {
  const unsaid = (leadId: number, hours: number, to: number, id?: string): StatusChange => ({
    ...mv(leadId, hours, A, to, id),
    before: null,
  });

  it('as the first event, is where the lead began: it moves nothing', () => {
    const l = lead(1, { statusId: C });
    const visits = buildVisits(l, orderEvents([unsaid(1, 1, B), mv(1, 3, B, C)], l));
    expect(visits.map(v => [v.statusId, v.start, v.end, v.from?.statusId ?? null])).toEqual([
      [B, at(0), at(3), null],
      [C, at(3), null, B],
    ]);
    const r = buildReport(input([l], [unsaid(1, 1, B), mv(1, 3, B, C)]), wide);
    expect(r.stages.map(s => s.reached)).toEqual([1, 1, 1]);
    expect(r.stages.map(s => s.skipped)).toEqual([1, 0, 0]);
    // The first move is the one at 3 h: the placement is not a response.
    expect(r.response.medianHours).toBe(3);
  });

  it('later, comes from the status the lead was in, and links with any event before it', () => {
    const l = lead(1, { statusId: LOST });
    // Same second: the search puts the unsaid one after the one it can follow.
    const events = [unsaid(1, 2, LOST, 'a'), mv(1, 2, A, B, 'b')];
    const visits = buildVisits(l, orderEvents(events, l));
    expect(visits.map(v => [v.statusId, v.from?.statusId ?? null])).toEqual([
      [A, null],
      [B, A],
      [LOST, B],
    ]);
    const r = buildReport(input([l], events), wide);
    expect(r.stages.map(s => s.lostHere)).toEqual([0, 1, 0]);
  });

  it('that then moves nothing is dropped, as §4.1 drops a no-op', () => {
    const l = lead(1, { statusId: B });
    const visits = buildVisits(l, orderEvents([mv(1, 1, A, B), unsaid(1, 2, B)], l));
    expect(visits.map(v => [v.statusId, v.start, v.end])).toEqual([
      [A, at(0), at(1)],
      [B, at(1), null],
    ]);
  });
});

describe('a lead without a responsible user', () => {
  it('is grouped as no user (null), apart from any user id, last on ties', () => {
    const r = buildReport(
      input([
        lead(1, { responsibleUserId: null }),
        lead(2, { responsibleUserId: 0 }),
        lead(3, { responsibleUserId: null, statusId: C }),
        lead(4, { responsibleUserId: 5 }),
        lead(5, { responsibleUserId: 5 }),
      ]),
      wide,
    );
    expect(r.managers.map(m => [m.userId, m.deals])).toEqual([
      [5, 2],
      [null, 2],
      [0, 1],
    ]);
  });

  it('keeps null through stuck deals and the packed leads, and matches no chosen user', () => {
    const l = lead(1, { responsibleUserId: null });
    expect(unpackLeads(packLeads([l]))).toEqual([l]);
    const r = buildReport(input([l]), { ...wide, stuckDays: 1 });
    expect(r.stuck.map(d => d.responsibleUserId)).toEqual([null]);
    expect(buildReport(input([l]), { ...wide, responsibleUserIds: [0] }).totals.deals).toBe(0);
  });
});
