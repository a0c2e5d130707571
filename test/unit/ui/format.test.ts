/** The formatters' own rules, in both languages: units chosen by size, nulls as a dash. */
import { createFormatters } from '../../../src/ui/format';

describe('createFormatters', () => {
  const ru = createFormatters('ru', 'Europe/Moscow', 'RUB');
  const en = createFormatters('en', 'Europe/Moscow', null);

  it('gives a waiting time in minutes, hours or days by its size', () => {
    expect(ru.hours(0.5)).toBe('30 мин');
    expect(ru.hours(2.25)).toBe('2,3 ч');
    expect(ru.hours(47.9)).toBe('47,9 ч');
    expect(ru.hours(72)).toBe('3,0 дн.');
    expect(en.hours(0.25)).toBe('15 min');
    expect(en.hours(5)).toBe('5.0 h');
    expect(en.hours(96)).toBe('4.0 d');
    expect(ru.hours(null)).toBe('—');
  });

  it('builds the same answers however often and in whatever order it is asked', () => {
    const first = [ru.percent(0.314), ru.points(-0.019), ru.days(36), ru.int(1234567)];
    expect([ru.percent(0.314), ru.points(-0.019), ru.days(36), ru.int(1234567)]).toEqual(first);
    // ICU separates groups and the percent sign with a no-break space.
    expect(first).toEqual(['31,4\u00a0%', '-1,9 п.п.', '1,5 дн.', '1\u00a0234\u00a0567']);
    expect(en.money(1500)).toBe(en.int(1500));
  });
});

describe('createFormatters in every language', () => {
  it('writes money with the currency’s symbol, as the host does, not its ISO code', () => {
    expect(createFormatters('ru', 'Europe/Moscow', 'RUB').money(76400)).toBe('76\u00a0400\u00a0₽');
    expect(createFormatters('en', 'Europe/Moscow', 'RUB').money(1103700)).toBe('₽1,103,700');
    expect(createFormatters('pt', 'America/Sao_Paulo', 'BRL').money(1103700)).toBe(
      'R$\u00a01.103.700',
    );
    expect(createFormatters('es', 'America/Mexico_City', 'MXN').money(1500)).toBe('$1,500');
    expect(createFormatters('tr', 'Europe/Istanbul', 'TRY').money(1500)).toBe('₺1.500');
    expect(createFormatters('id', 'Asia/Jakarta', 'IDR').money(1500)).toBe('Rp\u00a01.500');
  });

  it.each([
    ['es', '31.4%', '3.0 d', '2.5 h', '+4.2 p. p.'],
    ['pt', '31,4%', '3,0 d', '2,5 h', '+4,2 p.p.'],
    ['tr', '%31,4', '3,0 gün', '2,5 sa', '+4,2 puan'],
    ['id', '31,4%', '3,0 hr', '2,5 jam', '+4,2 poin'],
  ] as const)('%s: percents, days, hours and points in its own forms', (lang, pct, d, h, pp) => {
    const f = createFormatters(lang, 'UTC', null);
    expect(f.percent(0.314)).toBe(pct);
    expect(f.hours(72)).toBe(d);
    expect(f.hours(2.5)).toBe(h);
    expect(f.points(0.042)).toBe(pp);
    expect(f.hours(0.5)).toMatch(/^30 \S+$/);
  });

  it('dates in the language and the account’s zone', () => {
    const at = Date.UTC(2026, 10, 28, 22, 30) / 1000;
    expect(createFormatters('es', 'Europe/Moscow', null).date(at)).toBe('29 nov 2026');
    expect(createFormatters('pt', 'UTC', null).date(at)).toBe('28 de nov. de 2026');
    expect(createFormatters('tr', 'UTC', null).date(at)).toBe('28 Kas 2026');
    expect(createFormatters('id', 'UTC', null).date(at)).toBe('28 Nov 2026');
  });
});

describe('moneyFit', () => {
  it('keeps an exact amount that fits and gives a long one compact, to three digits', () => {
    const ru = createFormatters('ru', 'Europe/Moscow', 'RUB');
    expect(ru.moneyFit(1103700, 11)).toEqual({
      text: '1\u00a0103\u00a0700\u00a0₽',
      compact: false,
    });
    const id = createFormatters('id', 'Asia/Jakarta', 'IDR');
    expect(id.moneyFit(155_300_000, 11)).toEqual({ text: 'Rp\u00a0155\u00a0jt', compact: true });
    const en = createFormatters('en', 'UTC', 'USD');
    expect(en.moneyFit(62_457_300_000, 11)).toEqual({ text: '$62.5B', compact: true });
  });
});
