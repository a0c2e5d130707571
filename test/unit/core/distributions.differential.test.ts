import fc from 'fast-check';
import type { FunnelReport, Lead, ReportOptions } from '../../../src/core';
import { BIN_EDGES_HOURS, binOf, buildReport } from '../../../src/core';
import { A, B, C, INC, P, Q, WON, X, at, ev, input, lead, mv } from './builders';
import { oracleDistributions } from './oracleDistributions';
import { leadArb, materialise } from './randomData';

const ZONES = ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata'];

/** The engine's matrix as `from -> to` names, the oracle's shape, leaving out zero cells. */
function namedMoves(report: FunnelReport): Map<string, number> {
  const m = report.distributions!.transitions;
  const name = (k: number) => {
    const p = m.places[k]!;
    return p.stageId === null ? p.kind : `${p.kind}:${p.stageId}`;
  };
  const out = new Map<string, number>();
  m.counts.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c > 0) out.set(`${name(r)} -> ${name(col)}`, c);
    }),
  );
  return out;
}

function thresholdsOf(report: FunnelReport): (id: number) => number {
  const all = [...report.stages, ...(report.sideStages ?? [])];
  return id => all.find(s => s.id === id)!.stuckThresholdHours;
}

describe('distributions (F.5) vs a naive second reading', () => {
  it('agrees on histograms, monthly time to close and the moves matrix for random accounts', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 50 }),
        fc.constantFrom(1, 7, 60),
        fc.record({
          from: fc.integer({ min: -2400, max: 2400 }),
          len: fc.integer({ min: 1, max: 4800 }),
        }),
        fc.constantFrom(...ZONES),
        fc.subarray([A, B, C]),
        fc.option(fc.integer({ min: -2400, max: 4800 }), { nil: undefined }),
        fc.option(fc.subarray([1, 2, 3]), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
        (specs, scale, w, timeZone, sideStageIds, historyFrom, users, stuckDays) => {
          // Stretched gaps reach the long bins, not only the first few hours.
          const stretched = specs.map(s => ({
            ...s,
            walk: s.walk.map(step => ({ ...step, gap: step.gap * scale })),
          }));
          const d = materialise(stretched);
          const history = historyFrom === undefined ? {} : { historyFrom: at(historyFrom) };
          const window = { from: at(w.from), to: at(w.from + w.len) };
          const report = buildReport(
            { ...input(d.leads, d.events), ...history, sideStageIds },
            {
              ...window,
              now: at(20_000),
              responsibleUserIds: users,
              stuckDays,
              distributions: { timeZone },
            },
          );
          const keep = (l: Lead) => users === undefined || users.includes(l.responsibleUserId!);
          const naive = oracleDistributions(input(d.leads, d.events), {
            ...window,
            ...history,
            sideStageIds,
            timeZone,
            keep,
            // A given threshold is read naively; a learned one is §7's, checked by its own oracle.
            thresholdOf: stuckDays === undefined ? thresholdsOf(report) : () => stuckDays * 24,
          });
          const got = report.distributions!;
          expect(got.stages).toEqual(naive.stages);
          expect(got.timeToClose.timeZone).toBe(timeZone);
          expect(
            got.timeToClose.months.map(m => ({ month: m.month, won: m.won, lost: m.lost })),
          ).toEqual(naive.months);
          expect(namedMoves(report)).toEqual(naive.moves);
          expect(got.transitions.total).toBe(naive.total);
          // The histogram's sample is §6's, so its median is the one the stage shows.
          report.stages.forEach((s, i) => expect(got.stages[i]!.samples).toBe(s.time.samples));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('distributions (F.5), worked by hand', () => {
  const wide: ReportOptions = { from: at(-24), to: at(10_000), now: at(10_000) };
  const report = (leads: Lead[], events = [] as ReturnType<typeof mv>[], extra = {}) =>
    buildReport(input(leads, events), { ...wide, distributions: true, ...extra });

  it('puts a value on an edge in the bin that starts there', () => {
    expect(BIN_EDGES_HOURS).toHaveLength(14);
    expect(binOf(0)).toBe(0);
    expect(binOf(0.999)).toBe(0);
    expect(binOf(24)).toBe(5);
    expect(binOf(23.99)).toBe(4);
    expect(binOf(4320)).toBe(13);
    expect(binOf(1e9)).toBe(13);
    // A visit to A of exactly one day.
    const r = report([lead(1, { statusId: B })], [mv(1, 24, A, B)]);
    const a = r.distributions!.stages[0]!;
    expect(a.counts[5]).toBe(1);
    expect(a.samples).toBe(1);
  });

  it('marks a threshold in the last bin and counts the visits past it', () => {
    const r = report(
      [lead(1, { statusId: B }), lead(2, { statusId: B })],
      [mv(1, 5000, A, B), mv(2, 4800, A, B)],
      { stuckDays: 200 },
    );
    const a = r.distributions!.stages[0]!;
    expect(a.thresholdHours).toBe(4800);
    expect(a.thresholdBin).toBe(13);
    expect(a.counts[13]).toBe(2);
    // 4800 h is at the threshold, not past it (§7: stuck is strictly longer).
    expect(a.overThreshold).toBe(1);
  });

  it('counts back moves, side stages and moves out of and into the pipeline', () => {
    const leads = [lead(1, { statusId: A }), lead(2, { statusId: C }), lead(3, { statusId: B })];
    const events = [
      mv(1, 1, INC, A),
      mv(1, 2, A, B),
      mv(1, 3, B, A),
      mv(2, 1, A, B),
      mv(2, 2, B, C),
      ev(3, 1, [P, A], [Q, X]),
      ev(3, 2, [Q, X], [P, B]),
    ];
    const r = buildReport(
      { ...input(leads, events), sideStageIds: [B] },
      { ...wide, distributions: true },
    );
    const moves = namedMoves(r);
    expect(moves).toEqual(
      new Map([
        [`incoming -> stage:${A}`, 1],
        [`stage:${A} -> side:${B}`, 2],
        [`side:${B} -> stage:${A}`, 1],
        [`side:${B} -> stage:${C}`, 1],
        [`stage:${A} -> outside`, 1],
        [`outside -> side:${B}`, 1],
      ]),
    );
    const kinds = r.distributions!.transitions.places.map(p => p.kind);
    expect(kinds).toEqual(['incoming', 'stage', 'stage', 'side', 'won', 'lost', 'outside']);
    expect(r.distributions!.transitions.total).toBe(7);
  });

  it('counts only the moves made in the period', () => {
    const r = buildReport(input([lead(1, { statusId: C })], [mv(1, 1, A, B), mv(1, 30, B, C)]), {
      from: at(-1),
      to: at(10),
      now: at(100),
      distributions: true,
    });
    expect(namedMoves(r)).toEqual(new Map([[`stage:${A} -> stage:${B}`, 1]]));
  });

  it('reads closing months in the account time zone', () => {
    // Closed at 2026-02-28 22:30 UTC: 1 March 01:30 in Moscow.
    const closed = Date.UTC(2026, 1, 28, 22, 30) / 1000;
    const created = closed - 48 * 3600;
    const leads = [lead(1, { statusId: WON, createdAt: created, updatedAt: closed })];
    const events = [
      {
        id: 'w',
        leadId: 1,
        createdAt: closed,
        before: { pipelineId: P, statusId: A },
        after: { pipelineId: P, statusId: WON },
      },
    ];
    const options = { from: created - 10, to: Date.UTC(2026, 2, 15) / 1000, now: closed + 100 };
    const month = (timeZone: string, m: string) =>
      buildReport(input(leads, events), {
        ...options,
        distributions: { timeZone },
      }).distributions!.timeToClose.months.find(x => x.month === m)!;
    expect(month('Europe/Moscow', '2026-03').won).toEqual({
      samples: 1,
      medianHours: 48,
      p90Hours: 48,
    });
    expect(month('Europe/Moscow', '2026-02').won.samples).toBe(0);
    expect(month('UTC', '2026-02').won.samples).toBe(1);
    const moscow = buildReport(input(leads, events), {
      ...options,
      distributions: { timeZone: 'Europe/Moscow' },
    });
    const months = moscow.distributions!.timeToClose.months;
    expect(months).toHaveLength(12);
    expect(months[11]!.month).toBe('2026-03');
    expect(months[0]!.month).toBe('2025-04');
    expect(months[11]!.from).toBe(Date.UTC(2026, 1, 28, 21) / 1000);
    expect(moscow.options.distributions).toEqual({ timeZone: 'Europe/Moscow' });
  });

  it('is absent unless asked for, and refuses an unknown zone', () => {
    const r = buildReport(input([lead(1)]), wide);
    expect(r.distributions).toBeUndefined();
    expect(r.options.distributions).toBeUndefined();
    expect(() =>
      buildReport(input([lead(1)]), { ...wide, distributions: { timeZone: 'Mars/Base' } }),
    ).toThrow(RangeError);
  });
});
