import { z } from 'zod/mini';
import { nullableString } from './common';

const validationError = z.object({
  code: nullableString,
  path: nullableString,
  detail: nullableString,
});

/** application/problem+json. Kommo's 500 example has no `type`, so only title and status are required. */
export const RawProblemSchema = z.object({
  title: z.string(),
  status: z.number(),
  type: nullableString,
  detail: nullableString,
  retry_after: z.optional(z.nullable(z.number())),
  trace_id: nullableString,
  'validation-errors': z.optional(
    z.nullable(
      z.array(
        z.object({
          request_id: z.optional(z.nullable(z.union([z.string(), z.number()]))),
          errors: z.optional(z.array(validationError)),
        }),
      ),
    ),
  ),
});

export type RawProblem = z.infer<typeof RawProblemSchema>;
