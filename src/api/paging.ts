import type { z } from 'zod/mini';
import { parseWith } from './parse';
import type { Query } from './query';
import type { GetJson } from './request';

export interface PagingOptions {
  /** Items per page; omitted from the query when undefined (e.g. loss reasons, paging undocumented). */
  readonly limit?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Hard stop against a server that never ends the list. Default 50 000 pages. */
  readonly maxPages?: number | undefined;
  /** The page to start from (1-based): a fixed list read on after an interruption. */
  readonly firstPage?: number | undefined;
}

/**
 * What a page reader makes of one body: `items` for the caller (adapted, maybe filtered) and
 * `listed`, every item of the page's collection as received, by which paging detects an empty or
 * a repeated page (a page whose items were all filtered out is neither).
 */
export interface PageRead<R> {
  readonly items: R;
  readonly listed: readonly { readonly id: string | number }[];
}

/**
 * Validates and adapts one body, or throws ApiError SCHEMA with paths from the body root and
 * `where.path` as the error's request path.
 */
export type PageReader<R> = (data: unknown, where: { readonly path: string }) => PageRead<R>;

/** One validated page: the body exactly as received (for saving) and what the reader made of it. */
export interface RawPage<R> {
  readonly page: number;
  readonly url: string;
  readonly raw: unknown;
  readonly items: R;
  /** Every item of the page's collection as received (before any client-side re-check). */
  readonly listed: readonly { readonly id: string | number }[];
}

/** A reader for a list zod validates whole: the small paged lists (users, loss reasons). */
export function zodReader<B, I extends { readonly id: string | number }>(
  schema: z.ZodMiniType<B>,
  pick: (body: B) => readonly I[],
): PageReader<readonly I[]> {
  return (data, where) => {
    const items = pick(parseWith(schema, data, where));
    return { items, listed: items };
  };
}

/** Why paging stopped; the generator's return value, for callers that want to report truncation. */
export type PagingEndReason = 'no_content' | 'no_next' | 'empty' | 'repeated' | 'max_pages';

export interface PagingEnd {
  readonly reason: PagingEndReason;
  /** Pages yielded. */
  readonly pages: number;
}

/**
 * Read from the body as received: the reader has validated `_links` by now (every list schema has
 * listMeta), and a `next` is present in the validated body exactly when it is present here.
 */
function hasNext(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const links = (data as { readonly _links?: unknown })._links;
  if (typeof links !== 'object' || links === null) return false;
  return (links as { readonly next?: unknown }).next !== undefined;
}

export const DEFAULT_MAX_PAGES = 50_000;

function signature(items: readonly { readonly id: string | number }[]): string {
  return items.map(item => String(item.id)).join(',');
}

/**
 * Sequential pages of one list: page=1, 2, ... Never follows `_links.next.href` (it could name
 * another host); only its presence matters. Stops on 204, on a page without `next`, on an empty
 * collection, on a page identical to the previous one (a server ignoring `page`), or at maxPages.
 * Every page is validated; a failure throws ApiError SCHEMA with paths from the body root.
 */
export async function* pages<R>(
  get: GetJson,
  path: string,
  query: Query,
  read: PageReader<R>,
  options: PagingOptions = {},
): AsyncGenerator<RawPage<R>, PagingEnd, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const limit: Query = options.limit === undefined ? [] : [['limit', options.limit]];
  let previous: string | null = null;
  const first = options.firstPage ?? 1;
  for (let page = first; ; page++) {
    if (page - first >= maxPages) return { reason: 'max_pages', pages: page - first };
    const response = await get(path, [['page', page], ...limit, ...query], options.signal);
    if (response.status === 204 || response.data === undefined) {
      return { reason: 'no_content', pages: page - first };
    }
    const { items, listed } = read(response.data, { path });
    if (listed.length === 0) return { reason: 'empty', pages: page - first };
    const current = signature(listed);
    if (current === previous) return { reason: 'repeated', pages: page - first };
    previous = current;
    yield { page, url: response.url, raw: response.data, items, listed };
    if (!hasNext(response.data)) return { reason: 'no_next', pages: page - first + 1 };
  }
}

/** Drains a page generator into one array, e.g. for the short users and loss-reason lists. */
export async function collect<T>(
  generator: AsyncGenerator<{ readonly items: readonly T[] }, unknown, undefined>,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of generator) out.push(...page.items);
  return out;
}
