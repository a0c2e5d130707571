import { z } from 'zod/mini';

/**
 * Pieces shared by every HAL body. Objects are non-strict on purpose: real accounts return many
 * more keys than the published examples, and zod/mini strips unknown keys by default.
 */

const link = z.object({ href: z.string() });

/** `_links` is never required: the statuses list example has none, and nothing here reads it except `next`. */
export const links = z.optional(
  z.object({
    self: z.optional(link),
    next: z.optional(link),
    prev: z.optional(link),
    first: z.optional(link),
  }),
);

/** An optional field that the docs show as `null` on some accounts. */
export const nullableNumber = z.optional(z.nullable(z.number()));
export const nullableString = z.optional(z.nullable(z.string()));
export const optionalBoolean = z.optional(z.nullable(z.boolean()));

/** List envelope fields; the item collection is added by each list schema. */
export const listMeta = {
  _page: z.optional(z.number()),
  _total_items: z.optional(z.number()),
  _page_count: z.optional(z.number()),
  _links: links,
};
