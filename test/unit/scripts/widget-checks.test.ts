import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPublisher } from '../../../scripts/publisher.cjs';
import {
  checkLocales,
  checkManifest,
  checkStyle,
  IMAGE_SIZES,
  pngSize,
} from '../../../scripts/widget-checks';
import { WIDGET_CSS } from '../../../src/ui/styles';

const ROOT = join(__dirname, '../../..');
const json = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const all = Object.fromEntries(
  readdirSync(join(ROOT, 'i18n')).map(f => [f.replace(/\.json$/, ''), json(`i18n/${f}`)]),
);
const locales = { ru: json('i18n/ru.json'), en: json('i18n/en.json') };
/** The manifest as the build packs it: the publisher's contacts added (scripts/pack-widget.ts). */
function built(): Record<string, unknown> {
  const manifest = json('manifest.json');
  const { supportLink: link, supportEmail: email } = readPublisher(ROOT).values;
  return { ...manifest, widget: { ...(manifest.widget as object), support: { link, email } } };
}

describe('the checks amoCRM applies on upload', () => {
  it('pass for the widget as built: manifest keys present, every locale with the same keys', () => {
    expect(Object.keys(all).sort()).toEqual(['en', 'es', 'id', 'pt', 'ru', 'tr']);
    expect(checkManifest(built(), all)).toEqual([]);
    expect(checkLocales(all)).toEqual([]);
  });

  it('name a key one locale lacks, and one only it has', () => {
    const en = { ...locales.en, extra: 'x' } as Record<string, unknown>;
    delete en.advanced;
    expect(checkLocales({ ru: locales.ru, en })).toEqual([
      'i18n/en.json lacks "advanced.title" (present in ru.json)',
      'i18n/en.json has "extra" that ru.json lacks',
    ]);
  });

  it('name Russian text or a .ru site in a file of another language', () => {
    const en = JSON.parse(JSON.stringify(locales.en)) as { fl: { panel: Record<string, unknown> } };
    en.fl.panel.title = 'Воронка';
    en.fl.panel.other = 'see help.amocrm.ru';
    const ru = JSON.parse(JSON.stringify(locales.ru)) as { fl: { panel: Record<string, unknown> } };
    ru.fl.panel.other = 'см. help.amocrm.ru';
    expect(checkLocales({ ru, en })).toEqual([
      'i18n/en.json "fl.panel.title" has Russian text',
      'i18n/en.json "fl.panel.other" names a .ru site',
    ]);
  });

  it('refuse a manifest without interface_version 2 or support, or naming a missing message', () => {
    const manifest = built();
    const widget = {
      ...(manifest.widget as object),
      interface_version: 1,
      support: {},
      name: 'widget.nope',
    };
    expect(checkManifest({ ...manifest, widget }, locales)).toEqual(
      expect.arrayContaining([
        'manifest widget.interface_version must be 2',
        'manifest widget.support needs a link or an e-mail',
        'i18n/ru.json lacks "widget.nope"',
      ]),
    );
  });

  it('reads PNG sizes, and every logo has amoCRM’s size', () => {
    for (const [name, size] of Object.entries(IMAGE_SIZES)) {
      expect(pngSize(readFileSync(join(ROOT, 'images', name)))).toEqual(size);
    }
    expect(pngSize(new TextEncoder().encode('not a png at all, long enough'))).toBeNull();
  });
});

describe('style.css (amoCRM: every rule under the widget’s root class)', () => {
  it('passes for the widget’s own stylesheet', () => {
    expect(checkStyle(WIDGET_CSS)).toEqual([]);
  });

  it('accepts the dark theme, media queries and the widget’s own keyframes', () => {
    const css = [
      'html[data-color-scheme="dark"] .funnel-lens { --fl-bg: #000; }',
      '@media (prefers-reduced-motion: reduce) { .funnel-lens .fl-bar { transition: none; } }',
      '@keyframes fl-progress { from { opacity: 0; } to { opacity: 1; } }',
    ].join('\n');
    expect(checkStyle(css)).toEqual([]);
  });

  it('names each rule that could reach amoCRM’s own page, and where it is', () => {
    const css = [
      '.funnel-lens .fl-row, .fl-row { color: red; }',
      'body { margin: 0; }',
      '.funnel-lens-caption { color: red; }',
      '@media print { .card { display: none; } }',
      '@keyframes spin { to { transform: rotate(1turn); } }',
      "@import url('x.css');",
    ].join('\n');
    expect(checkStyle(css)).toEqual([
      'style.css line 1: ".fl-row" is not under .funnel-lens',
      'style.css line 2: "body" is not under .funnel-lens',
      'style.css line 3: ".funnel-lens-caption" is not under .funnel-lens',
      'style.css line 4: ".card" is not under .funnel-lens',
      'style.css: @keyframes spin is not named fl-…',
      'style.css: @import reaches beyond the widget',
    ]);
  });

  it('says where a stylesheet does not parse', () => {
    expect(checkStyle('.funnel-lens { color: red;')[0]).toMatch(
      /^style\.css does not parse: .*1:1/,
    );
  });
});
