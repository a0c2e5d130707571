/**
 * `POST /api/v4/leads/custom_fields` (an array of fields), as the widget's settings call it to
 * create the snoozed deals' fields (metrics.md F.6): text and date fields, administrators only
 * (403 otherwise), a bad item a 400 `validation-errors` body naming its path. The new fields are
 * listed by `GET /leads/custom_fields` at once.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoCustomField } from '../../demo/types';
import { currentUser } from '../auth';
import { requestOrigin, sendHal } from '../hal';
import { sendProblem, type ValidationIssue } from '../problem';
import { serializeCustomField } from '../serialize';
import type { SandboxContext } from '../types';

/** The types the sandbox creates: what a widget's own fields need. */
const CREATABLE = ['text', 'date'] as const;
type Creatable = (typeof CREATABLE)[number];
const isCreatable = (t: unknown): t is Creatable => CREATABLE.includes(t as Creatable);

interface NewField {
  readonly name: string;
  readonly type: Creatable;
  readonly sort: number | null;
}

function readField(raw: unknown, issues: ValidationIssue[]): NewField | null {
  const item = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const { name, type, sort } = item as Record<string, unknown>;
  const start = issues.length;
  if (typeof name !== 'string' || name.trim() === '')
    issues.push({ code: 'FieldMissing', path: 'name', detail: 'Field name is required' });
  if (!isCreatable(type))
    issues.push({ code: 'NotSupportedChoice', path: 'type', detail: 'Unsupported field type' });
  if (sort !== undefined && (typeof sort !== 'number' || !Number.isSafeInteger(sort)))
    issues.push({ code: 'InvalidType', path: 'sort', detail: 'Expected an integer' });
  if (issues.length > start || typeof name !== 'string' || !isCreatable(type)) return null;
  return { name: name.trim(), type, sort: typeof sort === 'number' ? sort : null };
}

export function registerCustomFieldWriteRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/leads/custom_fields', (request, reply) => {
    if (!currentUser(request).is_admin) return sendProblem(reply, 403, 'Access denied');
    const body = request.body;
    const items: unknown[] = Array.isArray(body) ? body : [];
    const fields: NewField[] = [];
    const errors: { request_id: string; errors: ValidationIssue[] }[] = [];
    items.forEach((raw, k) => {
      const issues: ValidationIssue[] = [];
      const field = readField(raw, issues);
      if (field) fields.push(field);
      else errors.push({ request_id: String(k), errors: issues });
    });
    if (items.length === 0)
      errors.push({
        request_id: '0',
        errors: [{ code: 'InvalidType', path: '', detail: 'Expected a non-empty array' }],
      });
    if (errors.length > 0)
      return sendProblem(reply, 400, 'Request validation failed', { 'validation-errors': errors });

    const held = ctx.account.customFields;
    let id = held.reduce((max, f) => Math.max(max, f.id), 0);
    let sort = held.reduce((max, f) => Math.max(max, f.sort), 0);
    const created: DemoCustomField[] = fields.map(f => ({
      id: ++id,
      name: f.name,
      type: f.type,
      code: null,
      sort: f.sort ?? (sort += 10),
      is_api_only: false,
      enums: null,
    }));
    // The account is replaced, never changed in place (SandboxContext.account).
    ctx.account = { ...ctx.account, customFields: [...held, ...created] };
    const origin = requestOrigin(request);
    const accountId = ctx.account.account.id;
    return sendHal(reply, {
      _total_items: created.length,
      _embedded: {
        custom_fields: created.map(f => serializeCustomField(origin, f, accountId)),
      },
    });
  });
}
