import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPublisher } from '../../../scripts/publisher.cjs';
import { checkLocales, checkManifest, IMAGE_SIZES, pngSize } from '../../../scripts/widget-checks';

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
