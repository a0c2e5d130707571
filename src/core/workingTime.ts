/**
 * Working time (docs/metrics.md, foresight: working time): the real seconds between two instants
 * whose wall clock, in the week's zone, reads a working minute of a working day.
 *
 * The count is split where the zone's UTC offset changes. Between two changes the wall clock is
 * the instant plus one fixed offset, so the working seconds there are those of a plain stretch of
 * wall-clock time, which a closed formula over whole weeks and a sorted holiday list gives. A
 * spring-forward hour is then never reached and a fall-back hour is read twice, as the definition
 * asks, and the cost is a few formula evaluations per offset change, whatever the span.
 */
import { offsetSeconds, parseCivilDate } from './calendar';
import type { WorkingWeek } from './workingWeek';

const DAY = 86400;
/** 1970-01-05, a Monday, in days since the epoch: weeks are counted from it. */
const MONDAY = 4;
/** Offsets are sampled this far apart; a zone never changes twice within it and back. */
const SAMPLE = 6 * 3600;

interface CompiledWeek {
  /** Working seconds of each weekday, Monday first (0 for a day off). */
  readonly perWeekday: readonly number[];
  /** Working seconds of the weekdays before each one, Monday first (a prefix sum). */
  readonly beforeWeekday: readonly number[];
  readonly perWeek: number;
  /** Working seconds of one working day. */
  readonly perDay: number;
  /** The working intervals of a day in seconds after midnight, ascending. */
  readonly intervals: readonly { readonly from: number; readonly to: number }[];
  /** Holidays that fall on a working weekday, as days since the epoch, ascending. */
  readonly holidayDays: readonly number[];
}

const compiled = new WeakMap<WorkingWeek, CompiledWeek>();

/**
 * Working seconds in `[from, to)` (epoch seconds); 0 when `to <= from`.
 *
 * @example
 * // Friday 17:00 to Monday 10:00 in Moscow, Mon–Fri 09:00–18:00: one hour Friday, one Monday.
 * workingSeconds(fri17, mon10, week) //=> 7200
 */
export function workingSeconds(from: number, to: number, week: WorkingWeek): number {
  if (!(to > from)) return 0;
  const c = compile(week);
  let total = 0;
  let start = from;
  let offset = offsetAt(from, week.timeZone);
  for (const change of offsetChanges(from, to, week.timeZone)) {
    total += wallWorking(c, start + offset, change.at + offset);
    start = change.at;
    offset = change.offset;
  }
  return total + wallWorking(c, start + offset, to + offset);
}

/** `workingSeconds` in hours, the unit every duration of the report is in. */
export function workingHours(from: number, to: number, week: WorkingWeek): number {
  return workingSeconds(from, to, week) / 3600;
}

function compile(week: WorkingWeek): CompiledWeek {
  const known = compiled.get(week);
  if (known) return known;
  const intervals = week.hours.map(h => ({ from: h.from * 60, to: h.to * 60 }));
  const perDay = intervals.reduce((s, h) => s + (h.to - h.from), 0);
  const perWeekday = [1, 2, 3, 4, 5, 6, 7].map(d => (week.days.includes(d) ? perDay : 0));
  const beforeWeekday: number[] = [];
  let acc = 0;
  for (const s of perWeekday) {
    beforeWeekday.push(acc);
    acc += s;
  }
  const holidayDays: number[] = [];
  for (const text of week.holidays) {
    const d = parseCivilDate(text);
    if (!d) continue;
    const day = Date.UTC(d.year, d.month - 1, d.day) / 1000 / DAY;
    if ((perWeekday[weekdayIndex(day)] ?? 0) > 0) holidayDays.push(day);
  }
  holidayDays.sort((a, b) => a - b);
  const c = { perWeekday, beforeWeekday, perWeek: acc, perDay, intervals, holidayDays };
  compiled.set(week, c);
  return c;
}

/** 0 = Monday … 6 = Sunday, for a day counted from the epoch (a Thursday). */
function weekdayIndex(day: number): number {
  return (((day - MONDAY) % 7) + 7) % 7;
}

/** Working seconds in a stretch of wall-clock time (seconds of a UTC-like civil time line). */
function wallWorking(c: CompiledWeek, wallFrom: number, wallTo: number): number {
  return wallTo > wallFrom ? cumulative(c, wallTo) - cumulative(c, wallFrom) : 0;
}

/** Working wall-clock seconds from Monday 1970-01-05 00:00 to `wall` (negative before it). */
function cumulative(c: CompiledWeek, wall: number): number {
  const day = Math.floor(wall / DAY);
  const weeks = Math.floor((day - MONDAY) / 7);
  const w = weekdayIndex(day);
  const holidaysBefore = lowerBound(c.holidayDays, day);
  const isHoliday = c.holidayDays[holidaysBefore] === day;
  let partial = 0;
  if ((c.perWeekday[w] ?? 0) > 0 && !isHoliday) {
    const s = wall - day * DAY;
    for (const h of c.intervals) partial += Math.max(0, Math.min(s, h.to) - h.from);
  }
  return weeks * c.perWeek + (c.beforeWeekday[w] ?? 0) - holidaysBefore * c.perDay + partial;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface OffsetChange {
  /** The first second with the new offset. */
  readonly at: number;
  readonly offset: number;
}

/** A UTC year of a zone: its offset when the year begins, and the changes after that. */
interface ZoneYear {
  readonly offset: number;
  readonly changes: readonly OffsetChange[];
}

/** Per zone and UTC year, found once: Intl is slow, and the changes are few. */
const zoneYears = new Map<string, ZoneYear>();

/** The zone's offset at `t`, from the year's changes (the same reading of Intl, cached). */
function offsetAt(t: number, timeZone: string): number {
  const year = zoneYear(timeZone, utcYear(t));
  let offset = year.offset;
  for (const change of year.changes) {
    if (change.at > t) break;
    offset = change.offset;
  }
  return offset;
}

/** The zone's offset changes strictly inside `(from, to)`, in time order. */
function offsetChanges(from: number, to: number, timeZone: string): OffsetChange[] {
  const out: OffsetChange[] = [];
  const last = utcYear(to);
  for (let year = utcYear(from); year <= last; year++) {
    for (const change of zoneYear(timeZone, year).changes)
      if (change.at > from && change.at < to) out.push(change);
  }
  return out;
}

function utcYear(epoch: number): number {
  return new Date(epoch * 1000).getUTCFullYear();
}

/** The offset at the year's start and its changes in `(start, start of next year]`, to the second. */
function zoneYear(timeZone: string, year: number): ZoneYear {
  const key = `${timeZone}|${year}`;
  const known = zoneYears.get(key);
  if (known) return known;
  const changes: OffsetChange[] = [];
  const end = Date.UTC(year + 1, 0, 1) / 1000;
  let t = Date.UTC(year, 0, 1) / 1000;
  const first = offsetSeconds(t, timeZone);
  let offset = first;
  while (t < end) {
    const next = Math.min(t + SAMPLE, end);
    const nextOffset = offsetSeconds(next, timeZone);
    // Two changes in one sample (a rare double change) are found one after the other.
    while (nextOffset !== offset) {
      const at = firstChange(t, next, offset, timeZone);
      offset = offsetSeconds(at, timeZone);
      changes.push({ at, offset });
      t = at;
    }
    t = next;
  }
  const zy = { offset: first, changes };
  zoneYears.set(key, zy);
  return zy;
}

/** The first second in `(lo, hi]` whose offset is not `offset` (there is one at `hi`). */
function firstChange(lo: number, hi: number, offset: number, timeZone: string): number {
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetSeconds(mid, timeZone) === offset) a = mid;
    else b = mid;
  }
  return b;
}
