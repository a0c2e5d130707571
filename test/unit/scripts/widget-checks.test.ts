import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLocales, checkManifest, IMAGE_SIZES, pngSize } from '../../../scripts/widget-checks';

const ROOT = join(__dirname, '../../..');
const json = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const locales = { ru: json('i18n/ru.json'), en: json('i18n/en.json') };

describe('the checks amoCRM applies on upload', () => {
  it('pass for the widget as it is: manifest keys present, both locales with the same keys', () => {
    expect(checkManifest(json('manifest.json'), locales)).toEqual([]);
    expect(checkLocales(locales)).toEqual([]);
  });

  it('name a key one locale lacks, and one only it has', () => {
    const en = { ...locales.en, extra: 'x' } as Record<string, unknown>;
    delete en.advanced;
    expect(checkLocales({ ru: locales.ru, en })).toEqual([
      'i18n/en.json lacks "advanced.title" (present in ru.json)',
      'i18n/en.json has "extra" that ru.json lacks',
    ]);
  });

  it('refuse a manifest without interface_version 2 or support, or naming a missing message', () => {
    const manifest = json('manifest.json');
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
