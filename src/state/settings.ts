/**
 * The widget's settings, as an account admin sets them in amoCRM's settings modal. amoCRM stores
 * them in the widget's single `custom` field as a JSON string, so they arrive as `unknown` and
 * are parsed here; anything invalid is refused with the path of the bad value.
 */
import { z } from 'zod/mini';
import type { WorkingWeek } from '../core';
import { parseWorkingWeek } from '../core';

export const PERIOD_PRESETS = ['this_month', 'last_30', 'last_90', 'quarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const MAX_STUCK_DAYS = 365;
/** The history horizon choices (days); null = all history (metrics.md 11.1, issue #8). */
export const HORIZON_CHOICES = [180, 365, 730, null] as const;
/** The alert confidence levels the settings offer (docs/metrics.md F.2); the default is 0.95. */
export const CONFIDENCE_CHOICES = [0.9, 0.95, 0.99] as const;

/**
 * The working week (docs/metrics.md F.1), checked by the engine's own parser so the settings
 * accept exactly what the report and the CLI accept; each problem keeps the parser's code
 * (`unknown_time_zone`, `overlap`, …) and the path of the bad value under `workingWeek`.
 */
const workingWeek = z.pipe(
  z.unknown(),
  z.transform((raw: unknown, ctx): WorkingWeek | null => {
    if (raw === null) return null;
    // The core parser also reads JSON text; inside the settings' JSON a week is an object.
    const read =
      typeof raw === 'string'
        ? { ok: false as const, issues: [{ path: '', code: 'invalid_type' }] }
        : parseWorkingWeek(raw);
    if (read.ok) return read.week;
    for (const issue of read.issues)
      ctx.issues.push({
        code: 'custom',
        path: issue.path === '' ? [] : issue.path.split('.'),
        message: issue.code,
        input: raw,
      });
    return z.NEVER;
  }),
);

const stageDays = z.record(
  z.string().check(z.regex(/^\d+$/)),
  z.number().check(z.gt(0), z.lte(MAX_STUCK_DAYS)),
);

export const SettingsSchema = z.object({
  /** Per-stage stuck thresholds in days, by stage id; stages not named learn from history. */
  stuckDaysByStage: z._default(stageDays, {}),
  defaultPeriod: z._default(z.enum(PERIOD_PRESETS), 'last_30'),
  /** Pipelines the panel appears on; empty = every pipeline. */
  pipelines: z._default(z.array(z.int().check(z.positive())), []),
  minSample: z._default(z.int().check(z.gte(1), z.lte(1000)), 10),
  /**
   * How far back history is loaded, and what learned thresholds and stage norms learn from
   * (metrics.md 11.1), in days; null = all history.
   */
  horizonDays: z._default(z.nullable(z.int().check(z.gte(30), z.lte(3650))), 365),
  /**
   * Open stages the admin set apart as side stages (metrics.md 11.3), by id, any pipeline's: a
   * visit there is not a step forward. Suggested from history, never applied without the admin.
   */
  sideStageIds: z._default(z.array(z.int().check(z.positive())), []),
  /**
   * The level a conversion change must reach to be flagged (docs/metrics.md F.2), in the range
   * the engine accepts, so a level saved outside the offered choices still works.
   */
  alertConfidence: z._default(z.number().check(z.gte(0.5), z.lt(1)), 0.95),
  /**
   * The lead custom field that says where a deal came from (issue 12), by id: the filter lists it
   * first, as the source, whatever its type; null = none chosen (UTM fields are offered anyway).
   */
  sourceFieldId: z._default(z.nullable(z.int().check(z.positive())), null),
  /**
   * The account's working week (issue 13, metrics.md F.1): what "working hours" count; null =
   * not set, and no duration is offered in working hours.
   */
  workingWeek: z._default(workingWeek, null),
  /**
   * Snoozed deals (docs/metrics.md F.6): the lead date field that holds "waits until" and the
   * text field that holds the reason, by id; null = not chosen (no snoozing offered).
   */
  snoozeUntilFieldId: z._default(z.nullable(z.int().check(z.positive())), null),
  snoozeReasonFieldId: z._default(z.nullable(z.int().check(z.positive())), null),
});

export type WidgetSettings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: WidgetSettings = {
  stuckDaysByStage: {},
  defaultPeriod: 'last_30',
  pipelines: [],
  minSample: 10,
  horizonDays: 365,
  sideStageIds: [],
  alertConfidence: 0.95,
  sourceFieldId: null,
  workingWeek: null,
  snoozeUntilFieldId: null,
  snoozeReasonFieldId: null,
};

export type SettingsResult =
  | { readonly ok: true; readonly settings: WidgetSettings }
  | {
      readonly ok: false;
      readonly issues: readonly { readonly path: string; readonly code: string }[];
    };

/**
 * Parses the stored value: a JSON string (what amoCRM keeps), an already-parsed object, or
 * nothing yet (defaults).
 */
export function parseSettings(raw: unknown): SettingsResult {
  let value = raw;
  if (raw === undefined || raw === null || raw === '')
    return { ok: true, settings: DEFAULT_SETTINGS };
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, issues: [{ path: '', code: 'not_json' }] };
    }
  }
  const parsed = SettingsSchema.safeParse(renameLegacy(value));
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map(i => ({
      path: i.path.map(String).join('.'),
      // A working week's problems carry the engine's code (see `workingWeek` above).
      code: i.code === 'custom' ? i.message : i.code,
    })),
  };
}

/**
 * Settings saved before the per-stage thresholds got their one name kept them as `stuckDays`;
 * read them under the new name (a value saved under both names keeps the new one).
 */
function renameLegacy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { stuckDays, ...rest } = value as Record<string, unknown>;
  if (stuckDays === undefined || 'stuckDaysByStage' in rest) return rest;
  return { ...rest, stuckDaysByStage: stuckDays };
}

/** Whether the panel belongs on this pipeline. */
export function showsPipeline(settings: WidgetSettings, pipelineId: number): boolean {
  return settings.pipelines.length === 0 || settings.pipelines.includes(pipelineId);
}
