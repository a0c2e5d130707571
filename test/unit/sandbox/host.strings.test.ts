/** The host page's own strings in every language a user may choose, and its number formats. */
import { HOST_LANGS } from '../../../sandbox/host/protocol';
import { formatMoney, leadCount, STRING_KEYS, translator } from '../../../sandbox/host/strings';

const en = translator('en');
const ru = translator('ru');

describe('host strings', () => {
  it.each(HOST_LANGS.filter(lang => lang !== 'ru' && lang !== 'en'))(
    '%s has its own text for every key',
    lang => {
      const t = translator(lang);
      for (const key of STRING_KEYS) {
        expect(t(key).trim()).not.toBe('');
        expect(t(key)).not.toBe(ru(key));
      }
      // Most differ from English too (a few words, like "Total" or "Widgets", are the same).
      const own = STRING_KEYS.filter(key => t(key) !== en(key));
      expect(own.length).toBeGreaterThan(STRING_KEYS.length * 0.75);
      expect(t('leads')).not.toBe(lang === 'tr' || lang === 'id' ? en('leads') : '');
    },
  );

  it('writes numbers and money in the user’s locale, the rouble after the number', () => {
    const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(nbsp(formatMoney('ru', 76_400, '₽'))).toBe('76 400 ₽');
    expect(formatMoney('en', 76_400, '₽')).toBe('76,400 ₽');
    expect(formatMoney('en', 850, '$')).toBe('$850');
    expect(formatMoney('es', 9600, '$')).toBe('$9,600');
    expect(formatMoney('pt', 4780, 'R$')).toBe('R$ 4.780');
    expect(formatMoney('tr', 30_600, '₺')).toBe('₺30.600');
    expect(formatMoney('id', 13_800_000, 'Rp')).toBe('Rp 13.800.000');
    expect(leadCount('es', 1234)).toBe('1,234 leads');
    expect(leadCount('pt', 1)).toBe('1 lead');
    expect(leadCount('tr', 5)).toBe('5 müşteri adayı');
    expect(nbsp(leadCount('ru', 25))).toBe('25 сделок');
  });
});
