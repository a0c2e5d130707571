/**
 * The checks amoCRM applies to an uploaded widget, as pure functions so the build and the tests
 * share them.
 */

import postcss from 'postcss';
import { lookup } from '../src/i18n';

/** Required logos and their exact pixel sizes (amocrm-widget-platform.md §1.1). */
export const IMAGE_SIZES: Readonly<Record<string, { width: number; height: number }>> = {
  'logo.png': { width: 130, height: 100 },
  'logo_main.png': { width: 400, height: 272 },
  'logo_medium.png': { width: 240, height: 84 },
  'logo_min.png': { width: 84, height: 84 },
  'logo_small.png': { width: 108, height: 108 },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(buf: Uint8Array): { width: number; height: number } | null {
  if (buf.length < 24 || PNG_SIGNATURE.some((b, i) => buf[i] !== b)) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Dotted paths of every leaf, to compare locale files key by key. */
export function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leafKeys(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** Manifest fields amoCRM requires, and every i18n key it names present in every locale. */
export function checkManifest(
  manifest: Record<string, unknown>,
  locales: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const widget = (manifest.widget ?? {}) as Record<string, unknown>;
  for (const field of [
    'name',
    'description',
    'short_description',
    'version',
    'interface_version',
    'locale',
    'installation',
  ]) {
    if (widget[field] === undefined) problems.push(`manifest widget.${field} is missing`);
  }
  const support = widget.support as Record<string, unknown> | undefined;
  if (!support || (!support.link && !support.email))
    problems.push('manifest widget.support needs a link or an e-mail');
  if (widget.interface_version !== 2) problems.push('manifest widget.interface_version must be 2');
  const declared = Array.isArray(widget.locale) ? (widget.locale as string[]) : [];
  for (const lang of declared)
    if (!(lang in locales)) problems.push(`manifest locale "${lang}" has no i18n/${lang}.json`);
  for (const lang of Object.keys(locales))
    if (!declared.includes(lang)) problems.push(`i18n/${lang}.json is not in widget.locale`);
  if (!Array.isArray(manifest.locations) || manifest.locations.length === 0)
    problems.push('manifest locations are empty');

  const keys: string[] = [];
  for (const field of ['name', 'description', 'short_description'])
    if (typeof widget[field] === 'string') keys.push(widget[field]);
  const settings = (manifest.settings ?? {}) as Record<string, { name?: unknown }>;
  for (const s of Object.values(settings)) if (typeof s.name === 'string') keys.push(s.name);
  const advanced = manifest.advanced as { title?: unknown } | undefined;
  if (typeof advanced?.title === 'string') keys.push(advanced.title);
  const tour = manifest.tour as { tour_description?: unknown } | undefined;
  if (typeof tour?.tour_description === 'string') keys.push(tour.tour_description);
  for (const [lang, messages] of Object.entries(locales)) {
    for (const key of keys)
      if (typeof lookup(messages, key) !== 'string')
        problems.push(`i18n/${lang}.json lacks "${key}"`);
  }
  return problems;
}

/** All locale files must have the same key structure (amoCRM rejects the archive otherwise). */
export function checkLocales(locales: Record<string, unknown>): string[] {
  const [first, ...rest] = Object.entries(locales);
  if (!first) return ['no i18n files'];
  const reference = new Set(leafKeys(first[1]));
  const problems: string[] = [];
  // amoCRM's review (§3.1.3): a non-Russian file holds no Russian text and names no .ru site.
  for (const [lang, messages] of Object.entries(locales)) {
    if (lang === 'ru') continue;
    for (const key of leafKeys(messages)) {
      const text = lookup(messages, key);
      if (typeof text !== 'string') continue;
      if (/[\u0400-\u04ff]/.test(text))
        problems.push(`i18n/${lang}.json "${key}" has Russian text`);
      if (/\b[\w-]+\.ru\b/i.test(text))
        problems.push(`i18n/${lang}.json "${key}" names a .ru site`);
    }
  }
  for (const [lang, messages] of rest) {
    const keys = new Set(leafKeys(messages));
    for (const k of reference)
      if (!keys.has(k))
        problems.push(`i18n/${lang}.json lacks "${k}" (present in ${first[0]}.json)`);
    for (const k of keys)
      if (!reference.has(k))
        problems.push(`i18n/${lang}.json has "${k}" that ${first[0]}.json lacks`);
  }
  return problems;
}

/** The widget's root class: every rule of style.css must sit under it (RU-requirements §3.1.4). */
export const ROOT_CLASS = 'funnel-lens';

/**
 * Problems of a style.css for amoCRM's review: a selector that is not under the widget's root
 * class (so it could touch amoCRM's own page), a global at-rule, or an animation name that is not
 * the widget's own.
 */
export function checkStyle(css: string): string[] {
  const problems: string[] = [];
  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch (error) {
    return [`style.css does not parse: ${error instanceof Error ? error.message : String(error)}`];
  }
  const scoped = new RegExp(`^(html\\[data-color-scheme="dark"\\]\\s+)?\\.${ROOT_CLASS}(?![\\w-])`);
  root.walkRules(rule => {
    // Keyframe steps (from, to, 40%) are not selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name))
      return;
    for (const selector of rule.selectors)
      if (!scoped.test(selector.trim()))
        problems.push(
          `style.css line ${rule.source?.start?.line ?? '?'}: "${selector.trim()}" is not under .${ROOT_CLASS}`,
        );
  });
  root.walkAtRules(at => {
    if (/keyframes$/.test(at.name) && !at.params.startsWith('fl-'))
      problems.push(`style.css: @${at.name} ${at.params} is not named fl-…`);
    else if (['import', 'font-face', 'charset', 'namespace', 'page'].includes(at.name))
      problems.push(`style.css: @${at.name} reaches beyond the widget`);
  });
  return problems;
}
