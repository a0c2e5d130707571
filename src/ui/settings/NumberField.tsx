import type { VNode } from 'preact';

export interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly placeholder: string;
  readonly error: string | null;
  readonly hint?: string | undefined;
  /** Unit after the input, e.g. "дн.". */
  readonly suffix?: string | undefined;
  readonly onInput: (text: string) => void;
}

/**
 * A number typed as text (so a wrong entry stays visible with its message) with its label, unit
 * and error tied together for screen readers.
 */
export function NumberField({
  id,
  label,
  value,
  placeholder,
  error,
  hint,
  suffix,
  onInput,
}: Props): VNode {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`fl-settings__row${error ? ' fl-settings__row--invalid' : ''}`}>
      <label for={id}>{label}</label>
      <span class="fl-settings__field">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onInput={e => onInput(e.currentTarget.value)}
        />
        {suffix ? <span class="fl-muted">{suffix}</span> : null}
      </span>
      {hint ? (
        <span id={`${id}-hint`} class="fl-muted fl-settings__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} class="fl-settings__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
