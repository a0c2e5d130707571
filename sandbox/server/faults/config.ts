/**
 * What can go wrong, as data: the fault configuration accepted by `startSandbox({ faults })`, the
 * CLI's `--faults <preset>` and `POST /_sandbox/faults`. Everything is off by default; randomness
 * comes from a seeded generator so a failing run can be replayed.
 */
import { z } from 'zod';

const count = z.number().int().min(1);
const serverErrorStatus = z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]);

const latencySchema = z.union([
  z.number().int().min(0),
  z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .refine(([min, max]) => min <= max, 'latencyMs range must be [min, max] with min <= max'),
]);

export const faultConfigSchema = z
  .object({
    /** Seed of the generator behind latency ranges and probabilistic errors. */
    seed: z.number().int().optional(),
    /** Added to every API response: fixed, or uniform in [min, max]. */
    latencyMs: latencySchema.optional(),
    /** Every API request gets 429 with this retry_after, for `count` requests or until cleared. */
    rateLimitStorm: z
      .object({ retryAfter: z.number().int().min(0).default(1), count: count.optional() })
      .strict()
      .optional(),
    /** The next `count` API requests fail, and/or each fails with `probability`. */
    serverErrors: z
      .object({
        status: z
          .union([serverErrorStatus, z.array(serverErrorStatus).min(1)])
          .default([500, 502, 504]),
        count: count.optional(),
        probability: z.number().min(0).max(1).optional(),
      })
      .strict()
      .refine(value => value.count !== undefined || value.probability !== undefined, {
        error: 'serverErrors needs count and/or probability',
      })
      .optional(),
    /** The next `count` list responses are broken in the given way. */
    malformedBody: z
      .object({
        count: count.default(1),
        kind: z.enum(['invalid-json', 'truncated', 'schema']).default('invalid-json'),
      })
      .strict()
      .optional(),
    /** Each session or token works for this many API requests, then answers 401. */
    sessionExpiresAfter: z.number().int().min(0).optional(),
    /** After a list page that has a next page, `items` new ones appear at the front (`times` times). */
    paginationShift: z
      .object({ items: count.default(2), times: count.optional() })
      .strict()
      .optional(),
    /** false = lead filter[...] parameters are ignored, as without amoCRM's paid filter add-on. */
    apiFilters: z.boolean().optional(),
  })
  .strict();

export type FaultConfig = z.output<typeof faultConfigSchema>;
export type FaultConfigInput = z.input<typeof faultConfigSchema>;
export type MalformedKind = NonNullable<FaultConfig['malformedBody']>['kind'];

export const FAULT_PRESET_NAMES = [
  'none',
  'slow',
  'flaky',
  'ratelimit',
  'expiring',
  'drift',
  'nofilters',
] as const;

export type FaultPresetName = (typeof FAULT_PRESET_NAMES)[number];

export const FAULT_PRESETS: Readonly<Record<FaultPresetName, FaultConfigInput>> = {
  none: {},
  slow: { latencyMs: [150, 600] },
  flaky: {
    seed: 7,
    latencyMs: [20, 150],
    serverErrors: { status: [500, 502, 504], probability: 0.15 },
  },
  ratelimit: { rateLimitStorm: { retryAfter: 1, count: 5 } },
  expiring: { sessionExpiresAfter: 30 },
  drift: { paginationShift: { items: 2, times: 5 } },
  nofilters: { apiFilters: false },
};

export function isFaultPresetName(name: string): name is FaultPresetName {
  return (FAULT_PRESET_NAMES as readonly string[]).includes(name);
}

/** A preset name, a config, or a preset with overrides (`{ preset: 'flaky', seed: 3 }`). */
export type FaultSetting = FaultPresetName | (FaultConfigInput & { preset?: FaultPresetName });

const settingSchema = faultConfigSchema.extend({
  preset: z.enum(FAULT_PRESET_NAMES).optional(),
});

export interface ResolvedFaults {
  readonly preset: FaultPresetName | null;
  readonly config: FaultConfig;
}

/** Validates a setting from code or from the control endpoint; throws a ZodError when invalid. */
export function resolveFaultSetting(setting: unknown): ResolvedFaults {
  const asObject = typeof setting === 'string' ? { preset: setting } : (setting ?? {});
  const { preset, ...overrides } = settingSchema.parse(asObject);
  const base = preset === undefined ? {} : FAULT_PRESETS[preset];
  const config = faultConfigSchema.parse({ ...base, ...overrides });
  return { preset: preset ?? null, config };
}
