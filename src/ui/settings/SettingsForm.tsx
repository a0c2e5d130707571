import type { VNode } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Pipeline, SideCandidate } from '../../core';
import type { I18nKey } from '../../i18n';
import type { WidgetSettings } from '../../state';
import { MAX_STUCK_DAYS, PERIOD_PRESETS } from '../../state';
import { useEnv } from '../env';
import { ConfidenceField } from './ConfidenceField';
import type { SourceChoice } from './SourceField';
import { SourceField } from './SourceField';
import type { CreateFields, FieldChoice } from './SnoozeFields';
import { SnoozeFields } from './SnoozeFields';
import type { Draft } from './draft';
import { draftOf, openStages, validate } from './draft';
import { HorizonField } from './HorizonField';
import { NumberField } from './NumberField';
import { SideStagesField } from './SideStagesField';
import { WorkingWeekField } from './WorkingWeekField';

const NO_DEPARTURES: ReadonlyMap<number, SideCandidate> = new Map();

export interface Props {
  readonly value: WidgetSettings;
  /** The account's pipelines with their statuses. */
  readonly pipelines: readonly Pipeline[];
  /**
   * The account's lead fields, for the source field and the snooze fields (by type); null while
   * read or when unreadable.
   */
  readonly fields?: readonly (SourceChoice & FieldChoice)[] | null | undefined;
  /** Creates the snooze fields (metrics.md F.6); absent where it cannot be done from here. */
  readonly createSnoozeFields?: CreateFields | null | undefined;
  readonly onChange: (next: { settings: WidgetSettings } | { invalid: readonly string[] }) => void;
  /**
   * Each stage's threshold as last learned from its history (hours by stage id), for the
   * placeholder of an empty field: "from history" alone does not say what that would be.
   */
  readonly learned?: ReadonlyMap<number, number> | undefined;
  /** Each stage's departures as last computed (by stage id): what side stages are suggested from. */
  readonly departures?: ReadonlyMap<number, SideCandidate> | undefined;
  /**
   * How many saves amoCRM refused so far: each one takes focus to the first invalid field, where
   * its message is (WCAG 3.3.1), instead of leaving it on amoCRM's save button.
   */
  readonly refusals?: number | undefined;
}

/**
 * The widget's settings for account admins (amoCRM's settings modal). Every change is validated
 * with the schema the widget reads them with; the adapter saves what comes out of `onChange`.
 */
export function SettingsForm({
  value,
  pipelines,
  fields = null,
  onChange,
  learned,
  departures = NO_DEPARTURES,
  refusals = 0,
  createSnoozeFields = null,
}: Props): VNode {
  const { t, fmt } = useEnv();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [errors, setErrors] = useState<ReadonlyMap<string, I18nKey>>(new Map());
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (refusals === 0) return;
    const invalid = [
      ...(form.current?.querySelectorAll<HTMLElement>('.fl-settings__row--invalid input') ?? []),
    ];
    // The host's own check of required fields runs over the whole custom block before onSave;
    // amoCRM does not document what it does to inputs it does not own, so say it again.
    for (const input of invalid) input.setAttribute('aria-invalid', 'true');
    invalid[0]?.focus();
  }, [refusals]);

  const update = (next: Draft): void => {
    setDraft(next);
    const outcome = validate(next);
    if (outcome.ok) {
      setErrors(new Map());
      onChange({ settings: outcome.settings });
    } else {
      setErrors(outcome.errors);
      onChange({ invalid: [...outcome.errors.keys()] });
    }
  };
  const errorOf = (path: string): string | null => {
    const key = errors.get(path);
    return key ? t(key, { max: MAX_STUCK_DAYS }) : null;
  };
  const learnedText = (stageId: number): string => {
    const hours = learned?.get(stageId);
    return hours === undefined
      ? t('fl.settings.learned')
      : t('fl.settings.learnedValue', { days: fmt.days(hours) });
  };
  const shown =
    draft.pipelines.length === 0
      ? pipelines
      : pipelines.filter(p => draft.pipelines.includes(p.id));

  return (
    <form class="fl-settings" ref={form} onSubmit={e => e.preventDefault()} noValidate>
      <div class="fl-settings__row">
        <label for={`${ids}-period`}>{t('fl.settings.period')}</label>
        <select
          id={`${ids}-period`}
          value={draft.defaultPeriod}
          onChange={e => {
            const v = PERIOD_PRESETS.find(p => p === e.currentTarget.value);
            if (v) update({ ...draft, defaultPeriod: v });
          }}
        >
          {PERIOD_PRESETS.map(p => (
            <option key={p} value={p}>
              {t(`fl.settings.preset.${p}`)}
            </option>
          ))}
        </select>
      </div>

      <HorizonField
        id={`${ids}-horizon`}
        value={draft.horizonDays}
        onChange={horizonDays => update({ ...draft, horizonDays })}
      />

      <fieldset class="fl-settings__group">
        <legend>{t('fl.settings.pipelines')}</legend>
        <p class="fl-muted">{t('fl.settings.pipelinesHint')}</p>
        {pipelines.map(p => (
          <label key={p.id} class="fl-settings__check">
            <input
              type="checkbox"
              checked={draft.pipelines.includes(p.id)}
              onChange={e => {
                const on = e.currentTarget.checked;
                const rest = draft.pipelines.filter(id => id !== p.id);
                update({ ...draft, pipelines: on ? [...rest, p.id] : rest });
              }}
            />
            {p.name}
          </label>
        ))}
      </fieldset>

      <NumberField
        id={`${ids}-min`}
        label={t('fl.settings.minSample')}
        hint={t('fl.settings.minSampleHint')}
        value={draft.minSample}
        placeholder="10"
        error={errorOf('minSample')}
        onInput={text => update({ ...draft, minSample: text })}
      />

      <ConfidenceField
        id={`${ids}-confidence`}
        value={draft.alertConfidence}
        onChange={alertConfidence => update({ ...draft, alertConfidence })}
      />

      <WorkingWeekField
        id={`${ids}-working`}
        value={draft.workingWeek}
        errors={errors}
        onChange={workingWeek => update({ ...draft, workingWeek })}
      />

      <SourceField
        id={`${ids}-source`}
        value={draft.sourceFieldId}
        fields={fields}
        onChange={sourceFieldId => update({ ...draft, sourceFieldId })}
      />

      <SnoozeFields
        id={`${ids}-snooze`}
        until={draft.snoozeUntilFieldId}
        reason={draft.snoozeReasonFieldId}
        fields={fields}
        create={createSnoozeFields}
        onChange={next =>
          update({ ...draft, snoozeUntilFieldId: next.until, snoozeReasonFieldId: next.reason })
        }
      />

      <fieldset class="fl-settings__group">
        <legend>{t('fl.settings.stuck')}</legend>
        <p class="fl-muted">{t('fl.settings.stuckHint', { max: MAX_STUCK_DAYS })}</p>
        {shown.map(p => (
          <fieldset key={p.id} class="fl-settings__pipeline">
            <legend>{p.name}</legend>
            {openStages(p).map(s => (
              <NumberField
                key={s.id}
                id={`${ids}-stage-${s.id}`}
                label={s.name}
                value={draft.stuckDaysByStage[String(s.id)] ?? ''}
                placeholder={learnedText(s.id)}
                suffix={t('fl.settings.days')}
                error={errorOf(`stuckDaysByStage.${s.id}`)}
                onInput={text =>
                  update({
                    ...draft,
                    stuckDaysByStage: { ...draft.stuckDaysByStage, [String(s.id)]: text },
                  })
                }
              />
            ))}
          </fieldset>
        ))}
      </fieldset>

      <SideStagesField
        id={`${ids}-side`}
        pipelines={shown}
        value={draft.sideStageIds}
        departures={departures}
        onChange={sideStageIds => update({ ...draft, sideStageIds })}
      />
    </form>
  );
}
