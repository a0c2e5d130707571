import type { CivilDate, Period } from '../core';
import { addDays, startOfMonth, startOfQuarter, zonedToEpoch } from '../core';
import type { PeriodPreset } from './settings';

/** The period picker's choice: a preset relative to now, or two calendar dates (inclusive). */
export type PeriodChoice =
  | { readonly kind: PeriodPreset }
  | { readonly kind: 'custom'; readonly from: CivilDate; readonly to: CivilDate };

const DAY = 86_400;

/**
 * The window a choice means at `now` in the account's zone. Presets end at `now` (deals cannot be
 * created in the future); a custom range runs from midnight of its first day to midnight after
 * its last day.
 */
export function resolvePeriod(choice: PeriodChoice, now: number, timeZone: string): Period {
  switch (choice.kind) {
    case 'last_30':
      return { from: now - 30 * DAY, to: now };
    case 'last_90':
      return { from: now - 90 * DAY, to: now };
    case 'this_month':
      return { from: startOfMonth(now, timeZone), to: now };
    case 'quarter':
      return { from: startOfQuarter(now, timeZone), to: now };
    case 'custom': {
      const from = zonedToEpoch(choice.from, timeZone);
      const to = zonedToEpoch(addDays(choice.to, 1), timeZone);
      return { from, to: Math.max(to, from + 1) };
    }
  }
}
