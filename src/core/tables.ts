import type { Cell } from './csv';
import type { FunnelReport } from './types';

/** The stage table of a report, unrounded, with stable machine-readable column names. */
export const STAGE_COLUMNS = [
  'stage_id',
  'stage',
  'reached',
  'current',
  'skipped',
  'undecided',
  'lost_here',
  'conversion_to_next',
  'decided_conversion',
  'conversion_to_won',
  'median_hours',
  'p90_hours',
  'open_median_hours',
  'completed_visits',
  'stuck',
  'stuck_threshold_hours',
  'moved_back',
] as const;

export function stageRows(report: FunnelReport): Cell[][] {
  return report.stages.map(s => [
    s.id,
    s.name,
    s.reached,
    s.current,
    s.skipped,
    s.undecided,
    s.lostHere,
    s.conversionToNext,
    s.decidedConversion,
    s.conversionToWon,
    s.time.medianHours,
    s.time.p90Hours,
    s.time.openMedianHours,
    s.time.samples,
    s.stuck,
    s.stuckThresholdHours,
    s.movedBack,
  ]);
}
