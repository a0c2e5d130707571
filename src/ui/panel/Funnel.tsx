import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FunnelReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { barWidth, StageRow } from './StageRow';
import { decidedCounts, isSlow, medianOfMedians } from './stageFacts';

export interface Props {
  readonly report: FunnelReport;
  readonly onOpen: (stageId: number) => void;
  /** The stage whose row gets focus on mount (coming back from its drill-down), if any. */
  readonly focusStageId: number | null;
}

const MOVES: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowUp: i => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** The stages in funnel order, then "won"; arrow keys move between the stage buttons. */
export function Funnel({ report, onOpen, focusStageId }: Props): VNode {
  const { t, fmt } = useEnv();
  const list = useRef<HTMLOListElement>(null);
  const top = report.stages[0]?.reached ?? 0;
  const base = medianOfMedians(report.stages);
  const weakId = report.weakestTransition?.fromStageId ?? null;

  useLayoutEffect(() => {
    if (focusStageId === null) return;
    list.current
      ?.querySelector<HTMLButtonElement>(`button.fl-row__main[data-stage-id="${focusStageId}"]`)
      ?.focus();
  }, []);

  const move = (e: KeyboardEvent) => {
    const step = MOVES[e.key];
    const buttons = [
      ...(list.current?.querySelectorAll<HTMLButtonElement>('button.fl-row__main') ?? []),
    ];
    const at = buttons.findIndex(b => b === e.target);
    if (!step || at < 0) return;
    e.preventDefault();
    buttons[step(at, buttons.length)]?.focus();
  };

  return (
    <ol class="fl-funnel" ref={list} aria-label={t('fl.panel.funnel.label')} onKeyDown={move}>
      {report.stages.map((stage, i) => (
        <StageRow
          key={stage.id}
          stage={stage}
          top={top}
          weak={stage.id === weakId}
          slow={isSlow(stage, base)}
          slowBase={base}
          decided={decidedCounts(report.stages, report.won.reached, i)}
          minSample={report.options.minSample}
          onOpen={onOpen}
        />
      ))}
      <li class="fl-row fl-row--won">
        <span class="fl-row__conv" />
        <span class="fl-row__main fl-row__main--static">
          <span class="fl-row__name">{t('fl.panel.funnel.won')}</span>
        </span>
        <span class="fl-row__bar">
          <span class="fl-bar fl-bar--won" style={{ width: barWidth(report.won.reached, top) }} />
          <MetricHint text={t('fl.metric.wonReached')} align="start">
            <span class="fl-bar__count fl-num">{fmt.int(report.won.reached)}</span>
          </MetricHint>
        </span>
      </li>
    </ol>
  );
}
