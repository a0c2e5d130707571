import { z } from 'zod/mini';
import {
  id,
  links,
  listMeta,
  nullableNumber,
  nullablePrice,
  nullableRef,
  nullableString,
  nullableTime,
  optionalBoolean,
  time,
} from './common';

/** GET /api/v4/leads/loss_reasons item; also `lead._embedded.loss_reason[0]`. */
export const RawLossReasonSchema = z.object({
  id,
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
 * One value of a custom field: `enum_id` for the list types (select, multiselect, radiobutton),
 * `value` a text, a checkbox's boolean, or an object for composite types, which nothing reads.
 */
export const RawFieldValueSchema = z.object({
  value: z.optional(z.unknown()),
  enum_id: nullableNumber,
  enum_code: nullableString,
});

/**
 * An item of `custom_fields_values`, as amoCRM's reference gives it. Checked as far as the slices
 * read it (which field, and its values as objects); every field type shares this much.
 */
export const RawCustomFieldSchema = z.object({
  field_id: id,
  field_name: nullableString,
  field_code: nullableString,
  field_type: nullableString,
  values: z.optional(z.nullable(z.array(RawFieldValueSchema))),
});

/** `_embedded.tags[]`: only the id is read (slices); names change, ids do not. */
export const RawTagSchema = z.object({ id });

/**
 * Strict only where the engine depends on it (ids, stage, timestamps, price: ./numbers' rules);
 * everything else is optional or nullable because real accounts differ from the published
 * examples (`price: null`, `labor_cost` absent, `custom_fields_values: null` ...). Fields nothing
 * reads (`group_id`, `created_by` 0 for a robot …) are only numbers; `closest_task_at` is read
 * (the activity signal) but a task's due time is any number amoCRM gives.
 */
export const RawLeadSchema = z.object({
  id,
  pipeline_id: id,
  status_id: id,
  created_at: time,
  updated_at: time,
  name: nullableString,
  price: nullablePrice,
  responsible_user_id: nullableRef,
  group_id: nullableNumber,
  loss_reason_id: nullableRef,
  source_id: nullableNumber,
  created_by: nullableNumber,
  updated_by: nullableNumber,
  closed_at: nullableTime,
  closest_task_at: nullableNumber,
  is_deleted: optionalBoolean,
  custom_fields_values: z.optional(z.nullable(z.array(RawCustomFieldSchema))),
  score: nullableNumber,
  account_id: nullableNumber,
  labor_cost: nullableNumber,
  _links: links,
  _embedded: z.optional(
    z.object({
      loss_reason: embeddedLossReason,
      tags: z.optional(z.nullable(z.array(RawTagSchema))),
    }),
  ),
});

/**
 * An item of `GET /api/v4/leads?with=only_deleted`: a deleted lead as only its id, `updated_at`
 * and `is_deleted: true` (the reference, leads §"is_deleted"). Told apart from a lead by
 * `isDeletedStub`, not by a union, so a malformed lead is still reported at its field's path.
 */
export const RawDeletedLeadSchema = z.object({
  id,
  updated_at: time,
  is_deleted: z.literal(true),
  _links: links,
});

/** A leads-list item that says only that a lead is deleted: none of the fields that place it. */
export function isDeletedStub(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const raw = item as Readonly<Record<string, unknown>>;
  return (
    raw['is_deleted'] === true &&
    raw['pipeline_id'] === undefined &&
    raw['status_id'] === undefined &&
    raw['created_at'] === undefined
  );
}

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
export type RawDeletedLead = z.infer<typeof RawDeletedLeadSchema>;
export type RawLossReason = z.infer<typeof RawLossReasonSchema>;
export type RawCustomField = z.infer<typeof RawCustomFieldSchema>;
