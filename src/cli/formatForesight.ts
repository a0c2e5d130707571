/** Foresight in the text report (docs/metrics.md, F.4): alerts, the forecast's range, working hours. */
import type { FunnelReport, WorkingWeek } from '../core';
import { count, dateTime, pct } from './format';

type Row = (label: string, cells: string[]) => string;

const dec = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const hours = (h: number | null): string => (h === null ? '—' : dec.format(h));
const points = (d: number): string =>
  `${d < 0 ? '−' : d > 0 ? '+' : ''}${dec.format(Math.abs(d) * 100)}`;
const pValue = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/**
 * `--alerts`: how many transitions were compared, then the flagged ones with their numbers (the
 * JSON holds every comparison).
 */
export function alertLines(
  r: FunnelReport,
  name: (id: number) => string,
  timeZone: string,
): string[] {
  const a = r.alerts;
  if (!a) return [];
  const compared = a.transitions.filter(t => t.change !== null);
  const flagged = compared.filter(t => t.change?.flagged === true);
  const lines = [
    '',
    `Significant changes (confidence ${pct(a.confidence)}, at least ${count(a.minSample)} decided ` +
      `deals on each side) against ${count(a.baseline.windows)} earlier period(s) of the same ` +
      `length, ${dateTime(a.baseline.from, timeZone)} → ${dateTime(a.baseline.to, timeZone)}, ` +
      'each as it stood at the same age:',
    `  ${count(compared.length)} of ${count(a.transitions.length)} transitions tested (the others ` +
      `have no decided deal on one side); ${flagged.length === 0 ? 'no significant change' : `${count(flagged.length)} significant`}.`,
  ];
  for (const t of flagged) {
    const c = t.change;
    if (!c) continue;
    lines.push(
      `  ${c.direction === 'down' ? '↓' : '↑'} ${name(t.fromStageId)} → ${name(t.toStageId)}: ` +
        `${pct(c.rate)} (${count(t.current.k)} of ${count(t.current.n)}) against ` +
        `${pct(c.baselineRate)} (${count(t.baseline.k)} of ${count(t.baseline.n)}), ` +
        `${points(c.difference)} pp [${points(c.low)}, ${points(c.high)}], ${pValue(c.pValue)}`,
    );
  }
  return lines;
}

/** `--forecast-days`: expected wins and revenue per horizon, each with its 90 % range. */
export function forecastRangeLines(r: FunnelReport): string[] {
  const f = r.forecastRange;
  if (!f) return [];
  return [
    '',
    `Forecast with a 90% range (wins: exact; revenue: ${count(f.draws)} draws, seed ${f.seed}):`,
    ...f.horizons.map(
      h =>
        `  within ${count(h.horizonDays)} days: ${dec.format(h.expectedWins)} wins ` +
        `(${count(h.winsLow)}–${count(h.winsHigh)}) worth ${count(Math.round(h.expectedRevenue))} ` +
        `(${count(Math.round(h.revenueLow))}–${count(Math.round(h.revenueHigh))}), ` +
        `from ${count(h.deals)} open deals`,
    ),
  ];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The working week in one line, as the file gave it. */
export function weekLine(week: WorkingWeek): string {
  const days = week.days.map(d => WEEKDAYS[d - 1] ?? String(d)).join(' ');
  const hoursText = week.hours.map(h => `${clock(h.from)}–${clock(h.to)}`).join(', ');
  const holidays = week.holidays.length;
  return (
    `${days}, ${hoursText}, ${week.timeZone}` +
    (holidays > 0 ? `, ${count(holidays)} holiday${holidays === 1 ? '' : 's'}` : '')
  );
}

/**
 * `--working-time`: time in stage and the first response in working hours; with `--stuck-clock
 * working` (F.1a) each stage's stuck threshold in working hours too, the one "Stuck" counts by.
 */
export function workingLines(r: FunnelReport, row: Row, name: (id: number) => string): string[] {
  const week = r.options.workingWeek;
  if (!week) return [];
  const onClock = r.options.stuckClock === 'working';
  const threshold = (s: { readonly stuckThresholdWorkingHours?: number }) =>
    onClock ? [hours(s.stuckThresholdWorkingHours ?? null)] : [];
  const side = (r.sideStages ?? []).flatMap(s =>
    s.workingTime
      ? [
          row(s.name, [
            hours(s.workingTime.medianHours),
            hours(s.workingTime.p90Hours),
            '',
            ...threshold(s),
          ]),
        ]
      : [],
  );
  const w = r.workingResponse;
  return [
    '',
    `Working time (${weekLine(week)}): time in stage, and the median wait of the deals there ` +
      'now, in working hours (wh); ' +
      (onClock
        ? 'stuck deals are judged in working hours against the thresholds in wh'
        : 'stuck thresholds stay in elapsed hours'),
    row('Stage', ['Median wh', 'p90 wh', 'Waiting wh', ...(onClock ? ['Thresh. wh'] : [])]),
    ...r.stages.flatMap(s =>
      s.workingTime
        ? [
            row(name(s.id), [
              hours(s.workingTime.medianHours),
              hours(s.workingTime.p90Hours),
              hours(s.workingTime.openMedianHours),
              ...threshold(s),
            ]),
          ]
        : [],
    ),
    ...side,
    ...(w
      ? [
          `First response in working hours: median ${hours(w.medianHours)} h, ` +
            `p90 ${hours(w.p90Hours)} h (${count(w.samples)} deals)`,
        ]
      : []),
  ];
}
