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
}

/** One validated page: the body exactly as received (for saving) and as parsed. */
export interface RawPage<B, I> {
  readonly page: number;
  readonly url: string;
  readonly raw: unknown;
  readonly body: B;
  readonly items: readonly I[];
}

/** Why paging stopped; the generator's return value, for callers that want to report truncation. */
export type PagingEndReason = 'no_content' | 'no_next' | 'empty' | 'repeated' | 'max_pages';

export interface PagingEnd {
  readonly reason: PagingEndReason;
  /** Pages yielded. */
  readonly pages: number;
}

interface HalBody {
  readonly _links?: { readonly next?: unknown } | undefined;
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
export async function* pages<B extends HalBody, I extends { readonly id: string | number }>(
  get: GetJson,
  path: string,
  query: Query,
  schema: z.ZodMiniType<B>,
  pick: (body: B) => readonly I[],
  options: PagingOptions = {},
): AsyncGenerator<RawPage<B, I>, PagingEnd, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const limit: Query = options.limit === undefined ? [] : [['limit', options.limit]];
  let previous: string | null = null;
  for (let page = 1; ; page++) {
    if (page > maxPages) return { reason: 'max_pages', pages: page - 1 };
    const response = await get(path, [['page', page], ...limit, ...query], options.signal);
    if (response.status === 204 || response.data === undefined) {
      return { reason: 'no_content', pages: page - 1 };
    }
    const body = parseWith(schema, response.data, { path });
    const items = pick(body);
    if (items.length === 0) return { reason: 'empty', pages: page - 1 };
    const current = signature(items);
    if (current === previous) return { reason: 'repeated', pages: page - 1 };
    previous = current;
    yield { page, url: response.url, raw: response.data, body, items };
    if (body._links?.next === undefined) return { reason: 'no_next', pages: page };
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
