import { isValidTimeZone, parseCivilDate, zonedToEpoch } from '../core';
import { CliError } from './errors';

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time argument: epoch seconds, an ISO-8601 timestamp, or `YYYY-MM-DD` meaning midnight in the
 * account's time zone. A timestamp without a zone is a wall time in the account's zone too:
 * Date.parse would read it in the machine's, and the same command would give other numbers on
 * another machine.
 */
export function parseTime(text: string, timeZone: string, option: string): number {
  if (/^\d{1,12}$/.test(text)) return Number(text);
  const date = parseCivilDate(text);
  if (date) return zonedToEpoch(date, timeZone);
  // Only full timestamps: Date.parse also accepts loose forms ("March 7") we do not want to guess at.
  const m = ISO.exec(text);
  const day = m ? parseCivilDate(m[1] ?? '') : null;
  if (m && day) {
    const [hour, minute, second] = [m[2], m[3], m[4] ?? '0'].map(Number) as [
      number,
      number,
      number,
    ];
    if (hour <= 23 && minute <= 59 && second <= 59) {
      if (m[6] === undefined) return zonedToEpoch(day, timeZone, hour, minute, second);
      const ms = Date.parse(text);
      if (!Number.isNaN(ms)) return Math.floor(ms / 1000);
    }
  }
  throw new CliError(
    `${option}: "${text}" is not a time. Use epoch seconds (1767225600), an ISO-8601 timestamp ` +
      `(2026-01-01T00:00:00Z; without a zone, the account's time zone) or a date (2026-01-01, ` +
      `midnight in ${timeZone}).`,
  );
}

export function checkTimeZone(timeZone: string, source: string): string {
  if (!isValidTimeZone(timeZone)) throw new CliError(`${source}: unknown time zone "${timeZone}".`);
  return timeZone;
}
