import { z } from 'zod/mini';
import { id, links, listMeta, nullableNumber, nullableString, optionalBoolean } from './common';

/** The engine keys and orders stages by id, pipeline_id, sort and type, so those are strict. */
export const RawStatusSchema = z.object({
  id,
  pipeline_id: id,
  sort: z.number(),
  type: z.number(),
  name: z.optional(z.string()),
  is_editable: optionalBoolean,
  color: nullableString,
  account_id: nullableNumber,
  /** Only with `with=descriptions`; nothing reads them, so their shape is not checked. */
  descriptions: z.optional(z.nullable(z.array(z.unknown()))),
  _links: links,
});

export const RawPipelineSchema = z.object({
  id,
  name: z.optional(z.string()),
  sort: nullableNumber,
  is_main: optionalBoolean,
  is_unsorted_on: optionalBoolean,
  is_archive: optionalBoolean,
  account_id: nullableNumber,
  _links: links,
  _embedded: z.optional(z.object({ statuses: z.optional(z.array(RawStatusSchema)) })),
});

/** GET /api/v4/leads/pipelines: all pipelines at once, no paging. */
export const RawPipelineListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ pipelines: z.array(RawPipelineSchema) }),
});

/** GET /api/v4/leads/pipelines/{id}/statuses: the doc example has no top-level `_links`. */
export const RawStatusListSchema = z.object({
  ...listMeta,
  _embedded: z.object({ statuses: z.array(RawStatusSchema) }),
});

export type RawStatus = z.infer<typeof RawStatusSchema>;
export type RawPipeline = z.infer<typeof RawPipelineSchema>;
