import axios from 'axios';
import type { AxiosAdapter, AxiosInstance } from 'axios';

export interface HttpOptions {
  /** '' in the browser (same origin as the account); `https://<sub>.amocrm.ru` from the CLI. */
  readonly baseURL: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Per-request timeout; default 30 s (a 250-lead page with embeds can be slow). */
  readonly timeoutMs?: number;
  /** Tests pass a fake adapter; production uses axios' own (XHR in the browser, http in Node). */
  readonly adapter?: AxiosAdapter;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Marks the request as the page's own AJAX call, as amoCRM's web app does with the session cookie. */
export const SAME_ORIGIN_HEADERS: Readonly<Record<string, string>> = {
  'X-Requested-With': 'XMLHttpRequest',
};

/** OAuth access token or long-lived token, for server-side use (the CLI). */
export function bearerHeaders(token: string): Readonly<Record<string, string>> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * An axios instance bound to one account. Requests may only reach that account: absolute request
 * URLs are refused (`allowAbsoluteUrls: false`) and redirects are not followed in Node, so neither a
 * crafted path nor a redirect can carry the bearer token to another host.
 */
export function createHttp(options: HttpOptions): AxiosInstance {
  return axios.create({
    baseURL: options.baseURL,
    allowAbsoluteUrls: false,
    maxRedirects: 0,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    responseType: 'json',
    headers: {
      Accept: 'application/hal+json, application/problem+json, application/json',
      ...options.headers,
    },
    // ETIMEDOUT instead of the ambiguous ECONNABORTED, so a timeout maps to TIMEOUT.
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true },
    ...(options.adapter === undefined ? {} : { adapter: options.adapter }),
  });
}

/**
 * The widget's instance: same origin, the user's session cookie, no token. A worker passes the
 * account's origin: its own URL is a blob:, against which a path cannot resolve.
 */
export function createBrowserHttp(
  options: Omit<HttpOptions, 'baseURL' | 'headers'> & { readonly origin?: string } = {},
): AxiosInstance {
  const { origin = '', ...rest } = options;
  return createHttp({ ...rest, baseURL: origin, headers: SAME_ORIGIN_HEADERS });
}

/** The CLI's instance: the account origin (`https://<sub>.amocrm.ru`) and a bearer token. */
export function createTokenHttp(
  options: Omit<HttpOptions, 'headers'> & { readonly token: string },
): AxiosInstance {
  const { token, ...rest } = options;
  return createHttp({ ...rest, headers: bearerHeaders(token) });
}
