/** metrics.md 11.2 (same-age comparison) and 11.4 (first response, incoming queue), by hand. */
import { buildReport } from '../../../src/core';
import { A, at, B, C, ev, INC, input, lead, LOST, mv, P, Q, WON, X } from './builders';

// A 10-day window [day 10, day 20), seen on day 20: the previous cohort is [day 0, day 10) and
// `cut` is day 10 — the previous cohort as it stood when it was as old as this one is now.
const DAY = 24;
const window = { from: at(10 * DAY), to: at(20 * DAY), now: at(20 * DAY) };

describe('previous.sameAge (metrics.md 11.2)', () => {
  const leads = [
    // Won on day 3: won at the cut as well.
    lead(1, { statusId: WON, createdAt: at(0), updatedAt: at(3 * DAY) }),
    // Won on day 15, after the cut: open at B as of the cut.
    lead(2, { statusId: WON, createdAt: at(1 * DAY), updatedAt: at(15 * DAY) }),
    // Lost on day 12 from A: as of the cut it was open at A.
    lead(3, { statusId: LOST, createdAt: at(2 * DAY), updatedAt: at(12 * DAY) }),
    // Created after the cut would be left out; this one is created exactly at the cut's edge.
    lead(4, { statusId: C, createdAt: at(9 * DAY), updatedAt: at(9 * DAY + 1) }),
  ];
  const events = [
    mv(1, 1, A, B),
    mv(1, 3 * DAY, B, WON),
    mv(2, 2 * DAY, A, B),
    mv(2, 15 * DAY, B, WON),
    mv(3, 12 * DAY, A, LOST),
    mv(4, 9 * DAY + 1, A, C),
  ];
  const report = buildReport(input(leads, events), window);

  it('counts each lead as it stood at the cut', () => {
    expect(report.previous.sameAge.cut).toBe(at(10 * DAY));
    expect(report.previous.sameAge.totals).toEqual({
      deals: 4,
      won: 1,
      lost: 0,
      open: 3,
      conversion: 1 / 4,
    });
    // As of the cut: 1 won, 2 open at B, 3 open at A, 4 open at C. A: all four; B: 1, 2 and 4
    // (4 reached C, so B counts as passed); C: 1 (won passed every stage) and 4.
    expect(report.previous.sameAge.stages).toEqual([
      { id: A, reached: 4, undecided: 1, decidedConversion: 3 / 3 },
      { id: B, reached: 3, undecided: 1, decidedConversion: 2 / 2 },
      { id: C, reached: 2, undecided: 1, decidedConversion: 1 / 1 },
    ]);
  });

  it('leaves the plain previous period as it stands now', () => {
    expect(report.previous.totals).toMatchObject({ deals: 4, won: 2, lost: 1, open: 1 });
  });

  it('leaves out leads created at or after the cut', () => {
    // A window reaching into the future: cut = now - length falls inside the previous cohort.
    const future = { from: at(10 * DAY), to: at(20 * DAY), now: at(15 * DAY) };
    const r = buildReport(input(leads, events), future);
    expect(r.previous.sameAge.cut).toBe(at(5 * DAY));
    expect(r.previous.sameAge.totals.deals).toBe(3);
  });

  it('counts won and lost only in the pipeline: 142 of another pipeline is open', () => {
    const moved = lead(5, { statusId: A, createdAt: at(0), updatedAt: at(11 * DAY) });
    const r = buildReport(
      input(
        [moved],
        [ev(5, 1, [P, A], [Q, X]), ev(5, 2, [Q, X], [Q, WON]), ev(5, 11 * DAY, [Q, WON], [P, A])],
      ),
      window,
    );
    expect(r.previous.sameAge.totals).toMatchObject({ deals: 1, won: 0, open: 1 });
    expect(r.previous.sameAge.stages[0]).toMatchObject({ reached: 1, undecided: 1 });
  });
});

describe('young trend buckets (extension)', () => {
  it('marks a bucket whose deals are mostly still open', () => {
    const leads = [
      lead(1, { statusId: WON, createdAt: at(1), updatedAt: at(2) }),
      lead(2, { statusId: A, createdAt: at(2) }),
      lead(3, { statusId: LOST, createdAt: at(8 * DAY) }),
      lead(4, { statusId: WON, createdAt: at(9 * DAY) }),
      lead(5, { statusId: B, createdAt: at(9 * DAY) }),
    ];
    const r = buildReport(input(leads), {
      from: at(0),
      to: at(14 * DAY),
      now: at(14 * DAY),
      trend: { granularity: 'week', timeZone: 'UTC' },
    });
    // One open of two is not most; one open of three neither; an empty bucket is not young.
    expect(r.trend?.map(b => [b.totals.deals, b.totals.open, b.young])).toEqual(
      r.trend?.map(b => [b.totals.deals, b.totals.open, b.totals.open * 2 > b.totals.deals]),
    );
    const young = buildReport(input([lead(6, { statusId: A, createdAt: at(1) })]), {
      from: at(0),
      to: at(7 * DAY),
      now: at(7 * DAY),
      trend: { granularity: 'week', timeZone: 'UTC' },
    });
    expect(young.trend?.some(b => b.young)).toBe(true);
    // Each bucket's queue and response are the report's for the bucket alone.
    for (const b of r.trend ?? []) {
      const alone = buildReport(input(leads), { from: b.from, to: b.to, now: at(14 * DAY) });
      expect([b.incoming, b.response]).toEqual([alone.incoming, alone.response]);
    }
    expect(r.trend?.filter(b => b.totals.deals > 0).every(b => !b.young)).toBe(true);
  });
});

describe('response and incoming (metrics.md 11.4)', () => {
  const leads = [
    // Taken from incoming to A after 2 hours.
    lead(1, { statusId: A, createdAt: at(10 * DAY), updatedAt: at(10 * DAY + 2) }),
    // Declined straight from incoming after 30 hours.
    lead(2, { statusId: LOST, createdAt: at(11 * DAY), updatedAt: at(11 * DAY + 30) }),
    // Still waiting in incoming: no move at all.
    lead(3, { statusId: INC, createdAt: at(12 * DAY), updatedAt: at(12 * DAY) }),
    // Created straight at B, never moved: not incoming, but waiting for a first response.
    lead(4, { statusId: B, createdAt: at(12 * DAY), updatedAt: at(12 * DAY) }),
    // Accepted (A), then lost: accepted, not declined; responded after 1 hour.
    lead(5, { statusId: LOST, createdAt: at(13 * DAY), updatedAt: at(13 * DAY + 5) }),
    // Won without any recorded move (created won): closed, so not waiting.
    lead(6, { statusId: WON, createdAt: at(13 * DAY), updatedAt: at(13 * DAY) }),
  ];
  const events = [
    mv(1, 10 * DAY + 2, INC, A),
    mv(2, 11 * DAY + 30, INC, LOST),
    mv(5, 13 * DAY + 1, INC, A),
    mv(5, 13 * DAY + 5, A, LOST),
  ];
  const report = buildReport(input(leads, events), window);

  it('times the first move of every cohort lead that has one', () => {
    expect(report.response).toEqual({
      samples: 3,
      medianHours: 2,
      p90Hours: 2 + 0.8 * 28,
      waiting: 2,
    });
  });

  it('follows the leads that began in the incoming status', () => {
    expect(report.incoming).toEqual({ entered: 4, accepted: 2, declined: 1, waiting: 1 });
  });

  it('echoes that no side stages were asked for', () => {
    expect(report.options.sideStageIds).toBeNull();
  });
});
