import { forecast, lossReasonBreakdown, managerBreakdown, weakestTransition } from './breakdowns';
import { calendarBuckets } from './calendar';
import type { CohortCounts } from './cohort';
import { countCohort, stageRatios, selectCohort } from './cohort';
import { ratio } from './ratio';
import type { LeadFacts } from './facts';
import { RETURNED, VISITED } from './facts';
import type { FunnelModel } from './model';
import { buildModel } from './model';
import type { Funnel } from './stages';
import type { StuckThreshold } from './stuck';
import { echoStuckOptions, isDealStuck, learningSamples, stuckThresholds } from './stuck';
import { onWorkingClock, stuckClockThresholds, workingThresholdField } from './stuckClock';
import { firstResponse, incomingQueue } from './response';
import { closedMode, flow } from './modes';
import { echoForesight, foresightBlocks, withWorkingHours, workingStageTimes } from './foresight';
import { moneyReport } from './money';
import { sameAge } from './sameAge';
import { unattendedPerPlace } from './activity';
import type { SnoozedSplit } from './snooze';
import { echoSnooze, snoozedBlock, snoozedDeals, stageSnoozed } from './snooze';
import { activeSlice, echoSlice, scopeFacts } from './slice';
import { openDeals, stageTimes } from './timing';
import type {
  FunnelInput,
  FunnelReport,
  Period,
  ReportOptions,
  SideStageReport,
  StageReport,
  StageTime,
  Totals,
  TrendBucket,
} from './types';

export const DEFAULT_MIN_SAMPLE = 10;

/**
 * The whole report of metrics.md section 10 for one window.
 *
 * @example
 * buildReport(input, { from, to, now }).weakestTransition
 * //=> { fromStageId: 31, toStageId: 32, conversion: 0.34, decidedConversion: 0.4 }
 */
export function buildReport(input: FunnelInput, options: ReportOptions): FunnelReport {
  return reportFromModel(buildModel(input), options);
}

export function reportFromModel(model: FunnelModel, options: ReportOptions): FunnelReport {
  const { funnel } = model;
  const n = funnel.stages.length;
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const slice = activeSlice(options.slice);
  const scope = scopeFacts(model.facts, options.responsibleUserIds, slice);
  const scopeByCreated = scopeFacts(model.byCreated, options.responsibleUserIds, slice);
  const cohort = selectCohort(scopeByCreated, options);
  const counts = countCohort(n, cohort);
  const times = stageTimes(funnel.places.length, cohort, options.now);
  // Thresholds learn from every pipeline lead, whatever the manager filter or slice: the team's norm.
  const samples = learningSamples(model.completed, options.now, options.horizonDays);
  const thresholds = stuckThresholds(funnel, samples, options);
  const week = options.workingWeek;
  // F.1a: on the working clock the same rule reads working hours against working thresholds.
  const workingTh = stuckClockThresholds(funnel, model.completed, options);
  const timed = withWorkingHours(
    openDeals(
      funnel,
      scope.filter(f => f.currentIndex >= 0),
      thresholds,
      options.now,
    ),
    scope,
    options.now,
    week,
  );
  const open = onWorkingClock(timed, funnel, workingTh);
  const working = week ? workingStageTimes(funnel.places.length, cohort, options.now, week) : null;
  // §7, or F.1a's rule for the deals `onWorkingClock` gave their working threshold.
  const pastThreshold = isDealStuck;
  // F.6: a snoozed deal leaves the stuck count until its date.
  const snooze = snoozedDeals(open, scope, options, pastThreshold);
  const stuck = open.filter(d => pastThreshold(d) && !snooze.has(d.leadId));
  const stuckPerStage = new Map<number, number>();
  for (const d of stuck) stuckPerStage.set(d.stageId, (stuckPerStage.get(d.stageId) ?? 0) + 1);
  const nowAtStage = snapshot(funnel.places.length, scope);
  const weakest = weakestTransition(funnel, counts, minSample);
  const mode = options.mode ?? 'created';
  const unattendedAt = unattendedPerPlace(funnel.places.length, scope, options.now);

  const stages = funnel.stages.map((s, i): StageReport => {
    const threshold = thresholds[i] ?? { hours: 0, source: 'default' as const };
    return {
      id: s.id,
      name: s.name,
      color: s.color,
      reached: counts.reached[i] ?? 0,
      current: counts.current[i] ?? 0,
      skipped: counts.skipped[i] ?? 0,
      undecided: counts.undecided[i] ?? 0,
      lostHere: counts.lostHere[i] ?? 0,
      ...stageRatios(counts, i),
      conversionToWon: ratio(counts.wonReached, counts.reached[i] ?? 0),
      time: times[i] ?? { samples: 0, medianHours: null, p90Hours: null, openMedianHours: null },
      stuck: stuckPerStage.get(s.id) ?? 0,
      stuckThresholdHours: threshold.hours,
      stuckThresholdSource: threshold.source,
      ...workingThresholdField(workingTh, i),
      ...stageSnoozed(snooze, s.id),
      movedBack: counts.movedBack[i] ?? 0,
      now: nowAtStage[i] ?? { count: 0, value: 0 },
      unattended: placeValue(unattendedAt, i),
      ...(working ? { workingTime: working[i] ?? EMPTY_TIME } : {}),
    };
  });

  return {
    pipeline: { id: model.pipeline.id, name: model.pipeline.name },
    period: { from: options.from, to: options.to },
    now: options.now,
    totals: counts.totals,
    stages,
    won: { reached: counts.wonReached },
    weakestTransition: weakest,
    stuck,
    managers: managerBreakdown(n, cohort),
    previous: previousPeriod(funnel, scopeByCreated, options),
    lossReasons: lossReasonBreakdown(funnel, cohort, model.lossReasons),
    forecast: forecast(funnel, scope),
    response: firstResponse(cohort),
    incoming: incomingQueue(funnel, cohort),
    ...(funnel.side.length > 0
      ? {
          sideStages: sideStages(funnel, cohort, times, thresholds, stuckPerStage, {
            nowAtPlace: nowAtStage,
            unattendedAt,
            working,
            snooze,
            workingThresholds: workingTh,
          }),
        }
      : {}),
    ...snoozedBlock(snooze),
    ...(options.includeOpenDeals ? { openDeals: open } : {}),
    ...(options.trend ? { trend: trend(funnel, scopeByCreated, options, options.trend) } : {}),
    ...(options.money ? { money: moneyReport(funnel, cohort, weakest) } : {}),
    ...(mode === 'closed' ? { closedMode: closedMode(funnel, scope, options) } : {}),
    ...(mode === 'entered' ? { flow: flow(funnel, scope, options, model.historyFrom) } : {}),
    ...foresightBlocks(
      {
        funnel,
        counts,
        cohort,
        scope,
        scopeByCreated,
        minSample,
        historyFrom: model.historyFrom,
        thresholds,
      },
      options,
    ),
    options: {
      minSample,
      ...echoStuckOptions(options),
      sideStageIds:
        funnel.side.length > 0 ? funnel.side.map(s => s.id).sort((a, b) => a - b) : null,
      historyFrom: model.historyFrom,
      responsibleUserIds: options.responsibleUserIds ? [...options.responsibleUserIds] : null,
      mode,
      money: options.money ?? false,
      slice: echoSlice(slice),
      ...echoForesight(options),
      ...echoSnooze(options),
    },
  };
}

/** metrics.md 11.3: each side stage over the cohort, in sort order. */
function sideStages(
  funnel: Funnel,
  cohort: readonly LeadFacts[],
  times: readonly StageTime[],
  thresholds: readonly StuckThreshold[],
  stuckPerStage: ReadonlyMap<number, number>,
  atPlace: {
    readonly nowAtPlace: readonly { count: number; value: number }[];
    readonly unattendedAt: readonly (number | null)[];
    readonly working: readonly StageTime[] | null;
    readonly snooze: SnoozedSplit;
    readonly workingThresholds: readonly StuckThreshold[] | null;
  },
): SideStageReport[] {
  const n = funnel.stages.length;
  return funnel.side.map((s, k): SideStageReport => {
    const place = n + k;
    const time = times[place];
    return {
      id: s.id,
      name: s.name,
      ...sideCounts(cohort, place),
      time: durations(time),
      stuck: stuckPerStage.get(s.id) ?? 0,
      stuckThresholdHours: thresholds[place]?.hours ?? 0,
      ...workingThresholdField(atPlace.workingThresholds, place),
      ...stageSnoozed(atPlace.snooze, s.id),
      now: atPlace.nowAtPlace[place] ?? { count: 0, value: 0 },
      unattended: placeValue(atPlace.unattendedAt, place),
      ...(atPlace.working ? { workingTime: durations(atPlace.working[place]) } : {}),
    };
  });
}

const EMPTY_TIME: StageTime = {
  samples: 0,
  medianHours: null,
  p90Hours: null,
  openMedianHours: null,
};

/** A place's time in stage without its open deals' median (side stages show none). */
function durations(time: StageTime | undefined) {
  return {
    samples: time?.samples ?? 0,
    medianHours: time?.medianHours ?? null,
    p90Hours: time?.p90Hours ?? null,
  };
}

/** metrics.md 11.3: `entered`, `current`, `returned` and `lost` of the side stage at `place`. */
function sideCounts(cohort: readonly LeadFacts[], place: number) {
  let entered = 0;
  let current = 0;
  let returned = 0;
  let lost = 0;
  for (const f of cohort) {
    const mark = f.visited[place] ?? 0;
    if (mark & VISITED) entered++;
    if (mark & RETURNED) returned++;
    if (f.currentIndex === place) current++;
    if (f.lostFromSide === place) lost++;
  }
  return { entered, current, returned, lost };
}

/** A per-place value, keeping null (unknown) apart from a place past the end (0). */
function placeValue(values: readonly (number | null)[], place: number): number | null {
  const v = values[place];
  return v === undefined ? 0 : v;
}

function snapshot(n: number, facts: readonly LeadFacts[]): { count: number; value: number }[] {
  const out = Array.from({ length: n }, () => ({ count: 0, value: 0 }));
  for (const f of facts) {
    const slot = out[f.currentIndex];
    if (!slot) continue;
    slot.count++;
    slot.value += f.lead.price;
  }
  return out;
}

/** The same cohort rules over the window of equal length just before (metrics.md 9). */
function previousPeriod(
  funnel: Funnel,
  byCreated: readonly LeadFacts[],
  window: ReportOptions,
): FunnelReport['previous'] {
  const period = { from: window.from - (window.to - window.from), to: window.from };
  const cohort = selectCohort(byCreated, period);
  const c: CohortCounts = countCohort(funnel.stages.length, cohort);
  return {
    period,
    totals: c.totals,
    stages: funnel.stages.map((s, i) => ({
      id: s.id,
      reached: c.reached[i] ?? 0,
      ...stageRatios(c, i),
    })),
    sameAge: sameAge(funnel, cohort, window, window.now),
  };
}

/** Extension (metrics.md, young cohorts): more than half of the cohort's deals are open. */
export function isYoung(totals: Totals): boolean {
  return totals.open * 2 > totals.deals;
}

function trend(
  funnel: Funnel,
  byCreated: readonly LeadFacts[],
  window: Period,
  opts: NonNullable<ReportOptions['trend']>,
): TrendBucket[] {
  return calendarBuckets(window, opts.granularity, opts.timeZone).map(period => {
    const cohort = selectCohort(byCreated, period);
    const c = countCohort(funnel.stages.length, cohort);
    return {
      ...period,
      totals: c.totals,
      reached: c.reached,
      young: isYoung(c.totals),
      response: firstResponse(cohort),
      incoming: incomingQueue(funnel, cohort),
    };
  });
}
