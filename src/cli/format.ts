import type { FunnelReport } from '../core';
import { zonedParts } from '../core';
import { closedLines, flowLines, moneyLines, sliceLine } from './formatSlices';
import { alertLines, forecastRangeLines, workingLines } from './formatForesight';
import { distributionLines } from './formatDistributions';
import { snoozedLines } from './snoozeOptions';
import { plainName } from './text';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const pct = (v: number | null): string => (v === null ? '—' : `${dec.format(v * 100)}%`);
export const days = (hours: number | null): string =>
  hours === null ? '—' : dec.format(hours / 24);
export const count = (v: number): string => int.format(v);

export function dateTime(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

const COLUMNS = ['Reached', 'Conv→next', 'Decided', 'Median d', 'p90 d', 'Stuck', 'No task'];

/** The report as a table for people: rounded numbers, the weakest transition called out. */
export function formatReport(report: FunnelReport, timeZone: string): string {
  const r = plainNames(report);
  const name = (id: number) =>
    r.stages.find(s => s.id === id)?.name ?? (id === 142 ? 'Won' : String(id));
  const names = [...r.stages, ...(r.sideStages ?? [])].map(s => s.name.length);
  const width = Math.min(32, Math.max(12, ...names) + 2);
  const row = (label: string, cells: string[]) =>
    fit(label, width) + cells.map(c => c.padStart(11)).join('');
  const t = r.totals;
  const lines = [
    `Funnel Lens — ${r.pipeline.name} (pipeline ${r.pipeline.id})`,
    `Period ${dateTime(r.period.from, timeZone)} → ${dateTime(r.period.to, timeZone)} (${timeZone}), ` +
      `now ${dateTime(r.now, timeZone)}`,
    ...historyNote(r, timeZone),
    ...sliceLine(r),
    `Deals ${count(t.deals)} · won ${count(t.won)} (revenue ${count(t.revenueWon)}) · lost ${count(t.lost)} · ` +
      `open ${count(t.open)} (incoming ${count(t.incoming)}) · conversion ${pct(t.conversion)}` +
      ` (previous period at the same age ${pct(r.previous.sameAge.totals.conversion)}, ` +
      `${count(r.previous.sameAge.totals.open)} of ${count(r.previous.sameAge.totals.deals)} open then; ` +
      `now ${pct(r.previous.totals.conversion)})`,
    responseLine(r),
    '',
    row('Stage', COLUMNS),
    ...r.stages.map(s =>
      row(s.name, [
        count(s.reached),
        pct(s.conversionToNext),
        pct(s.decidedConversion),
        days(s.time.medianHours),
        days(s.time.p90Hours),
        count(s.stuck),
        s.unattended === null ? '?' : count(s.unattended),
      ]),
    ),
    row('Won', [count(r.won.reached), '', '', '', '', '', '']),
    ...sideLines(r, row),
    '',
  ];
  const w = r.weakestTransition;
  lines.push(
    w
      ? `Weakest transition: ${name(w.fromStageId)} → ${name(w.toStageId)} — ${pct(w.conversion)} ` +
          `(decided ${pct(w.decidedConversion)})`
      : `Weakest transition: none (no stage has ${r.options.minSample} decided deals yet)`,
  );
  lines.push(
    `Stuck deals: ${count(r.stuck.length)}${stuckUnattended(r)} · forecast ${dec.format(r.forecast.expectedWins)} more wins ` +
      `worth ${count(Math.round(r.forecast.expectedRevenue))}`,
  );
  if (r.stages.some(s => s.unattended === null))
    lines.push('No task: "?" where the data does not say which deals have an open task.');
  lines.push(...moneyLines(r, row, name), ...closedLines(r, row, name), ...flowLines(r, row, name));
  lines.push(
    ...alertLines(r, name, timeZone),
    ...forecastRangeLines(r),
    ...workingLines(r, row, name),
    ...distributionLines(r),
    ...snoozedLines(r, name, epoch => dateTime(epoch, timeZone)),
  );
  return `${lines.join('\n')}\n`;
}

/** Of the stuck deals, those without an open task or with an overdue one (when the data says). */
function stuckUnattended(r: FunnelReport): string {
  if (r.stuck.length === 0 || r.stuck.every(d => d.unattended === null)) return '';
  return ` (${count(r.stuck.filter(d => d.unattended === true).length)} with no task or an overdue one)`;
}

/** The names the table prints, from amoCRM data, without the controls that would drive a terminal. */
function plainNames(r: FunnelReport): FunnelReport {
  return {
    ...r,
    pipeline: { ...r.pipeline, name: plainName(r.pipeline.name) },
    stages: r.stages.map(s => ({ ...s, name: plainName(s.name) })),
    ...(r.sideStages
      ? { sideStages: r.sideStages.map(s => ({ ...s, name: plainName(s.name) })) }
      : {}),
  };
}

const SIDE_COLUMNS = ['Entered', 'Now', 'Returned', 'Lost', 'Median d', 'Stuck'];

/** metrics.md 11.3: side stages apart from the funnel, with their own counts. */
function sideLines(r: FunnelReport, row: (label: string, cells: string[]) => string): string[] {
  if (!r.sideStages) return [];
  return [
    '',
    row('Side stage', SIDE_COLUMNS),
    ...r.sideStages.map(s =>
      row(s.name, [
        count(s.entered),
        count(s.current),
        count(s.returned),
        count(s.lost),
        days(s.time.medianHours),
        count(s.stuck),
      ]),
    ),
  ];
}

/** metrics.md 11.4: the incoming queue and the time to a first response. */
function responseLine(r: FunnelReport): string {
  const q = r.incoming;
  const s = r.response;
  return (
    `Incoming ${count(q.entered)}: accepted ${count(q.accepted)} · declined ${count(q.declined)} · ` +
    `waiting ${count(q.waiting)} · first response median ${hours(s.medianHours)} h, ` +
    `p90 ${hours(s.p90Hours)} h (${count(s.samples)} deals; ${count(s.waiting)} open without one)`
  );
}

const hours = (h: number | null): string => (h === null ? '—' : dec.format(h));

/**
 * Says what a report on a partly loaded history cannot see, so no number is silently partial:
 * windows that begin before the loaded history, and thresholds learned from less than asked for.
 */
function historyNote(r: FunnelReport, timeZone: string): string[] {
  const notes: string[] = [];
  const { historyFrom, horizonDays } = r.options;
  if (horizonDays !== null) {
    notes.push(`Stuck thresholds learned from visits that ended in the last ${horizonDays} days.`);
  }
  if (historyFrom !== null) {
    notes.push(`History loaded since ${dateTime(historyFrom, timeZone)} (--history-from).`);
    if (r.previous.period.from < historyFrom)
      notes.push(
        '  Older history is not loaded: the period or the previous period begins before it.',
      );
  }
  return notes;
}
