import type { VNode } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { I18nKey } from '../../i18n';
import type { PeriodChoice } from '../../state';
import { PERIOD_PRESETS } from '../../state';
import type { PeriodPreset } from '../../state';
import { useEnv } from '../env';
import type { DateDraft } from './periodDates';
import { checkDraft, draftOf } from './periodDates';

export interface Props {
  readonly value: PeriodChoice;
  readonly onChange: (choice: PeriodChoice) => void;
  /** The account's IANA zone: custom dates are calendar days there, as in amoCRM's filters. */
  readonly timeZone: string;
}

const CUSTOM = 'custom';
const isPreset = (v: string): v is PeriodPreset =>
  (PERIOD_PRESETS as readonly string[]).includes(v);

/**
 * The period of the cohort: a preset, or two dates. A preset applies at once; custom dates apply
 * on "Apply" and only when they make a real range, otherwise the choice stays as it was.
 */
export function PeriodPicker({ value, onChange, timeZone }: Props): VNode {
  const env = useEnv();
  const { t } = env;
  const id = useId();
  const nowSec = () => Math.floor(env.clock() / 1000);
  const [draft, setDraft] = useState<DateDraft | null>(() =>
    value.kind === CUSTOM ? draftOf(value, nowSec(), timeZone) : null,
  );
  const [error, setError] = useState<I18nKey | null>(null);

  const pick = (next: string) => {
    setError(null);
    if (next === CUSTOM) setDraft(draftOf(value, nowSec(), timeZone));
    else if (isPreset(next)) {
      setDraft(null);
      onChange({ kind: next });
    }
  };
  const apply = (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    const checked = checkDraft(draft, nowSec(), timeZone);
    if (checked.ok) {
      setError(null);
      onChange(checked.choice);
    } else setError(checked.error);
  };
  const cancel = () => {
    setError(null);
    setDraft(value.kind === CUSTOM ? draftOf(value, nowSec(), timeZone) : null);
  };
  const edit = (field: keyof DateDraft, text: string) => {
    setDraft(d => (d ? { ...d, [field]: text } : d));
  };

  return (
    <div class="fl-period">
      <label class="fl-field">
        <span class="fl-field__label">{t('fl.common.period.label')}</span>
        <select
          class="fl-period__select"
          value={draft ? CUSTOM : value.kind}
          onChange={e => pick(e.currentTarget.value)}
        >
          {PERIOD_PRESETS.map(p => (
            <option key={p} value={p}>
              {t(`fl.common.period.${p}`)}
            </option>
          ))}
          <option value={CUSTOM}>{t('fl.common.period.custom')}</option>
        </select>
      </label>
      {draft && (
        <form class="fl-period__custom" onSubmit={apply} noValidate>
          <label class="fl-field">
            <span class="fl-field__label">{t('fl.common.period.from')}</span>
            <input
              type="date"
              value={draft.from}
              onInput={e => edit('from', e.currentTarget.value)}
              aria-describedby={id}
            />
          </label>
          <label class="fl-field">
            <span class="fl-field__label">{t('fl.common.period.to')}</span>
            <input
              type="date"
              value={draft.to}
              onInput={e => edit('to', e.currentTarget.value)}
              aria-describedby={id}
            />
          </label>
          <div class="fl-period__actions">
            <button type="submit" class="fl-button--primary">
              {t('fl.common.period.apply')}
            </button>
            <button type="button" onClick={cancel}>
              {t('fl.common.period.cancel')}
            </button>
          </div>
          <p id={id} class="fl-field__error" role="alert">
            {error && t(error)}
          </p>
        </form>
      )}
    </div>
  );
}
