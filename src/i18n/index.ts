/**
 * Typed lookup over the widget's locale files (i18n/ru.json, i18n/en.json). In amoCRM the host
 * loads the file for the user's language and hands it to the widget (`self.langs`), so at runtime
 * the messages are `unknown` data; the key type comes from ru.json at compile time only.
 */
import type ru from '../../i18n/ru.json';

export type Lang = 'ru' | 'en';
type Messages = typeof ru;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends { other: string }
      ? never
      : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type PluralLeaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : T[K] extends { other: string }
      ? `${P}${K}`
      : PluralLeaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of a plain message, e.g. `fl.panel.title`. */
export type I18nKey = Leaves<Messages>;
/** A key of a message with plural forms (`one`, `few`, `many`, `other`). */
export type PluralKey = PluralLeaves<Messages>;
export type Vars = Readonly<Record<string, string | number>>;

export interface Translate {
  (key: I18nKey, vars?: Vars): string;
  plural(key: PluralKey, count: number, vars?: Vars): string;
  readonly lang: Lang;
}

/** The value at a dotted key (`fl.panel.title`) of a messages tree, or undefined. */
export function lookup(messages: unknown, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function fill(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * A translator over `messages` (the host's locale object). A missing key shows the key itself, so
 * a gap is visible rather than an empty label.
 */
export function createTranslate(messages: unknown, lang: Lang): Translate {
  const rules = new Intl.PluralRules(lang);
  const t = (key: I18nKey, vars?: Vars): string => {
    const text = lookup(messages, key);
    return typeof text === 'string' ? fill(text, vars) : key;
  };
  const plural = (key: PluralKey, count: number, vars?: Vars): string => {
    const forms = lookup(messages, key);
    if (typeof forms !== 'object' || forms === null) return key;
    const f = forms as Record<string, unknown>;
    const text = f[rules.select(count)] ?? f.other;
    return typeof text === 'string' ? fill(text, { count, ...vars }) : key;
  };
  return Object.assign(t, { plural, lang });
}

/** amoCRM's `lang_id` is a free string ('ru', 'en', 'es', 'pt'…); we speak Russian and English. */
export function toLang(langId: unknown): Lang {
  return langId === 'ru' ? 'ru' : 'en';
}
