/** How far a load has come, from the time a list has covered, and the time left at that rate. */
import { covered } from '../../../../src/sync/load/progress';
import { secondsLeft } from '../../../../src/sync';

describe('covered', () => {
  it('measures a list read back from `to` or forward from `from`', () => {
    expect(covered(100, 200, 150, 'back')).toBe(0.5);
    expect(covered(100, 200, 180, 'back')).toBeCloseTo(0.2);
    expect(covered(100, 200, 180, 'forward')).toBeCloseTo(0.8);
    expect(covered(100, 200, 100, 'back')).toBe(1);
    expect(covered(100, 200, 200, 'forward')).toBe(1);
  });

  it('is 0 before the first page and for an empty range, and stays within 0…1', () => {
    expect(covered(100, 200, null, 'back')).toBe(0);
    expect(covered(200, 200, 150, 'back')).toBe(0);
    expect(covered(300, 200, 250, 'forward')).toBe(0);
    expect(covered(100, 200, 50, 'back')).toBe(1);
    expect(covered(100, 200, 250, 'back')).toBe(0);
    expect(covered(100, 200, 250, 'forward')).toBe(1);
  });
});

describe('secondsLeft', () => {
  it('goes by the rate so far', () => {
    expect(secondsLeft(0.5, 10_000)).toBe(10);
    expect(secondsLeft(0.25, 30_000)).toBe(90);
  });

  it('counts the rate from where the stage started (a resumed backfill)', () => {
    // 0.4 → 0.5 took 10 s: 0.1 per 10 s, 0.5 left.
    expect(secondsLeft(0.5, 10_000, 0.4)).toBe(50);
    expect(secondsLeft(0.5, 10_000, 0)).toBe(10);
  });

  it('says nothing until there is a rate worth going by', () => {
    expect(secondsLeft(null, 10_000)).toBeNull();
    expect(secondsLeft(0.5, 0)).toBeNull();
    expect(secondsLeft(0.02, 10_000)).toBeNull();
    expect(secondsLeft(0.42, 10_000, 0.4)).toBeNull();
    expect(secondsLeft(0.45, 10_000, 0.4)).toBe(110);
  });

  it('is 0 once done', () => {
    expect(secondsLeft(1, 10_000)).toBe(0);
    expect(secondsLeft(1, 10_000, 0.99)).toBe(0);
  });
});
