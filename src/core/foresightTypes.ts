/**
 * The options and report blocks of foresight (docs/metrics.md, "Extensions: foresight", F.4),
 * apart from ./types so each file stays readable in one sitting.
 */
import type { TransitionChange } from './alerts';
import type { DistributionsOption, DistributionsReport } from './distributionTypes';
import type { ForecastRange } from './forecastRange';
import type { StuckClock } from './stuckClock';
import type { WorkingWeek } from './workingWeek';

/** What a report asks of foresight; each block is computed only when asked. */
export interface ForesightOptions {
  /**
   * Significant changes (`alerts`): `true` at the default level, or the admin's level. The
   * samples' floor is the report's `minSample`, the one §8 uses: a small sample is judged by
   * neither.
   */
  readonly alerts?: boolean | { readonly confidence?: number | undefined } | undefined;
  /** The forecast's horizons in days (`forecastRange`), each above 0, in the order given. */
  readonly forecastDays?: readonly number[] | undefined;
  /** Durations in working hours beside the elapsed ones (`workingTime`, `workingHoursInStage`). */
  readonly workingWeek?: WorkingWeek | undefined;
  /** F.1a: the clock of the stuck rule; `'working'` needs `workingWeek`. Elapsed by default. */
  readonly stuckClock?: StuckClock | undefined;
  /** F.5: histograms of time in stage, time to close by month (in this zone), the moves matrix. */
  readonly distributions?: DistributionsOption;
}

/** F.4: every main-stage transition's comparison with its baseline. */
export interface AlertsReport {
  readonly confidence: number;
  readonly minSample: number;
  /** The K baseline windows together: `[from - K·L, from)`, each seen as of `now - k·L`. */
  readonly baseline: { readonly from: number; readonly to: number; readonly windows: number };
  readonly transitions: readonly TransitionChange[];
}

export type { DistributionsReport, ForecastRange };

/** Working hours of a sample of durations: as `StageTime` without the open deals. */
export interface WorkingDurations {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

/** The foresight options as the report echoes them; each key only when it was asked for. */
export interface ForesightEcho {
  readonly alerts?: { readonly confidence: number };
  readonly forecastDays?: readonly number[];
  readonly workingWeek?: WorkingWeek;
  readonly stuckClock?: StuckClock;
  readonly distributions?: { readonly timeZone: string };
}
