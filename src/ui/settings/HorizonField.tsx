import type { VNode } from 'preact';
import { HORIZON_CHOICES } from '../../state';
import { useEnv } from '../env';

export interface Props {
  readonly id: string;
  /** Days; null = all history. */
  readonly value: number | null;
  readonly onChange: (days: number | null) => void;
}

const ALL = 'all';

/**
 * How much history the widget loads and learns stuck thresholds and stage norms from (metrics.md
 * 11.1). A value saved outside the offered choices stays selectable as itself.
 */
export function HorizonField({ id, value, onChange }: Props): VNode {
  const { t, fmt } = useEnv();
  const choices: (number | null)[] = [...HORIZON_CHOICES];
  if (!choices.includes(value)) choices.push(value);
  const label = (days: number | null) =>
    days === null
      ? t('fl.settings.horizon.all')
      : days % 365 === 0
        ? t.plural('fl.settings.horizon.years', days / 365)
        : days % 30 === 0
          ? t.plural('fl.settings.horizon.months', days / 30)
          : t.plural('fl.settings.horizon.days', days, { count: fmt.int(days) });
  return (
    <div class="fl-settings__row">
      <label for={id}>{t('fl.settings.horizon.label')}</label>
      <select
        id={id}
        value={value === null ? ALL : String(value)}
        aria-describedby={`${id}-hint`}
        onChange={e => {
          const raw = e.currentTarget.value;
          onChange(raw === ALL ? null : Number(raw));
        }}
      >
        {choices.map(days => (
          <option key={String(days)} value={days === null ? ALL : String(days)}>
            {label(days)}
          </option>
        ))}
      </select>
      <p class="fl-muted" id={`${id}-hint`}>
        {t('fl.settings.horizon.hint')}
      </p>
    </div>
  );
}
