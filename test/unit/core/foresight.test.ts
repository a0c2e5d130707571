import fc from 'fast-check';
import type { FunnelReport, Lead, OpenDeal, ReportOptions, WorkingWeek } from '../../../src/core';
import {
  baselineDecidedCounts,
  buildModel,
  buildReport,
  forecastRange,
  transitionChanges,
} from '../../../src/core';
import { A, B, C, at, input, lead, mv } from './builders';
import { leadArb, materialise } from './randomData';

/** Every instant working: working hours must then be the elapsed hours, to the bit. */
const ALWAYS: WorkingWeek = {
  days: [1, 2, 3, 4, 5, 6, 7],
  hours: [{ from: 0, to: 1440 }],
  timeZone: 'UTC',
  holidays: [],
};

const windowArb = fc.record({
  from: fc.integer({ min: -2400, max: 2400 }),
  len: fc.integer({ min: 1, max: 4800 }),
});

const stripDeal = ({ workingHoursInStage: _w, ...d }: OpenDeal): OpenDeal => d;

const stripOptions = ({
  alerts: _a,
  forecastDays: _f,
  workingWeek: _w,
  ...options
}: FunnelReport['options']): FunnelReport['options'] => options;

/** The report without the foresight fields: what a report that asks none of them gives. */
function withoutForesight({
  alerts: _a,
  forecastRange: _f,
  workingResponse: _w,
  ...r
}: FunnelReport): FunnelReport {
  return {
    ...r,
    stages: r.stages.map(({ workingTime: _t, ...s }) => s),
    ...(r.sideStages ? { sideStages: r.sideStages.map(({ workingTime: _t, ...s }) => s) } : {}),
    stuck: r.stuck.map(stripDeal),
    ...(r.openDeals ? { openDeals: r.openDeals.map(stripDeal) } : {}),
    options: stripOptions(r.options),
  };
}

/** This period's decided counts read off the report's own stages (§5), not the engine's. */
function decidedFromReport(r: FunnelReport): { k: number; n: number }[] {
  return r.stages.map((s, i) => ({
    k: r.stages[i + 1]?.reached ?? r.won.reached,
    n: s.reached - s.undecided,
  }));
}

const FORESIGHT = { alerts: true, forecastDays: [30, 90], workingWeek: ALWAYS } as const;

describe('foresight in the report (metrics.md F.4)', () => {
  it('adds its fields only when asked, moves nothing else, and agrees with the engine', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 40 }),
        windowArb,
        fc.integer({ min: 0, max: 5 }),
        fc.option(fc.integer({ min: -2400, max: 4800 }), { nil: undefined }),
        fc.subarray([A, B, C]),
        (specs, w, minSample, historyFrom, sideStageIds) => {
          const d = materialise(specs);
          const data = {
            ...input(d.leads, d.events),
            ...(historyFrom === undefined ? {} : { historyFrom: at(historyFrom) }),
            sideStageIds,
          };
          const opts: ReportOptions = {
            from: at(w.from),
            to: at(w.from + w.len),
            now: at(5000),
            minSample,
            includeOpenDeals: true,
          };
          const plain = buildReport(data, opts);
          for (const key of ['alerts', 'forecastRange', 'workingResponse'])
            expect(plain).not.toHaveProperty(key);
          expect(plain.stages.every(s => !('workingTime' in s))).toBe(true);
          expect(plain.openDeals?.every(s => !('workingHoursInStage' in s))).toBe(true);
          expect(Object.keys(plain.options)).not.toContain('alerts');

          const r = buildReport(data, { ...opts, ...FORESIGHT });
          expect(withoutForesight(r)).toEqual(plain);

          const model = buildModel(data);
          expect(r.alerts?.transitions).toEqual(
            transitionChanges(
              model.funnel,
              decidedFromReport(r),
              baselineDecidedCounts(model.funnel, model.byCreated, opts, opts.now),
              { confidence: 0.95, minSample },
            ),
          );
          expect(r.forecastRange).toEqual(
            forecastRange(model.funnel, model.facts, opts.now, {
              horizonsDays: [30, 90],
              historyFrom: model.historyFrom,
            }),
          );
          // Around the clock, working time is elapsed time.
          r.stages.forEach(s => expect(s.workingTime).toEqual(s.time));
          r.sideStages?.forEach(s => expect(s.workingTime).toEqual(s.time));
          r.openDeals?.forEach(deal => expect(deal.workingHoursInStage).toBe(deal.hoursInStage));
          const { samples, medianHours, p90Hours } = r.response;
          expect(r.workingResponse).toEqual({ samples, medianHours, p90Hours });
          expect(r.options).toMatchObject({
            alerts: { confidence: 0.95 },
            forecastDays: [30, 90],
            workingWeek: ALWAYS,
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('narrows them by manager and slice exactly as the leads they are read from', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { maxLength: 40 }), windowArb, (specs, w) => {
        const d = materialise(specs);
        const leads: Lead[] = d.leads.map(l => ({ ...l, tagIds: [l.id % 2] }));
        const opts: ReportOptions = {
          from: at(w.from),
          to: at(w.from + w.len),
          now: at(5000),
          includeOpenDeals: true,
          ...FORESIGHT,
        };
        const scoped = buildReport(input(leads, d.events), {
          ...opts,
          responsibleUserIds: [1],
          slice: { tagIds: [1] },
        });
        const kept = leads.filter(l => l.responsibleUserId === 1 && l.id % 2 === 1);
        const alone = buildReport(input(kept, d.events), opts);
        expect(scoped.alerts).toEqual(alone.alerts);
        expect(scoped.forecastRange).toEqual(alone.forecastRange);
        expect(scoped.workingResponse).toEqual(alone.workingResponse);
        expect(scoped.stages.map(s => s.workingTime)).toEqual(alone.stages.map(s => s.workingTime));
        // Thresholds learn from every lead, so which deals are stuck may differ; their hours not.
        const hours = (r: FunnelReport) =>
          new Map(r.openDeals?.map(deal => [deal.leadId, deal.workingHoursInStage]));
        expect(hours(scoped)).toEqual(hours(alone));
      }),
      { numRuns: 60 },
    );
  });

  it('counts working hours by the week, and keeps the stuck rule in elapsed hours', () => {
    // Moscow, Monday to Friday 09:00–18:00; 2023-11-17 is a Friday.
    const week: WorkingWeek = {
      days: [1, 2, 3, 4, 5],
      hours: [{ from: 540, to: 1080 }],
      timeZone: 'Europe/Moscow',
      holidays: [],
    };
    const utc = (day: number, hour: number) => Date.UTC(2023, 10, day, hour) / 1000;
    const friday17 = utc(17, 14);
    const monday10 = utc(20, 7);
    const tuesday12 = utc(21, 9);
    const data = input(
      [lead(1, { statusId: B, createdAt: friday17, updatedAt: monday10 })],
      [{ ...mv(1, 0, A, B), createdAt: monday10 }],
    );
    const r = buildReport(data, {
      from: utc(17, 0),
      to: utc(18, 0),
      now: tuesday12,
      stuckDays: 1,
      workingWeek: week,
    });
    // Friday 17–18 and Monday 9–10; then Monday 10–18 and Tuesday 9–12.
    expect(r.stages[0]?.time.medianHours).toBe(65);
    expect(r.stages[0]?.workingTime).toMatchObject({ samples: 1, medianHours: 2, p90Hours: 2 });
    expect(r.stages[1]?.workingTime?.openMedianHours).toBe(11);
    expect(r.workingResponse).toEqual({ samples: 1, medianHours: 2, p90Hours: 2 });
    // 26 elapsed hours against a 24-hour threshold: stuck, although only 11 were working hours.
    expect(r.stuck).toMatchObject([
      { leadId: 1, hoursInStage: 26, thresholdHours: 24, workingHoursInStage: 11 },
    ]);
    expect(r.options.workingWeek).toEqual(week);
  });

  it('takes the admin level and the horizons as given, and refuses impossible ones', () => {
    const data = input([lead(1), lead(2, { statusId: B })]);
    const window = { from: at(-24), to: at(24), now: at(48) };
    const r = buildReport(data, { ...window, alerts: { confidence: 0.9 }, forecastDays: [7] });
    expect(r.alerts).toMatchObject({ confidence: 0.9, minSample: 10 });
    expect(r.alerts?.baseline).toEqual({
      from: window.from - 42 * 48 * 3600,
      to: window.from,
      windows: 42,
    });
    expect(r.forecastRange?.horizons.map(h => h.horizonDays)).toEqual([7]);
    expect(r.options).toMatchObject({ alerts: { confidence: 0.9 }, forecastDays: [7] });
    expect(buildReport(data, { ...window, alerts: false })).not.toHaveProperty('alerts');
    expect(() => buildReport(data, { ...window, alerts: { confidence: 1 } })).toThrow(RangeError);
    expect(() => buildReport(data, { ...window, forecastDays: [0] })).toThrow(RangeError);
  });
});
