import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { I18nKey } from '../../i18n';
import { useEnv } from '../env';

/** A lead custom field with its type, as the settings list them. */
export interface FieldChoice {
  readonly id: number;
  readonly name: string;
  readonly type?: string | undefined;
}

/** What creating the two fields gave: both fields, or why not. */
export type CreateFieldsOutcome =
  | { readonly ok: true; readonly until: FieldChoice; readonly reason: FieldChoice }
  | { readonly ok: false; readonly error: 'FORBIDDEN' | 'FAILED'; readonly detail?: string };

/** Creates "Funnel Lens: ждёт до" (date) and "Funnel Lens: причина" (text) with these names. */
export type CreateFields = (names: {
  readonly until: string;
  readonly reason: string;
}) => Promise<CreateFieldsOutcome>;

export interface Props {
  readonly id: string;
  readonly until: number | null;
  readonly reason: number | null;
  /** The account's lead fields; null while they are read or when they could not be. */
  readonly fields: readonly FieldChoice[] | null;
  readonly onChange: (next: { until: number | null; reason: number | null }) => void;
  /** Null where fields cannot be created from here. */
  readonly create?: CreateFields | null | undefined;
}

const DATE_TYPES = new Set(['date', 'date_time']);
const TEXT_TYPES = new Set(['text', 'textarea']);

/**
 * The two lead fields that hold a snoozed deal's mark (metrics.md F.6): a date field and an
 * optional text field, picked from the account's fields of those types or created here. A saved
 * field the list does not hold stays selectable by its number, so opening the settings never
 * drops it.
 */
export function SnoozeFields({ id, until, reason, fields, onChange, create }: Props): VNode {
  const { t } = useEnv();
  const [made, setMade] = useState<readonly FieldChoice[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ key: I18nKey; error?: string; alert: boolean } | null>(null);
  const all = [...(fields ?? []), ...made.filter(m => !fields?.some(f => f.id === m.id))];
  const choicesOf = (types: ReadonlySet<string>, value: number | null) => {
    const list = all.filter(f => f.type !== undefined && types.has(f.type));
    if (value !== null && !list.some(f => f.id === value))
      list.push({ id: value, name: t('fl.filter.fieldId', { id: value }) });
    return list;
  };
  const select = (
    key: 'until' | 'reason',
    label: I18nKey,
    value: number | null,
    types: ReadonlySet<string>,
  ) => (
    <div class="fl-settings__row">
      <label for={`${id}-${key}`}>{t(label)}</label>
      <select
        id={`${id}-${key}`}
        value={value === null ? '' : String(value)}
        aria-describedby={`${id}-hint`}
        onChange={e => {
          const next = e.currentTarget.value === '' ? null : Number(e.currentTarget.value);
          onChange(key === 'until' ? { until: next, reason } : { until, reason: next });
        }}
      >
        <option value="">{t('fl.settings.snooze.none')}</option>
        {choicesOf(types, value).map(f => (
          <option key={f.id} value={String(f.id)}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );

  const onCreate = async () => {
    if (!create) return;
    setBusy(true);
    setNote({ key: 'fl.settings.snooze.creating', alert: false });
    const outcome = await create({
      until: t('fl.settings.snooze.untilName'),
      reason: t('fl.settings.snooze.reasonName'),
    });
    setBusy(false);
    if (outcome.ok) {
      setMade(m => [...m, outcome.until, outcome.reason]);
      onChange({ until: outcome.until.id, reason: outcome.reason.id });
      setNote({ key: 'fl.settings.snooze.created', alert: false });
    } else if (outcome.error === 'FORBIDDEN')
      setNote({ key: 'fl.settings.snooze.createForbidden', alert: true });
    else
      setNote({ key: 'fl.settings.snooze.createFailed', error: outcome.detail ?? '', alert: true });
  };

  return (
    <fieldset class="fl-settings__group">
      <legend>{t('fl.settings.snooze.title')}</legend>
      <p class="fl-muted" id={`${id}-hint`}>
        {t('fl.settings.snooze.hint')}
      </p>
      {fields === null && <p class="fl-muted">{t('fl.settings.snooze.loading')}</p>}
      {select('until', 'fl.settings.snooze.until', until, DATE_TYPES)}
      {select('reason', 'fl.settings.snooze.reason', reason, TEXT_TYPES)}
      {create && (
        <button type="button" disabled={busy} onClick={() => void onCreate()}>
          {t('fl.settings.snooze.create')}
        </button>
      )}
      {note && (
        <p
          class={note.alert ? 'fl-field__error' : 'fl-muted'}
          role={note.alert ? 'alert' : 'status'}
        >
          {t(note.key, { error: note.error ?? '' })}
        </p>
      )}
    </fieldset>
  );
}
