import fc from 'fast-check';
import type { FunnelReport, Lead, StatusChange, WorkingWeek } from '../../../src/core';
import {
  buildModel,
  buildReport,
  leadJourney,
  parseWorkingWeek,
  stageNorms,
} from '../../../src/core';
import { visitsIn } from '../../support/visits';
import { A, B, C, LOST, P, WON, input, lead } from './builders';

/**
 * A naive second reading of docs/metrics.md F.1a: every visit is rebuilt from the events (the
 * accounts below have strictly increasing, well-linked events, so §4 is a plain walk), working
 * time is counted minute by minute by asking Intl what the wall clock shows, and the stuck rule,
 * thresholds and order are applied to those counts.
 */
const DAY = 86_400;
const utc = (iso: string) => Date.parse(iso) / 1000;
/** Whole minutes near DST changes (Berlin, New York) and a plain winter day. */
const ANCHORS = ['2025-03-30T01:00:00Z', '2024-11-03T05:00:00Z', '2026-02-16T06:00:00Z'].map(utc);
const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York'];
const BOUNDS = [0, 60, 120, 150, 180, 540, 780, 840, 1080, 1440];
const SPAN_DAYS = 12;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Working minute flags over `[anchor - 12 d, anchor + 12 d)`, one Intl reading per minute. */
const minuteTables = new Map<string, { start: number; prefix: Int32Array }>();

function minuteTable(week: WorkingWeek, anchor: number): { start: number; prefix: Int32Array } {
  const key = `${anchor}|${JSON.stringify(week)}`;
  const held = minuteTables.get(key);
  if (held) return held;
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: week.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
  const start = anchor - SPAN_DAYS * DAY;
  const minutes = (2 * SPAN_DAYS * DAY) / 60;
  const prefix = new Int32Array(minutes + 1);
  for (let m = 0; m < minutes; m++) {
    const p: Record<string, string> = {};
    for (const part of f.formatToParts(new Date((start + m * 60) * 1000)))
      p[part.type] = part.value;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    const working =
      week.days.includes(WEEKDAYS.indexOf(p.weekday!) + 1) &&
      !week.holidays.includes(`${p.year}-${p.month}-${p.day}`) &&
      week.hours.some(h => h.from <= minute && minute < h.to);
    prefix[m + 1] = prefix[m]! + (working ? 1 : 0);
  }
  const table = { start, prefix };
  minuteTables.set(key, table);
  return table;
}

/** Working hours of `[a, b)`, both whole minutes inside the table. */
function naiveHours(a: number, b: number, table: { start: number; prefix: Int32Array }): number {
  const i = (a - table.start) / 60;
  const j = (b - table.start) / 60;
  return ((table.prefix[j]! - table.prefix[i]!) * 60) / 3600;
}

/** §6's quantile, read straight from its text. */
function naiveQuantile(values: number[], p: number): number | null {
  const x = [...values].sort((a, b) => a - b);
  if (x.length === 0) return null;
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return lo === x.length - 1 ? x[lo]! : x[lo]! + (h - lo) * (x[lo + 1]! - x[lo]!);
}

const weekArb = fc
  .record({
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    bounds: fc.uniqueArray(fc.constantFrom(...BOUNDS), { minLength: 2, maxLength: 4 }),
    timeZone: fc.constantFrom(...ZONES),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -8, max: 8 }), { maxLength: 3 }),
  })
  .filter(r => r.bounds.length % 2 === 0);

type WeekSpec = typeof weekArb extends fc.Arbitrary<infer T> ? T : never;

function makeWeek(r: WeekSpec, anchor: number): WorkingWeek {
  const sorted = [...r.bounds].sort((a, b) => a - b);
  const hours = [];
  for (let k = 0; k < sorted.length; k += 2) hours.push({ from: sorted[k]!, to: sorted[k + 1]! });
  const holidays = r.holidayOffsets.map(d =>
    new Date((anchor + d * DAY) * 1000).toISOString().slice(0, 10),
  );
  const parsed = parseWorkingWeek({ days: r.days, hours, timeZone: r.timeZone, holidays });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.week;
}

const OPEN = [A, B, C];
const leadArb = fc.record({
  createdMinute: fc.integer({ min: -10 * 1440, max: 9 * 1440 }),
  start: fc.constantFrom(...OPEN),
  walk: fc.array(
    fc.record({
      to: fc.constantFrom(A, B, C, WON, LOST),
      gap: fc.integer({ min: 1, max: 3 * 1440 }),
    }),
    { maxLength: 5 },
  ),
});

interface NaiveVisit {
  readonly statusId: number;
  readonly start: number;
  readonly end: number | null;
}

/** Leads, events and each lead's visits, every time a whole minute before `now`. */
type LeadSpec = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

function account(specs: LeadSpec[], anchor: number, now: number) {
  const leads: Lead[] = [];
  const events: StatusChange[] = [];
  const visits = new Map<number, NaiveVisit[]>();
  specs.forEach((s, k) => {
    const id = k + 1;
    let cur = s.start;
    let t = anchor + s.createdMinute * 60;
    const mine: NaiveVisit[] = [];
    let enteredAt = t;
    s.walk.forEach((step, j) => {
      if (step.to === cur || t + step.gap * 60 >= now) return;
      t += step.gap * 60;
      events.push({
        id: `${id}-${j}`,
        leadId: id,
        createdAt: t,
        before: { pipelineId: P, statusId: cur },
        after: { pipelineId: P, statusId: step.to },
      });
      mine.push({ statusId: cur, start: enteredAt, end: t });
      cur = step.to;
      enteredAt = t;
    });
    mine.push({ statusId: cur, start: enteredAt, end: null });
    visits.set(id, mine);
    const createdAt = anchor + s.createdMinute * 60;
    leads.push(lead(id, { statusId: cur, createdAt, updatedAt: t, price: 100 * id }));
  });
  return { leads, events, visits };
}

describe('stuck on the working clock (F.1a) vs a naive minute-by-minute reading', () => {
  it('gives the same thresholds, stuck counts, stuck list and order', () => {
    fc.assert(
      fc.property(
        weekArb,
        fc.constantFrom(...ANCHORS),
        fc.array(leadArb, { maxLength: 40 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.option(fc.constantFrom(0.5, 2), { nil: undefined }),
        fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
        fc.subarray([A, B, C], { maxLength: 1 }),
        (spec, anchor, specs, stuckDays, stuckDaysB, horizonDays, sideStageIds) => {
          const week = makeWeek(spec, anchor);
          const table = minuteTable(week, anchor);
          const now = anchor + 10 * DAY;
          const { leads, events, visits } = account(specs, anchor, now);
          const byStage = stuckDaysB !== undefined ? { [String(B)]: stuckDaysB } : undefined;
          const opts = {
            from: anchor - 10 * DAY,
            to: now,
            now,
            workingWeek: week,
            ...(stuckDays !== undefined && { stuckDays }),
            ...(byStage && { stuckDaysByStage: byStage }),
            ...(horizonDays !== undefined && { horizonDays }),
          };
          const data = { ...input(leads, events), sideStageIds };
          const report: FunnelReport = buildReport(data, { ...opts, stuckClock: 'working' });
          const plain: FunnelReport = buildReport(data, opts);

          // The oracle: h, the learning samples in working hours, the thresholds, the rule.
          const h = week.hours.reduce((s, x) => s + x.to - x.from, 0) / 60;
          const cut = horizonDays === undefined ? -Infinity : now - horizonDays * DAY;
          const threshold = new Map<number, number>();
          for (const stage of OPEN) {
            const days = byStage?.[String(stage)] ?? stuckDays;
            const samples = [...visits.values()]
              .flat()
              .filter(v => v.statusId === stage && v.end !== null && v.end >= cut)
              .map(v => naiveHours(v.start, v.end!, table));
            threshold.set(
              stage,
              days !== undefined
                ? days * h
                : samples.length >= 10
                  ? naiveQuantile(samples, 0.9)!
                  : 7 * h,
            );
          }
          const expected = leads
            .filter(l => OPEN.includes(l.statusId))
            .map(l => {
              const current = visits.get(l.id)!.at(-1)!;
              const worked = naiveHours(current.start, now, table);
              return {
                leadId: l.id,
                stageId: l.statusId,
                worked,
                over: threshold.get(l.statusId)!,
              };
            })
            .filter(d => d.worked > d.over)
            .sort((a, b) => b.worked - b.over - (a.worked - a.over) || a.leadId - b.leadId);

          expect(report.stuck.map(d => d.leadId)).toEqual(expected.map(d => d.leadId));
          report.stuck.forEach((d, k) => {
            expect(d.workingHoursInStage).toBe(expected[k]!.worked);
            expect(d.thresholdWorkingHours).toBeCloseTo(expected[k]!.over, 9);
          });
          const places = [...report.stages, ...(report.sideStages ?? [])];
          expect(places.map(s => s.id).sort()).toEqual([...OPEN].sort());
          for (const s of places) {
            expect(s.stuckThresholdWorkingHours).toBeCloseTo(threshold.get(s.id)!, 9);
            expect(s.stuck).toBe(expected.filter(d => d.stageId === s.id).length);
          }
          // Every other number is the elapsed report's.
          const strip = (r: FunnelReport) => ({
            ...r,
            stuck: [],
            stages: r.stages.map(s => ({ ...s, stuck: 0, stuckThresholdWorkingHours: 0 })),
            sideStages: r.sideStages?.map(s => ({
              ...s,
              stuck: 0,
              stuckThresholdWorkingHours: 0,
            })),
            options: { ...r.options, stuckClock: 'elapsed' },
          });
          expect(strip(report)).toEqual(strip(plain));
          expect(report.options.stuckClock).toBe('working');
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Hand examples, Mon–Fri 09:00–18:00 in Moscow (h = 9) unless said otherwise. */
function week(over: Partial<WorkingWeek> = {}): WorkingWeek {
  const parsed = parseWorkingWeek({
    days: [1, 2, 3, 4, 5],
    hours: [{ from: 540, to: 1080 }],
    timeZone: 'Europe/Moscow',
    holidays: [],
    ...over,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.week;
}

/** One deal entered stage A at `entered`, plus a won lead so the funnel has data. */
function oneDeal(entered: number, extra: Partial<Lead> = {}) {
  return input([
    lead(1, { createdAt: entered, updatedAt: entered, ...extra }),
    lead(2, { statusId: WON, createdAt: entered, updatedAt: entered }),
  ]);
}

const MSK = (local: string) => utc(`${local}+03:00`);

describe('stuck on the working clock (F.1a): hand examples', () => {
  const window = (now: number) => ({ from: now - 30 * DAY, to: now, now });

  it('does not count a weekend inside the visit', () => {
    // Friday 2026-02-13 17:00 to Monday 2026-02-16 12:00: 1 h + 3 h of work, 67 elapsed hours.
    const now = MSK('2026-02-16T12:00:00');
    const data = oneDeal(MSK('2026-02-13T17:00:00'));
    const opts = { ...window(now), workingWeek: week(), stuckDays: 1 };
    const elapsed = buildReport(data, opts);
    expect(elapsed.stuck.map(d => d.leadId)).toEqual([1]);
    const working = buildReport(data, { ...opts, stuckClock: 'working' });
    expect(working.stuck).toEqual([]);
    expect(working.stages[0]!.stuckThresholdWorkingHours).toBe(9);
    expect(working.stages[0]!.stuckThresholdHours).toBe(24);
    const half = buildReport(data, { ...opts, stuckDays: 0.25, stuckClock: 'working' });
    expect(half.stuck).toEqual([
      expect.objectContaining({
        leadId: 1,
        hoursInStage: 67,
        thresholdHours: 6,
        workingHoursInStage: 4,
        thresholdWorkingHours: 2.25,
      }),
    ]);
  });

  it('does not count a holiday, and a threshold exactly reached is not past', () => {
    // Monday 09:00 to Wednesday 09:00 with Tuesday off: 9 working hours, the threshold 1 day = 9.
    const now = MSK('2026-02-18T09:00:00');
    const data = oneDeal(MSK('2026-02-16T09:00:00'));
    const opts = { ...window(now), stuckDays: 1, stuckClock: 'working' as const };
    const holiday = buildReport(data, { ...opts, workingWeek: week({ holidays: ['2026-02-17'] }) });
    expect(holiday.stuck).toEqual([]);
    const plain = buildReport(data, { ...opts, workingWeek: week(), includeOpenDeals: true });
    expect(plain.stuck.map(d => [d.workingHoursInStage, d.thresholdWorkingHours])).toEqual([
      [18, 9],
    ]);
  });

  it('counts a spring-forward day by the real time of its working hours', () => {
    // Berlin, every day 01:00–04:00 (h = 3); 2025-03-30 skips 02:00–03:00, so it holds 2 h.
    const berlin = week({
      days: [1, 2, 3, 4, 5, 6, 7],
      hours: [{ from: 60, to: 240 }],
      timeZone: 'Europe/Berlin',
    });
    const entered = utc('2025-03-28T23:00:00Z'); // 2025-03-29 00:00 CET
    const now = utc('2025-03-30T22:00:00Z'); // 2025-03-31 00:00 CEST
    const data = oneDeal(entered);
    const opts = { ...window(now), workingWeek: berlin, stuckClock: 'working' as const };
    const atFive = buildReport(data, { ...opts, stuckDays: 5 / 3, includeOpenDeals: true });
    expect(atFive.openDeals?.[0]?.workingHoursInStage).toBe(5);
    expect(atFive.stuck).toEqual([]);
    const below = buildReport(data, { ...opts, stuckDays: 4.5 / 3 });
    expect(below.stuck.map(d => d.leadId)).toEqual([1]);
    // No setting and fewer than 10 visits: 7 working days of 3 hours.
    expect(buildReport(data, opts).stages[0]!.stuckThresholdWorkingHours).toBe(21);
    expect(buildReport(data, opts).stages[0]!.stuckThresholdSource).toBe('default');
  });

  it('learns the p90 of completed visits in working hours', () => {
    // Ten visits to A, each entered Monday 09:00 and left k working hours later (k = 1 … 10, the
    // 10th on Tuesday at 10:00, 25 elapsed hours), in successive weeks; p90 = 9 + 0.1 × 1 = 9.1.
    const mon = MSK('2026-01-05T09:00:00');
    const leads: Lead[] = [];
    const events: StatusChange[] = [];
    for (let k = 1; k <= 10; k++) {
      const start = mon + (k - 1) * 7 * DAY;
      const end = k <= 9 ? start + k * 3600 : start + DAY + 3600;
      leads.push(lead(100 + k, { statusId: B, createdAt: start, updatedAt: end }));
      events.push({
        id: `m${k}`,
        leadId: 100 + k,
        createdAt: end,
        before: { pipelineId: P, statusId: A },
        after: { pipelineId: P, statusId: B },
      });
    }
    const now = MSK('2026-03-16T12:00:00');
    leads.push(lead(1, { createdAt: MSK('2026-03-13T09:00:00') }));
    const r = buildReport(input(leads, events), {
      ...window(now),
      workingWeek: week(),
      stuckClock: 'working',
    });
    expect(r.stages[0]!.stuckThresholdSource).toBe('learned');
    expect(r.stages[0]!.stuckThresholdWorkingHours).toBeCloseTo(9.1, 10);
    // Friday 09:00 to Monday 12:00: 9 + 3 = 12 working hours > 9.1.
    const atA = r.stuck.filter(d => d.stageId === A);
    expect(atA.map(d => [d.leadId, d.workingHoursInStage])).toEqual([[1, 12]]);
    expect(atA[0]!.thresholdWorkingHours).toBeCloseTo(9.1, 10);
  });

  it('judges a censored deal by the working lower bound: stuck when the threshold is at most that', () => {
    // History from Monday 09:00; the deal has sat at A since before it: "at least 12 h" by Tuesday 12:00.
    const from = MSK('2026-02-16T09:00:00');
    const now = MSK('2026-02-17T12:00:00');
    const data = { ...oneDeal(from - 30 * DAY), historyFrom: from };
    const opts = { ...window(now), workingWeek: week(), stuckClock: 'working' as const };
    const at = buildReport(data, { ...opts, stuckDays: 12 / 9 });
    expect(at.stuck).toEqual([
      expect.objectContaining({ leadId: 1, hoursAtLeast: true, workingHoursInStage: 12 }),
    ]);
    expect(buildReport(data, { ...opts, stuckDays: 12.5 / 9 }).stuck).toEqual([]);
  });

  it('takes a snoozed deal out of the working stuck list and says it would be stuck', () => {
    const now = MSK('2026-02-16T12:00:00');
    const data = oneDeal(MSK('2026-02-13T09:00:00'), { fields: { '77': [now + DAY] } });
    const r = buildReport(data, {
      ...window(now),
      workingWeek: week(),
      stuckClock: 'working',
      stuckDays: 1,
      snooze: { untilFieldId: 77, reasonFieldId: null },
    });
    expect(r.stuck).toEqual([]);
    expect(r.stages[0]!.stuck).toBe(0);
    expect(r.snoozed).toEqual([
      expect.objectContaining({ leadId: 1, stuck: true, workingHoursInStage: 12 }),
    ]);
  });

  it('gives the lead card the same working threshold and verdict as the report', () => {
    const now = MSK('2026-02-16T12:00:00');
    const data = oneDeal(MSK('2026-02-13T17:00:00'));
    const model = buildModel(data);
    const asked = { stuckDays: 0.25, workingWeek: week(), stuckClock: 'working' as const };
    const norms = stageNorms(model, asked, now);
    const report = buildReport(data, { ...window(now), ...asked });
    expect(norms[0]!.workingThreshold).toEqual({ hours: 2.25, source: 'setting' });
    expect(norms[0]!.threshold).toEqual({ hours: 6, source: 'setting' });
    const journey = leadJourney(model, 1, now, norms, visitsIn(data, model, 1)!, week());
    expect(journey?.current).toMatchObject({
      hoursInStage: 67,
      workingHoursInStage: 4,
      stuck: true,
    });
    expect(report.stuck.map(d => d.leadId)).toEqual([1]);
    // A day's threshold: stuck on the elapsed clock (67 h > 24 h), not on the working one (4 h ≤ 9 h).
    const day = { ...asked, stuckDays: 1 };
    const dayNorms = stageNorms(model, day, now);
    const dayJourney = leadJourney(model, 1, now, dayNorms, visitsIn(data, model, 1)!, week());
    expect(dayJourney?.current?.stuck).toBe(false);
    const elapsedNorms = stageNorms(model, { stuckDays: 1 }, now);
    expect(elapsedNorms[0]!.workingThreshold).toBeUndefined();
    expect(
      leadJourney(model, 1, now, elapsedNorms, visitsIn(data, model, 1)!)?.current?.stuck,
    ).toBe(true);
  });

  it('refuses the working clock without a working week', () => {
    const now = MSK('2026-02-16T12:00:00');
    expect(() =>
      buildReport(oneDeal(now - DAY), { ...window(now), stuckClock: 'working' }),
    ).toThrow(/workingWeek/);
    const elapsed = buildReport(oneDeal(now - DAY), { ...window(now), stuckClock: 'elapsed' });
    expect(elapsed.options.stuckClock).toBe('elapsed');
    expect(elapsed.stages[0]!.stuckThresholdWorkingHours).toBeUndefined();
  });
});
