/**
 * `GET /api/v4/events` and `GET /api/v4/events/{id}` (reference §3): newest first, at most 100 per
 * page on amoCRM (the RU page; Kommo says 250), no total, 204 when empty, and only events of leads
 * the user may see.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoEvent } from '../../demo/types';
import { currentUser } from '../auth';
import { insertEventsAtFront } from '../faults/drift';
import { sendList } from '../faults/malformed';
import { listLinks, parsePaging, requestOrigin, sendHal, sendNoContent, slicePage } from '../hal';
import { orderParam, queryOf, withSet } from '../query';
import { eventCandidates } from '../indexes';
import { createListCache, listKey } from '../listCache';
import { eventVisibility, leadIndex } from '../rights';
import { statsPath } from '../stats';
import { serializeEvent, type EventOptions } from '../serialize';
import type { SandboxContext } from '../types';
import { eventMatches, parseEventFilter } from './eventQuery';

const EVENTS_PAGING = { defaultLimit: 100, maxLimit: 100 };
const lists = createListCache<DemoEvent>();

/** created_at, ties by id (ids are opaque strings, compared as strings). */
function compareEvents(direction: 'asc' | 'desc'): (a: DemoEvent, b: DemoEvent) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => sign * (a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function eventOptions(ctx: SandboxContext, withs: ReadonlySet<string>): EventOptions {
  return withs.has('lead_name') ? { leads: leadIndex(ctx.account) } : {};
}

export function registerEventRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/events', (request, reply) => {
    const query = queryOf(request);
    const paging = parsePaging(query, EVENTS_PAGING);
    // order[created_at] is undocumented but used by integrators (reference §3); default newest first.
    const direction = orderParam(query, ['created_at'])?.direction ?? 'desc';
    const filter = parseEventFilter(query);
    const matches = eventMatches(filter);
    const user = currentUser(request);
    const all = lists.get(ctx.account, listKey({ user: user.id, direction }, query), () => {
      ctx.stats.listBuilt(statsPath(request.url));
      const canSee = eventVisibility(ctx.account, user);
      const selection = { entityIds: filter.entity_id, createdAt: filter.created_at };
      return eventCandidates(ctx.account, selection)
        .filter(event => canSee(event) && matches(event))
        .sort(compareEvents(direction));
    });
    const page = slicePage(all, paging);
    if (page.items.length === 0) return sendNoContent(reply);

    const origin = requestOrigin(request);
    const options = eventOptions(ctx, withSet(query));
    const sent = sendList(
      ctx,
      reply,
      {
        _page: paging.page,
        _links: listLinks(request, paging.page, page.hasNext),
        _embedded: { events: page.items.map(event => serializeEvent(origin, event, options)) },
      },
      'events',
    );
    const front = all[0];
    if (page.hasNext && front !== undefined && direction === 'desc') {
      const shift = ctx.faults.takePaginationShift();
      // Fewer new items than a page, or a client reading tiny pages would never reach the end.
      if (shift !== undefined) insertEventsAtFront(ctx, front, Math.min(shift, paging.limit - 1));
    }
    return sent;
  });

  app.get<{ Params: { id: string } }>('/events/:id', (request, reply) => {
    const event = ctx.account.events.find(item => item.id === request.params.id);
    const canSee = eventVisibility(ctx.account, currentUser(request));
    // Unknown or invisible: 204, the events page's "nothing found" (reference §3 HTTP codes).
    if (event === undefined || !canSee(event)) return sendNoContent(reply);
    const options = eventOptions(ctx, withSet(queryOf(request)));
    return sendHal(reply, serializeEvent(requestOrigin(request), event, options));
  });
}
