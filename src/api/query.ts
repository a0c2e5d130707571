/** Query parameters as ordered pairs, so repeated keys (`filter[id][]`) keep their order. */
export type Query = readonly (readonly [string, string | number])[];

/** Brackets and commas stay readable (amoCRM's own links use them); everything else is encoded. */
function encode(part: string): string {
  return encodeURIComponent(part).replace(/%5B/gi, '[').replace(/%5D/gi, ']').replace(/%2C/gi, ',');
}

const API_PATH = /^\/api\/v4(\/[A-Za-z0-9_]+)+$/;

/**
 * The request URL relative to the account origin. Only `/api/v4/...` paths made of plain segments
 * are allowed: the client never requests a URL taken from a response (`_links.next.href` may
 * name another host), so a bad path here is a programming error.
 */
export function buildUrl(path: string, query: Query = []): string {
  if (!API_PATH.test(path)) throw new RangeError(`Not an amoCRM API path: ${path}`);
  if (query.length === 0) return path;
  return `${path}?${query.map(([key, value]) => `${encode(key)}=${encode(String(value))}`).join('&')}`;
}
