import { parseArgs } from 'node:util';
import type { Dataset } from './bodies/dataset';
import {
  buildFunnel,
  buildReport,
  STAGE_COLUMNS,
  stageRows,
  toCsv,
  unknownSideStage,
} from '../core';
import { CliError } from './errors';
import { formatReport } from './format';
import { loadDataDir } from './loadDir';
import { positiveDays, positiveId, wholeCount } from './options';
import { countingMode, sliceOf } from './sliceOptions';
import {
  alertsOption,
  forecastDaysOption,
  withOptionalValues,
  stuckClockOption,
  workingWeekOption,
} from './foresightOptions';
import { snoozeFieldsOption } from './snoozeOptions';
import { plainName } from './text';
import { checkTimeZone, parseTime } from './time';
import type { Io } from './io';

export const REPORT_USAGE = `funnel-lens report --data DIR --pipeline ID [--from T] [--to T] [--now T]
                   [--stuck-days N] [--stuck-days-by-stage ID=N,…] [--min-sample N]
                   [--horizon-days N] [--side-stages ID,…] [--history-from T] [--tz ZONE]
                   [--tag ID,…]… [--field ID=VALUE]… [--mode created|closed|entered]
                   [--money] [--alerts [CONFIDENCE]] [--forecast-days [N,…]]
                   [--working-time FILE [--stuck-clock working]]
                   [--snooze-fields UNTIL_ID[,REASON_ID]]
                   [--distributions] [--json | --csv]

  --data DIR        saved amoCRM API v4 response bodies (*.json, any names, subfolders allowed);
                    a sync that did not finish, or is still writing, is refused by name
  --pipeline ID     the pipeline (GET /api/v4/leads/pipelines) to report on
  --from, --to      the window [from, to): epoch seconds, an ISO-8601 timestamp, or YYYY-MM-DD
                    (midnight in the account's time zone); default: the 30 days before --now
  --now T           the moment the report is computed at (default: the current time)
  --stuck-days N    one stuck threshold for every stage, in days (default: learned per stage);
                    days are plain decimals (7, 2.5) up to 36500
  --stuck-days-by-stage ID=N,…
                    per-stage thresholds in days by stage id (as the widget's settings); they
                    win over --stuck-days for the stages they name
  --min-sample N    fewest decided deals for the weakest transition (default 10)
  --horizon-days N  learn stuck thresholds and stage norms only from visits that ended in the
                    last N days (metrics.md 11.1; default: all history)
  --side-stages ID,…
                    open stages of the pipeline that are side stages ("Недозвон"): apart from
                    the funnel, never counted as passing earlier stages (metrics.md 11.3)
  --history-from T  read the data as a sync that has loaded history back to T only: status
                    changes from T on, leads created from T on, and the open leads (the widget's
                    panel before its backfill is done; see metrics.md, extensions)
  --tag ID,…        count only leads with any of these tags (repeatable)
  --field ID=VALUE  count only leads whose custom field ID has VALUE: an enum id for a list
                    field, true/false for a checkbox, a text for a text or UTM field; repeat it
                    for more values of one field (any of them) or for more fields (all of them)
  --mode M          also count by closing date (closed) or by stage entry (entered) in the
                    period; created (default) is the cohort alone (metrics.md, extensions)
  --money           also give every count of the funnel as a sum of the deals' budgets
  --alerts [CONFIDENCE]
                    test each transition's decided conversion against the previous 12 weeks
                    (same-age periods of the window's length); a change is flagged when
                    significant at CONFIDENCE (0.5 up to 1; default 0.95) with at least
                    --min-sample decided deals on each side. The text lists the flagged ones;
                    --json has every comparison (metrics.md, foresight F.2, F.4)
  --forecast-days [N,…]
                    expected wins and revenue within N days, each with a 90% range (default
                    30,90; the revenue range is drawn with a fixed seed, the same on every run)
  --working-time FILE
                    a JSON working week: {"days": [1,2,3,4,5], "hours": [{"from": 540, "to":
                    1080}], "timeZone": "Europe/Moscow", "holidays": ["2026-01-01"]} (days
                    1 = Monday … 7 = Sunday, hours in minutes after midnight, holidays
                    optional); adds working hours beside the elapsed ones: time in stage,
                    each stuck deal's time at its stage (--json) and the first response.
                    Stuck thresholds and the stuck rule stay in elapsed hours unless
                    --stuck-clock working
  --stuck-clock elapsed|working
                    the clock of the stuck rule (default elapsed); working (needs
                    --working-time) judges each deal's working hours at its stage against
                    thresholds in working hours: N days = N working days, the learned p90 in
                    working hours, 7 working days without a norm (metrics.md, foresight F.1a)
  --snooze-fields UNTIL_ID[,REASON_ID]
                    the lead fields holding a manager's "waits until DATE — reason" mark (a
                    date field, then an optional text field): a deal whose date is ahead of
                    --now leaves the stuck count and is listed apart (metrics.md, foresight F.6)
  --distributions   per stage a histogram of time in stage (fixed bins, 1 hour … 180 days,
                    the stuck threshold marked), the time to close by month of closing (the
                    12 months ending with --to's, in the account's time zone) and the moves
                    between stages in the period (metrics.md, foresight F.5)
  --tz ZONE         time zone for dates when DIR has no account body (default UTC)
  --json            print the report object (metrics contract, section 10) and nothing else
  --csv             print the stage table as CSV`;

const DAY = 86_400;

/** `31=3,32=2.5`: stage id → days, each a positive number, no stage twice. */
function stageDays(text: string, option: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [id = '', days, ...extra] = part.split('=');
    if (days === undefined || extra.length > 0)
      throw new CliError(
        `${option}: expected STAGE_ID=DAYS pairs separated by commas, got "${part}".`,
      );
    const key = String(positiveId(id.trim(), `${option} (stage id)`));
    if (key in out) throw new CliError(`${option}: stage ${key} is given twice.`);
    out[key] = positiveDays(days.trim(), `${option} (stage ${key})`);
  }
  return out;
}

/** `35,36`: distinct stage ids. */
function stageIds(text: string, option: string): number[] {
  const ids = text.split(',').map(part => positiveId(part.trim(), option));
  const twice = ids.find((id, k) => ids.indexOf(id) !== k);
  if (twice !== undefined) throw new CliError(`${option}: stage ${twice} is given twice.`);
  return ids;
}

function zoneFor(data: Dataset, tz: string | undefined, io: Io): string {
  const account = data.account?.timezone ?? null;
  if (account !== null) {
    if (tz !== undefined && tz !== account)
      io.warn(`--tz ${tz} ignored: the account's time zone is ${account}`);
    return checkTimeZone(account, 'the account body');
  }
  return tz === undefined ? 'UTC' : checkTimeZone(tz, '--tz');
}

export function runReport(argv: string[], io: Io): void {
  const { values } = parseArgs({
    args: withOptionalValues(argv),
    strict: true,
    options: {
      data: { type: 'string' },
      pipeline: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      now: { type: 'string' },
      'stuck-days': { type: 'string' },
      'stuck-days-by-stage': { type: 'string' },
      'min-sample': { type: 'string' },
      'horizon-days': { type: 'string' },
      'side-stages': { type: 'string' },
      'history-from': { type: 'string' },
      tag: { type: 'string', multiple: true },
      field: { type: 'string', multiple: true },
      mode: { type: 'string' },
      money: { type: 'boolean' },
      alerts: { type: 'string' },
      'forecast-days': { type: 'string' },
      'working-time': { type: 'string' },
      'stuck-clock': { type: 'string' },
      'snooze-fields': { type: 'string' },
      distributions: { type: 'boolean' },
      tz: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    },
  });
  if (values.data === undefined) throw new CliError('--data DIR is required.');
  if (values.pipeline === undefined) throw new CliError('--pipeline ID is required.');
  if (values.json === true && values.csv === true)
    throw new CliError('--json and --csv exclude each other.');
  const pipelineId = positiveId(values.pipeline, '--pipeline');
  const stuckDays =
    values['stuck-days'] === undefined
      ? undefined
      : positiveDays(values['stuck-days'], '--stuck-days');
  const stuckDaysByStage =
    values['stuck-days-by-stage'] === undefined
      ? undefined
      : stageDays(values['stuck-days-by-stage'], '--stuck-days-by-stage');
  const minSample =
    values['min-sample'] === undefined
      ? undefined
      : wholeCount(values['min-sample'], '--min-sample');

  const horizonDays =
    values['horizon-days'] === undefined
      ? undefined
      : positiveDays(values['horizon-days'], '--horizon-days');

  const sideStageIds =
    values['side-stages'] === undefined
      ? undefined
      : stageIds(values['side-stages'], '--side-stages');

  const slice = sliceOf(values.tag ?? [], values.field ?? []);
  const mode = countingMode(values.mode);
  const money = values.money === true ? true : undefined;
  const alerts = alertsOption(values.alerts);
  const forecastDays = forecastDaysOption(values['forecast-days']);
  const workingWeek = workingWeekOption(values['working-time']);
  const stuckClock = stuckClockOption(values['stuck-clock'], workingWeek);
  const snooze = snoozeFieldsOption(values['snooze-fields']);

  const data = loadDataDir(values.data, io.warn);
  const pipeline = data.pipelines.find(p => p.id === pipelineId);
  if (!pipeline) {
    const found = data.pipelines.map(
      p => `  ${p.id}  ${plainName(p.name) || '(no pipeline body, statuses only)'}`,
    );
    throw new CliError(
      `--pipeline ${pipelineId}: no such pipeline in ${values.data}. ` +
        (found.length > 0
          ? `Pipelines found:\n${found.join('\n')}`
          : 'No pipeline bodies were found there.'),
    );
  }
  const notOpen = sideStageIds ? unknownSideStage(pipeline, sideStageIds) : null;
  if (notOpen !== null) {
    const open = buildFunnel(pipeline).stages.map(st => `  ${st.id}  ${plainName(st.name)}`);
    throw new CliError(
      `--side-stages: ${notOpen} is not an open stage of pipeline ${pipelineId}. ` +
        `Its open stages:\n${open.join('\n')}`,
    );
  }
  if (stuckDaysByStage) {
    const stages = new Set(buildFunnel(pipeline).stages.map(st => String(st.id)));
    const unknown = Object.keys(stuckDaysByStage).filter(id => !stages.has(id));
    if (unknown.length > 0)
      io.warn(
        `--stuck-days-by-stage: ${unknown.join(', ')} not an open stage of pipeline ${pipelineId}; ignored`,
      );
  }
  const timeZone = zoneFor(data, values.tz, io);
  const now =
    values.now === undefined
      ? Math.floor(io.now() / 1000)
      : parseTime(values.now, timeZone, '--now');
  const to = values.to === undefined ? now : parseTime(values.to, timeZone, '--to');
  const from =
    values.from === undefined ? to - 30 * DAY : parseTime(values.from, timeZone, '--from');
  if (from >= to) throw new CliError(`--from must be before --to (got ${from} ≥ ${to}).`);
  const historyFrom =
    values['history-from'] === undefined
      ? null
      : parseTime(values['history-from'], timeZone, '--history-from');

  const report = buildReport(
    {
      pipeline,
      leads: data.leads,
      events: data.events,
      lossReasons: data.lossReasons,
      historyFrom,
      sideStageIds,
    },
    {
      from,
      to,
      now,
      stuckDays,
      stuckDaysByStage,
      minSample,
      horizonDays,
      slice,
      mode,
      money,
      alerts,
      forecastDays,
      workingWeek,
      stuckClock,
      snooze,
      ...(values.distributions === true ? { distributions: { timeZone } } : {}),
    },
  );
  if (values.json === true) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.csv === true) {
    // A CSV is often opened in a terminal first (`cat`, `less -R`); names must not drive it.
    const rows = stageRows(report).map(row =>
      row.map(cell => (typeof cell === 'string' ? plainName(cell) : cell)),
    );
    io.out(toCsv(STAGE_COLUMNS, rows));
  } else io.out(formatReport(report, timeZone));
}
