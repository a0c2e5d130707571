/**
 * The `distributions` block of the report (docs/metrics.md, foresight, F.5), apart from the code
 * so the report's types can name it without importing the computation.
 */
import type { Period } from './types';

/** What `distributions` asks: `true` reads months in UTC; the account's zone is passed in. */
export type DistributionsOption = boolean | { readonly timeZone?: string | undefined } | undefined;

/** F.5 (a): one open stage's completed visits of the cohort, counted per bin. */
export interface StageHistogram {
  readonly stageId: number;
  /** A side stage (§11.3); main stages come first, in funnel order, then side stages. */
  readonly side: boolean;
  /** §6's `time.samples` of the stage: every completed visit of a cohort lead. */
  readonly samples: number;
  /** One count per bin of `binEdgesHours`: bin k is `[edge k, edge k+1)`, the last unbounded. */
  readonly counts: readonly number[];
  readonly thresholdHours: number;
  /** The bin that holds `thresholdHours`: the bars from it on are at or past the threshold. */
  readonly thresholdBin: number;
  /** Visits longer than the threshold (`hours > thresholdHours`, the stuck rule of §7). */
  readonly overThreshold: number;
}

/** Count, median and p90 of times to close, in hours (§6's quantiles). */
export interface CloseTimes {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

/** F.5 (b): the leads whose closing time falls in one calendar month. */
export interface CloseMonth extends Period {
  /** `YYYY-MM` in the block's time zone. */
  readonly month: string;
  readonly won: CloseTimes;
  readonly lost: CloseTimes;
}

/** Where a move starts or ends (F.5 c); `stageId` is set for `stage` and `side` only. */
export type TransitionPlaceKind = 'incoming' | 'stage' | 'side' | 'won' | 'lost' | 'outside';

export interface TransitionPlace {
  readonly kind: TransitionPlaceKind;
  readonly stageId: number | null;
}

/** F.5 (c): `counts[r][c]` = moves from `places[r]` to `places[c]` in the period. */
export interface TransitionMatrix {
  readonly places: readonly TransitionPlace[];
  readonly counts: readonly (readonly number[])[];
  readonly total: number;
}

export interface DistributionsReport {
  /** Lower edges of the bins in hours, from 0 up; the last bin has no upper edge. */
  readonly binEdgesHours: readonly number[];
  readonly stages: readonly StageHistogram[];
  readonly timeToClose: { readonly timeZone: string; readonly months: readonly CloseMonth[] };
  readonly transitions: TransitionMatrix;
}
