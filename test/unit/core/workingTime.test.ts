import fc from 'fast-check';
import type { WorkingWeek } from '../../../src/core';
import { parseWorkingWeek, workingHours, workingSeconds } from '../../../src/core';

/**
 * The naive reading of docs/metrics.md (foresight: working time): walk the span minute by minute
 * and ask Intl what the wall clock shows at each minute. Every offset and working bound here is a
 * whole minute, so a minute is working or not as a whole.
 */
function naiveMinutes(from: number, to: number, week: WorkingWeek): number {
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
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let seconds = 0;
  for (let t = from; t < to; t += 60) {
    const p: Record<string, string> = {};
    for (const part of f.formatToParts(new Date(t * 1000))) p[part.type] = part.value;
    const date = `${p.year}-${p.month}-${p.day}`;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    const working =
      week.days.includes(days.indexOf(p.weekday!) + 1) &&
      !week.holidays.includes(date) &&
      week.hours.some(h => h.from <= minute && minute < h.to);
    if (working) seconds += Math.min(60, to - t);
  }
  return seconds;
}

const utc = (iso: string) => Date.parse(iso) / 1000;

/** Instants near offset changes of the zones below, and plain days, 2024–2026. */
const ANCHORS = [
  '2024-03-10T06:00:00Z', // New York springs forward
  '2024-11-03T05:00:00Z', // New York falls back
  '2025-03-30T01:00:00Z', // Berlin springs forward
  '2025-10-26T01:00:00Z', // Berlin falls back
  '2025-04-05T15:00:00Z', // Lord Howe: back by half an hour
  '2025-10-04T15:30:00Z', // Lord Howe: forward by half an hour
  '2026-02-15T12:00:00Z',
  '2024-12-28T00:00:00Z', // across a new year
].map(utc);

const ZONES = [
  'Europe/Moscow',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/Berlin',
  'Australia/Lord_Howe',
];
/** Bounds on and around the hours a DST change moves (01:00–03:00), and ordinary ones. */
const BOUNDS = [0, 30, 60, 90, 120, 150, 180, 210, 540, 780, 840, 1080, 1410, 1440];

const weekArb = fc
  .record({
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    bounds: fc.uniqueArray(fc.constantFrom(...BOUNDS), { minLength: 2, maxLength: 6 }),
    timeZone: fc.constantFrom(...ZONES),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 10 }), { maxLength: 4 }),
  })
  .filter(r => r.bounds.length % 2 === 0);

function makeWeek(r: WeekSpec, anchor: number): WorkingWeek {
  const sorted = [...r.bounds].sort((a, b) => a - b);
  const hours = [];
  for (let k = 0; k < sorted.length; k += 2) hours.push({ from: sorted[k]!, to: sorted[k + 1]! });
  const holidays = r.holidayOffsets.map(d =>
    new Date((anchor + d * 86400) * 1000).toISOString().slice(0, 10),
  );
  const parsed = parseWorkingWeek({ days: r.days, hours, timeZone: r.timeZone, holidays });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.week;
}
type WeekSpec = {
  days: number[];
  bounds: number[];
  timeZone: string;
  holidayOffsets: number[];
};

describe('workingSeconds (metrics.md foresight: working time)', () => {
  it('agrees with a minute-by-minute count on random spans, zones, hours and holidays', () => {
    fc.assert(
      fc.property(
        weekArb,
        fc.constantFrom(...ANCHORS),
        fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
        fc.integer({ min: 0, max: 6 * 1440 }),
        (spec, anchor, startMinute, lengthMinutes) => {
          const week = makeWeek(spec, anchor);
          const from = anchor + startMinute * 60;
          const to = from + lengthMinutes * 60;
          expect(workingSeconds(from, to, week)).toBe(naiveMinutes(from, to, week));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees second by second near offset changes, whatever the bounds', () => {
    fc.assert(
      fc.property(
        weekArb,
        fc.constantFrom(...ANCHORS),
        fc.integer({ min: -4 * 3600, max: 4 * 3600 }),
        fc.integer({ min: 0, max: 3 * 3600 }),
        (spec, anchor, start, length) => {
          const week = makeWeek(spec, anchor);
          const from = anchor + start;
          const to = from + length;
          // Minutes from the first whole minute on, plus the seconds before it.
          const first = Math.min(to, Math.ceil(from / 60) * 60);
          const head = naiveMinutes(Math.floor(from / 60) * 60, first, week) > 0 ? first - from : 0;
          expect(workingSeconds(from, to, week)).toBe(head + naiveMinutes(first, to, week));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is real elapsed time under a week that never stops, across every DST change', () => {
    const always = makeWeek(
      {
        days: [1, 2, 3, 4, 5, 6, 7],
        bounds: [0, 1440],
        timeZone: 'America/New_York',
        holidayOffsets: [],
      },
      0,
    );
    const from = utc('2020-01-01T00:00:00Z');
    const to = utc('2030-01-01T00:00:00Z');
    expect(workingSeconds(from, to, always)).toBe(to - from);
  });

  it('skips the hour spring-forward removes and counts the one fall-back repeats', () => {
    const night = (timeZone: string, from: number, to: number) =>
      makeWeek({ days: [7], bounds: [from, to], timeZone, holidayOffsets: [] }, 0);
    // 2024-03-10 and 2024-11-03 are Sundays in New York.
    const springDay = [utc('2024-03-10T05:00:00Z'), utc('2024-03-11T04:00:00Z')] as const;
    const fallDay = [utc('2024-11-03T04:00:00Z'), utc('2024-11-04T05:00:00Z')] as const;
    expect(workingSeconds(...springDay, night('America/New_York', 120, 180))).toBe(0);
    expect(workingSeconds(...springDay, night('America/New_York', 60, 240))).toBe(7200);
    expect(workingSeconds(...fallDay, night('America/New_York', 60, 120))).toBe(7200);
    expect(workingSeconds(...fallDay, night('America/New_York', 0, 1440))).toBe(25 * 3600);
  });

  it('gives known values: Friday 17:00 to Monday 10:00 in Moscow is two working hours', () => {
    const week = makeWeek(
      { days: [1, 2, 3, 4, 5], bounds: [540, 1080], timeZone: 'Europe/Moscow', holidayOffsets: [] },
      0,
    );
    // 2026-03-06 is a Friday; Moscow is UTC+3 all year.
    expect(workingHours(utc('2026-03-06T14:00:00Z'), utc('2026-03-09T07:00:00Z'), week)).toBe(2);
    expect(workingSeconds(utc('2026-03-09T07:00:00Z'), utc('2026-03-06T14:00:00Z'), week)).toBe(0);
    // A year of Mon–Fri 9–18 with 2026-01-01 (a Thursday) off: 261 working days less one.
    const withHoliday = parseWorkingWeek({ ...week, holidays: ['2026-01-01', '2026-01-03'] });
    if (!withHoliday.ok) throw new Error('refused');
    const year = [utc('2025-12-31T21:00:00Z'), utc('2026-12-31T21:00:00Z')] as const;
    expect(workingHours(...year, withHoliday.week)).toBe(260 * 9);
  });

  it('adds up over adjacent spans of years, at the cost of a few offset changes', () => {
    fc.assert(
      fc.property(
        weekArb,
        fc.integer({ min: utc('2015-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 5 * 365 * 86400 }),
        fc.integer({ min: 0, max: 5 * 365 * 86400 }),
        (spec, a, x, y) => {
          const week = makeWeek(spec, a);
          const total = workingSeconds(a, a + x + y, week);
          expect(total).toBe(
            workingSeconds(a, a + x, week) + workingSeconds(a + x, a + x + y, week),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('parseWorkingWeek', () => {
  const good = {
    days: [5, 1, 2, 3, 4],
    hours: [
      { from: 780, to: 1080 },
      { from: 540, to: 720 },
    ],
    timeZone: 'Asia/Kolkata',
    holidays: ['2026-01-26', '2026-01-01', '2026-01-26'],
  };

  it('sorts what it may sort and keeps the rest', () => {
    expect(parseWorkingWeek(JSON.stringify(good))).toEqual({
      ok: true,
      week: {
        days: [1, 2, 3, 4, 5],
        hours: [
          { from: 540, to: 720 },
          { from: 780, to: 1080 },
        ],
        timeZone: 'Asia/Kolkata',
        holidays: ['2026-01-01', '2026-01-26'],
      },
    });
  });

  it('names every bad field with a code', () => {
    const bad = parseWorkingWeek({
      days: [1, 8, 1, 'x'],
      hours: [{ from: 600, to: 600 }, { from: 540, to: 1500 }, { from: 500, to: 700 }, 3],
      timeZone: 'Mars/Olympus',
      holidays: ['2026-02-30', 5],
    });
    expect(bad).toEqual({
      ok: false,
      issues: [
        { path: 'days.1', code: 'out_of_range' },
        { path: 'days.2', code: 'duplicate' },
        { path: 'days.3', code: 'invalid_type' },
        { path: 'hours.0', code: 'empty_interval' },
        { path: 'hours.1.to', code: 'out_of_range' },
        { path: 'hours.3', code: 'invalid_type' },
        { path: 'timeZone', code: 'unknown_time_zone' },
        { path: 'holidays.0', code: 'invalid_date' },
        { path: 'holidays.1', code: 'invalid_type' },
      ],
    });
    expect(
      parseWorkingWeek({
        ...good,
        hours: [
          { from: 540, to: 720 },
          { from: 700, to: 800 },
        ],
      }),
    ).toEqual({ ok: false, issues: [{ path: 'hours.1', code: 'overlap' }] });
    expect(parseWorkingWeek({ ...good, days: [], hours: {} })).toEqual({
      ok: false,
      issues: [
        { path: 'days', code: 'too_small' },
        { path: 'hours', code: 'invalid_type' },
      ],
    });
    expect(parseWorkingWeek('{')).toEqual({ ok: false, issues: [{ path: '', code: 'not_json' }] });
    expect(parseWorkingWeek([])).toEqual({
      ok: false,
      issues: [{ path: '', code: 'invalid_type' }],
    });
  });
});
