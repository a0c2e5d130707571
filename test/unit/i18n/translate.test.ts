/** Language choice, the platform's name in texts, and plural forms picked by each language's rules. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslate, LANGS, platformOf, toLang } from '../../../src/i18n';
import type { PluralKey } from '../../../src/i18n';

const messages = {
  fl: {
    sync: { refresh: 'Refresh data from {platform}' },
    panel: {
      count: { one: '{count} deal', few: '{count} F', many: '{count} M', other: '{count} deals' },
    },
  },
};
const key = 'fl.panel.count' as PluralKey;

describe('toLang', () => {
  it.each([
    ['ru', 'ru'],
    ['en', 'en'],
    ['es', 'es'],
    ['pt', 'pt'],
    ['pt-BR', 'pt'],
    ['tr', 'tr'],
    ['ID', 'id'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [7, 'en'],
  ])('reads %p as %p (English where we do not ship the language)', (given, want) => {
    expect(toLang(given)).toBe(want);
  });

  it('ships the languages of both platforms', () => {
    expect([...LANGS].sort()).toEqual(['en', 'es', 'id', 'pt', 'ru', 'tr']);
  });
});

describe('platformOf', () => {
  it.each([
    ['acme.kommo.com', 'Kommo'],
    ['ACME.KOMMO.COM', 'Kommo'],
    ['acme.kommo.localhost', 'Kommo'],
    ['acme.amocrm.ru', 'amoCRM'],
    ['acme.amocrm.com', 'amoCRM'],
    ['127.0.0.1', 'amoCRM'],
    ['notkommo.com', 'amoCRM'],
  ])('%s is on %s', (host, want) => {
    expect(platformOf(host)).toBe(want);
  });
});

describe('createTranslate', () => {
  it('names the account’s platform wherever a text says {platform}', () => {
    expect(createTranslate(messages, 'en', 'Kommo')('fl.sync.refresh' as never)).toBe(
      'Refresh data from Kommo',
    );
    expect(createTranslate(messages, 'en')('fl.sync.refresh' as never)).toBe(
      'Refresh data from amoCRM',
    );
  });

  it('lets a caller’s own variable win over the platform', () => {
    expect(
      createTranslate(messages, 'en', 'Kommo')('fl.sync.refresh' as never, { platform: 'X' }),
    ).toBe('Refresh data from X');
  });

  it('picks the plural form by the language’s own rules', () => {
    const forms = (lang: (typeof LANGS)[number]) =>
      [1, 2, 5, 21, 1_000_000].map(n => createTranslate(messages, lang).plural(key, n));
    expect(forms('ru')).toEqual(['1 deal', '2 F', '5 M', '21 deal', '1000000 M']);
    expect(forms('tr')).toEqual(['1 deal', '2 deals', '5 deals', '21 deals', '1000000 deals']);
    // Indonesian has one form; Spanish and Portuguese a `many` for round millions (each file
    // fills all four forms, so the `many` text is there).
    expect(forms('id')).toEqual(['1 deals', '2 deals', '5 deals', '21 deals', '1000000 deals']);
    expect(forms('es')).toEqual(['1 deal', '2 deals', '5 deals', '21 deals', '1000000 M']);
    expect(forms('pt')).toEqual(['1 deal', '2 deals', '5 deals', '21 deals', '1000000 M']);
  });

  it('shows the key itself where a message is missing', () => {
    expect(createTranslate({}, 'es')('fl.sync.refresh' as never)).toBe('fl.sync.refresh');
    expect(createTranslate({}, 'id').plural(key, 3)).toBe(key);
  });
});

describe('the shipped locale files', () => {
  it('are the ones the manifest declares and the code speaks', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'manifest.json'), 'utf8'),
    ) as { widget: { locale: string[] } };
    const files = readdirSync(join(__dirname, '..', '..', '..', 'i18n')).map(f =>
      f.replace(/\.json$/, ''),
    );
    expect([...manifest.widget.locale].sort()).toEqual([...LANGS].sort());
    expect(files.sort()).toEqual([...LANGS].sort());
  });
});
