/** The funnel engine's public surface (metrics.md implemented as pure functions). */
export * from './types';
export { buildFunnel, openPlace, stageIndex, unknownSideStage } from './stages';
export type { Funnel } from './stages';
export { orderEvents, buildVisits } from './history';
export type { Visit } from './history';
export { buildModel, freshestLeads, leadVisits, modelFromFacts, modelFromHistories } from './model';
export type { CompletedVisits, FunnelModel, LeadHistory } from './model';
export { FactScan, leadFacts } from './facts';
export type { LeadFacts } from './facts';
export { FACT_RULES, funnelKey, packFacts, unpackFacts } from './packedFacts';
export type { PackedFacts } from './packedFacts';
export { updateModel } from './modelUpdate';
export type { ModelChange } from './modelUpdate';
export { buildReport, reportFromModel, DEFAULT_MIN_SAMPLE } from './report';
export { activeSlice, slicePredicate } from './slice';
export { unattended } from './activity';
export { echoSnooze, isSnoozed, snoozedDeals, snoozeOf } from './snooze';
export type { SnoozedSplit } from './snooze';
export { closedAtOf } from './modes';
export type { FieldFilter, Slice } from './slice';
export { unworkedShare } from './incomingShare';
export { leadJourney, stageNorms } from './journey';
export { stageDepartures } from './sideCandidates';
export type { SideCandidate } from './sideCandidates';
export type { JourneyOptions, LeadJourney, JourneyStep, StageNorm } from './journey';
export {
  DEFAULT_THRESHOLD_HOURS,
  MIN_LEARNING_SAMPLES,
  echoStuckOptions,
  isDealStuck,
  isStuck,
  learningSamples,
  stuckThresholds,
} from './stuck';
export type { StuckOptions, StuckThreshold, ThresholdSource } from './stuck';
export { quantile, sortedValues } from './quantile';
export { difference, ratio } from './ratio';
export { wilsonInterval, Z_90 } from './wilson';
export type { Interval } from './wilson';
export * from './calendar';
export { toCsv } from './csv';
export type { Cell } from './csv';
export { STAGE_COLUMNS, stageRows } from './tables';
export { packLeads, unpackLeads } from './packed';
export type { PackedLeads } from './packed';
export { parseWorkingWeek, WORKING_WEEK_ISSUE_CODES } from './workingWeek';
export type {
  WorkingInterval,
  WorkingWeek,
  WorkingWeekIssue,
  WorkingWeekIssueCode,
  WorkingWeekResult,
} from './workingWeek';
export { workingHours, workingSeconds } from './workingTime';
export { DEFAULT_THRESHOLD_DAYS, workingDayHours } from './stuckClock';
export type { StuckClock } from './stuckClock';
export { DEFAULT_CONFIDENCE, proportionChange, transitionChanges } from './alerts';
export type { AlertOptions, DecidedCount, ProportionChange, TransitionChange } from './alerts';
export {
  BASELINE_WEEKS,
  baselineDecidedCounts,
  baselineWindows,
  decidedCounts,
} from './alertBaseline';
export type { BaselineWindow } from './alertBaseline';
export { erfc, normalQuantile, twoSidedP } from './normal';
export {
  FORECAST_DRAWS,
  FORECAST_HORIZONS_DAYS,
  FORECAST_SEED,
  forecastRange,
  revenueDraws,
  timeToWin,
  winWithin,
} from './forecastRange';
export type { ForecastRange, ForecastRangeOptions, HorizonForecast } from './forecastRange';
export { mulberry32, pmfQuantile, poissonBinomial } from './poissonBinomial';
export {
  BIN_EDGES_HOURS,
  CLOSE_MONTHS,
  binOf,
  closeMonths,
  distributions,
  distributionsZone,
  stageHistograms,
  timeToCloseByMonth,
  transitionMatrix,
  transitionPlaces,
} from './distributions';
export type {
  CloseMonth,
  CloseTimes,
  DistributionsOption,
  DistributionsReport,
  StageHistogram,
  TransitionMatrix,
  TransitionPlace,
  TransitionPlaceKind,
} from './distributionTypes';
