import { z } from 'zod/mini';
import { links, listMeta, nullableNumber, nullableString, optionalBoolean } from './common';

/** GET /api/v4/leads/loss_reasons item; also `lead._embedded.loss_reason[0]`. */
export const RawLossReasonSchema = z.object({
  id: z.number(),
  name: z.string(),
  sort: nullableNumber,
  created_at: nullableNumber,
  updated_at: nullableNumber,
  _links: links,
});

/**
 * The reference's example (and the PHP library) give `_embedded.loss_reason` as an array of 0 or
 * 1 items while its field table says object; accept both.
 */
const embeddedLossReason = z.optional(
  z.nullable(z.union([z.array(RawLossReasonSchema), RawLossReasonSchema])),
);

/**
 * Strict only where the engine depends on it (ids, stage, timestamps); everything else is
 * optional or nullable because real accounts differ from the published examples (`price: null`,
 * `labor_cost` absent, `custom_fields_values: null` ...).
 */
export const RawLeadSchema = z.object({
  id: z.number(),
  pipeline_id: z.number(),
  status_id: z.number(),
  created_at: z.number(),
  updated_at: z.number(),
  name: nullableString,
  price: nullableNumber,
  responsible_user_id: nullableNumber,
  group_id: nullableNumber,
  loss_reason_id: nullableNumber,
  source_id: nullableNumber,
  created_by: nullableNumber,
  updated_by: nullableNumber,
  closed_at: nullableNumber,
  closest_task_at: nullableNumber,
  is_deleted: optionalBoolean,
  custom_fields_values: z.optional(z.nullable(z.array(z.unknown()))),
  score: nullableNumber,
  account_id: nullableNumber,
  labor_cost: nullableNumber,
  _links: links,
  _embedded: z.optional(z.object({ loss_reason: embeddedLossReason })),
});

/** GET /api/v4/leads: no total count; ends with 204 or a page without `_links.next`. */
export const RawLeadListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ leads: z.array(RawLeadSchema) }),
});

export const RawLossReasonListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ loss_reasons: z.array(RawLossReasonSchema) }),
});

export type RawLead = z.infer<typeof RawLeadSchema>;
export type RawLossReason = z.infer<typeof RawLossReasonSchema>;
