/**
 * `PATCH /api/v4/leads` (an array of leads) and `PATCH /api/v4/leads/{id}` (one lead), as far as
 * a widget writes them: `custom_fields_values` of text and date fields (snoozed deals, metrics.md
 * F.6). amoCRM's rules: the user's leads edit right decides (403 for a lead outside it, and
 * nothing is written), a bad field or value is a 400 `validation-errors` body naming its path,
 * and a written lead gets a new `updated_at`, so an incremental read picks it up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoCustomField, DemoCustomFieldValue, DemoLead } from '../../demo/types';
import { currentUser } from '../auth';
import { requestOrigin, sendHal } from '../hal';
import { sendProblem, sendValidationProblem, type ValidationIssue } from '../problem';
import { toInt } from '../query';
import { leadEditability, leadIndex, leadVisibility } from '../rights';
import type { SandboxContext } from '../types';

/** One lead's change as read from the body: the new values per field (null = cleared). */
interface LeadChange {
  readonly id: number;
  readonly fields: ReadonlyMap<number, DemoCustomFieldValue['values'] | null>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** amoCRM's text fields hold at most this many characters. */
export const TEXT_FIELD_MAX = 256;

function readValue(
  field: DemoCustomField,
  raw: unknown,
  path: string,
  issues: ValidationIssue[],
): { value: string } | null {
  const value = isRecord(raw) ? raw['value'] : undefined;
  if (field.type === 'date') {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
      return { value: String(value) };
    issues.push({
      code: 'InvalidType',
      path: `${path}.value`,
      detail: 'Expected a Unix timestamp',
    });
    return null;
  }
  if (field.type === 'text') {
    if (typeof value === 'string' && value.length <= TEXT_FIELD_MAX) return { value };
    issues.push({
      code: 'InvalidType',
      path: `${path}.value`,
      detail: `Expected a string of at most ${TEXT_FIELD_MAX} characters`,
    });
    return null;
  }
  issues.push({
    code: 'NotSupportedChoice',
    path,
    detail: `Field type ${field.type} is read-only here`,
  });
  return null;
}

/** One body item as amoCRM checks it; each problem is pushed with its path inside the item. */
function readChange(
  ctx: SandboxContext,
  raw: unknown,
  id: number | undefined,
  issues: ValidationIssue[],
): LeadChange | null {
  const start = issues.length;
  if (!isRecord(raw)) {
    issues.push({ code: 'InvalidType', path: '', detail: 'Expected an object' });
    return null;
  }
  const leadId = id ?? raw['id'];
  if (typeof leadId !== 'number' || !Number.isSafeInteger(leadId))
    issues.push({ code: 'FieldMissing', path: 'id', detail: 'Lead id is required' });
  const fields = new Map<number, DemoCustomFieldValue['values'] | null>();
  const list = raw['custom_fields_values'];
  if (list !== undefined && !Array.isArray(list))
    issues.push({ code: 'InvalidType', path: 'custom_fields_values', detail: 'Expected an array' });
  (Array.isArray(list) ? list : []).forEach((item: unknown, k) => {
    const path = `custom_fields_values.${k}`;
    const fieldId = isRecord(item) ? item['field_id'] : undefined;
    const field = ctx.account.customFields.find(f => f.id === fieldId);
    if (!isRecord(item) || field === undefined) {
      issues.push({
        code: 'NotSupportedChoice',
        path: `${path}.field_id`,
        detail: 'Unknown field',
      });
      return;
    }
    const values = item['values'];
    if (values === null || (Array.isArray(values) && values.length === 0)) {
      fields.set(field.id, null);
      return;
    }
    if (!Array.isArray(values)) {
      issues.push({ code: 'InvalidType', path: `${path}.values`, detail: 'Expected an array' });
      return;
    }
    const read = values.map((v: unknown, j) => readValue(field, v, `${path}.values.${j}`, issues));
    if (read.every(v => v !== null)) fields.set(field.id, read);
  });
  return issues.length > start || typeof leadId !== 'number' ? null : { id: leadId, fields };
}

/** The lead with its fields changed, in the account's field order, null when none is left. */
function applied(ctx: SandboxContext, lead: DemoLead, change: LeadChange, now: number, by: number) {
  const held = new Map((lead.custom_fields_values ?? []).map(v => [v.field_id, v]));
  for (const [fieldId, values] of change.fields) {
    const field = ctx.account.customFields.find(f => f.id === fieldId);
    if (values === null || field === undefined) held.delete(fieldId);
    else
      held.set(fieldId, {
        field_id: field.id,
        field_name: field.name,
        field_code: field.code,
        field_type: field.type,
        values,
      });
  }
  const order = new Map(ctx.account.customFields.map(f => [f.id, f.sort]));
  const kept = [...held.values()].sort(
    (a, b) =>
      (order.get(a.field_id) ?? 0) - (order.get(b.field_id) ?? 0) || a.field_id - b.field_id,
  );
  return {
    ...lead,
    custom_fields_values: kept.length > 0 ? kept : null,
    // Never back in time, and always later: a lead written twice in one second must still move.
    updated_at: Math.max(now, lead.updated_at + 1),
    updated_by: by,
    tags: [...lead.tags],
  };
}

/**
 * Checks every change, then writes all or nothing: one invalid item or one lead the user may not
 * edit and the account stays as it was.
 */
function write(
  ctx: SandboxContext,
  request: FastifyRequest,
  reply: FastifyReply,
  items: readonly unknown[],
  id: number | undefined,
): DemoLead[] | FastifyReply {
  const changes: LeadChange[] = [];
  const errors: { request_id: string; errors: ValidationIssue[] }[] = [];
  items.forEach((raw, k) => {
    const issues: ValidationIssue[] = [];
    const change = readChange(ctx, raw, id, issues);
    if (change) changes.push(change);
    else errors.push({ request_id: String(k), errors: issues });
  });
  if (errors.length > 0)
    return sendProblem(reply, 400, 'Request validation failed', { 'validation-errors': errors });
  const user = currentUser(request);
  const leads = leadIndex(ctx.account);
  const canSee = leadVisibility(ctx.account, user);
  const canEdit = leadEditability(ctx.account, user);
  for (const change of changes) {
    const lead = leads.get(change.id);
    if (lead === undefined || lead.is_deleted)
      return sendValidationProblem(reply, [
        { code: 'NotFound', path: 'id', detail: `Lead ${change.id} not found` },
      ]);
    // A lead the user cannot see is one they cannot edit either: the same 403, nothing told.
    if (!canSee(lead) || !canEdit(lead)) return sendProblem(reply, 403, 'Access denied');
  }
  const now = Math.floor(ctx.clock.now() / 1000);
  const written = new Map<number, DemoLead>();
  for (const change of changes) {
    const lead = written.get(change.id) ?? leads.get(change.id);
    if (lead) written.set(change.id, applied(ctx, lead, change, now, user.id));
  }
  // The account is replaced, never changed in place (SandboxContext.account).
  ctx.account = {
    ...ctx.account,
    leads: ctx.account.leads.map(lead => written.get(lead.id) ?? lead),
  };
  return [...written.values()];
}

export function registerLeadWriteRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.patch('/leads', (request, reply) => {
    const body = request.body;
    if (!Array.isArray(body) || body.length === 0)
      return sendValidationProblem(reply, [
        { code: 'InvalidType', path: '', detail: 'Expected a non-empty array of leads' },
      ]);
    const done = write(ctx, request, reply, body, undefined);
    if (!Array.isArray(done)) return done;
    const origin = requestOrigin(request);
    return sendHal(reply, {
      _links: { self: { href: `${origin}/api/v4/leads` } },
      _embedded: {
        leads: done.map((lead, k) => ({
          id: lead.id,
          updated_at: lead.updated_at,
          request_id: String(k),
          _links: { self: { href: `${origin}/api/v4/leads/${lead.id}` } },
        })),
      },
    });
  });

  app.patch<{ Params: { id: string } }>('/leads/:id', (request, reply) => {
    const id = toInt(request.params.id);
    if (id === undefined) return sendProblem(reply, 404, `Cannot PATCH ${request.url}`);
    const done = write(ctx, request, reply, [request.body], id);
    if (!Array.isArray(done)) return done;
    const lead = done[0];
    if (lead === undefined) return sendProblem(reply, 500, 'Internal Server Error');
    return sendHal(reply, {
      id: lead.id,
      updated_at: lead.updated_at,
      _links: { self: { href: `${requestOrigin(request)}/api/v4/leads/${lead.id}` } },
    });
  });
}
