import { buildReport, quantile } from '../../../src/core';
import type { Lead, StatusChange } from '../../../src/core';
import { A, at, B, C, input, lead, mv, wide, WON } from './builders';

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
        hoursAtLeast: false,
        thresholdHours: 168,
        price: 1000,
        responsibleUserId: 1,
        // The builders' leads carry no task data: unknown, not unattended.
        unattended: null,
        closestTaskAt: null,
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

  it('learns only from visits that ended within the history horizon (metrics.md 11.1)', () => {
    // Ten old visits of 10…100 h ended around -1900 h; ten recent ones of 1…10 h end near 500 h.
    const old = history([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    const recent = Array.from({ length: 10 }, (_, i) => i + 1);
    const leads = [
      ...old.leads,
      ...recent.map((_, i) => lead(200 + i, { statusId: B, createdAt: at(400) })),
      lead(1, { createdAt: at(960) }),
    ];
    const events = [...old.events, ...recent.map((h, i) => mv(200 + i, 400 + h, A, B))];
    const opts = { from: at(0), to: at(1), now };
    const all = buildReport(input(leads, events), opts);
    // All twenty visits: x[17] = 80, x[18] = 90, p90 = 80 + 0.1 × 10.
    expect(all.stages[0]!.stuckThresholdHours).toBeCloseTo(81, 10);
    expect(all.options.horizonDays).toBeNull();
    // 30 days back from 1000 h reaches 280 h: only the recent visits count.
    const near = buildReport(input(leads, events), { ...opts, horizonDays: 30 });
    expect(near.stages[0]!.stuckThresholdHours).toBeCloseTo(9.1, 10);
    expect(near.options.horizonDays).toBe(30);
    // Lead 1 has sat at A for 40 h: stuck against the recent norm only.
    const atA = (r: typeof all) => r.stuck.filter(d => d.stageId === A).map(d => d.leadId);
    expect(atA(all)).toEqual([]);
    expect(atA(near)).toEqual([1]);
  });

  it('with a loaded history, a deal at its stage since before it is stuck when the threshold is at most that long', () => {
    // History from 900 h: lead 1 (created at 0 h, open, no event since) has sat at A since
    // before 900 h, so "more than 100 h".
    const leads = [lead(1, { createdAt: at(0) }), lead(2, { statusId: WON, createdAt: at(0) })];
    const from900 = { ...input(leads), historyFrom: at(900) };
    const at100 = buildReport(from900, { from: at(0), to: at(1), now, stuckDays: 100 / 24 });
    expect(at100.stuck).toEqual([
      expect.objectContaining({ leadId: 1, hoursInStage: 100, hoursAtLeast: true }),
    ]);
    const over = buildReport(from900, { from: at(0), to: at(1), now, stuckDays: 101 / 24 });
    expect(over.stuck).toEqual([]);
    // The closed lead created before the loaded history is not in the data the report reads.
    const wideOpen = buildReport(from900, { ...wide, includeOpenDeals: true });
    expect(wideOpen.totals.deals).toBe(1);
    expect(wideOpen.options.historyFrom).toBe(at(900));
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
