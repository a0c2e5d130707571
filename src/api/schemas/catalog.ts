import { z } from 'zod/mini';
import { id, listMeta, nullableNumber, nullableString } from './common';

/** `GET /api/v4/leads/tags`: the names the slice filter shows for `_embedded.tags[].id`. */
export const RawTagItemSchema = z.object({ id, name: z.string(), color: nullableString });

export const RawTagListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ tags: z.array(RawTagItemSchema) }),
});

/** A list field's choice; `id` is what a lead's value carries as `enum_id`. */
const rawEnum = z.object({ id, value: z.string(), sort: nullableNumber });

/**
 * `GET /api/v4/leads/custom_fields`. Only what the filter reads; the many other keys (`is_api_only`,
 * `required_statuses`, `remind`, …) are stripped.
 */
export const RawFieldDefSchema = z.object({
  id,
  name: z.string(),
  type: z.string(),
  code: nullableString,
  sort: nullableNumber,
  enums: z.optional(z.nullable(z.array(rawEnum))),
});

export const RawFieldDefListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ custom_fields: z.array(RawFieldDefSchema) }),
});

export type RawTagItem = z.infer<typeof RawTagItemSchema>;
export type RawFieldDef = z.infer<typeof RawFieldDefSchema>;
