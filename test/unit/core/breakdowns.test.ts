import { buildReport } from '../../../src/core';
import type { Lead, StatusChange } from '../../../src/core';
import { A, at, B, C, input, LOST, lead, mv, WON, wide } from './builders';

/** `count` leads of `user` that each take the path `path` (stage ids, starting at A). */
function cohortOf(startId: number, count: number, path: number[], over: Partial<Lead> = {}) {
  const leads: Lead[] = [];
  const events: StatusChange[] = [];
  for (let k = 0; k < count; k++) {
    const id = startId + k;
    leads.push(lead(id, { statusId: path[path.length - 1]!, ...over }));
    path.slice(1).forEach((to, step) => events.push(mv(id, step + 1, path[step]!, to)));
  }
  return { leads, events };
}

function merge(...parts: { leads: Lead[]; events: StatusChange[] }[]) {
  return { leads: parts.flatMap(p => p.leads), events: parts.flatMap(p => p.events) };
}

describe('weakest transition (metrics.md 8)', () => {
  it('picks the lowest decided conversion among stages with enough decided leads', () => {
    // A: 20 decided, 16 go on (0.8). B: 16 decided, 6 go on (0.375). C: 6 decided, 1 goes on but only 6 < 10.
    const d = merge(
      cohortOf(1, 4, [A, LOST]),
      cohortOf(100, 10, [A, B, LOST]),
      cohortOf(200, 5, [A, B, C, LOST]),
      cohortOf(300, 1, [A, B, C, WON]),
    );
    const r = buildReport(input(d.leads, d.events), wide);
    expect(r.weakestTransition).toEqual({
      fromStageId: B,
      toStageId: C,
      conversion: 6 / 16,
      decidedConversion: 6 / 16,
    });
  });

  it('ignores undecided leads in the denominator and names 142 after the last stage', () => {
    const d = merge(
      cohortOf(1, 10, [A, B, C, LOST]),
      cohortOf(100, 30, [A, B, C]),
      cohortOf(200, 10, [A, B, C, WON]),
    );
    const r = buildReport(input(d.leads, d.events), { ...wide, minSample: 20 });
    // C: reached 50, undecided 30, decided 20, won 10 → 0.5; A and B convert everything.
    expect(r.weakestTransition).toEqual({
      fromStageId: C,
      toStageId: WON,
      conversion: 10 / 50,
      decidedConversion: 0.5,
    });
  });

  it('is null when no stage has enough decided leads', () => {
    const d = merge(
      cohortOf(1, 10, [A, LOST]),
      cohortOf(100, 10, [A, B, LOST]),
      cohortOf(200, 10, [A, B, C, WON]),
    );
    expect(buildReport(input(d.leads, d.events), wide).weakestTransition?.fromStageId).toBe(B);
    expect(
      buildReport(input(d.leads, d.events), { ...wide, minSample: 31 }).weakestTransition,
    ).toBeNull();
  });

  it('gives an exact tie to the earlier stage', () => {
    // A: 40/50 = 0.8, B: 20/40 = 0.5, C: 10/20 = 0.5.
    const d = merge(
      cohortOf(1, 10, [A, LOST]),
      cohortOf(100, 20, [A, B, LOST]),
      cohortOf(200, 10, [A, B, C, LOST]),
      cohortOf(300, 10, [A, B, C, WON]),
    );
    const r = buildReport(input(d.leads, d.events), wide);
    expect(r.stages.map(s => s.decidedConversion)).toEqual([0.8, 0.5, 0.5]);
    expect(r.weakestTransition?.fromStageId).toBe(B);
  });
});

describe('managers, previous period, loss reasons, forecast (metrics.md 9)', () => {
  it('groups the cohort by current responsible user', () => {
    const d = merge(
      cohortOf(1, 2, [A, B, WON], { responsibleUserId: 7 }),
      cohortOf(10, 1, [A, LOST], { responsibleUserId: 7 }),
      cohortOf(20, 1, [A, B], { responsibleUserId: 7 }),
      cohortOf(30, 1, [A], { responsibleUserId: 3 }),
    );
    const r = buildReport(input(d.leads, d.events), wide);
    expect(r.managers).toEqual([
      { userId: 7, deals: 4, won: 2, lost: 1, open: 1, winRate: 2 / 3, reached: [4, 3, 2] },
      { userId: 3, deals: 1, won: 0, lost: 0, open: 1, winRate: null, reached: [1, 0, 0] },
    ]);
  });

  it('computes the window of equal length just before', () => {
    const early = cohortOf(1, 3, [A, B], { createdAt: at(-50) });
    const now = cohortOf(10, 1, [A, B, WON], { createdAt: at(10) });
    const d = merge(early, now);
    const r = buildReport(input(d.leads, d.events), { from: at(0), to: at(100), now: at(200) });
    expect(r.previous.period).toEqual({ from: at(-100), to: at(0) });
    expect(r.previous.totals).toMatchObject({ deals: 3, won: 0, open: 3 });
    expect(r.previous.stages).toEqual([
      { id: A, reached: 3, conversionToNext: 1, decidedConversion: 1 },
      { id: B, reached: 3, conversionToNext: 0, decidedConversion: null },
      { id: C, reached: 0, conversionToNext: null, decidedConversion: null },
    ]);
  });

  it('groups lost cohort leads by reason and by the stage they were lost from', () => {
    const d = merge(
      cohortOf(1, 2, [A, B, LOST], { lossReasonId: 5 }),
      cohortOf(10, 1, [A, LOST], { lossReasonId: 5 }),
      cohortOf(20, 1, [A, LOST], { lossReasonId: 99 }),
      cohortOf(30, 1, [A, B, C, LOST]),
    );
    const r = buildReport(
      input(d.leads, d.events, { lossReasons: [{ id: 5, name: 'Дорого', sort: 10 }] }),
      wide,
    );
    expect(r.lossReasons).toEqual([
      { reasonId: 5, name: 'Дорого', count: 3, byStage: { [A]: 1, [B]: 2 } },
      { reasonId: 99, name: null, count: 1, byStage: { [A]: 1 } },
      { reasonId: null, name: null, count: 1, byStage: { [C]: 1 } },
    ]);
  });

  it('forecasts from closed leads of any creation date and the open leads at each stage', () => {
    const d = merge(
      cohortOf(1, 3, [A, B, WON], { createdAt: at(-5000) }),
      cohortOf(10, 1, [A, B, LOST], { createdAt: at(-5000) }),
      cohortOf(20, 2, [A, LOST], { createdAt: at(-5000) }),
      cohortOf(30, 1, [A], { price: 100 }),
      cohortOf(40, 1, [A, B], { price: 200 }),
    );
    const r = buildReport(input(d.leads, d.events), wide);
    // p_A = 3 won of 6 closed; p_B = 3 of 4; p_C = 3 of 3 (won counts as having reached C).
    expect(r.forecast.probabilities).toEqual([
      { stageId: A, p: 0.5 },
      { stageId: B, p: 0.75 },
      { stageId: C, p: 1 },
    ]);
    expect(r.forecast.expectedWins).toBeCloseTo(1.25, 12);
    expect(r.forecast.expectedRevenue).toBeCloseTo(0.5 * 100 + 0.75 * 200, 9);
  });

  it('restricts every count to chosen managers while thresholds learn from everyone', () => {
    const team = cohortOf(1, 10, [A, B], { responsibleUserId: 2, createdAt: at(-500) });
    const mine = cohortOf(100, 2, [A], { responsibleUserId: 9, createdAt: at(-500) });
    const d = merge(team, mine);
    const all = buildReport(input(d.leads, d.events), { ...wide, from: at(-600) });
    const only = buildReport(input(d.leads, d.events), {
      ...wide,
      from: at(-600),
      responsibleUserIds: [9],
    });
    expect(only.totals.deals).toBe(2);
    expect(only.managers.map(m => m.userId)).toEqual([9]);
    expect(only.stages[0]!.stuckThresholdHours).toBe(all.stages[0]!.stuckThresholdHours);
    expect(only.stages[0]!.stuckThresholdSource).toBe('learned');
    expect(only.options.responsibleUserIds).toEqual([9]);
  });
});

describe('trend (extension)', () => {
  it('splits the window into calendar months and applies the cohort rules to each', () => {
    const jan = Date.UTC(2026, 0, 15) / 1000;
    const feb = Date.UTC(2026, 1, 10) / 1000;
    const d = merge(
      cohortOf(1, 2, [A, B, WON], { createdAt: jan }),
      cohortOf(10, 1, [A, LOST], { createdAt: feb }),
    );
    const r = buildReport(input(d.leads, d.events), {
      from: Date.UTC(2026, 0, 1) / 1000,
      to: Date.UTC(2026, 2, 1) / 1000,
      now: Date.UTC(2026, 2, 1) / 1000,
      trend: { granularity: 'month', timeZone: 'UTC' },
    });
    expect(r.trend?.map(b => [b.totals.deals, b.totals.won, b.totals.conversion])).toEqual([
      [2, 2, 1],
      [1, 0, 0],
    ]);
    expect(r.trend?.[1]?.from).toBe(Date.UTC(2026, 1, 1) / 1000);
  });
});
