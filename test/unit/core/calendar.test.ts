import {
  addDays,
  addMonths,
  calendarBuckets,
  isValidTimeZone,
  offsetSeconds,
  parseCivilDate,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  zonedParts,
  zonedToEpoch,
} from '../../../src/core';

const utc = (y: number, m: number, d: number, h = 0, min = 0) =>
  Date.UTC(y, m - 1, d, h, min) / 1000;

describe('calendar in the account time zone', () => {
  it('finds midnight in Moscow (UTC+3, no DST)', () => {
    expect(zonedToEpoch({ year: 2026, month: 3, day: 1 }, 'Europe/Moscow')).toBe(
      utc(2026, 2, 28, 21),
    );
    expect(startOfDay(utc(2026, 3, 1, 20, 59), 'Europe/Moscow')).toBe(utc(2026, 2, 28, 21));
    expect(startOfDay(utc(2026, 3, 1, 21, 0), 'Europe/Moscow')).toBe(utc(2026, 3, 1, 21));
  });

  it('handles DST: Berlin midnight is 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(zonedToEpoch({ year: 2026, month: 1, day: 10 }, 'Europe/Berlin')).toBe(
      utc(2026, 1, 9, 23),
    );
    expect(zonedToEpoch({ year: 2026, month: 7, day: 10 }, 'Europe/Berlin')).toBe(
      utc(2026, 7, 9, 22),
    );
    expect(offsetSeconds(utc(2026, 7, 10), 'Europe/Berlin')).toBe(7200);
  });

  it('reads wall-clock parts with Monday = 1', () => {
    // 2026-11-26 is a Thursday.
    expect(zonedParts(utc(2026, 11, 26, 12), 'Asia/Vladivostok')).toMatchObject({
      day: 26,
      hour: 22,
      weekday: 4,
    });
  });

  it('starts weeks on Monday, months on the 1st and quarters on Jan/Apr/Jul/Oct 1st', () => {
    const thu = utc(2026, 11, 26, 12);
    expect(startOfWeek(thu, 'UTC')).toBe(utc(2026, 11, 23));
    expect(startOfMonth(thu, 'UTC')).toBe(utc(2026, 11, 1));
    expect(startOfQuarter(thu, 'UTC')).toBe(utc(2026, 10, 1));
    expect(startOfWeek(utc(2026, 11, 29, 23), 'UTC')).toBe(utc(2026, 11, 23));
  });

  it('does civil date arithmetic across month and year ends', () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({
      year: 2027,
      month: 1,
      day: 2,
    });
    expect(addMonths({ year: 2026, month: 11, day: 1 }, 3)).toEqual({
      year: 2027,
      month: 2,
      day: 1,
    });
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseCivilDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseCivilDate('2026-02-30')).toBeNull();
    expect(parseCivilDate('2026-2-3')).toBeNull();
    expect(parseCivilDate('yesterday')).toBeNull();
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('splits a period into clipped calendar buckets', () => {
    const weeks = calendarBuckets({ from: utc(2026, 11, 4), to: utc(2026, 11, 20) }, 'week', 'UTC');
    expect(weeks).toEqual([
      { from: utc(2026, 11, 4), to: utc(2026, 11, 9) },
      { from: utc(2026, 11, 9), to: utc(2026, 11, 16) },
      { from: utc(2026, 11, 16), to: utc(2026, 11, 20) },
    ]);
    const months = calendarBuckets(
      {
        from: zonedToEpoch({ year: 2026, month: 1, day: 1 }, 'Europe/Moscow'),
        to: zonedToEpoch({ year: 2026, month: 4, day: 1 }, 'Europe/Moscow'),
      },
      'month',
      'Europe/Moscow',
    );
    expect(months.map(m => zonedParts(m.from, 'Europe/Moscow').month)).toEqual([1, 2, 3]);
    expect(calendarBuckets({ from: 10, to: 10 }, 'month', 'UTC')).toEqual([]);
  });
});
