/**
 * Calendar arithmetic in an IANA time zone over epoch seconds. Periods such as "this month" or a
 * CLI date `2026-03-01` mean midnight in the ACCOUNT's zone, not the machine's, so nothing here
 * reads the process time zone. Intl is part of ECMAScript, so this stays DOM-free.
 */
import type { Period } from './types';

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

export interface CivilDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 1 = Monday … 7 = Sunday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, number>> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time at `epoch` in `timeZone`. */
export function zonedParts(epoch: number, timeZone: string): CivilDateTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epoch * 1000)))
    parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** Seconds east of UTC that `timeZone` is at the instant `epoch`. */
export function offsetSeconds(epoch: number, timeZone: string): number {
  const p = zonedParts(Math.floor(epoch), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000;
  return asUtc - Math.floor(epoch);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given date and time. Two passes
 * settle the offset across DST changes; a wall time skipped by DST resolves to the later offset.
 */
export function zonedToEpoch(
  d: CivilDate,
  timeZone: string,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const wall = Date.UTC(d.year, d.month - 1, d.day, hour, minute, second) / 1000;
  let epoch = wall - offsetSeconds(wall, timeZone);
  epoch = wall - offsetSeconds(epoch, timeZone);
  return epoch;
}

/** Civil date arithmetic without time zones (month overflow normalised by Date.UTC). */
export function addDays(d: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(d: CivilDate, months: number): CivilDate {
  const t = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: d.day };
}

export function startOfDay(epoch: number, timeZone: string): number {
  return zonedToEpoch(zonedParts(epoch, timeZone), timeZone);
}

/** Weeks start on Monday, as in Russian and ISO calendars. */
export function startOfWeek(epoch: number, timeZone: string): number {
  const p = zonedParts(epoch, timeZone);
  return zonedToEpoch(addDays(p, 1 - p.weekday), timeZone);
}

export function startOfMonth(epoch: number, timeZone: string): number {
  const p = zonedParts(epoch, timeZone);
  return zonedToEpoch({ year: p.year, month: p.month, day: 1 }, timeZone);
}

export function startOfQuarter(epoch: number, timeZone: string): number {
  const p = zonedParts(epoch, timeZone);
  return zonedToEpoch({ year: p.year, month: p.month - ((p.month - 1) % 3), day: 1 }, timeZone);
}

/** Parses `YYYY-MM-DD` strictly (real calendar dates only). */
export function parseCivilDate(text: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = addDays(d, 0);
  return back.year === d.year && back.month === d.month && back.day === d.day ? d : null;
}

/**
 * Consecutive calendar weeks or months covering `period`, clipped to it; the first and last
 * buckets may be partial.
 *
 * @example
 * calendarBuckets({ from, to }, 'month', 'Europe/Moscow') //=> [{from, to: 1 Apr}, {from: 1 Apr, to}, …]
 */
export function calendarBuckets(
  period: Period,
  granularity: 'week' | 'month',
  timeZone: string,
): Period[] {
  const buckets: Period[] = [];
  let start = period.from;
  let anchor: CivilDate =
    granularity === 'week'
      ? zonedParts(startOfWeek(period.from, timeZone), timeZone)
      : zonedParts(startOfMonth(period.from, timeZone), timeZone);
  while (start < period.to) {
    anchor = granularity === 'week' ? addDays(anchor, 7) : addMonths({ ...anchor, day: 1 }, 1);
    const next = Math.min(zonedToEpoch(anchor, timeZone), period.to);
    if (next > start) buckets.push({ from: start, to: next });
    start = next;
  }
  return buckets;
}
