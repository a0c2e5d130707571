import type { VNode } from 'preact';
import { useEnv } from '../env';

/** A lead custom field the admin may name as the deal's source. */
export interface SourceChoice {
  readonly id: number;
  readonly name: string;
}

export interface Props {
  readonly id: string;
  /** The chosen field's id; null = none. */
  readonly value: number | null;
  /** The account's lead fields; null while they are read or when they could not be. */
  readonly fields: readonly SourceChoice[] | null;
  readonly onChange: (fieldId: number | null) => void;
}

/**
 * Which lead field says where a deal came from (issue 12): the slice filter lists it first, as
 * the source. A saved field the list does not hold (deleted, or the list not read) stays
 * selectable by its number, so opening the settings never drops it.
 */
export function SourceField({ id, value, fields, onChange }: Props): VNode {
  const { t } = useEnv();
  const choices = [...(fields ?? [])];
  if (value !== null && !choices.some(f => f.id === value))
    choices.push({ id: value, name: t('fl.filter.fieldId', { id: value }) });
  return (
    <div class="fl-settings__row">
      <label for={id}>{t('fl.settings.source.label')}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        aria-describedby={`${id}-hint`}
        onChange={e => {
          const next = e.currentTarget.value;
          onChange(next === '' ? null : Number(next));
        }}
      >
        <option value="">{t('fl.settings.source.none')}</option>
        {choices.map(f => (
          <option key={f.id} value={String(f.id)}>
            {f.name}
          </option>
        ))}
      </select>
      <p class="fl-muted" id={`${id}-hint`}>
        {t('fl.settings.source.hint')}
      </p>
    </div>
  );
}
