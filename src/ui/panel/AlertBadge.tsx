import type { VNode } from 'preact';
import type { TransitionChange } from '../../core';
import type { Translate } from '../../i18n';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { Formatters } from '../format';

/** A transition whose change the engine flagged (metrics.md F.2), with the change's numbers. */
export type FlaggedChange = TransitionChange & {
  readonly change: NonNullable<TransitionChange['change']> & { readonly direction: 'up' | 'down' };
};

/**
 * The row's transition if its change is flagged, else null. The engine never flags a sample
 * below `minSample` nor a change without a direction; this only picks the row's transition.
 */
export function flaggedChange(
  transitions: readonly TransitionChange[] | undefined,
  stageId: number,
): FlaggedChange | null {
  const found = transitions?.find(x => x.fromStageId === stageId);
  const change = found?.change;
  if (!found || !change?.flagged || change.direction === null) return null;
  return { ...found, change: { ...change, direction: change.direction } };
}

/** This period's and the baseline's rates with their counts, the difference and its interval. */
export function alertHint(
  t: Translate,
  fmt: Formatters,
  flagged: FlaggedChange,
  confidence: number,
): string {
  const { change } = flagged;
  const counts = (rate: number, k: number, n: number) => ({
    rate: fmt.percent(rate),
    k: fmt.int(k),
    n: fmt.int(n),
  });
  return [
    t('fl.metric.alert'),
    t('fl.panel.hint.alertCurrent', counts(change.rate, flagged.current.k, flagged.current.n)),
    t(
      'fl.panel.hint.alertBaseline',
      counts(change.baselineRate, flagged.baseline.k, flagged.baseline.n),
    ),
    t('fl.panel.hint.alertDifference', {
      difference: fmt.points(change.difference),
      low: fmt.points(change.low),
      high: fmt.points(change.high),
      confidence: fmt.percent(confidence),
    }),
  ].join('\n');
}

export interface Props {
  readonly flagged: FlaggedChange;
  readonly confidence: number;
}

/** "↓ значимо" under the row's conversion; its definition and numbers on hover and focus. */
export function AlertBadge({ flagged, confidence }: Props): VNode {
  const { t, fmt } = useEnv();
  const down = flagged.change.direction === 'down';
  return (
    <MetricHint text={alertHint(t, fmt, flagged, confidence)} align="start" tabIndex={-1}>
      <span class={`fl-alert fl-alert--${down ? 'down' : 'up'}`}>
        {t(down ? 'fl.panel.alert.down' : 'fl.panel.alert.up')}
      </span>
    </MetricHint>
  );
}
