import type { VNode } from 'preact';
import type { StageNorm } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { workingText } from '../common/workingText';
import { useEnv } from '../env';
import { SOURCE_HINT } from '../common/thresholdText';

export interface Props {
  readonly hoursInStage: number;
  /** The deal entered the stage before the loaded history: `hoursInStage` is a lower bound. */
  readonly hoursAtLeast: boolean;
  readonly norm: StageNorm;
  readonly stuck: boolean;
  /**
   * With the «Рабочее время» switch on: the time in stage in working hours, shown beside the
   * elapsed one; the bar and the norm stay elapsed (metrics.md F.4). The threshold is the working
   * clock's when the norm carries one (F.1a), then `stuck` is judged on it.
   */
  readonly workingHours?: number | null | undefined;
}

/** Position of `hours` on a scale running to `max`, as a CSS percentage. */
const at = (hours: number, max: number): string =>
  `${Math.min(100, (hours / max) * 100).toFixed(2)}%`;

/**
 * This deal's time in its stage as a bar, with the stage's median and p90 marked on it, so "long
 * for this stage" reads at a glance; the numbers are in the text below and in the meter's value.
 */
export function StageGauge({
  hoursInStage,
  hoursAtLeast,
  norm,
  stuck,
  workingHours = null,
}: Props): VNode {
  const { t, fmt } = useEnv();
  const { medianHours, p90Hours, threshold } = norm;
  const atLeast = (text: string) => (hoursAtLeast ? t('fl.common.atLeast', { value: text }) : text);
  const inStage = atLeast(fmt.days(hoursInStage));
  const working = workingHours !== null;
  const workingThreshold = working ? (norm.workingThreshold ?? null) : null;
  const thresholdNote =
    workingThreshold === null ? t('fl.working.threshold') : t('fl.working.thresholdWorking');
  // A hint's sentences, one a line; with working hours on, the elapsed figures say they are calendar.
  const lines = (...parts: (string | false)[]) => parts.filter(Boolean).join('\n');
  // The stage's norm (metrics.md 11.1), named apart from the panel's figures for the period.
  const normHint = (key: 'fl.metric.normMedian' | 'fl.metric.normP90') =>
    lines(
      t(key),
      t('fl.card.normSamples', { samples: fmt.int(norm.samples) }),
      working &&
        t(workingThreshold === null ? 'fl.card.working.norm' : 'fl.card.working.normWorking'),
    );
  // Room past the furthest point so the marks never sit on the edge.
  const max = Math.max(hoursInStage, p90Hours ?? 0, threshold.hours, 1) * 1.15;
  const valueText = t('fl.card.gaugeText', {
    value: inStage,
    median: fmt.days(medianHours),
    p90: fmt.days(p90Hours),
  });
  return (
    <div class="fl-card__gauge">
      <div
        class={`fl-gauge${stuck ? ' fl-gauge--stuck' : ''}`}
        role="meter"
        aria-label={t('fl.card.gaugeLabel')}
        aria-valuemin={0}
        aria-valuemax={max / 24}
        aria-valuenow={hoursInStage / 24}
        aria-valuetext={valueText}
      >
        <div class="fl-gauge__fill" style={{ width: at(hoursInStage, max) }} />
        {medianHours !== null ? (
          <div
            class="fl-gauge__mark fl-gauge__mark--median"
            data-hours={medianHours}
            style={{ left: at(medianHours, max) }}
          />
        ) : null}
        {p90Hours !== null ? (
          <div
            class="fl-gauge__mark fl-gauge__mark--p90"
            data-hours={p90Hours}
            style={{ left: at(p90Hours, max) }}
          />
        ) : null}
      </div>
      <dl class="fl-card__norms">
        <div>
          <dt>
            <MetricHint
              text={
                working
                  ? lines(
                      t('fl.metric.hoursInStage'),
                      hoursAtLeast && t('fl.metric.hoursAtLeast'),
                      t('fl.working.metric'),
                      thresholdNote,
                    )
                  : hoursAtLeast
                    ? `${t('fl.metric.hoursInStage')} ${t('fl.metric.hoursAtLeast')}`
                    : t('fl.metric.hoursInStage')
              }
              align="start"
            >
              {t('fl.card.inStage')}
            </MetricHint>
          </dt>
          <dd class="fl-num">
            {working
              ? t('fl.card.working.value', {
                  working: atLeast(workingText(t, fmt, workingHours)),
                  days: inStage,
                })
              : inStage}
          </dd>
        </div>
        <div>
          <dt>
            <MetricHint text={normHint('fl.metric.normMedian')} align="start">
              {t(working ? 'fl.card.working.median' : 'fl.card.median')}
            </MetricHint>
          </dt>
          <dd class="fl-num">{fmt.days(medianHours)}</dd>
        </div>
        <div>
          <dt>
            <MetricHint text={normHint('fl.metric.normP90')} align="start">
              {t(working ? 'fl.card.working.p90' : 'fl.card.p90')}
            </MetricHint>
          </dt>
          <dd class="fl-num">{fmt.days(p90Hours)}</dd>
        </div>
        <div>
          <dt>
            <MetricHint
              text={lines(t(SOURCE_HINT[threshold.source]), working && thresholdNote)}
              align="start"
            >
              {t(
                workingThreshold !== null
                  ? 'fl.card.working.thresholdWorking'
                  : working
                    ? 'fl.card.working.threshold'
                    : 'fl.card.threshold',
              )}
            </MetricHint>
          </dt>
          <dd class="fl-num">
            {workingThreshold !== null
              ? workingText(t, fmt, workingThreshold.hours)
              : fmt.days(threshold.hours)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
