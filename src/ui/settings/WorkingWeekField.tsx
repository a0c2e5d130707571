import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { I18nKey } from '../../i18n';
import { useEnv } from '../env';
import { LOCALES } from '../format';
import type { WorkingWeekDraft } from './workingWeekDraft';
import { defaultWorkingDraft, holidayLines } from './workingWeekDraft';

export interface Props {
  readonly id: string;
  /** null: no working week set (durations are offered in elapsed time only). */
  readonly value: WorkingWeekDraft | null;
  /** Errors under `workingWeek` by path (`workingWeek.end`, `workingWeek.holidays.2`, …). */
  readonly errors: ReadonlyMap<string, I18nKey>;
  readonly onChange: (next: WorkingWeekDraft | null) => void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** 2024-01-01 was a Monday: day `d` of the ISO week is that date plus `d - 1`. */
const MONDAY_MS = Date.UTC(2024, 0, 1, 12);

/** The runtime's IANA zones, or null where `Intl.supportedValuesOf` is missing (a text input). */
function knownZones(): readonly string[] | null {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : null;
  } catch {
    return null;
  }
}

/**
 * The account's working week (issue 13, metrics.md F.1): working days, the working day's start and
 * end, the zone they are read in (the account's by default) and holidays, one date a line. Every
 * entry is checked by the engine's own parser through the settings schema; a bad holiday line is
 * named by its number.
 */
export function WorkingWeekField({ id, value, errors, onChange }: Props): VNode {
  const { t, fmt, timeZone } = useEnv();
  const zones = useMemo(knownZones, []);
  const dayName = useMemo(() => {
    const f = new Intl.DateTimeFormat(LOCALES[fmt.lang], { weekday: 'short', timeZone: 'UTC' });
    return (d: number) => f.format(new Date(MONDAY_MS + (d - 1) * 86_400_000));
  }, [fmt.lang]);
  const err = (path: string) => errors.get(path === '' ? 'workingWeek' : `workingWeek.${path}`);
  const message = (path: string): string | null => {
    const key = err(path);
    return key ? t(key) : null;
  };
  const holidayErrors = value
    ? holidayLines(value.holidays).flatMap((h, k) =>
        err(`holidays.${k}`) ? [t('fl.working.error.holiday', h)] : [],
      )
    : [];
  const whole = message('');
  const set = (patch: Partial<WorkingWeekDraft>) => value && onChange({ ...value, ...patch });
  const zoneChoices = value && zones && !zones.includes(value.timeZone) ? null : zones;

  return (
    <fieldset class="fl-settings__group fl-settings__working" aria-describedby={`${id}-hint`}>
      <legend>{t('fl.working.settings.legend')}</legend>
      <p class="fl-muted" id={`${id}-hint`}>
        {t('fl.working.settings.hint')}
      </p>
      <label class="fl-settings__check">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={e => onChange(e.currentTarget.checked ? defaultWorkingDraft(timeZone) : null)}
        />
        {t('fl.working.settings.enable')}
      </label>
      {value && (
        <>
          <fieldset
            class={`fl-settings__pipeline${err('days') ? ' fl-settings__row--invalid' : ''}`}
            aria-describedby={err('days') ? `${id}-days-error` : undefined}
          >
            <legend>{t('fl.working.settings.days')}</legend>
            <span class="fl-settings__days">
              {WEEKDAYS.map(d => (
                <label key={d} class="fl-settings__check">
                  <input
                    type="checkbox"
                    value={String(d)}
                    checked={value.days.includes(d)}
                    onChange={e => {
                      const rest = value.days.filter(x => x !== d);
                      set({
                        days: e.currentTarget.checked ? [...rest, d].sort((a, b) => a - b) : rest,
                      });
                    }}
                  />
                  {dayName(d)}
                </label>
              ))}
            </span>
            {err('days') && (
              <span id={`${id}-days-error`} class="fl-settings__error" role="alert">
                {message('days')}
              </span>
            )}
          </fieldset>
          {(['start', 'end'] as const).map(which => (
            <div
              key={which}
              class={`fl-settings__row${err(which) ? ' fl-settings__row--invalid' : ''}`}
            >
              <label for={`${id}-${which}`}>{t(`fl.working.settings.${which}`)}</label>
              <span class="fl-settings__field">
                <input
                  id={`${id}-${which}`}
                  type="text"
                  inputMode="numeric"
                  placeholder="09:00"
                  value={value[which]}
                  aria-invalid={err(which) ? true : undefined}
                  aria-describedby={`${id}-time-hint${err(which) ? ` ${id}-${which}-error` : ''}`}
                  onInput={e => set({ [which]: e.currentTarget.value })}
                />
              </span>
              {err(which) && (
                <span id={`${id}-${which}-error`} class="fl-settings__error" role="alert">
                  {message(which)}
                </span>
              )}
            </div>
          ))}
          <p class="fl-muted fl-settings__hint" id={`${id}-time-hint`}>
            {t('fl.working.settings.timeHint')}
          </p>
          <div class={`fl-settings__row${err('timeZone') ? ' fl-settings__row--invalid' : ''}`}>
            <label for={`${id}-zone`}>{t('fl.working.settings.timeZone')}</label>
            {zoneChoices ? (
              <select
                id={`${id}-zone`}
                value={value.timeZone}
                onChange={e => set({ timeZone: e.currentTarget.value })}
              >
                {zoneChoices.map(z => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            ) : (
              <span class="fl-settings__field">
                <input
                  id={`${id}-zone`}
                  type="text"
                  value={value.timeZone}
                  aria-invalid={err('timeZone') ? true : undefined}
                  aria-describedby={err('timeZone') ? `${id}-zone-error` : undefined}
                  onInput={e => set({ timeZone: e.currentTarget.value })}
                />
              </span>
            )}
            {err('timeZone') && (
              <span id={`${id}-zone-error`} class="fl-settings__error" role="alert">
                {message('timeZone')}
              </span>
            )}
          </div>
          <div
            class={`fl-settings__row fl-settings__holidays${holidayErrors.length > 0 ? ' fl-settings__row--invalid' : ''}`}
          >
            <label for={`${id}-holidays`}>{t('fl.working.settings.holidays')}</label>
            <textarea
              id={`${id}-holidays`}
              rows={4}
              value={value.holidays}
              placeholder="2026-01-01"
              aria-invalid={holidayErrors.length > 0 ? true : undefined}
              aria-describedby={`${id}-holidays-hint${holidayErrors.length > 0 ? ` ${id}-holidays-error` : ''}`}
              onInput={e => set({ holidays: e.currentTarget.value })}
            />
            <span id={`${id}-holidays-hint`} class="fl-muted fl-settings__hint">
              {t('fl.working.settings.holidaysHint')}
            </span>
            {holidayErrors.length > 0 && (
              <span id={`${id}-holidays-error`} class="fl-settings__error" role="alert">
                {holidayErrors.join(' ')}
              </span>
            )}
          </div>
          {whole && (
            <p class="fl-settings__error" role="alert">
              {whole}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
