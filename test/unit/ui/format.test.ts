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
