/**
 * The working week as the settings form holds it (issue 13, docs/metrics.md F.1): hours as typed
 * `HH:MM` text and holidays as typed lines, so a bad entry can be shown and named before the
 * engine's parser (through the settings schema) judges the whole week.
 */
import type { WorkingInterval, WorkingWeek } from '../../core';
import type { I18nKey } from '../../i18n';

export interface WorkingWeekDraft {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly days: readonly number[];
  /** `HH:MM`; an end before the start is a shift across midnight, `24:00` is midnight. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  /** One `YYYY-MM-DD` a line; blank lines are ignored. */
  readonly holidays: string;
}

const MINUTES_PER_DAY = 1440;

/** What an admin who switches the working week on starts from: Mon–Fri, 09:00–18:00. */
export function defaultWorkingDraft(timeZone: string): WorkingWeekDraft {
  return { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone, holidays: '' };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The form's view of a saved week. The form edits one working stretch a day: one interval, or a
 * night shift saved as the two intervals `[start, 24:00)` and `[00:00, end)`. A week saved with
 * other intervals (by hand, through the CLI's file format) is shown as its first start to its
 * last end.
 */
export function workingDraftOf(week: WorkingWeek): WorkingWeekDraft {
  const [first, second] = week.hours;
  const last = week.hours[week.hours.length - 1];
  const night =
    week.hours.length === 2 && first?.from === 0 && second?.to === MINUTES_PER_DAY
      ? { start: second.from, end: first.to }
      : null;
  return {
    days: week.days,
    start: hhmm(night?.start ?? first?.from ?? 0),
    end: hhmm(night?.end ?? last?.to ?? MINUTES_PER_DAY),
    timeZone: week.timeZone,
    holidays: week.holidays.join('\n'),
  };
}

/** Minutes after midnight of `HH:MM` (`24:00` allowed), or null. */
export function minutesOf(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** Each non-blank holiday line with its 1-based line number, in the order typed. */
export function holidayLines(text: string): { readonly line: number; readonly value: string }[] {
  return text
    .split('\n')
    .map((raw, k) => ({ line: k + 1, value: raw.trim() }))
    .filter(h => h.value !== '');
}

/**
 * The value the schema checks, or the paths (under `workingWeek`) of times that are not `HH:MM`
 * or give an empty day; those never reach the schema.
 */
export function workingCandidate(
  draft: WorkingWeekDraft,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly errors: ReadonlyMap<string, I18nKey> } {
  const start = minutesOf(draft.start);
  const end = minutesOf(draft.end);
  const errors = new Map<string, I18nKey>();
  if (start === null) errors.set('workingWeek.start', 'fl.working.error.time');
  if (end === null) errors.set('workingWeek.end', 'fl.working.error.time');
  if (start === null || end === null) return { ok: false, errors };
  // "00:00" as the end is the end of the day; an end before the start goes past midnight.
  const to = end === 0 ? MINUTES_PER_DAY : end;
  if (start === to || (start === MINUTES_PER_DAY && to === MINUTES_PER_DAY)) {
    errors.set('workingWeek.end', 'fl.working.error.sameTime');
    return { ok: false, errors };
  }
  const hours: WorkingInterval[] =
    start < to
      ? [{ from: start, to }]
      : [
          { from: 0, to },
          { from: start, to: MINUTES_PER_DAY },
        ];
  return {
    ok: true,
    value: {
      days: draft.days,
      hours,
      timeZone: draft.timeZone.trim(),
      holidays: holidayLines(draft.holidays).map(h => h.value),
    },
  };
}

/** The form's field for an engine issue under `workingWeek` (`workingWeek.holidays.3` stays). */
export function workingErrorOf(path: string, code: string): [string, I18nKey] {
  const [, list] = path.split('.');
  if (list === 'days') return ['workingWeek.days', 'fl.working.error.days'];
  if (list === 'timeZone') return ['workingWeek.timeZone', 'fl.working.error.timeZone'];
  if (list === 'holidays') return [path, 'fl.working.error.holiday'];
  if (list === 'hours')
    return [
      'workingWeek.end',
      code === 'empty_interval' ? 'fl.working.error.sameTime' : 'fl.working.error.time',
    ];
  return ['workingWeek', 'fl.working.error.invalid'];
}
