import type { VNode } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { FunnelReport } from '../../core';
import { MetricHint } from '../common/MetricHint';
import { useEnv } from '../env';
import { flaggedChange } from './AlertBadge';
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
const ACROSS: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1 };

/** What a row's keyboard user can land on: the stage button and each number's definition. */
const STOPS = 'button.fl-row__main, .fl-hint';
/** The cell a stop sits in, so ↑/↓ keep to the same number in the next row (decided before bar: it is inside it). */
const CELLS = [
  'fl-row__main',
  'fl-row__conv',
  'fl-row__time',
  'fl-row__stuck',
  'fl-row__decided',
  'fl-row__bar',
];

function cellOf(el: Element): string | undefined {
  return CELLS.find(c => el.closest(`.${c}`) !== null);
}

/**
 * The stages in funnel order, then "won". Each stage's button is one Tab stop (not every number:
 * 40 of them would stand between the funnel and what follows); ↑/↓ move between the rows, ←/→
 * along a row's numbers, whose definitions then show as on hover.
 */
export function Funnel({ report, onOpen, focusStageId }: Props): VNode {
  const { t, fmt } = useEnv();
  const list = useRef<HTMLOListElement>(null);
  const keysId = useId();
  // With budgets on (metrics.md extensions, "Money"), the bars measure the budgets that reached
  // each stage; the shares stay the contract's, by deals.
  const money = report.money ?? null;
  const top = (money ? money.stages[0]?.reached : report.stages[0]?.reached) ?? 0;
  const base = medianOfMedians(report.stages);
  const weakId = report.weakestTransition?.fromStageId ?? null;
  const alerts = report.alerts;
  const alertOf = (stageId: number) => {
    const flagged = alerts ? flaggedChange(alerts.transitions, stageId) : null;
    return flagged && alerts ? { flagged, confidence: alerts.confidence } : null;
  };

  useLayoutEffect(() => {
    if (focusStageId === null) return;
    list.current
      ?.querySelector<HTMLButtonElement>(`button.fl-row__main[data-stage-id="${focusStageId}"]`)
      ?.focus();
  }, []);

  const move = (e: KeyboardEvent) => {
    if (!(e.target instanceof HTMLElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    // The stages' rows; "won" below them has one number and stays a Tab stop of its own.
    const rows = [
      ...(list.current?.querySelectorAll<HTMLElement>(':scope > li.fl-row[data-stage-id]') ?? []),
    ];
    const row = e.target.closest<HTMLElement>('li.fl-row');
    const at = row ? rows.indexOf(row) : -1;
    if (!row || at < 0) return;
    const stops = (r: Element) => [...r.querySelectorAll<HTMLElement>(STOPS)];
    const here = stops(row);
    const i = here.indexOf(e.target);
    const across = ACROSS[e.key];
    const step = MOVES[e.key];
    let next: HTMLElement | undefined;
    if (across !== undefined && i >= 0) {
      next = here[i + across];
    } else if (step) {
      const target = rows[step(at, rows.length)];
      if (target && target !== row) {
        const cell = cellOf(e.target);
        const there = stops(target);
        next =
          there.find(s => cellOf(s) === cell) ??
          there.find(s => s.matches('button.fl-row__main')) ??
          there[0];
      } else if (target === row) {
        next = e.target;
      }
    }
    if (next === undefined) return;
    e.preventDefault();
    next.focus();
  };

  return (
    <>
      <ol
        class="fl-funnel"
        ref={list}
        aria-label={t('fl.panel.funnel.label')}
        aria-describedby={keysId}
        onKeyDown={move}
      >
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
            alert={alertOf(stage.id)}
            moneyReached={money?.stages[i]?.reached ?? null}
            onOpen={onOpen}
          />
        ))}
        <li class="fl-row fl-row--won">
          <span class="fl-row__conv" />
          <span class="fl-row__main fl-row__main--static">
            <span class="fl-row__name">{t('fl.panel.funnel.won')}</span>
          </span>
          <span class="fl-row__bar">
            <span
              class="fl-bar fl-bar--won"
              style={{ width: barWidth(money ? money.won.reached : report.won.reached, top) }}
            />
            <MetricHint
              text={money ? t('fl.metric.moneyReached') : t('fl.metric.wonReached')}
              align="start"
            >
              <span class="fl-bar__count fl-num">
                {money ? fmt.money(money.won.reached) : fmt.int(report.won.reached)}
              </span>
            </MetricHint>
          </span>
        </li>
      </ol>
      {/* Shown while focus is in the funnel (the arrows are not guessable); read as its description. */}
      <p class="fl-funnel__keys" id={keysId}>
        {t('fl.panel.funnel.keys')}
      </p>
    </>
  );
}
