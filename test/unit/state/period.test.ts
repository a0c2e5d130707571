import { resolvePeriod } from '../../../src/state/period';
import { PERIOD_PRESETS } from '../../../src/state/settings';

const DAY = 86_400;
/** Thursday 2026-11-26 09:00 UTC: 12:00 in Moscow (UTC+3), 10:00 in Berlin (CET, UTC+1). */
const NOW = Date.UTC(2026, 10, 26, 9) / 1000;
const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) / 1000;

describe('resolvePeriod: presets end now', () => {
  it.each(['Europe/Moscow', 'Europe/Berlin'])(
    'last_30 and last_90 are days back from now (%s)',
    zone => {
      expect(resolvePeriod({ kind: 'last_30' }, NOW, zone)).toEqual({
        from: NOW - 30 * DAY,
        to: NOW,
      });
      expect(resolvePeriod({ kind: 'last_90' }, NOW, zone)).toEqual({
        from: NOW - 90 * DAY,
        to: NOW,
      });
    },
  );

  it('this_month starts at the first midnight of the month in the account’s zone', () => {
    expect(resolvePeriod({ kind: 'this_month' }, NOW, 'Europe/Moscow')).toEqual({
      from: utc(2026, 10, 31, 21),
      to: NOW,
    });
    expect(resolvePeriod({ kind: 'this_month' }, NOW, 'Europe/Berlin')).toEqual({
      from: utc(2026, 10, 31, 23),
      to: NOW,
    });
  });

  it('quarter starts on the quarter’s first midnight, in the offset of that day', () => {
    expect(resolvePeriod({ kind: 'quarter' }, NOW, 'Europe/Moscow')).toEqual({
      from: utc(2026, 9, 30, 21),
      to: NOW,
    });
    // 1 October is still summer time in Berlin (UTC+2), though now is winter time.
    expect(resolvePeriod({ kind: 'quarter' }, NOW, 'Europe/Berlin')).toEqual({
      from: utc(2026, 9, 30, 22),
      to: NOW,
    });
  });

  it('the month is the zone’s: just after midnight in Moscow is still last month in UTC', () => {
    const earlyFirst = utc(2026, 10, 31, 22); // 1 November 01:00 in Moscow
    expect(resolvePeriod({ kind: 'this_month' }, earlyFirst, 'Europe/Moscow').from).toBe(
      utc(2026, 10, 31, 21),
    );
    expect(resolvePeriod({ kind: 'this_month' }, earlyFirst, 'UTC').from).toBe(utc(2026, 10, 1));
  });

  it('every preset ends at now and starts before it', () => {
    for (const kind of PERIOD_PRESETS) {
      const p = resolvePeriod({ kind }, NOW, 'Europe/Moscow');
      expect(p.to).toBe(NOW);
      expect(p.from).toBeLessThan(NOW);
    }
  });
});

describe('resolvePeriod: a custom range', () => {
  const range = (from: [number, number, number], to: [number, number, number]) =>
    ({
      kind: 'custom',
      from: { year: from[0], month: from[1], day: from[2] },
      to: { year: to[0], month: to[1], day: to[2] },
    }) as const;

  it('runs from midnight of its first day to midnight after its last, in Moscow', () => {
    expect(resolvePeriod(range([2026, 11, 20], [2026, 11, 25]), NOW, 'Europe/Moscow')).toEqual({
      from: utc(2026, 11, 19, 21),
      to: utc(2026, 11, 25, 21),
    });
  });

  it('counts the real length of days across a DST change (Berlin, 25 October 2026)', () => {
    const weekend = range([2026, 10, 24], [2026, 10, 25]);
    const berlin = resolvePeriod(weekend, NOW, 'Europe/Berlin');
    expect(berlin).toEqual({ from: utc(2026, 10, 23, 22), to: utc(2026, 10, 25, 23) });
    expect(berlin.to - berlin.from).toBe(49 * 3600);
    const moscow = resolvePeriod(weekend, NOW, 'Europe/Moscow');
    expect(moscow.to - moscow.from).toBe(48 * 3600);
  });

  it('one day is one day, and does not depend on now', () => {
    const day = range([2026, 3, 1], [2026, 3, 1]);
    expect(resolvePeriod(day, NOW, 'Europe/Moscow')).toEqual({
      from: utc(2026, 2, 28, 21),
      to: utc(2026, 3, 1, 21),
    });
    expect(resolvePeriod(day, NOW + 90 * DAY, 'Europe/Moscow')).toEqual(
      resolvePeriod(day, NOW, 'Europe/Moscow'),
    );
  });

  it('never yields an empty or reversed window', () => {
    const reversed = resolvePeriod(range([2026, 11, 20], [2026, 11, 1]), NOW, 'Europe/Moscow');
    expect(reversed).toEqual({ from: utc(2026, 11, 19, 21), to: utc(2026, 11, 19, 21) + 1 });
  });
});
