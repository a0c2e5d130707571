import { isIP } from 'node:net';
import { CliError } from './errors';
import type { Io } from './io';

export const TOKEN_ENV = 'FUNNEL_LENS_TOKEN';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * The account's origin. Plain http sends the bearer token readable by anyone on the way, so it
 * is taken only for this machine (the sandbox) unless the user says --insecure.
 */
export function baseUrl(text: string, insecure: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`--base-url: "${text}" is not a URL (e.g. https://example.amocrm.ru).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CliError(`--base-url: use http(s), got ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !insecure)
    throw new CliError(
      `--base-url ${url.origin}: plain http would send the token unencrypted; use https, or add --insecure if you mean it.`,
    );
  // Requests go to <origin>/api/v4 only; a path given here would be ignored.
  return url.origin;
}

/**
 * The token from `--token T`, `--token -` (one line of standard input) or FUNNEL_LENS_TOKEN:
 * the last two keep it out of `ps` and the shell's history.
 */
export async function readToken(option: string | undefined, io: Io): Promise<string> {
  let token: string | undefined;
  let source: string;
  if (option === '-') {
    token = (await io.readLine()).trim();
    source = '--token - (standard input)';
  } else if (option !== undefined) {
    token = option;
    source = '--token';
  } else {
    token = io.env[TOKEN_ENV];
    source = TOKEN_ENV;
    if (token === undefined)
      throw new CliError(
        `a token is required: --token T, --token - (read from standard input) or ${TOKEN_ENV}.`,
      );
  }
  if (token.trim() === '') throw new CliError(`${source}: the token is empty.`);
  // A header cannot carry line breaks or controls; axios would fail with a stack trace instead.
  // eslint-disable-next-line no-control-regex -- rejecting controls is the point
  if (/[\u0000-\u001f\u007f]/.test(token))
    throw new CliError(`${source}: the token holds control characters.`);
  return token;
}
