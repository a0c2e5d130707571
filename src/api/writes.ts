/**
 * The widget's only writes to amoCRM (snoozed deals, metrics.md F.6): a lead's two snooze fields
 * with `PATCH /api/v4/leads`, and the fields themselves with `POST /api/v4/leads/custom_fields`.
 * Requests go only to the account's own `/api/v4` over the same axios instance as the reads. A
 * write is sent once: it is a person's click, and a failure is shown to them rather than retried,
 * so nothing changes behind their back.
 */
import type { AxiosInstance } from 'axios';
import { z } from 'zod/mini';
import { adaptCustomField } from './adapt';
import { ApiError } from './apiError';
import { toApiError } from './errors';
import { parseWith } from './parse';
import { RawFieldDefSchema } from './schemas';
import { id, links } from './schemas/common';
import type { LeadCustomField } from './types';

const LEADS = '/api/v4/leads';
const FIELDS = '/api/v4/leads/custom_fields';

/** amoCRM's text fields hold at most 256 characters; the widget asks for fewer. */
export const SNOOZE_REASON_MAX = 200;

/** The lead fields holding the mark (the settings' choice). */
export interface SnoozeFieldIds {
  readonly untilFieldId: number;
  readonly reasonFieldId: number | null;
}

/** A mark to write; both null clears it (un-snoozes). `until` in epoch seconds. */
export interface SnoozeWrite {
  readonly until: number | null;
  readonly reason: string | null;
}

const PatchedLeadsSchema = z.object({
  _links: links,
  _embedded: z.object({
    leads: z.array(z.object({ id, updated_at: z.number(), _links: links })),
  }),
});

const CreatedFieldsSchema = z.object({
  _embedded: z.object({ custom_fields: z.array(RawFieldDefSchema) }),
});

/** Each validation error of amoCRM's 400 body as `{path, message}`, to show what was refused. */
const ValidationSchema = z.object({
  'validation-errors': z.array(
    z.object({
      errors: z.array(
        z.object({ code: z.string(), path: z.string(), detail: z.optional(z.string()) }),
      ),
    }),
  ),
});

export interface LeadWriter {
  /** Writes (or clears) one lead's mark; resolves with the lead's new `updated_at`. */
  snoozeLead(
    leadId: number,
    mark: SnoozeWrite,
    fields: SnoozeFieldIds,
    options?: { readonly signal?: AbortSignal },
  ): Promise<{ readonly updatedAt: number }>;
  /** Creates lead fields (admins only), in the order given. */
  createLeadFields(
    fields: readonly { readonly name: string; readonly type: 'text' | 'date' }[],
    options?: { readonly signal?: AbortSignal },
  ): Promise<LeadCustomField[]>;
}

/** A write's failure as an ApiError; a 400's validation errors become its `issues`. */
function writeError(error: unknown, path: string): ApiError {
  const mapped = toApiError(error, path);
  if (mapped.code !== 'BAD_REQUEST') return mapped;
  const body = (error as { response?: { data?: unknown } }).response?.data;
  const parsed = ValidationSchema.safeParse(body);
  if (!parsed.success) return mapped;
  const issues = parsed.data['validation-errors'].flatMap(r =>
    r.errors.map(e => ({ path: e.path, message: `${e.code}${e.detail ? `: ${e.detail}` : ''}` })),
  );
  return new ApiError('BAD_REQUEST', {
    status: mapped.status,
    path,
    detail: mapped.detail,
    issues,
    cause: error,
  });
}

function checkMark(mark: SnoozeWrite, fields: SnoozeFieldIds): void {
  if (mark.until !== null && !(Number.isSafeInteger(mark.until) && mark.until > 0))
    throw new RangeError(`Not a date in epoch seconds: ${mark.until}`);
  if (mark.reason !== null && mark.reason.length > SNOOZE_REASON_MAX)
    throw new RangeError(`A reason of at most ${SNOOZE_REASON_MAX} characters`);
  if (!Number.isSafeInteger(fields.untilFieldId) || fields.untilFieldId <= 0)
    throw new RangeError(`Not a field id: ${fields.untilFieldId}`);
}

/** The body amoCRM takes: values `[{value}]`, or `null` to clear a field. */
export function snoozeBody(leadId: number, mark: SnoozeWrite, fields: SnoozeFieldIds) {
  const reason = mark.until === null ? null : (mark.reason?.trim() ?? '') || null;
  return [
    {
      id: leadId,
      custom_fields_values: [
        {
          field_id: fields.untilFieldId,
          values: mark.until === null ? null : [{ value: mark.until }],
        },
        ...(fields.reasonFieldId === null
          ? []
          : [
              {
                field_id: fields.reasonFieldId,
                values: reason === null ? null : [{ value: reason }],
              },
            ]),
      ],
    },
  ];
}

export function createLeadWriter(http: AxiosInstance): LeadWriter {
  return {
    async snoozeLead(leadId, mark, fields, options = {}) {
      if (!Number.isSafeInteger(leadId) || leadId <= 0)
        throw new RangeError(`Not an amoCRM id: ${leadId}`);
      checkMark(mark, fields);
      let data: unknown;
      try {
        const response = await http.patch(
          LEADS,
          snoozeBody(leadId, mark, fields),
          options.signal ? { signal: options.signal } : {},
        );
        data = response.data;
      } catch (error) {
        throw writeError(error, LEADS);
      }
      const body = parseWith(PatchedLeadsSchema, data, { path: LEADS });
      const written = body._embedded.leads.find(l => l.id === leadId);
      if (!written) throw new ApiError('SCHEMA', { path: LEADS, issues: [] });
      return { updatedAt: written.updated_at };
    },
    async createLeadFields(fields, options = {}) {
      let data: unknown;
      try {
        const body = fields.map(f => ({ name: f.name, type: f.type }));
        data = (await http.post(FIELDS, body, options.signal ? { signal: options.signal } : {}))
          .data;
      } catch (error) {
        throw writeError(error, FIELDS);
      }
      return parseWith(CreatedFieldsSchema, data, { path: FIELDS })._embedded.custom_fields.map(
        adaptCustomField,
      );
    },
  };
}
