import type { CivilDate } from '../../core';
import { parseCivilDate, zonedParts } from '../../core';
import type { I18nKey } from '../../i18n';
import type { PeriodChoice } from '../../state';
import { resolvePeriod } from '../../state';

/** What two date inputs hold: `YYYY-MM-DD` strings, '' when empty. */
export interface DateDraft {
  readonly from: string;
  readonly to: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function civilToInput(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** The calendar days a choice covers at `now` in the account's zone, for the date inputs. */
export function draftOf(choice: PeriodChoice, now: number, timeZone: string): DateDraft {
  if (choice.kind === 'custom') {
    return { from: civilToInput(choice.from), to: civilToInput(choice.to) };
  }
  const period = resolvePeriod(choice, now, timeZone);
  // `to` is exclusive: the last covered day is the one holding the second before it.
  return {
    from: civilToInput(zonedParts(period.from, timeZone)),
    to: civilToInput(zonedParts(Math.max(period.from, period.to - 1), timeZone)),
  };
}

/**
 * A custom range from the inputs, or the reason it is refused. Inputs are compared as strings:
 * zero-padded ISO dates sort like the days they name.
 */
export function checkDraft(
  draft: DateDraft,
  now: number,
  timeZone: string,
): { ok: true; choice: PeriodChoice } | { ok: false; error: I18nKey } {
  const from = parseCivilDate(draft.from);
  const to = parseCivilDate(draft.to);
  if (!from || !to) return { ok: false, error: 'fl.common.period.errorMissing' };
  if (draft.from > draft.to) return { ok: false, error: 'fl.common.period.errorOrder' };
  if (draft.from > civilToInput(zonedParts(now, timeZone))) {
    return { ok: false, error: 'fl.common.period.errorFuture' };
  }
  return { ok: true, choice: { kind: 'custom', from, to } };
}
