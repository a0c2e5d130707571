/**
 * `GET /api/v4/leads` and `GET /api/v4/leads/{id}` (reference §2): paged lists without a total,
 * 204 when empty, what the user's rights allow, and `filter[...]` only where the account has the
 * API-filter add-on; without it amoCRM silently ignores the filters and so does the sandbox.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DemoLead, DemoLossReason } from '../../demo/types';
import { currentUser } from '../auth';
import { insertLeadsAtFront } from '../faults/drift';
import { sendList } from '../faults/malformed';
import { listLinks, parsePaging, requestOrigin, sendHal, sendNoContent, slicePage } from '../hal';
import { sendProblem } from '../problem';
import { orderParam, queryOf, toInt, withSet, type Order } from '../query';
import { leadCandidates } from '../indexes';
import { createListCache, listKey } from '../listCache';
import { leadIndex, leadVisibility } from '../rights';
import { statsPath } from '../stats';
import { serializeLead } from '../serialize';
import type { SandboxContext } from '../types';
import { leadMatches, parseLeadFilter } from './leadQuery';

const LEADS_PAGING = { defaultLimit: 50, maxLimit: 250 };
const DEFAULT_ORDER: Order = { field: 'id', direction: 'asc' };
const lists = createListCache<DemoLead>();

/** Whether `filter[...]` is honoured: the account's add-on flag, unless switched off for tests. */
export function leadFiltersEnabled(ctx: SandboxContext): boolean {
  return ctx.apiFilters && ctx.faults.apiFilters && ctx.account.account.is_api_filter_enabled;
}

function compareLeads(order: Order): (a: DemoLead, b: DemoLead) => number {
  const sign = order.direction === 'asc' ? 1 : -1;
  const key = order.field as 'id' | 'created_at' | 'updated_at';
  return (a, b) => sign * (a[key] - b[key] || a.id - b.id);
}

function lossReasonsFor(
  ctx: SandboxContext,
  request: FastifyRequest,
): ReadonlyMap<number, DemoLossReason> | undefined {
  if (!withSet(queryOf(request)).has('loss_reason')) return undefined;
  return new Map(ctx.account.lossReasons.map(reason => [reason.id, reason]));
}

export function registerLeadRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/leads', (request, reply) => {
    const query = queryOf(request);
    const paging = parsePaging(query, LEADS_PAGING);
    const order = orderParam(query, ['created_at', 'updated_at', 'id']) ?? DEFAULT_ORDER;
    const filters = leadFiltersEnabled(ctx);
    const filter = filters ? parseLeadFilter(query) : {};
    const matches = leadMatches(filter);
    const user = currentUser(request);
    const deleted = withSet(query).has('only_deleted');
    const key = listKey({ user: user.id, filters, order, deleted }, filters ? query : {});
    const all = lists.get(ctx.account, key, () => {
      ctx.stats.listBuilt(statsPath(request.url));
      const canSee = leadVisibility(ctx.account, user);
      return leadCandidates(ctx.account, filter.id)
        .filter(lead => lead.is_deleted === deleted && canSee(lead) && matches(lead))
        .sort(compareLeads(order));
    });
    const page = slicePage(all, paging);
    if (page.items.length === 0) return sendNoContent(reply);

    const origin = requestOrigin(request);
    const lossReasons = lossReasonsFor(ctx, request);
    const options = lossReasons === undefined ? {} : { lossReasons };
    const sent = sendList(
      ctx,
      reply,
      {
        _page: paging.page,
        _links: listLinks(request, paging.page, page.hasNext),
        _embedded: { leads: page.items.map(lead => serializeLead(origin, lead, options)) },
      },
      'leads',
    );
    const front = all[0];
    const shift =
      page.hasNext && front !== undefined ? ctx.faults.takePaginationShift() : undefined;
    // Fewer new items than a page, or a client reading tiny pages would never reach the end.
    if (shift !== undefined && front !== undefined) {
      insertLeadsAtFront(ctx, front, order.direction, Math.min(shift, paging.limit - 1));
    }
    return sent;
  });

  app.get<{ Params: { id: string } }>('/leads/:id', (request, reply) => {
    const id = toInt(request.params.id);
    if (id === undefined) return sendProblem(reply, 404, `Cannot GET ${request.url}`);
    const lead = leadIndex(ctx.account).get(id);
    const canSee = leadVisibility(ctx.account, currentUser(request));
    // A missing, deleted or invisible lead is "no content", as amoCRM documents for lead by ID.
    if (lead === undefined || lead.is_deleted || !canSee(lead)) return sendNoContent(reply);
    const lossReasons = lossReasonsFor(ctx, request);
    return sendHal(
      reply,
      serializeLead(requestOrigin(request), lead, lossReasons === undefined ? {} : { lossReasons }),
    );
  });
}
