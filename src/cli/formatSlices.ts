/** The slice extensions in the text report: the slice, money, closing and flow blocks. */
import type { FunnelReport } from '../core';
import { count, days, pct } from './format';

type Row = (label: string, cells: string[]) => string;

/** The slice as one line (as the panel's chips), or nothing when the report is not sliced. */
export function sliceLine(r: FunnelReport): string[] {
  const s = r.options.slice;
  if (!s) return [];
  const parts = [
    ...(s.tagIds ? [`tags ${s.tagIds.join(' or ')}`] : []),
    ...(s.fields ?? []).map(f => `field ${f.fieldId} = ${f.values.map(String).join(' or ')}`),
  ];
  return [`Slice: ${parts.join(' · ')} (every count below is of these leads only)`];
}

/** "Money": reach, losses and the weakest link in sums of budgets. */
export function moneyLines(r: FunnelReport, row: Row, name: (id: number) => string): string[] {
  const m = r.money;
  if (!m) return [];
  const w = m.weakestTransition;
  return [
    '',
    `Money: deals ${count(m.totals.deals)} · won ${count(m.totals.won)} · lost ${count(m.totals.lost)} · ` +
      `open ${count(m.totals.open)}`,
    row('Stage (budget)', ['Reached', 'Now', 'Undecided', 'Lost here', 'Conv→next']),
    ...m.stages.map((s, i) =>
      row(name(s.id), [
        count(s.reached),
        count(s.current),
        count(s.undecided),
        count(s.lostHere),
        pct(share(m.stages[i + 1]?.reached ?? m.won.reached, s.reached)),
      ]),
    ),
    row('Won', [count(m.won.reached), '', '', '', '']),
    w
      ? `Weakest transition in money: ${name(w.fromStageId)} → ${name(w.toStageId)} — ` +
        `${count(w.next)} of ${count(w.reached)} (${pct(w.conversion)}), ` +
        `of ${count(w.decided)} decided (${pct(w.decidedConversion)})`
      : 'Weakest transition in money: none',
  ];
}

const share = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** `--mode closed`: deals closed in the period. */
export function closedLines(r: FunnelReport, row: Row, name: (id: number) => string): string[] {
  const c = r.closedMode;
  if (!c) return [];
  return [
    '',
    `Closed in the period: ${count(c.deals)} · won ${count(c.won)} (${count(c.value.won)}) · ` +
      `lost ${count(c.lost)} (${count(c.value.lost)}) · win rate ${pct(c.winRate)}`,
    `  time to close median ${days(c.timeToClose.medianHours)} d, p90 ${days(c.timeToClose.p90Hours)} d; ` +
      `to win median ${days(c.timeToWin.medianHours)} d, p90 ${days(c.timeToWin.p90Hours)} d`,
    row('Lost from stage', ['Deals', 'Budget']),
    ...c.lostFrom.map(s => row(name(s.stageId), [count(s.count), count(s.value)])),
  ];
}

/** `--mode entered`: deals that entered each stage in the period, and moved on in it. */
export function flowLines(r: FunnelReport, row: Row, name: (id: number) => string): string[] {
  const f = r.flow;
  if (!f) return [];
  return [
    '',
    'Flow in the period (deals that entered each stage, and moved on before it ended):',
    row('Stage', ['Entered', 'Moved on', 'Share', 'Budget in', 'Budget on']),
    ...f.stages.map(s =>
      row(name(s.id), [
        count(s.entered),
        count(s.movedOn),
        pct(s.share),
        count(s.value.entered),
        count(s.value.movedOn),
      ]),
    ),
  ];
}
