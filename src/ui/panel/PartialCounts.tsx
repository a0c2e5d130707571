import type { VNode } from 'preact';
import type { Pipeline } from '../../core';
import { buildFunnel } from '../../core';
import type { PartialCounts as Counts } from '../../state';
import { useEnv } from '../env';

export interface Props {
  readonly counts: Counts;
  /** The pipeline, for stage names and order; null before it is known. */
  readonly stages: Pipeline | null;
}

/**
 * What the period's leads alone say while their history is still loading: how many deals were
 * created and where they stand now. Marked as counting still running: conversions need the
 * history, so none is shown yet.
 */
export function PartialCounts({ counts, stages }: Props): VNode {
  const { t, fmt } = useEnv();
  const funnel = stages ? buildFunnel(stages).stages : [];
  return (
    <section class="fl-partial" aria-busy="true" aria-labelledby="fl-partial-title">
      <h3 class="fl-partial__title" id="fl-partial-title">
        {t('fl.panel.partial.title')}
      </h3>
      <p class="fl-partial__note">{t('fl.panel.partial.note')}</p>
      <dl class="fl-partial__totals">
        <div>
          <dt>{t('fl.panel.totals.deals')}</dt>
          <dd class="fl-num">{fmt.int(counts.deals)}</dd>
        </div>
        <div>
          <dt>{t('fl.panel.totals.won')}</dt>
          <dd class="fl-num">{fmt.int(counts.won)}</dd>
        </div>
        <div>
          <dt>{t('fl.panel.totals.lost')}</dt>
          <dd class="fl-num">{fmt.int(counts.lost)}</dd>
        </div>
        <div>
          <dt>{t('fl.panel.partial.open')}</dt>
          <dd class="fl-num">{fmt.int(counts.open)}</dd>
        </div>
      </dl>
      {funnel.length > 0 && (
        <ul class="fl-partial__stages" aria-label={t('fl.panel.partial.atStage')}>
          {funnel.map(s => (
            <li key={s.id}>
              <span class="fl-partial__stage">{s.name}</span>
              <span class="fl-num">{fmt.int(counts.atStage[String(s.id)] ?? 0)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
