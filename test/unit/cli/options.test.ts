import { MAX_DAYS, positiveDays, positiveId, wholeCount } from '../../../src/cli/options';

const refused = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return { code: (error as { exitCode?: number }).exitCode, message: (error as Error).message };
  }
  return null;
};

const digits400 = '9'.repeat(400);

describe('numeric options', () => {
  it.each([
    ['0x10', 'hex'],
    ['1e308', 'an exponent'],
    ['1e1', 'a small exponent'],
    [digits400, '400 digits'],
    ['Infinity', 'Infinity'],
    ['', 'nothing'],
    [' 7', 'a space'],
    ['+7', 'a sign'],
    ['0', 'zero'],
    ['-3', 'a negative'],
    ['7.', 'a trailing point'],
    [String(MAX_DAYS + 1), 'more than a hundred years'],
  ])('--stuck-days refuses %j (%s), naming the option and the value', text => {
    const error = refused(() => positiveDays(text, '--stuck-days'));
    expect(error?.code).toBe(2);
    expect(error?.message).toContain('--stuck-days: expected a number of days');
    expect(error?.message).toContain(`"${text.slice(0, 40)}`);
  });

  it('reads plain decimal days', () => {
    expect(positiveDays('7', '--stuck-days')).toBe(7);
    expect(positiveDays('2.5', '--stuck-days')).toBe(2.5);
    expect(positiveDays(String(MAX_DAYS), '--horizon-days')).toBe(MAX_DAYS);
  });

  it.each([['0x10'], ['1e3'], [digits400], ['2.5'], ['-1'], ['9007199254740993']])(
    '--min-sample refuses %j',
    text => {
      const error = refused(() => wholeCount(text, '--min-sample'));
      expect(error?.code).toBe(2);
      expect(error?.message).toContain('--min-sample: expected a whole number ≥ 0');
    },
  );

  it('shortens a huge value in the message instead of printing 400 digits', () => {
    expect(refused(() => wholeCount(digits400, '--min-sample'))?.message).toContain(
      `"${'9'.repeat(40)}…"`,
    );
  });

  it('reads counts and ids exactly', () => {
    expect(wholeCount('0', '--min-sample')).toBe(0);
    expect(wholeCount('010', '--min-sample')).toBe(10);
    expect(positiveId('3177727', '--pipeline')).toBe(3177727);
    expect(refused(() => positiveId('0x10', '--pipeline'))?.message).toContain(
      '--pipeline: expected a positive whole number (an id), got "0x10"',
    );
    expect(refused(() => positiveId('0', '--pipeline'))?.code).toBe(2);
  });
});
