/**
 * HAL plumbing shared by the API routes: absolute links built from the request's own host (so the
 * links work whatever port the sandbox listens on), page links that echo the query, paging.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { intParam, type Query } from './query';

export interface Link {
  readonly href: string;
}

export interface ListLinks {
  readonly self: Link;
  readonly next?: Link;
  readonly first?: Link;
  readonly prev?: Link;
}

export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** An absolute link to an API path such as `/api/v4/leads/1`. */
export function apiHref(request: FastifyRequest, path: string): string {
  return `${requestOrigin(request)}${path}`;
}

function splitUrl(request: FastifyRequest): { path: string; params: string[] } {
  const raw = request.raw.url ?? request.url;
  const mark = raw.indexOf('?');
  if (mark < 0) return { path: raw, params: [] };
  const params = raw
    .slice(mark + 1)
    .split('&')
    .filter(part => part !== '');
  return { path: raw.slice(0, mark), params };
}

/** The request's own URL: amoCRM's `self` echoes the query as sent. */
export function selfLink(request: FastifyRequest): Link {
  return { href: `${requestOrigin(request)}${request.raw.url ?? request.url}` };
}

/** The same query with `page` replaced, appended last as in amoCRM's examples. */
export function pageLink(request: FastifyRequest, page: number): Link {
  const { path, params } = splitUrl(request);
  const kept = params.filter(part => decodeURIComponent(part.split('=')[0] ?? '') !== 'page');
  return { href: `${requestOrigin(request)}${path}?${[...kept, `page=${page}`].join('&')}` };
}

export function listLinks(request: FastifyRequest, page: number, hasNext: boolean): ListLinks {
  return {
    self: selfLink(request),
    ...(hasNext && { next: pageLink(request, page + 1) }),
    ...(page > 1 && { first: pageLink(request, 1), prev: pageLink(request, page - 1) }),
  };
}

export interface Paging {
  readonly page: number;
  readonly limit: number;
}

export interface PagingRule {
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/**
 * `page` from 1 and `limit` up to the method's maximum. A read asking for more than the maximum is
 * clamped, not refused: reference §6 documents only the write-side 422 "Limit 250 per page"
 * (Kommo http-codes) and says reads return "not more than 250" entities.
 */
export function parsePaging(query: Query, rule: PagingRule): Paging {
  const page = intParam(query.page, 'page', 1) ?? 1;
  const limit = Math.min(intParam(query.limit, 'limit', 1) ?? rule.defaultLimit, rule.maxLimit);
  return { page, limit };
}

export interface PageSlice<T> {
  readonly items: readonly T[];
  readonly hasNext: boolean;
}

export function slicePage<T>(all: readonly T[], paging: Paging): PageSlice<T> {
  const start = (paging.page - 1) * paging.limit;
  return {
    items: all.slice(start, start + paging.limit),
    hasNext: start + paging.limit < all.length,
  };
}

export function sendHal(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.code(200).type('application/hal+json').send(JSON.stringify(body));
}

/** amoCRM's "nothing found": 204 with an empty body (reference §0). */
export function sendNoContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}
