import { buildReport, quantile } from '../../../src/core';
import type { Lead, StatusChange } from '../../../src/core';
import { A, at, B, C, input, lead, mv, WON } from './builders';

describe('quantile (metrics.md 6)', () => {
  it.each([
    [[5], 0.5, 5],
    [[5], 0.9, 5],
    [[1, 3], 0.5, 2],
    [[1, 2, 3, 4, 10], 0.9, 7.6],
    [[1, 2, 3, 4], 0.5, 2.5],
  ])('q(%j, %p) = %p', (xs, p, q) => {
    expect(quantile(xs, p)).toBeCloseTo(q, 10);
  });

  it('is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('time in stage (metrics.md 6)', () => {
  it('measures completed visits in hours, re-entries included, for cohort leads only', () => {
    const leads = [lead(1, { statusId: C }), lead(2, { statusId: B, createdAt: at(-1000) })];
    const events: StatusChange[] = [
      mv(1, 2, A, B), // A: 2h
      mv(1, 5, B, A), // B: 3h
      mv(1, 9, A, B), // A: 4h (re-entry)
      mv(1, 10, B, C), // B: 1h (re-entry)
      mv(2, -990, A, B), // lead 2 is outside the window: its 10h at A must not count
    ];
    const r = buildReport(input(leads, events), { from: at(-1), to: at(100), now: at(100) });
    expect(r.stages[0]!.time).toEqual({
      samples: 2,
      medianHours: 3,
      p90Hours: 3.8,
      openMedianHours: null,
    });
    expect(r.stages[1]!.time).toMatchObject({ samples: 2, medianHours: 2, p90Hours: 2.8 });
    // Lead 1 sits at C since hour 10: open for 90 h at now = 100.
    expect(r.stages[2]!.time).toEqual({
      samples: 0,
      medianHours: null,
      p90Hours: null,
      openMedianHours: 90,
    });
  });

  it('takes the open median over cohort leads currently at the stage', () => {
    const leads = [1, 2, 3].map(id => lead(id, { statusId: B, createdAt: at(0) }));
    const events = [10, 20, 40].map((h, k) => mv(k + 1, h, A, B));
    const r = buildReport(input(leads, events), { from: at(0), to: at(1), now: at(100) });
    expect(r.stages[1]!.time.openMedianHours).toBe(80);
  });
});

describe('stuck deals (metrics.md 7)', () => {
  const now = at(1000);

  /** `count` leads that each spent `hours[i]` at A and moved on to B long ago. */
  function history(hours: number[]): { leads: Lead[]; events: StatusChange[] } {
    return {
      leads: hours.map((_, i) => lead(100 + i, { statusId: WON, createdAt: at(-2000) })),
      events: hours.flatMap((h, i) => [mv(100 + i, -2000 + h, A, B), mv(100 + i, -1000, B, WON)]),
    };
  }

  it('uses 7 days when a stage has fewer than 10 completed visits', () => {
    const h = history([1, 2, 3]);
    const r = buildReport(input([...h.leads, lead(1, { createdAt: at(800) })], h.events), {
      from: at(0),
      to: at(1),
      now,
    });
    expect(r.stages[0]!.stuckThresholdHours).toBe(168);
    expect(r.stages[0]!.stuckThresholdSource).toBe('default');
    // Lead 1 has been at A for 200 h, created outside the window: still a candidate.
    expect(r.stuck).toEqual([
      {
        leadId: 1,
        stageId: A,
        hoursInStage: 200,
        thresholdHours: 168,
        price: 1000,
        responsibleUserId: 1,
      },
    ]);
    expect(r.stages[0]!.stuck).toBe(1);
  });

  it('learns the p90 of all pipeline leads once there are 10 completed visits', () => {
    const h = history([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const candidates = [
      lead(1, { createdAt: at(900) }),
      lead(2, { createdAt: at(909) }),
      lead(3, { createdAt: at(910) }),
    ];
    const r = buildReport(input([...h.leads, ...candidates], h.events), {
      from: at(0),
      to: at(1),
      now,
    });
    expect(r.stages[0]!.stuckThresholdHours).toBeCloseTo(91, 10);
    expect(r.stages[0]!.stuckThresholdSource).toBe('learned');
    // 100 h and 91 h: only strictly more than the threshold is stuck.
    expect(r.stuck.map(s => s.leadId)).toEqual([1]);
  });

  it('uses stuckDays when given, and per-stage settings over it', () => {
    const leads = [lead(1, { createdAt: at(900) }), lead(2, { statusId: B, createdAt: at(900) })];
    const events = [mv(2, 950, A, B)];
    const r = buildReport(input(leads, events), {
      from: at(0),
      to: at(1),
      now,
      stuckDays: 2,
      stuckDaysByStage: { [String(B)]: 1 },
    });
    expect(r.stages.map(s => s.stuckThresholdHours)).toEqual([48, 24, 48]);
    expect(r.stuck.map(s => [s.leadId, s.hoursInStage - s.thresholdHours])).toEqual([
      [1, 52],
      [2, 26],
    ]);
  });

  it('orders stuck deals by how far past the threshold, then by lead id', () => {
    const leads = [
      lead(7, { createdAt: at(800) }),
      lead(3, { createdAt: at(800) }),
      lead(5, { createdAt: at(700) }),
    ];
    const r = buildReport(input(leads), { from: at(0), to: at(1), now, stuckDays: 1 });
    expect(r.stuck.map(s => s.leadId)).toEqual([5, 3, 7]);
  });

  it('lists every open deal with includeOpenDeals, stuck or not', () => {
    const leads = [
      lead(1, { createdAt: at(990) }),
      lead(2, { createdAt: at(100) }),
      lead(3, { statusId: WON }),
    ];
    const r = buildReport(input(leads), { from: at(0), to: at(1), now, includeOpenDeals: true });
    expect(r.openDeals?.map(d => d.leadId)).toEqual([2, 1]);
    expect(r.stuck.map(d => d.leadId)).toEqual([2]);
  });
});
