/**
 * Typed lookup over the widget's locale files (i18n/*.json, one per language). In amoCRM and
 * Kommo the host loads the file for the user's language and hands it to the widget
 * (`self.langs`), so at runtime the messages are `unknown` data; the key type comes from ru.json
 * at compile time only.
 */
import type ru from '../../i18n/ru.json';

/**
 * The languages the widget ships: amoCRM's (ru, en, es, pt) and Kommo's (en, es, pt, tr, id).
 * The manifest's `locale` lists the same (scripts/widget-checks.ts holds them to it).
 */
export const LANGS = ['ru', 'en', 'es', 'pt', 'tr', 'id'] as const;
export type Lang = (typeof LANGS)[number];

/** The CRM the account is on: the texts name it through `{platform}`. */
export type Platform = 'amoCRM' | 'Kommo';
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
 * a gap is visible rather than an empty label. `{platform}` in any text names the account's CRM.
 */
export function createTranslate(
  messages: unknown,
  lang: Lang,
  platform: Platform = 'amoCRM',
): Translate {
  const rules = new Intl.PluralRules(lang);
  const t = (key: I18nKey, vars?: Vars): string => {
    const text = lookup(messages, key);
    return typeof text === 'string' ? fill(text, { platform, ...vars }) : key;
  };
  const plural = (key: PluralKey, count: number, vars?: Vars): string => {
    const forms = lookup(messages, key);
    if (typeof forms !== 'object' || forms === null) return key;
    const f = forms as Record<string, unknown>;
    // Each file holds one/few/many/other (Russian needs all four); a language's rules pick theirs.
    const text = f[rules.select(count)] ?? f.other;
    return typeof text === 'string' ? fill(text, { platform, count, ...vars }) : key;
  };
  return Object.assign(t, { plural, lang });
}

/**
 * The host's `lang_id` is a free string ('ru', 'en', 'es', 'pt', 'tr', 'id', maybe 'pt-BR'): its
 * language part when we ship it, else English — the one language both platforms offer.
 */
export function toLang(langId: unknown): Lang {
  if (typeof langId !== 'string') return 'en';
  const base = langId.toLowerCase().split(/[-_]/)[0];
  return LANGS.find(l => l === base) ?? 'en';
}

/**
 * The CRM an account's page is on, from its host name: Kommo's accounts live on
 * `<subdomain>.kommo.com`, amoCRM's on `.amocrm.ru` / `.amocrm.com`. Anything else (a proxy, a
 * local copy) is taken as amoCRM, whose name every text used before Kommo existed.
 */
export function platformOf(hostname: string): Platform {
  return /(^|\.)kommo\./i.test(hostname) ? 'Kommo' : 'amoCRM';
}
