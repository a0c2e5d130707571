/**
 * Lead custom fields (the custom-fields docs): `GET /api/v4/leads/custom_fields` paged like the
 * users list (`_total_items`, `_page`, `_page_count`, `_links`; 50 a page by default, at most 250;
 * 204 past the last page), list fields with their `enums`, and `/leads/custom_fields/{id}`. Open
 * to every user. `filter[type]` and `order[sort|id]` work as documented.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoCustomField } from '../../demo/types';
import { sendList } from '../faults/malformed';
import { listLinks, parsePaging, requestOrigin, sendHal, sendNoContent, slicePage } from '../hal';
import { sendProblem } from '../problem';
import { field, orderParam, queryOf, stringList, toInt, type Query } from '../query';
import { bySort, serializeCustomField } from '../serialize';
import type { SandboxContext } from '../types';

const FIELDS_PAGING = { defaultLimit: 50, maxLimit: 250 };

function selectFields(all: readonly DemoCustomField[], query: Query): DemoCustomField[] {
  const types = stringList(field(query, 'filter', 'type'), 'filter[type]');
  const chosen =
    types === undefined ? bySort(all) : bySort(all).filter(f => types.includes(f.type));
  const order = orderParam(query, ['sort', 'id']);
  if (order === undefined) return chosen;
  const sign = order.direction === 'asc' ? 1 : -1;
  const key = order.field === 'id' ? (f: DemoCustomField) => f.id : (f: DemoCustomField) => f.sort;
  return chosen.sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
}

export function registerCustomFieldRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/leads/custom_fields', (request, reply) => {
    const query = queryOf(request);
    const paging = parsePaging(query, FIELDS_PAGING);
    const fields = selectFields(ctx.account.customFields, query);
    const page = slicePage(fields, paging);
    if (page.items.length === 0) return sendNoContent(reply);
    const origin = requestOrigin(request);
    const accountId = ctx.account.account.id;
    return sendList(
      ctx,
      reply,
      {
        _total_items: fields.length,
        _page: paging.page,
        _page_count: Math.ceil(fields.length / paging.limit),
        _links: listLinks(request, paging.page, page.hasNext),
        _embedded: {
          custom_fields: page.items.map(item => serializeCustomField(origin, item, accountId)),
        },
      },
      'custom_fields',
    );
  });

  app.get<{ Params: { id: string } }>('/leads/custom_fields/:id', (request, reply) => {
    const id = toInt(request.params.id);
    const found = ctx.account.customFields.find(item => item.id === id);
    if (found === undefined) {
      return sendProblem(reply, 404, `Custom field ${request.params.id} not found`);
    }
    return sendHal(
      reply,
      serializeCustomField(requestOrigin(request), found, ctx.account.account.id),
    );
  });
}
