import { plainName, plainText } from '../../../src/cli/text';

describe('plainName', () => {
  it.each([
    ['CSI colour', 'Оплата\u001b[31m красная\u001b[0m', 'Оплата красная'],
    ['OSC title ended by BEL', 'A\u001b]0;owned\u0007B', 'AB'],
    [
      'OSC 8 hyperlink ended by ST',
      '\u001b]8;;https://evil.example\u001b\\Счёт\u001b]8;;\u001b\\',
      'Счёт',
    ],
    ['OSC 52 clipboard write', 'X\u001b]52;c;ZWNobyBoaQ==\u0007Y', 'XY'],
    ['C1 CSI', 'a\u009b2Jb', 'ab'],
    ['a lone ESC and BEL', 'a\u001b\u0007b', 'ab'],
    ['DEL and NUL', 'a\u007f\u0000b', 'ab'],
    ['a line break inside a name', 'first\nsecond\tthird', 'first second third'],
  ])('strips %s', (_what, name, plain) => {
    expect(plainName(name)).toBe(plain);
  });

  it('leaves ordinary text, Cyrillic and emoji alone', () => {
    expect(plainName('Квалифицирован → КП 🚀 (50%)')).toBe('Квалифицирован → КП 🚀 (50%)');
  });
});

describe('plainText', () => {
  it('keeps the line breaks of a multi-line message and strips the rest', () => {
    expect(plainText('Pipelines found:\n  1  \u001b[2JВоронка\r\n')).toBe(
      'Pipelines found:\n  1  Воронка\n',
    );
  });
});
