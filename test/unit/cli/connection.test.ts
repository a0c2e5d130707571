import { baseUrl, readToken } from '../../../src/cli/connection';
import { fakeIo } from './fakeIo';

const message = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('--base-url', () => {
  it.each([
    'http://127.0.0.1:8642',
    'http://127.3.4.5',
    'http://localhost:8642/some/path',
    'http://[::1]:8642',
    'https://example.amocrm.ru',
  ])('takes %s', url => {
    expect(baseUrl(url, false)).toBe(new URL(url).origin);
  });

  it.each([
    'http://example.amocrm.ru',
    'http://10.0.0.5:8642',
    'http://128.0.0.1',
    'http://localhost.evil.com',
    'http://sandbox.localhost',
  ])('refuses plain http to %s unless --insecure', async url => {
    expect(await message(() => baseUrl(url, false))).toContain(
      'plain http would send the token unencrypted',
    );
    expect(baseUrl(url, true)).toBe(new URL(url).origin);
  });
});

describe('the token', () => {
  it('comes from --token, else one line of standard input with "-", else FUNNEL_LENS_TOKEN', async () => {
    const io = fakeIo({ env: { FUNNEL_LENS_TOKEN: 'from-env' }, stdin: 'from-stdin\r\nrest\n' });
    expect(await readToken('from-argv', io)).toBe('from-argv');
    expect(await readToken('-', io)).toBe('from-stdin');
    expect(await readToken(undefined, io)).toBe('from-env');
  });

  it('names where an empty or missing token came from', async () => {
    expect(await message(() => readToken(undefined, fakeIo()))).toContain(
      'a token is required: --token T, --token - (read from standard input) or FUNNEL_LENS_TOKEN',
    );
    expect(await message(() => readToken('-', fakeIo({ stdin: '\n' })))).toBe(
      '--token - (standard input): the token is empty.',
    );
    expect(
      await message(() => readToken(undefined, fakeIo({ env: { FUNNEL_LENS_TOKEN: ' ' } }))),
    ).toBe('FUNNEL_LENS_TOKEN: the token is empty.');
    expect(await message(() => readToken('a\u001bb', fakeIo()))).toContain('control characters');
  });
});
