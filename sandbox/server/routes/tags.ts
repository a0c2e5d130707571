/**
 * Lead tags (the tags docs): `GET /api/v4/leads/tags`, paged (`_page`, `_links`, no total; 50 a
 * page by default, at most 250; 204 past the last page), open to every user, with `filter[id]`,
 * `filter[name]` (exact) and `query` (part of the name). The demo keeps tags on its leads only, so
 * the account's tags are every tag a lead carries, in id order.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoAccount, DemoTag } from '../../demo/types';
import { sendList } from '../faults/malformed';
import { listLinks, parsePaging, sendNoContent, slicePage } from '../hal';
import { field, intList, queryOf, type Query } from '../query';
import type { SandboxContext } from '../types';

const TAGS_PAGING = { defaultLimit: 50, maxLimit: 250 };

// The account object is replaced, never mutated (SandboxContext): one walk over its leads each.
const tagsMemo = new WeakMap<DemoAccount, readonly DemoTag[]>();
export function accountTags(account: DemoAccount): readonly DemoTag[] {
  let held = tagsMemo.get(account);
  if (!held) {
    const byId = new Map<number, DemoTag>();
    for (const lead of account.leads) for (const tag of lead.tags) byId.set(tag.id, tag);
    held = [...byId.values()].sort((a, b) => a.id - b.id);
    tagsMemo.set(account, held);
  }
  return held;
}

function textParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;
}

function selectTags(all: readonly DemoTag[], query: Query): readonly DemoTag[] {
  const ids = intList(field(query, 'filter', 'id'), 'filter[id]');
  const name = textParam(field(query, 'filter', 'name'));
  const part = textParam(query.query);
  if (ids === undefined && name === undefined && part === undefined) return all;
  return all.filter(
    tag =>
      (ids === undefined || ids.includes(tag.id)) &&
      (name === undefined || tag.name.toLowerCase() === name) &&
      (part === undefined || tag.name.toLowerCase().includes(part)),
  );
}

export function registerTagRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/leads/tags', (request, reply) => {
    const query = queryOf(request);
    const paging = parsePaging(query, TAGS_PAGING);
    const tags = selectTags(accountTags(ctx.account), query);
    const page = slicePage(tags, paging);
    if (page.items.length === 0) return sendNoContent(reply);
    return sendList(
      ctx,
      reply,
      {
        _page: paging.page,
        _links: listLinks(request, paging.page, page.hasNext),
        _embedded: {
          tags: page.items.map(tag => ({ id: tag.id, name: tag.name, color: tag.color })),
        },
      },
      'tags',
    );
  });
}
