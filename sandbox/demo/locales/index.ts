import type { HostLang } from '../../host/protocol';
import { EN } from './en';
import { ES } from './es';
import { ID } from './id';
import { PT } from './pt';
import { TR } from './tr';
import type { DemoLocale } from './types';

export type { DemoFieldNames, DemoLocale } from './types';

/**
 * Russian is the generator's own language (structure.ts, names.ts, fields.ts); the others rename
 * it.
 */
export const DEMO_LOCALES: Readonly<Record<Exclude<HostLang, 'ru'>, DemoLocale>> = {
  en: EN,
  es: ES,
  pt: PT,
  tr: TR,
  id: ID,
};
