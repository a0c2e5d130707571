import { buildReport } from '../../../src/core';
import type { FunnelReport, Lead, StatusChange } from '../../../src/core';
import { A, at, B, C, ev, INC, input, LOST, lead, mv, P, Q, QINC, WON, wide, X } from './builders';

const report = (leads: Lead[], events: StatusChange[] = []): FunnelReport =>
  buildReport(input(leads, events), wide);
const col = (r: FunnelReport, key: 'reached' | 'current' | 'skipped' | 'undecided' | 'lostHere') =>
  r.stages.map(s => s[key]);

describe('which leads count (metrics.md 3)', () => {
  it('counts leads created in [from, to): from inclusive, to exclusive', () => {
    const r = buildReport(
      input([
        lead(1, { createdAt: at(0) }),
        lead(2, { createdAt: at(10) }),
        lead(3, { createdAt: at(9) }),
      ]),
      { from: at(0), to: at(10), now: at(20) },
    );
    expect(r.totals.deals).toBe(2);
  });

  it('leaves out deleted leads and leads now in another pipeline, and events of unknown leads', () => {
    const r = report(
      [lead(1), lead(2, { isDeleted: true }), lead(3, { pipelineId: Q, statusId: X })],
      [mv(99, 1, A, C), mv(2, 1, A, C), ev(3, 1, [P, A], [Q, X])],
    );
    expect(r.totals.deals).toBe(1);
    expect(col(r, 'reached')).toEqual([1, 0, 0]);
  });

  it('counts a lead listed twice (overlapping pages) once', () => {
    const r = report([lead(1), lead(1, { statusId: B, updatedAt: at(5) })], [mv(1, 5, A, B)]);
    expect(r.totals.deals).toBe(1);
    expect(col(r, 'current')).toEqual([0, 1, 0]);
  });

  it('takes the fresher copy of a lead listed twice as its current state, deletion and pipeline included', () => {
    const r = report([
      lead(1),
      lead(1, { pipelineId: Q, statusId: X, updatedAt: at(5) }),
      lead(2),
      lead(2, { isDeleted: true, updatedAt: at(5) }),
      lead(3, { isDeleted: true }),
      lead(3, { updatedAt: at(5) }),
    ]);
    expect(r.totals.deals).toBe(1);
    expect(r.stuck.concat(r.openDeals ?? []).every(d => d.leadId === 3)).toBe(true);
  });

  it('is an empty report for no leads at all', () => {
    const r = report([]);
    expect(r.totals).toEqual({
      deals: 0,
      won: 0,
      lost: 0,
      open: 0,
      incoming: 0,
      conversion: null,
      revenueWon: 0,
    });
    expect(col(r, 'reached')).toEqual([0, 0, 0]);
    expect(r.stages.every(s => s.conversionToNext === null && s.decidedConversion === null)).toBe(
      true,
    );
    expect(r.weakestTransition).toBeNull();
    expect(r.stuck).toEqual([]);
    expect(r.managers).toEqual([]);
    expect(r.lossReasons).toEqual([]);
    expect(r.forecast).toEqual({
      expectedWins: 0,
      expectedRevenue: 0,
      probabilities: r.stages.map(s => ({ stageId: s.id, p: null })),
    });
  });
});

describe('reachedIndex, reached and skipped (metrics.md 5)', () => {
  it('counts a straight path at every stage up to the furthest one', () => {
    const r = report([lead(1, { statusId: C })], [mv(1, 1, A, B), mv(1, 2, B, C)]);
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'skipped')).toEqual([0, 0, 0]);
    expect(r.won.reached).toBe(0);
  });

  it('counts a skipped stage as passed and shows it as skipped', () => {
    const r = report([lead(1, { statusId: C })], [mv(1, 1, A, C)]);
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'skipped')).toEqual([0, 1, 0]);
  });

  it('keeps the furthest stage after a move backwards', () => {
    const r = report([lead(1, { statusId: A })], [mv(1, 1, A, C), mv(1, 2, C, A)]);
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'current')).toEqual([1, 0, 0]);
    expect(r.stages.map(s => s.movedBack)).toEqual([0, 0, 1]);
  });

  it('counts a won lead at every stage, unvisited ones as skipped', () => {
    const r = report([lead(1, { statusId: WON })], [mv(1, 1, A, WON)]);
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(r.won.reached).toBe(1);
    expect(col(r, 'skipped')).toEqual([0, 1, 1]);
  });

  it('keeps a lead that was won and reopened as having reached won', () => {
    const r = report([lead(1, { statusId: B })], [mv(1, 1, A, WON), mv(1, 2, WON, B)]);
    expect(r.won.reached).toBe(1);
    expect(col(r, 'current')).toEqual([0, 1, 0]);
    expect(r.totals.won).toBe(0);
    // Reached won: not undecided anywhere even though it is open.
    expect(col(r, 'undecided')).toEqual([0, 0, 0]);
  });

  it('counts a lead reopened after a loss by where it went afterwards', () => {
    const r = report(
      [lead(1, { statusId: C })],
      [mv(1, 1, A, LOST), mv(1, 5, LOST, B), mv(1, 6, B, C)],
    );
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'lostHere')).toEqual([0, 0, 0]);
    expect(col(r, 'undecided')).toEqual([0, 0, 1]);
  });

  it('counts a lead created directly in a later stage at the earlier ones', () => {
    const r = report([lead(1, { statusId: C })]);
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'skipped')).toEqual([1, 1, 0]);
  });

  it('counts a lead created directly won everywhere, and one created directly lost at the first stage', () => {
    const r = report([lead(1, { statusId: WON }), lead(2, { statusId: LOST })]);
    expect(r.won.reached).toBe(1);
    expect(col(r, 'reached')).toEqual([2, 1, 1]);
    expect(col(r, 'lostHere')).toEqual([1, 0, 0]);
  });

  it('leaves a lead still incoming out of the funnel', () => {
    const r = report([lead(1, { statusId: INC })]);
    expect(col(r, 'reached')).toEqual([0, 0, 0]);
    expect(r.totals.incoming).toBe(1);
    expect(r.totals.open).toBe(1);
  });

  it('counts a lead lost from incoming at the first stage', () => {
    const r = report([lead(1, { statusId: LOST })], [mv(1, 1, INC, LOST)]);
    expect(col(r, 'reached')).toEqual([1, 0, 0]);
    expect(col(r, 'lostHere')).toEqual([1, 0, 0]);
  });

  it('counts only the visits in this pipeline for a lead that came from another one', () => {
    const r = report(
      [lead(1, { statusId: B })],
      [ev(1, 1, [Q, QINC], [Q, X]), ev(1, 3, [Q, X], [P, B])],
    );
    expect(col(r, 'reached')).toEqual([1, 1, 0]);
    expect(col(r, 'skipped')).toEqual([1, 0, 0]);
  });

  it('counts a lead that went away to another pipeline and came back by all its visits here', () => {
    const r = report(
      [lead(1, { statusId: A })],
      [mv(1, 1, A, C), ev(1, 2, [P, C], [Q, X]), ev(1, 5, [Q, X], [P, A])],
    );
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'current')).toEqual([1, 0, 0]);
    expect(r.stages[2]!.time.samples).toBe(1);
  });

  it('uses the current status when events are missing (last visit ends at updated_at)', () => {
    const r = report([lead(1, { statusId: C, updatedAt: at(10) })], [mv(1, 1, A, B)]);
    expect(col(r, 'reached')).toEqual([1, 1, 1]);
    expect(col(r, 'skipped')).toEqual([0, 0, 0]);
    expect(r.stages[1]!.time.medianHours).toBe(9);
  });
});

describe('conversion and decided conversion (metrics.md 5)', () => {
  // 4 reach A; of them 2 reach B (one still there), 1 lost at A, 1 open at A.
  const leads = [
    lead(1, { statusId: B }),
    lead(2, { statusId: WON }),
    lead(3, { statusId: LOST }),
    lead(4, { statusId: A }),
  ];
  const events = [
    mv(1, 1, A, B),
    mv(2, 1, A, B),
    mv(2, 2, B, C),
    mv(2, 3, C, WON),
    mv(3, 1, A, LOST),
  ];
  const r = report(leads, events);

  it('computes reached, undecided and the two conversions per stage', () => {
    expect(col(r, 'reached')).toEqual([4, 2, 1]);
    expect(col(r, 'undecided')).toEqual([1, 1, 0]);
    expect(r.stages.map(s => s.conversionToNext)).toEqual([2 / 4, 1 / 2, 1 / 1]);
    expect(r.stages.map(s => s.decidedConversion)).toEqual([2 / 3, 1 / 1, 1 / 1]);
    expect(r.stages.map(s => s.conversionToWon)).toEqual([1 / 4, 1 / 2, 1 / 1]);
    expect(r.won.reached).toBe(1);
  });

  it('computes totals over the cohort', () => {
    expect(r.totals).toEqual({
      deals: 4,
      won: 1,
      lost: 1,
      open: 2,
      incoming: 0,
      conversion: 1 / 4,
      revenueWon: 1000,
    });
  });

  it('finds the stage a lead was lost from in its last move into 143', () => {
    const lostAtC = report(
      [lead(1, { statusId: LOST })],
      [mv(1, 1, A, B), mv(1, 2, B, LOST), mv(1, 3, LOST, C), mv(1, 4, C, LOST)],
    );
    expect(col(lostAtC, 'lostHere')).toEqual([0, 0, 1]);
  });

  it('falls back to the furthest stage when the move into 143 came from outside the stages', () => {
    const r2 = report(
      [lead(1, { statusId: LOST })],
      [mv(1, 1, A, C), mv(1, 2, C, INC), mv(1, 3, INC, LOST)],
    );
    expect(col(r2, 'lostHere')).toEqual([0, 0, 1]);
  });

  it('counts a lead lost after being won as lost, but as having reached won', () => {
    const r2 = report([lead(1, { statusId: LOST })], [mv(1, 1, A, WON), mv(1, 2, WON, LOST)]);
    expect(r2.won.reached).toBe(1);
    expect(r2.totals.lost).toBe(1);
    // Lost from won: value_before is not an open stage, so fall back to min(n, n-1) = last stage.
    expect(col(r2, 'lostHere')).toEqual([0, 0, 1]);
  });
});
