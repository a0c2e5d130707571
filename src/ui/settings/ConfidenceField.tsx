import type { VNode } from 'preact';
import { CONFIDENCE_CHOICES } from '../../state';
import { useEnv } from '../env';

export interface Props {
  readonly id: string;
  /** In [0.5, 1): the level a conversion change must reach to be flagged (metrics.md F.2). */
  readonly value: number;
  readonly onChange: (confidence: number) => void;
}

/**
 * How sure a conversion change must be before the panel and the report flag it. A level saved
 * outside the offered choices stays selectable as itself, like the history horizon.
 */
export function ConfidenceField({ id, value, onChange }: Props): VNode {
  const { t, fmt } = useEnv();
  const choices: number[] = [...CONFIDENCE_CHOICES];
  if (!choices.includes(value)) choices.push(value);
  return (
    <div class="fl-settings__row">
      <label for={id}>{t('fl.settings.confidence.label')}</label>
      <select
        id={id}
        value={String(value)}
        aria-describedby={`${id}-hint`}
        onChange={e => onChange(Number(e.currentTarget.value))}
      >
        {choices.map(level => (
          <option key={level} value={String(level)}>
            {fmt.percent(level)}
          </option>
        ))}
      </select>
      <p class="fl-muted" id={`${id}-hint`}>
        {t('fl.settings.confidence.hint')}
      </p>
    </div>
  );
}
