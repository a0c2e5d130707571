import type { Pipeline } from '../../core';
import { buildFunnel } from '../../core';
import type { I18nKey } from '../../i18n';
import type { PeriodPreset, WidgetSettings } from '../../state';
import { parseSettings } from '../../state';
import type { WorkingWeekDraft } from './workingWeekDraft';
import { workingCandidate, workingDraftOf, workingErrorOf } from './workingWeekDraft';

/** The form as typed: numbers stay text until they are valid, so "abc" can be shown and refused. */
export interface Draft {
  readonly defaultPeriod: PeriodPreset;
  readonly pipelines: readonly number[];
  readonly minSample: string;
  /** By stage id; '' = learn from history. */
  readonly stuckDaysByStage: Readonly<Record<string, string>>;
  /** Days of history to load and learn from; null = all of it. */
  readonly horizonDays: number | null;
  /** Side stages (metrics.md 11.3), by id. */
  readonly sideStageIds: readonly number[];
  /** The alerts' confidence level (metrics.md F.2), one of a list: never typed, never invalid. */
  readonly alertConfidence: number;
  /** The lead field that holds the deal's source, chosen from a list; null = none. */
  readonly sourceFieldId: number | null;
  /** Snoozed deals' fields (metrics.md F.6), chosen from lists; null = none. */
  readonly snoozeUntilFieldId: number | null;
  readonly snoozeReasonFieldId: number | null;
  /** The working week (metrics.md F.1) as typed; null = not set. */
  readonly workingWeek: WorkingWeekDraft | null;
}

export function draftOf(settings: WidgetSettings): Draft {
  return {
    defaultPeriod: settings.defaultPeriod,
    pipelines: settings.pipelines,
    minSample: String(settings.minSample),
    stuckDaysByStage: Object.fromEntries(
      Object.entries(settings.stuckDaysByStage).map(([id, days]) => [id, String(days)]),
    ),
    horizonDays: settings.horizonDays,
    sideStageIds: settings.sideStageIds,
    alertConfidence: settings.alertConfidence,
    sourceFieldId: settings.sourceFieldId,
    snoozeUntilFieldId: settings.snoozeUntilFieldId,
    snoozeReasonFieldId: settings.snoozeReasonFieldId,
    workingWeek: settings.workingWeek && workingDraftOf(settings.workingWeek),
  };
}

/** A typed number ("2,5" with a Russian decimal comma too), or the text itself for the schema to refuse. */
function numberOf(text: string): number | string {
  const clean = text.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(clean) ? Number(clean) : text;
}

export type Outcome =
  | { readonly ok: true; readonly settings: WidgetSettings }
  | { readonly ok: false; readonly errors: ReadonlyMap<string, I18nKey> };

/** The message for an invalid field, by which field and what zod found wrong. */
function messageFor(path: string, code: string): I18nKey {
  if (path === 'minSample') {
    if (code === 'too_small') return 'fl.settings.error.minSampleLow';
    if (code === 'too_big') return 'fl.settings.error.minSampleHigh';
    return 'fl.settings.error.integer';
  }
  if (code === 'too_small') return 'fl.settings.error.positive';
  if (code === 'too_big') return 'fl.settings.error.maxDays';
  return 'fl.settings.error.number';
}

/**
 * Validates the draft with the same schema the widget reads settings with, so what the form
 * accepts is exactly what the panel will accept. Empty fields mean "use the default".
 */
export function validate(draft: Draft): Outcome {
  const stuckDaysByStage: Record<string, number | string> = {};
  for (const [id, text] of Object.entries(draft.stuckDaysByStage)) {
    if (text.trim() !== '') stuckDaysByStage[id] = numberOf(text);
  }
  const week = draft.workingWeek && workingCandidate(draft.workingWeek);
  const candidate = {
    defaultPeriod: draft.defaultPeriod,
    pipelines: draft.pipelines,
    stuckDaysByStage,
    horizonDays: draft.horizonDays,
    sideStageIds: draft.sideStageIds,
    alertConfidence: draft.alertConfidence,
    sourceFieldId: draft.sourceFieldId,
    snoozeUntilFieldId: draft.snoozeUntilFieldId,
    snoozeReasonFieldId: draft.snoozeReasonFieldId,
    // Times that are not HH:MM are refused here; the rest of the form is still checked.
    workingWeek: week?.ok ? week.value : null,
    ...(draft.minSample.trim() === '' ? {} : { minSample: numberOf(draft.minSample) }),
  };
  const parsed = parseSettings(candidate);
  if (parsed.ok && (!week || week.ok)) return { ok: true, settings: parsed.settings };
  const errors = new Map<string, I18nKey>(week && !week.ok ? week.errors : []);
  for (const issue of parsed.ok ? [] : parsed.issues) {
    const [path, key] = issue.path.startsWith('workingWeek')
      ? workingErrorOf(issue.path, issue.code)
      : [issue.path, messageFor(issue.path, issue.code)];
    if (!errors.has(path)) errors.set(path, key);
  }
  return { ok: false, errors };
}

/** Open stages of a pipeline in sort order (metrics.md 2), side ones included, for per-stage settings. */
export function openStages(pipeline: Pipeline): readonly { id: number; name: string }[] {
  return buildFunnel(pipeline).stages.map(s => ({ id: s.id, name: s.name }));
}
