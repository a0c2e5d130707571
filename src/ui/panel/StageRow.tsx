import type { VNode } from 'preact';
import type { StageReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import type { FlaggedChange } from './AlertBadge';
import { AlertBadge } from './AlertBadge';
import { workingText } from '../common/workingText';
import { conversionHint, decidedHint, stuckHint, timeHint, workingTimeHint } from './stageFacts';

export interface Props {
  readonly stage: StageReport;
  /** reached[0]: bar lengths are relative to the top of the funnel. */
  readonly top: number;
  readonly weak: boolean;
  readonly slow: boolean;
  /** Median of all stages' medians, for the "slow" rule in the hint. */
  readonly slowBase: number | null;
  /** The decided conversion's counts: what the weakest link is chosen by (metrics.md 8). */
  readonly decided: { readonly count: number; readonly total: number };
  /** `minSample`: below it a conversion is greyed and shown with its counts. */
  readonly minSample: number;
  /**
   * The change of this stage's transition to the next when it is flagged (metrics.md F.2), with
   * the level it was tested at; null when not flagged or not asked.
   */
  readonly alert?: { readonly flagged: FlaggedChange; readonly confidence: number } | null;
  readonly onOpen: (stageId: number) => void;
  /** With budgets on: the budgets of the period's deals that reached the stage (the bar's). */
  readonly moneyReached?: number | null | undefined;
}

export function barWidth(reached: number, top: number): string {
  return `${top > 0 ? Math.min(100, (reached / top) * 100) : 0}%`;
}

/**
 * One stage: conversion to the next stage on the left (as in amoCRM's «Анализ продаж»), the
 * reach bar, the name, median days and stuck deals. The name is the row's button and its one Tab
 * stop; the numbers are reached from it with the arrow keys (Funnel moves focus), so their
 * definitions stay on keyboard focus without a Tab stop each (interactive content cannot nest
 * inside a button). A click anywhere on the row opens the stage like the button does.
 */
export function StageRow({
  stage,
  top,
  weak,
  slow,
  slowBase,
  decided,
  minSample,
  alert = null,
  onOpen,
  moneyReached = null,
}: Props): VNode {
  const { t, fmt } = useEnv();
  const cls = ['fl-row', weak ? 'fl-row--weak' : '', slow ? 'fl-row--slow' : ''].filter(Boolean);
  // "100 %" of one deal: too few decided deals to trust the share (the weakest-link rule's bound).
  const small = decided.total < minSample ? { min: minSample, ...decided } : null;
  const open = (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('.fl-hint__tip')) return;
    onOpen(stage.id);
  };
  return (
    <li class={cls.join(' ')} data-stage-id={stage.id} onClick={open}>
      <span class="fl-row__conv">
        <MetricHint text={conversionHint(t, fmt, stage, small)} align="start" tabIndex={-1}>
          <span class={small ? 'fl-num fl-num--small' : 'fl-num'}>
            {fmt.percent(stage.conversionToNext)}
          </span>
        </MetricHint>
      </span>
      <button type="button" class="fl-row__main" data-stage-id={stage.id}>
        <span class="fl-row__name" title={stage.name}>
          {stage.name}
        </span>
        {weak && <span class="fl-row__tag fl-row__tag--weak">{t('fl.panel.funnel.weak')}</span>}
      </button>
      <span class="fl-row__time">
        <MetricHint
          text={
            stage.workingTime
              ? workingTimeHint(t, fmt, stage.workingTime, slowBase)
              : timeHint(t, fmt, stage, slowBase)
          }
          tabIndex={-1}
        >
          {/* In working hours while the user's switch is on (the report then carries them). */}
          <span class="fl-num">
            {stage.workingTime
              ? workingText(t, fmt, stage.workingTime.medianHours)
              : fmt.days(stage.time.medianHours)}
          </span>
          {slow && <span class="fl-row__tag fl-row__tag--slow">{t('fl.panel.funnel.slow')}</span>}
        </MetricHint>
      </span>
      <span class="fl-row__stuck">
        {stage.stuck > 0 && (
          <MetricHint text={stuckHint(t, fmt, stage)} tabIndex={-1}>
            {/* A bare digit says nothing read aloud: the words go beside it, for screen readers. */}
            <span class="fl-badge fl-num" aria-hidden="true">
              {fmt.int(stage.stuck)}
            </span>
            <span class="fl-sr-only">
              {t.plural('fl.panel.funnel.stuck', stage.stuck, { count: fmt.int(stage.stuck) })}
            </span>
          </MetricHint>
        )}
      </span>
      <span class="fl-row__bar">
        <span class="fl-bar" style={{ width: barWidth(moneyReached ?? stage.reached, top) }} />
        <MetricHint
          text={moneyReached === null ? t('fl.metric.reached') : t('fl.metric.moneyReached')}
          align="start"
          tabIndex={-1}
        >
          <span class="fl-bar__count fl-num">
            {moneyReached === null ? fmt.int(stage.reached) : fmt.money(moneyReached)}
          </span>
        </MetricHint>
        {stage.unattended !== null && stage.unattended > 0 && (
          <span class="fl-row__idle">
            <MetricHint text={t('fl.metric.unattended')} tabIndex={-1}>
              <span class="fl-num">
                {t('fl.panel.funnel.idle', { count: fmt.int(stage.unattended) })}
              </span>
            </MetricHint>
          </span>
        )}
        {/* The number the weakest link is chosen by, so the flag never contradicts the row. */}
        <span class="fl-row__decided">
          <MetricHint text={decidedHint(t, fmt, small, weak ? minSample : null)} tabIndex={-1}>
            <span class={small ? 'fl-num fl-num--small' : 'fl-num'}>
              {small
                ? t('fl.panel.funnel.decidedSmall', {
                    count: fmt.int(small.count),
                    total: fmt.int(small.total),
                  })
                : t('fl.panel.funnel.decided', { value: fmt.percent(stage.decidedConversion) })}
            </span>
          </MetricHint>
          {/* Beside the share it is about: the flag compares the decided conversion (metrics.md F.2). */}
          {alert && <AlertBadge flagged={alert.flagged} confidence={alert.confidence} />}
        </span>
      </span>
    </li>
  );
}
