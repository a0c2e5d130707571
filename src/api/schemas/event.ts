import { z } from 'zod/mini';
import { id, links, listMeta, nullableNumber, nullableString, time } from './common';

/**
 * value_before / value_after depend on `type`, so the list schema keeps them as unknown arrays;
 * the status-change adapter validates them strictly (LeadStatusValuesSchema).
 */
const eventValues = z.optional(z.nullable(z.array(z.unknown())));

export const RawEventSchema = z.object({
  /** Event ids are strings in amoCRM, e.g. "01pz58t6p04ymgsgfbmfyfy1mf". */
  id: z.string(),
  type: z.string(),
  entity_id: id,
  created_at: time,
  entity_type: nullableString,
  created_by: nullableNumber,
  account_id: nullableNumber,
  value_before: eventValues,
  value_after: eventValues,
  _links: links,
});

export const RawEventListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ events: z.array(RawEventSchema) }),
});

const leadStatusSide = z.tuple([z.object({ lead_status: z.object({ id, pipeline_id: id }) })]);

/** `lead_status_changed` values: exactly one `{lead_status: {id, pipeline_id}}` on each side. */
export const LeadStatusValuesSchema = z.object({
  value_before: leadStatusSide,
  value_after: leadStatusSide,
});

/**
 * The same with an empty `value_before`: the event does not say where the lead came from
 * (docs/metrics.md, inputs the contract settles). Chosen by `hasNoBefore`, not as a union, so a
 * malformed side is reported at its own path as before.
 */
export const LeadStatusAfterOnlySchema = z.object({
  value_before: z.tuple([]),
  value_after: leadStatusSide,
});

/** Whether an event's `value_before` is an empty list. */
export function hasNoBefore(raw: { readonly value_before?: unknown }): boolean {
  return Array.isArray(raw.value_before) && raw.value_before.length === 0;
}

export type RawEvent = z.infer<typeof RawEventSchema>;
