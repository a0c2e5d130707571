import type { VNode } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { SnoozeMark } from '../../core';
import { addDays, parseCivilDate, zonedParts, zonedToEpoch } from '../../core';
import type { I18nKey } from '../../i18n';
import type { SnoozeControl, SnoozeMarkDraft } from '../../state';
import { useEnv } from '../env';
import { MetricHint } from './MetricHint';
import { civilToInput } from './periodDates';

/** amoCRM's text fields hold 256 characters; the reason stays well inside (api SNOOZE_REASON_MAX). */
export const REASON_MAX = 200;

export interface Props {
  readonly control: SnoozeControl;
  readonly leadId: number;
  readonly responsibleUserId: number | null;
  /** The lead's mark when its date is still ahead (metrics.md F.6); null when not snoozed. */
  readonly mark: SnoozeMark | null;
}

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'editing' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' };

/**
 * A deal's snooze (metrics.md F.6): its mark, «ждёт до DATE — причина», with a way to lift it, or
 * the «Отложить» button and its small form. Shown only to users who may edit the lead; a refused
 * or failed write says why and leaves the mark as it was. All texts are rendered as text.
 */
export function SnoozeAction({ control, leadId, responsibleUserId, mark }: Props): VNode | null {
  const env = useEnv();
  const { t, fmt, timeZone } = env;
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<I18nKey | null>(null);
  const today = zonedParts(Math.floor(env.clock() / 1000), timeZone);
  const [date, setDate] = useState(() => civilToInput(addDays(today, 7)));
  const [reason, setReason] = useState('');
  if (!control.mayEdit(responsibleUserId) && !mark) return null;
  const editable = control.mayEdit(responsibleUserId);

  const save = async (draft: SnoozeMarkDraft) => {
    setPhase({ kind: 'saving' });
    setError(null);
    const outcome = await control.save(leadId, draft);
    if (outcome.ok) setPhase({ kind: 'saved' });
    else {
      setError(`fl.snooze.error.${outcome.error}`);
      setPhase({ kind: draft.until === null ? 'idle' : 'editing' });
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const day = parseCivilDate(date);
    // The deal comes back at the start of the chosen day, in the account's time zone.
    const until = day ? zonedToEpoch(day, timeZone) : null;
    if (until === null || until <= Math.floor(env.clock() / 1000))
      return setError('fl.snooze.error.date');
    if (reason.length > REASON_MAX) return setError('fl.snooze.error.reasonLong');
    void save({ until, reason: reason.trim() || null });
  };

  const message = error && (
    <p class="fl-snooze__error" role="alert">
      {t(error, { max: REASON_MAX })}
    </p>
  );

  if (phase.kind === 'saved')
    return (
      <p class="fl-snooze__note" role="status">
        {t('fl.snooze.saved')}
      </p>
    );

  if (mark)
    return (
      <div class="fl-snooze">
        <MetricHint text={t('fl.metric.snoozed')} align="start">
          <span class="fl-snooze__mark">
            {mark.reason === null
              ? t('fl.snooze.mark', { date: fmt.date(mark.until) })
              : t('fl.snooze.markReason', { date: fmt.date(mark.until), reason: mark.reason })}
          </span>
        </MetricHint>
        {editable && (
          <button
            type="button"
            class="fl-snooze__button"
            title={t('fl.snooze.unsnoozeHint')}
            disabled={phase.kind === 'saving'}
            onClick={() => void save({ until: null, reason: null })}
          >
            {t(phase.kind === 'saving' ? 'fl.snooze.saving' : 'fl.snooze.unsnooze')}
          </button>
        )}
        {message}
      </div>
    );

  if (phase.kind === 'idle')
    return (
      <div class="fl-snooze">
        <button
          type="button"
          class="fl-snooze__button"
          title={t('fl.snooze.actionHint')}
          onClick={() => {
            setError(null);
            setPhase({ kind: 'editing' });
          }}
        >
          {t('fl.snooze.action')}
        </button>
        {message}
      </div>
    );

  const saving = phase.kind === 'saving';
  return (
    <form class="fl-snooze fl-snooze__form" onSubmit={submit}>
      <label for={`${id}-until`}>{t('fl.snooze.until')}</label>
      <input
        id={`${id}-until`}
        type="date"
        required
        min={civilToInput(addDays(today, 1))}
        value={date}
        disabled={saving}
        onInput={e => setDate(e.currentTarget.value)}
      />
      <label for={`${id}-reason`}>{t('fl.snooze.reason')}</label>
      <input
        id={`${id}-reason`}
        type="text"
        maxLength={REASON_MAX}
        value={reason}
        disabled={saving}
        onInput={e => setReason(e.currentTarget.value)}
      />
      <div class="fl-snooze__buttons">
        <button type="submit" disabled={saving}>
          {t(saving ? 'fl.snooze.saving' : 'fl.snooze.save')}
        </button>
        <button
          type="button"
          disabled={saving}
          onClick={() => {
            setError(null);
            setPhase({ kind: 'idle' });
          }}
        >
          {t('fl.snooze.cancel')}
        </button>
      </div>
      {message}
    </form>
  );
}
