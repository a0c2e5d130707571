/**
 * The working-week setting (docs/metrics.md, foresight: working time) and its parser. src/core
 * takes no zod (docs/architecture.md), so this is a hand-written check in the settings' style:
 * every problem is a code with the path of the bad value, and the UI and the CLI map codes to
 * words.
 */
import { isValidTimeZone, parseCivilDate } from './calendar';

/** Minutes after midnight, wall clock: `from` inclusive, `to` exclusive (1440 = midnight). */
export interface WorkingInterval {
  readonly from: number;
  readonly to: number;
}

export interface WorkingWeek {
  /** ISO weekdays, 1 = Monday … 7 = Sunday; ascending, each once. */
  readonly days: readonly number[];
  /** The same hours on every working day; ascending and not overlapping. */
  readonly hours: readonly WorkingInterval[];
  /** IANA zone whose wall clock the days, hours and holidays are read in. */
  readonly timeZone: string;
  /** `YYYY-MM-DD` dates with no working time; ascending, each once. */
  readonly holidays: readonly string[];
}

export const WORKING_WEEK_ISSUE_CODES = [
  'not_json',
  'invalid_type',
  'too_small',
  'out_of_range',
  'duplicate',
  'empty_interval',
  'overlap',
  'unknown_time_zone',
  'invalid_date',
] as const;
export type WorkingWeekIssueCode = (typeof WORKING_WEEK_ISSUE_CODES)[number];

export interface WorkingWeekIssue {
  /** Dotted path of the bad value (`hours.1.to`), '' for the whole value. */
  readonly path: string;
  readonly code: WorkingWeekIssueCode;
}

export type WorkingWeekResult =
  | { readonly ok: true; readonly week: WorkingWeek }
  | { readonly ok: false; readonly issues: readonly WorkingWeekIssue[] };

const MINUTES_PER_DAY = 1440;

/**
 * Parses a working week from a JSON string or an already-parsed value. Holidays are sorted and
 * listed once (a date given twice is harmless); anything else wrong is refused, every problem
 * reported, none silently repaired.
 *
 * @example
 * parseWorkingWeek({ days: [1, 2, 3, 4, 5], hours: [{ from: 540, to: 1080 }],
 *   timeZone: 'Europe/Moscow', holidays: ['2026-01-01'] }) //=> { ok: true, week: … }
 */
export function parseWorkingWeek(raw: unknown): WorkingWeekResult {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, issues: [{ path: '', code: 'not_json' }] };
    }
  }
  if (!isRecord(value)) return { ok: false, issues: [{ path: '', code: 'invalid_type' }] };
  const issues: WorkingWeekIssue[] = [];
  const days = readDays(value.days, issues);
  const hours = readHours(value.hours, issues);
  const timeZone = readTimeZone(value.timeZone, issues);
  const holidays = readHolidays(value.holidays, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, week: { days, hours, timeZone, holidays } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readDays(raw: unknown, issues: WorkingWeekIssue[]): number[] {
  if (!Array.isArray(raw)) return fail(issues, 'days', 'invalid_type', []);
  if (raw.length === 0) return fail(issues, 'days', 'too_small', []);
  const days: number[] = [];
  raw.forEach((d: unknown, k) => {
    if (typeof d !== 'number' || !Number.isInteger(d)) issues.push(at(`days.${k}`, 'invalid_type'));
    else if (d < 1 || d > 7) issues.push(at(`days.${k}`, 'out_of_range'));
    else if (days.includes(d)) issues.push(at(`days.${k}`, 'duplicate'));
    else days.push(d);
  });
  return days.sort((a, b) => a - b);
}

function readHours(raw: unknown, issues: WorkingWeekIssue[]): WorkingInterval[] {
  if (!Array.isArray(raw)) return fail(issues, 'hours', 'invalid_type', []);
  if (raw.length === 0) return fail(issues, 'hours', 'too_small', []);
  const read: { k: number; from: number; to: number }[] = [];
  raw.forEach((h: unknown, k) => {
    if (!isRecord(h)) return void issues.push(at(`hours.${k}`, 'invalid_type'));
    const from = readMinute(h.from, `hours.${k}.from`, issues);
    const to = readMinute(h.to, `hours.${k}.to`, issues);
    if (from === null || to === null) return;
    if (from >= to) issues.push(at(`hours.${k}`, 'empty_interval'));
    else read.push({ k, from, to });
  });
  read.sort((a, b) => a.from - b.from || a.k - b.k);
  // Overlaps would count a minute twice; the later-starting interval is the one named.
  read.forEach((h, j) => {
    const before = read[j - 1];
    if (before && h.from < before.to) issues.push(at(`hours.${h.k}`, 'overlap'));
  });
  return read.map(h => ({ from: h.from, to: h.to }));
}

function readMinute(raw: unknown, path: string, issues: WorkingWeekIssue[]): number | null {
  if (typeof raw !== 'number' || !Number.isInteger(raw))
    return fail(issues, path, 'invalid_type', null);
  if (raw < 0 || raw > MINUTES_PER_DAY) return fail(issues, path, 'out_of_range', null);
  return raw;
}

function readTimeZone(raw: unknown, issues: WorkingWeekIssue[]): string {
  if (typeof raw !== 'string' || raw === '') return fail(issues, 'timeZone', 'invalid_type', '');
  return isValidTimeZone(raw) ? raw : fail(issues, 'timeZone', 'unknown_time_zone', '');
}

function readHolidays(raw: unknown, issues: WorkingWeekIssue[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail(issues, 'holidays', 'invalid_type', []);
  const dates = new Set<string>();
  raw.forEach((d: unknown, k) => {
    if (typeof d !== 'string') issues.push(at(`holidays.${k}`, 'invalid_type'));
    else if (parseCivilDate(d) === null) issues.push(at(`holidays.${k}`, 'invalid_date'));
    else dates.add(d);
  });
  // YYYY-MM-DD sorts as text in date order.
  return [...dates].sort();
}

function at(path: string, code: WorkingWeekIssueCode): WorkingWeekIssue {
  return { path, code };
}

function fail<T>(
  issues: WorkingWeekIssue[],
  path: string,
  code: WorkingWeekIssueCode,
  value: T,
): T {
  issues.push(at(path, code));
  return value;
}
