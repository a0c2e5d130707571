/**
 * Durations in working hours (issue 13, docs/metrics.md F.1, F.4), always in hours: a "day" of
 * working time would read as a calendar day. The report carries them only while the user's
 * «Рабочее время» switch is on, so their presence is what the components show them by.
 */
import type { Translate } from '../../i18n';
import type { Formatters } from '../format';
import { LOCALES } from '../format';

const numbers = new Map<string, Intl.NumberFormat>();

/** '12,5 раб. ч'; '—' for null (no sample), as `fmt.days` says it. */
export function workingText(t: Translate, fmt: Formatters, hours: number | null): string {
  if (hours === null) return '—';
  const locale = LOCALES[fmt.lang];
  let f = numbers.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numbers.set(locale, f);
  }
  return t('fl.working.hours', { value: f.format(hours) });
}
