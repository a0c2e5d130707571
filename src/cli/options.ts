/**
 * Numeric options, read strictly. `Number()` takes "0x10" as 16, "1e308" as a number no day count
 * can mean and 400 digits as Infinity; each is refused here, naming the option and the value, so
 * no typo turns into a different report.
 */
import { CliError } from './errors';

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
/** A hundred years: more than any stage's stay or history an account can have. */
export const MAX_DAYS = 36_500;

function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** An id (pipeline, stage): a positive whole number that is exact in a double. */
export function positiveId(text: string, option: string): number {
  const n = Number(text);
  if (!WHOLE.test(text) || !Number.isSafeInteger(n) || n <= 0)
    throw new CliError(
      `${option}: expected a positive whole number (an id), got "${shown(text)}".`,
    );
  return n;
}

/** A count: a whole number ≥ 0 that is exact in a double. */
export function wholeCount(text: string, option: string): number {
  const n = Number(text);
  if (!WHOLE.test(text) || !Number.isSafeInteger(n))
    throw new CliError(`${option}: expected a whole number ≥ 0, got "${shown(text)}".`);
  return n;
}

/** Days: a plain decimal number above 0 and at most MAX_DAYS (7, 2.5). */
export function positiveDays(text: string, option: string): number {
  const n = Number(text);
  if (!DECIMAL.test(text) || !(n > 0) || n > MAX_DAYS)
    throw new CliError(
      `${option}: expected a number of days above 0 and at most ${MAX_DAYS} (e.g. 7 or 2.5), got "${shown(text)}".`,
    );
  return n;
}
