import type { VNode } from 'preact';
import type { Pipeline, SideCandidate } from '../../core';
import { ratio } from '../../core';
import { useEnv } from '../env';
import { openStages } from './draft';

export interface Props {
  readonly id: string;
  readonly pipelines: readonly Pipeline[];
  readonly value: readonly number[];
  /** Each stage's departures as the panel last computed them, by stage id. */
  readonly departures: ReadonlyMap<number, SideCandidate>;
  readonly onChange: (ids: readonly number[]) => void;
}

/**
 * metrics.md 11.3: the admin marks side stages ("Недозвон"). Stages whose history looks like one
 * (most leads leave them backwards or to lost) carry a suggestion with its numbers; nothing is
 * ticked without the admin.
 */
export function SideStagesField({ id, pipelines, value, departures, onChange }: Props): VNode {
  const { t, fmt } = useEnv();
  const toggle = (stageId: number, on: boolean): void => {
    const rest = value.filter(v => v !== stageId);
    onChange(on ? [...rest, stageId] : rest);
  };
  return (
    <fieldset class="fl-settings__group" aria-describedby={`${id}-hint`}>
      <legend>{t('fl.settings.side.title')}</legend>
      <p class="fl-muted" id={`${id}-hint`}>
        {t('fl.settings.side.hint')}
      </p>
      {pipelines.map(p => (
        <fieldset key={p.id} class="fl-settings__pipeline">
          <legend>{t('fl.settings.side.pipeline', { name: p.name })}</legend>
          {openStages(p).map(s => {
            const d = departures.get(s.id);
            const hintId = `${id}-${s.id}-why`;
            return (
              <div key={s.id} class="fl-settings__side">
                <label class="fl-settings__check">
                  <input
                    type="checkbox"
                    checked={value.includes(s.id)}
                    aria-describedby={d?.suggested ? hintId : undefined}
                    onChange={e => toggle(s.id, e.currentTarget.checked)}
                  />
                  {s.name}
                </label>
                {d?.suggested && (
                  <p class="fl-settings__suggest" id={hintId}>
                    {t('fl.settings.side.suggested', {
                      share: fmt.percent(ratio(d.back + d.lost, d.leaves)),
                      leaves: fmt.int(d.leaves),
                      back: fmt.int(d.back),
                      lost: fmt.int(d.lost),
                    })}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}
