import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FunnelReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { Icon } from './Icon';
import { stageName } from './names';

export interface Props {
  readonly report: FunnelReport | null;
  readonly onExpand: () => void;
  /** Focus the expand button on mount: the user just collapsed the panel with the keyboard. */
  readonly focusToggle: boolean;
}

/**
 * The panel folded to a 36 px strip at the page edge: the name, an expand button and the weakest
 * link's decided conversion, so the one number that matters stays in sight without covering
 * amoCRM's own controls.
 */
export function CollapsedStrip({ report, onExpand, focusToggle }: Props): VNode {
  const { t, fmt } = useEnv();
  const toggle = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (focusToggle) toggle.current?.focus();
  }, []);
  const weak = report?.weakestTransition ?? null;
  return (
    <aside class="fl-panel fl-panel--collapsed" aria-label={t('fl.panel.region')}>
      <button
        type="button"
        ref={toggle}
        class="fl-strip__toggle"
        aria-expanded="false"
        aria-label={t('fl.panel.expand')}
        title={t('fl.panel.expand')}
        onClick={onExpand}
      >
        <Icon name="expand" />
        <span class="fl-strip__brand" aria-hidden="true">
          {t('fl.panel.brand')}
        </span>
      </button>
      {report && weak && (
        <MetricHint
          placement="below"
          text={t('fl.panel.weak.badge', {
            from: stageName(t, report, weak.fromStageId),
            to: stageName(t, report, weak.toStageId),
            value: fmt.percent(weak.decidedConversion),
          })}
        >
          <span class="fl-strip__badge fl-num">{fmt.percent(weak.decidedConversion)}</span>
        </MetricHint>
      )}
    </aside>
  );
}
