/**
 * What a number in an amoCRM body may be, beyond "a finite number". Each rule answers with the
 * issue's message, or null when the value is fine; the zod schemas (./common) and the hand-written
 * page readers (../pages) both ask these, so either path refuses the same values in the same words.
 *
 * The messages quote the number: unlike a name or a phone, an id, a time or a budget is not
 * personal data, and the reader of the error needs it to find the value in the file.
 */

/**
 * Times are epoch seconds from 2000-01-01 (inclusive) to 2100-01-01 (exclusive). amoCRM opened in
 * 2009, and an import may date deals a little earlier, but nothing in a CRM happened before 2000;
 * a smaller number is a unit or field mix-up (days, a count, a zero), not a moment. The upper
 * bound is fixed rather than "now + a few years" so that a body reads the same on any day and any
 * machine clock, and it stays inside the cache's unsigned 32-bit times (until 2106-02-07).
 * Any millisecond timestamp after 1970-02-17 lies above it, so one is never read as a far future.
 */
export const MIN_EPOCH_SECONDS = 946_684_800;
export const MAX_EPOCH_SECONDS = 4_102_444_800;

/**
 * A budget is a non-negative amount (amoCRM types `price` as an int "budget"; its form takes no
 * sign) no larger than the largest safe integer. The cap keeps every sum the report makes finite:
 * a million such prices add up to about 9e21, far from overflowing to Infinity (which JSON prints
 * as null). Fractions are accepted: nothing downstream needs whole units.
 */
export const MAX_PRICE = Number.MAX_SAFE_INTEGER;

/** An entity's own id, or a pipeline, status, lead or account it points at: 1 … 2^53 − 1. */
export function idIssue(value: number): string | null {
  return Number.isSafeInteger(value) && value > 0
    ? null
    : `expected a positive integer id, got ${String(value)}`;
}

/**
 * A user or group a lead or user points at, where amoCRM uses 0 itself: group 0 is the account's
 * default group (the account example), and metrics.md keeps a responsible user 0 as user 0.
 */
export function refIssue(value: number): string | null {
  return Number.isSafeInteger(value) && value >= 0
    ? null
    : `expected a non-negative integer id, got ${String(value)}`;
}

export function timeIssue(value: number): string | null {
  if (Number.isInteger(value) && value >= MIN_EPOCH_SECONDS && value < MAX_EPOCH_SECONDS) {
    return null;
  }
  if (
    Number.isInteger(value) &&
    value >= MIN_EPOCH_SECONDS * 1000 &&
    value < MAX_EPOCH_SECONDS * 1000
  ) {
    return `${String(value)} looks like milliseconds (expected epoch seconds)`;
  }
  return `expected whole epoch seconds from 2000-01-01 to 2100-01-01, got ${String(value)}`;
}

export function priceIssue(value: number): string | null {
  return value >= 0 && value <= MAX_PRICE
    ? null
    : `expected a price from 0 to ${String(MAX_PRICE)}, got ${String(value)}`;
}
