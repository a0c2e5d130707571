import { z } from 'zod/mini';
import { idIssue, priceIssue, refIssue, timeIssue } from './numbers';

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

/**
 * A number that must also pass one of ./numbers' rules. The issue aborts (`continue: false`) as a
 * type issue does: inside the loss-reason union a non-aborting issue would make zod report the
 * array branch's own issue instead of the union's verdict, which the page readers give.
 */
function ruled(issueOf: (value: number) => string | null) {
  return z.number().check(
    z.superRefine((value: number, ctx) => {
      const message = issueOf(value);
      if (message !== null)
        ctx.addIssue({ code: 'custom', message, input: value, continue: false });
    }),
  );
}

export const id = ruled(idIssue);
export const ref = ruled(refIssue);
export const time = ruled(timeIssue);
export const price = ruled(priceIssue);
export const nullableId = z.optional(z.nullable(id));
export const nullableRef = z.optional(z.nullable(ref));
export const nullableTime = z.optional(z.nullable(time));
export const nullablePrice = z.optional(z.nullable(price));

/** List envelope fields; the item collection is added by each list schema. */
export const listMeta = {
  _page: z.optional(z.number()),
  _total_items: z.optional(z.number()),
  _page_count: z.optional(z.number()),
  _links: links,
};
