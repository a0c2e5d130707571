import { isValidTimeZone, parseCivilDate, zonedToEpoch } from '../core';
import { CliError } from './errors';

/**
 * A time argument: epoch seconds, an ISO-8601 timestamp, or `YYYY-MM-DD` meaning midnight in the
 * account's time zone.
 */
export function parseTime(text: string, timeZone: string, option: string): number {
  if (/^\d{1,12}$/.test(text)) return Number(text);
  const date = parseCivilDate(text);
  if (date) return zonedToEpoch(date, timeZone);
  // Only full timestamps: Date.parse also accepts loose forms ("March 7") we do not want to guess at.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return Math.floor(ms / 1000);
  }
  throw new CliError(
    `${option}: "${text}" is not a time. Use epoch seconds (1767225600), an ISO-8601 timestamp ` +
      `(2026-01-01T00:00:00Z) or a date (2026-01-01, midnight in ${timeZone}).`,
  );
}

export function checkTimeZone(timeZone: string, source: string): string {
  if (!isValidTimeZone(timeZone)) throw new CliError(`${source}: unknown time zone "${timeZone}".`);
  return timeZone;
}
