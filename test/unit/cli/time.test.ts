import { parseTime } from '../../../src/cli/time';

describe('parseTime', () => {
  it('reads a zone-less ISO time as a wall time in the given zone, not the machine one', () => {
    // 2026-03-01 10:30 in Moscow (UTC+3) and in Vladivostok (UTC+10).
    expect(parseTime('2026-03-01T10:30', 'Europe/Moscow', '--from')).toBe(
      Date.UTC(2026, 2, 1, 7, 30) / 1000,
    );
    expect(parseTime('2026-03-01T10:30:15', 'Asia/Vladivostok', '--from')).toBe(
      Date.UTC(2026, 2, 1, 0, 30, 15) / 1000,
    );
  });

  it('gives the same instant whatever zone the process runs in', () => {
    const saved = process.env.TZ;
    const seen = new Set<number>();
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        seen.add(parseTime('2026-07-01T00:00:00', 'Europe/Berlin', '--to'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect([...seen]).toEqual([Date.UTC(2026, 5, 30, 22) / 1000]);
  });

  it('keeps an explicit zone or Z as written', () => {
    expect(parseTime('2026-03-01T10:30:00Z', 'Asia/Tokyo', '--now')).toBe(
      Date.UTC(2026, 2, 1, 10, 30) / 1000,
    );
    expect(parseTime('2026-03-01T10:30:00+05:00', 'Asia/Tokyo', '--now')).toBe(
      Date.UTC(2026, 2, 1, 5, 30) / 1000,
    );
  });

  it('refuses impossible wall times', () => {
    expect(() => parseTime('2026-02-30T10:00', 'UTC', '--from')).toThrow('is not a time');
    expect(() => parseTime('2026-03-01T24:00', 'UTC', '--from')).toThrow('is not a time');
  });
});
