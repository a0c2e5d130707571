/**
 * Numbers, percents, money and dates for people, in the user's language and the ACCOUNT's time
 * zone (a manager in Vladivostok looking at a Moscow account sees Moscow dates, like amoCRM).
 * Rounding happens only here; the engine's numbers are exact.
 */
import type { Lang } from '../i18n';

export interface Formatters {
  readonly lang: Lang;
  int(value: number): string;
  /** A fraction in [0, 1] as a percent; '—' for null (no denominator). */
  percent(value: number | null): string;
  /** Percentage points between two fractions, signed: '+4,2 п.п.'. */
  points(delta: number | null): string;
  /** Hours as days, one decimal: '2,5 дн.'. */
  days(hours: number | null): string;
  /** A waiting time in its own unit: '40 мин', '2,5 ч', '3,1 дн.' (hours in). */
  hours(hours: number | null): string;
  money(value: number): string;
  /** An estimate's money to two significant digits, '≈'-worthy: '8,7 млн ₽' (not '8 693 018 ₽'). */
  moneyRough(value: number): string;
  /**
   * An exact amount where it fits a narrow box, else its compact form to three significant digits
   * ('Rp 155 jt' for Rp 155.300.000): `compact` says which was given.
   */
  moneyFit(value: number, maxChars: number): { readonly text: string; readonly compact: boolean };
  date(epoch: number): string;
  dateTime(epoch: number): string;
  /** '3 мин назад' from two millisecond instants. */
  ago(thenMs: number, nowMs: number): string;
  /** A short span: '40 с', '3 мин', '2 ч' (seconds in). */
  duration(seconds: number): string;
}

/** The region each language's numbers and dates are written in: Kommo's markets for es and pt. */
export const LOCALES: Readonly<Record<Lang, string>> = {
  ru: 'ru-RU',
  en: 'en-US',
  es: 'es-419',
  pt: 'pt-BR',
  tr: 'tr-TR',
  id: 'id-ID',
};

/**
 * Short units as each language abbreviates them beside a number. Intl's unit formats spell days
 * out ("3,1 días") or vary across engines, and these labels sit in narrow table columns.
 */
const UNITS: Readonly<Record<Lang, { day: string; hour: string; minute: string; point: string }>> =
  {
    ru: { day: 'дн.', hour: 'ч', minute: 'мин', point: 'п.п.' },
    en: { day: 'd', hour: 'h', minute: 'min', point: 'pp' },
    es: { day: 'd', hour: 'h', minute: 'min', point: 'p. p.' },
    pt: { day: 'd', hour: 'h', minute: 'min', point: 'p.p.' },
    tr: { day: 'gün', hour: 'sa', minute: 'dk', point: 'puan' },
    id: { day: 'hr', hour: 'jam', minute: 'mnt', point: 'poin' },
  };

/** A value made on first use: an Intl formatter costs about a millisecond to build. */
function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * The formatters of one language, time zone and currency. Each Intl object is built the first
 * time it is needed: the panel's first draw uses a few of them, and building all of them up front
 * cost the page a noticeable part of that draw.
 */
export function createFormatters(
  lang: Lang,
  timeZone: string,
  currency: string | null,
): Formatters {
  const locale = LOCALES[lang];
  const number = (options: Intl.NumberFormatOptions) =>
    lazy(() => new Intl.NumberFormat(locale, options));
  const int = number({ maximumFractionDigits: 0 });
  const pct = number({ style: 'percent', maximumFractionDigits: 1 });
  const one = number({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = number({ maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  // The symbol as the host writes it ("76 400 ₽", "₽76,400"), not the ISO code English would
  // otherwise show for a currency of another region ("RUB 76,400").
  const inCurrency = currency
    ? { style: 'currency' as const, currency, currencyDisplay: 'narrowSymbol' as const }
    : {};
  const money = currency ? number({ ...inCurrency, maximumFractionDigits: 0 }) : int;
  const short = number({ ...inCurrency, notation: 'compact', maximumSignificantDigits: 3 });
  const rough = number({
    ...inCurrency,
    notation: 'compact',
    maximumSignificantDigits: 2,
  });
  const date = lazy(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  );
  const dateTime = lazy(
    () => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
  );
  const rel = lazy(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const unit = (u: 'second' | 'minute' | 'hour') =>
    number({ style: 'unit', unit: u, unitDisplay: 'short' });
  const spans = { second: unit('second'), minute: unit('minute'), hour: unit('hour') };
  const { day: dayUnit, hour: hourUnit, minute: minuteUnit, point: pointUnit } = UNITS[lang];
  return {
    lang,
    int: v => int().format(v),
    percent: v => (v === null ? '—' : pct().format(v)),
    points: d => (d === null ? '—' : `${signed().format(d * 100)} ${pointUnit}`),
    days: h => (h === null ? '—' : `${one().format(h / 24)} ${dayUnit}`),
    hours: h => {
      if (h === null) return '—';
      if (h < 1) return `${int().format(Math.round(h * 60))} ${minuteUnit}`;
      return h < 48 ? `${one().format(h)} ${hourUnit}` : `${one().format(h / 24)} ${dayUnit}`;
    },
    money: v => money().format(v),
    moneyRough: v => rough().format(v),
    moneyFit: (v, maxChars) => {
      const exact = money().format(v);
      return exact.length <= maxChars
        ? { text: exact, compact: false }
        : { text: short().format(v), compact: true };
    },
    date: e => date().format(new Date(e * 1000)),
    dateTime: e => dateTime().format(new Date(e * 1000)),
    duration: seconds => {
      if (seconds < 90) return spans.second().format(Math.max(1, Math.round(seconds)));
      if (seconds < 90 * 60) return spans.minute().format(Math.round(seconds / 60));
      return spans.hour().format(Math.round(seconds / 3600));
    },
    ago: (then, now) => {
      const minutes = Math.round((then - now) / 60_000);
      if (Math.abs(minutes) < 1) return rel().format(0, 'second');
      if (Math.abs(minutes) < 60) return rel().format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      return Math.abs(hours) < 24
        ? rel().format(hours, 'hour')
        : rel().format(Math.round(hours / 24), 'day');
    },
  };
}
