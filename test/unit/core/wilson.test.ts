import { wilsonInterval, Z_90 } from '../../../src/core';

describe('wilsonInterval (metrics.md extensions: the 90 % Wilson interval)', () => {
  it('uses z = 1.6449 for 90 %', () => {
    expect(Z_90).toBeCloseTo(1.6449, 4);
  });

  it('gives known values', () => {
    // k = n: the low end is 1 / (1 + z²/n), the high end 1.
    const one = wilsonInterval(1, 1)!;
    expect(one.low).toBeCloseTo(1 / (1 + Z_90 * Z_90), 10);
    expect(one.low).toBeCloseTo(0.26987, 5);
    expect(one.high).toBe(1);
    // k = 0: the low end 0, the high end (z²/n) / (1 + z²/n).
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.21294, 5);
    // Symmetric around one half (statsmodels' proportion_confint(50, 100, 0.1, 'wilson')).
    const half = wilsonInterval(50, 100, 1.6449)!;
    expect(half.low).toBeCloseTo(0.41885, 4);
    expect(half.high).toBeCloseTo(0.58115, 4);
    const some = wilsonInterval(3, 7)!;
    expect(some.low).toBeCloseTo(0.18644, 5);
    expect(some.high).toBeCloseTo(0.71052, 5);
  });

  it('narrows as the sample grows and always holds the observed share', () => {
    const small = wilsonInterval(4, 5)!;
    const large = wilsonInterval(400, 500)!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    for (const [k, n] of [
      [0, 1],
      [1, 3],
      [7, 9],
      [9, 9],
      [123, 1000],
    ] as const) {
      const i = wilsonInterval(k, n)!;
      expect(i.low).toBeLessThanOrEqual(k / n);
      expect(i.high).toBeGreaterThanOrEqual(k / n);
      expect(i.low).toBeGreaterThanOrEqual(0);
      expect(i.high).toBeLessThanOrEqual(1);
    }
  });

  it('is null without trials or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(2, 1)).toBeNull();
    expect(wilsonInterval(-1, 4)).toBeNull();
  });
});
