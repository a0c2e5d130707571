/** `--distributions` in the text report (docs/metrics.md, foresight, F.5). */
import type { FunnelReport, TransitionPlace } from '../core';
import { count, days } from './format';

/** A bin's lower edge, short: 0, 1h … 8h, 1d … 180d. */
export function edgeLabel(hours: number): string {
  if (hours === 0) return '0';
  return hours < 24 ? `${hours}h` : `${hours / 24}d`;
}

const cell = (text: string, width: number) => text.padStart(width);

/** Histograms, time to close by month and the moves between places, as three small tables. */
export function distributionLines(r: FunnelReport): string[] {
  const d = r.distributions;
  if (!d) return [];
  const stages = [...r.stages, ...(r.sideStages ?? [])];
  const name = (id: number) => stages.find(s => s.id === id)?.name ?? String(id);
  const labelWidth = Math.min(24, Math.max(8, ...d.stages.map(s => name(s.stageId).length)) + 2);
  const label = (text: string) =>
    text.length > labelWidth - 1 ? `${text.slice(0, labelWidth - 2)}… ` : text.padEnd(labelWidth);
  const lines = [
    '',
    'Time in stage: completed visits of the period’s deals per bin, from each lower edge ' +
      '(* = the bin of the stuck threshold; "over" = visits longer than it)',
    label('Stage') + d.binEdgesHours.map(e => cell(edgeLabel(e), 5)).join('') + cell('n', 6),
  ];
  for (const s of d.stages) {
    lines.push(
      label(`${name(s.stageId)}${s.side ? ' (side)' : ''}`) +
        s.counts.map((c, k) => cell(`${k === s.thresholdBin ? '*' : ''}${count(c)}`, 5)).join('') +
        cell(count(s.samples), 6) +
        `  threshold ${days(s.thresholdHours)} d, over ${count(s.overThreshold)}`,
    );
  }
  const t = d.timeToClose;
  lines.push(
    '',
    `Time to close by month of closing (${t.timeZone}), days from creation: count, median, p90`,
    `${'Month'.padEnd(9)}${cell('Won', 7)}${cell('median', 8)}${cell('p90', 8)}${cell('Lost', 7)}${cell('median', 8)}${cell('p90', 8)}`,
    ...t.months.map(
      m =>
        m.month.padEnd(9) +
        cell(count(m.won.samples), 7) +
        cell(days(m.won.medianHours), 8) +
        cell(days(m.won.p90Hours), 8) +
        cell(count(m.lost.samples), 7) +
        cell(days(m.lost.medianHours), 8) +
        cell(days(m.lost.p90Hours), 8),
    ),
  );
  const m = d.transitions;
  const place = (p: TransitionPlace | undefined): string =>
    !p
      ? '?'
      : p.stageId !== null
        ? `${name(p.stageId)}${p.kind === 'side' ? ' (side)' : ''}`
        : PLACE_NAMES[p.kind];
  const cells = m.counts.flatMap((row, from) =>
    row.flatMap((c, to) => (c > 0 ? [{ from, to, c }] : [])),
  );
  cells.sort((a, b) => b.c - a.c || a.from - b.from || a.to - b.to);
  lines.push(
    '',
    `Moves of the period’s deals in the period: ${count(m.total)}` +
      (cells.length > 0 ? ', from → to, most first:' : ''),
    ...cells.map(x => `  ${place(m.places[x.from])} → ${place(m.places[x.to])}: ${count(x.c)}`),
  );
  return lines;
}

const PLACE_NAMES: Record<TransitionPlace['kind'], string> = {
  incoming: 'Incoming',
  stage: 'Stage',
  side: 'Side stage',
  won: 'Won',
  lost: 'Lost',
  outside: 'Outside the pipeline',
};
