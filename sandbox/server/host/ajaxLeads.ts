/**
 * The host page's own data routes (`/ajax/leads/...`), the sandbox's counterpart of the internal
 * endpoints amoCRM's interface loads its list, kanban and card from. They answer as the session
 * cookie's user with the API's own rights rule (`leadVisibility`), so the page shows exactly what
 * `/api/v4/leads` gives that user; unlike `/api/v4` they are not rate-limited or faulted, because
 * the page's loads must not eat into the 7 requests per second and the injected faults that the
 * widget's API client is being tested against (amoCRM's own UI does not spend the API budget).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoAccount, DemoEvent, DemoLead, DemoUser } from '../../demo/types';
import type { KanbanBody, LeadDetail, LeadListPage, ListLead } from '../../host/protocol';
import { authenticate } from '../auth';
import { eventsByLead } from '../indexes';
import { QueryError, sendProblem, sendValidationProblem } from '../problem';
import { intParam, queryOf, toInt } from '../query';
import { leadIndex, leadVisibility } from '../rights';
import type { SandboxContext } from '../types';
import { listFilterMatches, parseListFilter } from './listFilter';

const KANBAN_CARDS = 50;
const LIST_DEFAULT_LIMIT = 50;
const LIST_MAX_LIMIT = 250;

function toListLead(lead: DemoLead): ListLead {
  return {
    id: lead.id,
    name: lead.name,
    price: lead.price,
    status_id: lead.status_id,
    pipeline_id: lead.pipeline_id,
    responsible_user_id: lead.responsible_user_id,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
    closed_at: lead.closed_at,
    loss_reason_id: lead.loss_reason_id,
    tags: lead.tags.map(tag => ({ id: tag.id, name: tag.name })),
  };
}

/** Newest first, as a fresh amoCRM list and kanban column show them. */
function newestFirst(a: DemoLead, b: DemoLead): number {
  return b.created_at - a.created_at || b.id - a.id;
}

const sortedLeads = new WeakMap<DemoAccount, readonly DemoLead[]>();

/**
 * The account's leads newest first, sorted once per account object (an edit replaces the
 * object): sorting 100,000 leads on every page load cost the host page 100–200 ms that amoCRM's
 * indexed list does not, and that time was counted against the widget's warm start (bench).
 */
function leadsNewestFirst(account: DemoAccount): readonly DemoLead[] {
  let sorted = sortedLeads.get(account);
  if (sorted === undefined) {
    sorted = [...account.leads].sort(newestFirst);
    sortedLeads.set(account, sorted);
  }
  return sorted;
}

function sessionUser(ctx: SandboxContext, request: FastifyRequest): DemoUser | undefined {
  const auth = authenticate(ctx, request);
  return auth.ok ? auth.user : undefined;
}

/** The leads the user may see that match, newest first. */
function visibleLeads(ctx: SandboxContext, user: DemoUser, matches: (lead: DemoLead) => boolean) {
  const canSee = leadVisibility(ctx.account, user);
  return leadsNewestFirst(ctx.account).filter(
    lead => !lead.is_deleted && canSee(lead) && matches(lead),
  );
}

function pipelineParam(ctx: SandboxContext, value: unknown): number {
  const id = intParam(value, 'pipeline_id', 1);
  if (id === undefined || !ctx.account.pipelines.some(pipeline => pipeline.id === id)) {
    throw new QueryError([
      { code: 'NotFound', path: 'pipeline_id', detail: `no pipeline ${JSON.stringify(value)}` },
    ]);
  }
  return id;
}

function historyItem(event: DemoEvent): LeadDetail['history'][number] {
  const base = { at: event.created_at, by: event.created_by, type: event.type };
  if (event.type !== 'lead_status_changed') {
    return { ...base, from_status: null, to_status: null, pipeline_id: null };
  }
  const before = event.value_before[0]?.lead_status;
  const after = event.value_after[0]?.lead_status;
  return {
    ...base,
    from_status: before?.id ?? null,
    to_status: after?.id ?? null,
    pipeline_id: after?.pipeline_id ?? null,
  };
}

function unauthorized(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, 401, 'Not logged in: open the page again to get a session');
}

export function registerAjaxLeadRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof QueryError) return sendValidationProblem(reply, error.issues);
    request.log.error(error);
    return sendProblem(reply, 500, 'Internal Server Error');
  });

  app.get('/ajax/leads/list', (request, reply) => {
    const user = sessionUser(ctx, request);
    if (user === undefined) return unauthorized(reply);
    const query = queryOf(request);
    const pipelineId = pipelineParam(ctx, query.pipeline_id);
    const page = intParam(query.page, 'page', 1) ?? 1;
    const limit = Math.min(intParam(query.limit, 'limit', 1) ?? LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT);
    const filter = parseListFilter(query, pipelineId, ctx.account.account.timezone_offset);
    const all = visibleLeads(ctx, user, listFilterMatches(filter));
    const body: LeadListPage = {
      total: all.length,
      price_total: all.reduce((sum, lead) => sum + lead.price, 0),
      page,
      has_next: page * limit < all.length,
      items: all.slice((page - 1) * limit, page * limit).map(toListLead),
    };
    return reply.header('Cache-Control', 'no-store').send(body);
  });

  app.get('/ajax/leads/pipeline', (request, reply) => {
    const user = sessionUser(ctx, request);
    if (user === undefined) return unauthorized(reply);
    const pipelineId = pipelineParam(ctx, queryOf(request).pipeline_id);
    const pipeline = ctx.account.pipelines.find(item => item.id === pipelineId);
    const leads = visibleLeads(ctx, user, lead => lead.pipeline_id === pipelineId);
    const byStatus = new Map<number, DemoLead[]>();
    for (const lead of leads) {
      const list = byStatus.get(lead.status_id) ?? [];
      list.push(lead);
      byStatus.set(lead.status_id, list);
    }
    const body: KanbanBody = {
      pipeline_id: pipelineId,
      columns: (pipeline?.statuses ?? []).map(status => {
        const items = byStatus.get(status.id) ?? [];
        return {
          status_id: status.id,
          count: items.length,
          price: items.reduce((sum, lead) => sum + lead.price, 0),
          items: items.slice(0, KANBAN_CARDS).map(toListLead),
        };
      }),
    };
    return reply.header('Cache-Control', 'no-store').send(body);
  });

  app.get<{ Params: { id: string } }>('/ajax/leads/detail/:id', (request, reply) => {
    const user = sessionUser(ctx, request);
    if (user === undefined) return unauthorized(reply);
    const id = toInt(request.params.id);
    const lead = id === undefined ? undefined : leadIndex(ctx.account).get(id);
    if (lead === undefined || lead.is_deleted) {
      return sendProblem(reply, 404, `Lead ${request.params.id} not found`);
    }
    if (!leadVisibility(ctx.account, user)(lead)) {
      return sendProblem(reply, 403, `Lead ${request.params.id} is not visible to this user`);
    }
    const body: LeadDetail = {
      lead: { ...toListLead(lead), created_by: lead.created_by, updated_by: lead.updated_by },
      history: (eventsByLead(ctx.account).get(lead.id) ?? []).map(historyItem),
    };
    return reply.header('Cache-Control', 'no-store').send(body);
  });
}
