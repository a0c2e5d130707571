import type { z } from 'zod/mini';
import { schemaError } from './errors';

/**
 * `unknown → schema → typed` or an ApiError SCHEMA whose issue paths start at `prefix` (empty for
 * a whole body). `reportInput` lets the issue messages say what type was found.
 */
export function parseWith<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  where: { path?: string | undefined; prefix?: string } = {},
): T {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw schemaError(result.error, where);
  return result.data;
}
