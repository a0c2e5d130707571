/**
 * The foresight options of `report` (docs/metrics.md, foresight, F.4): `--alerts [CONFIDENCE]`,
 * `--forecast-days [N,…]`, `--working-time FILE` and `--stuck-clock`, read strictly so that a typo is refused
 * rather than turned into other numbers.
 */
import { readFileSync } from 'node:fs';
import type { StuckClock, WorkingWeek, WorkingWeekIssue } from '../core';
import { DEFAULT_CONFIDENCE, FORECAST_HORIZONS_DAYS, parseWorkingWeek } from '../core';
import { CliError } from './errors';
import { positiveDays } from './options';

/** The options whose value may be left out; node's parseArgs has no such kind. */
export const OPTIONAL_VALUE = ['--alerts', '--forecast-days'] as const;

/**
 * `--alerts` followed by nothing or by another option becomes `--alerts=`, the value left out;
 * `--alerts 0.9` becomes `--alerts=0.9`. `report` takes no positional arguments, so a word after
 * such an option can only be its value.
 */
export function withOptionalValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] ?? '';
    if (arg === '--') return [...out, ...argv.slice(k)];
    if (!(OPTIONAL_VALUE as readonly string[]).includes(arg)) {
      out.push(arg);
      continue;
    }
    const next = argv[k + 1];
    if (next !== undefined && !next.startsWith('-')) {
      out.push(`${arg}=${next}`);
      k++;
    } else out.push(`${arg}=`);
  }
  return out;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** `--alerts [CONFIDENCE]`: undefined when not given; the level, 0.5 ≤ c < 1, default 0.95. */
export function alertsOption(text: string | undefined): { confidence: number } | undefined {
  if (text === undefined) return undefined;
  if (text === '') return { confidence: DEFAULT_CONFIDENCE };
  const c = Number(text);
  if (!DECIMAL.test(text) || !(c >= 0.5 && c < 1))
    throw new CliError(
      `--alerts: expected a confidence level from 0.5 up to (not including) 1, e.g. 0.95 or 0.9, got "${text.slice(0, 40)}".`,
    );
  return { confidence: c };
}

/** `--forecast-days [N,…]`: undefined when not given; the horizons ascending, each once. */
export function forecastDaysOption(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  if (text === '') return [...FORECAST_HORIZONS_DAYS];
  const days = text.split(',').map(part => positiveDays(part.trim(), '--forecast-days'));
  return [...new Set(days)].sort((a, b) => a - b);
}

/** What each problem code means, worded for the value its path names. */
function issueText({ path, code }: WorkingWeekIssue): string {
  const list = path.split('.')[0] ?? '';
  const item = path.includes('.');
  switch (code) {
    case 'not_json':
      return 'not JSON';
    case 'invalid_type':
      if (path === '') return 'expected an object {days, hours, timeZone, holidays}';
      if (path === 'timeZone') return 'expected a time zone name (e.g. "Europe/Moscow")';
      if (list === 'days')
        return item ? 'expected a weekday, 1 (Monday) … 7 (Sunday)' : 'expected a list of weekdays';
      if (list === 'holidays')
        return item ? 'expected a date "YYYY-MM-DD"' : 'expected a list of dates "YYYY-MM-DD"';
      if (path.endsWith('.from') || path.endsWith('.to'))
        return 'expected a whole number of minutes after midnight';
      return item ? 'expected an interval {from, to}' : 'expected a list of intervals {from, to}';
    case 'too_small':
      return 'must not be empty';
    case 'out_of_range':
      return list === 'days'
        ? 'a weekday is 1 (Monday) … 7 (Sunday)'
        : 'minutes after midnight are 0 … 1440';
    case 'duplicate':
      return 'this weekday is listed twice';
    case 'empty_interval':
      return '"from" must be before "to"';
    case 'overlap':
      return 'overlaps an interval that starts earlier';
    case 'unknown_time_zone':
      return 'unknown time zone';
    case 'invalid_date':
      return 'not a calendar date "YYYY-MM-DD"';
  }
}

/** The value at a dotted path of parsed JSON, shown short; '' when there is none to show. */
function shownValue(root: unknown, path: string): string {
  if (path === '') return '';
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null) return '';
    v = (v as Record<string, unknown>)[key];
  }
  if (v === undefined) return ' (missing)';
  const text = JSON.stringify(v);
  return ` (got ${text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}

/** `--working-time FILE`: the working week the file holds (F.1), or every problem with it. */
export function workingWeekOption(file: string | undefined): WorkingWeek | undefined {
  if (file === undefined) return undefined;
  const where = `--working-time ${file}`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      code === 'ENOENT'
        ? `${where}: no such file.`
        : `${where}: cannot be read (${typeof code === 'string' ? code : 'error'}).`,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${where}: not JSON (${(error as Error).message}).`, { cause: error });
  }
  const read = parseWorkingWeek(json);
  if (read.ok) return read.week;
  const lines = read.issues.map(
    issue =>
      `  ${issue.path === '' ? '(the whole file)' : issue.path}: ${issueText(issue)}${shownValue(json, issue.path)}`,
  );
  throw new CliError(
    `${where}: not a working week (see --help):\n${lines.join('\n')}\n` +
      'Expected e.g. {"days": [1, 2, 3, 4, 5], "hours": [{"from": 540, "to": 1080}], ' +
      '"timeZone": "Europe/Moscow", "holidays": ["2026-01-01"]}.',
  );
}

/**
 * `--stuck-clock elapsed|working` (F.1a): undefined when not given. The working clock needs the
 * working week, so it is refused without `--working-time` rather than left elapsed.
 */
export function stuckClockOption(
  text: string | undefined,
  workingWeek: WorkingWeek | undefined,
): StuckClock | undefined {
  if (text === undefined) return undefined;
  if (text !== 'elapsed' && text !== 'working')
    throw new CliError(
      `--stuck-clock: expected "elapsed" or "working", got "${text.slice(0, 40)}".`,
    );
  if (text === 'working' && !workingWeek)
    throw new CliError(
      '--stuck-clock working: needs --working-time FILE (the working week the stuck rule reads).',
    );
  return text;
}
