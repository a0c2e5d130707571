/**
 * `GET /api/v4/users` and `/users/{id}` (reference §4): administrators only (403 otherwise), paged
 * with `_total_items`, `_page` and `_page_count`. Rights are derived from the demo user's lead
 * visibility, the one right the demo models; the rest follow from being an admin or not.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoGroup, DemoUser } from '../../demo/types';
import { currentUser } from '../auth';
import { sendList } from '../faults/malformed';
import { listLinks, parsePaging, requestOrigin, sendHal, sendNoContent, slicePage } from '../hal';
import { sendProblem } from '../problem';
import { queryOf, toInt, withSet } from '../query';
import type { SandboxContext } from '../types';

const USERS_PAGING = { defaultLimit: 50, maxLimit: 250 };

export function userRights(user: DemoUser) {
  const view = user.leads_view;
  const adminOnly = user.is_admin ? 'A' : 'D';
  const edit = user.is_admin ? 'A' : (user.leads_edit ?? view);
  const entity = { view, edit, add: 'A', delete: adminOnly, export: adminOnly };
  return {
    leads: entity,
    contacts: { ...entity },
    companies: { ...entity },
    tasks: { edit: view, delete: adminOnly },
    mail_access: true,
    catalog_access: user.is_admin,
    status_rights: null,
    is_admin: user.is_admin,
    is_free: false,
    is_active: user.is_active,
    group_id: user.group_id,
    role_id: null,
  };
}

function serializeUser(
  origin: string,
  user: DemoUser,
  withs: ReadonlySet<string>,
  groups: readonly DemoGroup[],
) {
  const group = groups.find(item => item.id === user.group_id);
  const embedded = {
    ...(withs.has('role') && { roles: [] }),
    ...(withs.has('group') && {
      groups: group === undefined ? [] : [{ id: group.id, name: group.name }],
    }),
  };
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    lang: user.lang,
    rights: userRights(user),
    _links: { self: { href: `${origin}/api/v4/users/${user.id}` } },
    ...(Object.keys(embedded).length > 0 && { _embedded: embedded }),
  };
}

/** amoCRM: "only account administrators can call these" — a non-admin gets 403. */
function refuseNonAdmin(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (currentUser(request).is_admin) return undefined;
  return sendProblem(reply, 403, 'Access denied: only account administrators can read users');
}

export function registerUserRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/users', (request, reply) => {
    const refused = refuseNonAdmin(request, reply);
    if (refused !== undefined) return refused;
    const query = queryOf(request);
    const paging = parsePaging(query, USERS_PAGING);
    const users = [...ctx.account.users].sort((a, b) => a.id - b.id);
    const page = slicePage(users, paging);
    if (page.items.length === 0) return sendNoContent(reply);
    const origin = requestOrigin(request);
    const withs = withSet(query);
    return sendList(
      ctx,
      reply,
      {
        _total_items: users.length,
        _page: paging.page,
        _page_count: Math.ceil(users.length / paging.limit),
        _links: listLinks(request, paging.page, page.hasNext),
        _embedded: {
          users: page.items.map(user => serializeUser(origin, user, withs, ctx.account.groups)),
        },
      },
      'users',
    );
  });

  app.get<{ Params: { id: string } }>('/users/:id', (request, reply) => {
    const refused = refuseNonAdmin(request, reply);
    if (refused !== undefined) return refused;
    const id = toInt(request.params.id);
    const user = ctx.account.users.find(item => item.id === id);
    if (user === undefined) return sendProblem(reply, 404, `User ${request.params.id} not found`);
    const withs = withSet(queryOf(request));
    return sendHal(reply, serializeUser(requestOrigin(request), user, withs, ctx.account.groups));
  });
}
