/**
 * Report blocks of the slice extensions (docs/metrics.md, "Money", "Counting modes"), apart from
 * ./types so each file stays readable in one sitting.
 */

/** metrics.md extensions, "Money": the funnel's counts as sums of `price`. */
export interface MoneyReport {
  readonly totals: {
    readonly deals: number;
    readonly won: number;
    readonly lost: number;
    readonly open: number;
  };
  readonly stages: readonly {
    readonly id: number;
    readonly reached: number;
    readonly current: number;
    readonly undecided: number;
    readonly lostHere: number;
  }[];
  readonly won: { readonly reached: number };
  /** The §8 transition (chosen by counts): `next` over `reached`, and over `decided`. */
  readonly weakestTransition: {
    readonly fromStageId: number;
    readonly toStageId: number;
    readonly next: number;
    readonly reached: number;
    readonly decided: number;
    readonly conversion: number | null;
    readonly decidedConversion: number | null;
  } | null;
}

/** How the report counts besides the cohort (metrics.md extensions, "Counting modes"). */
export type CountingMode = 'created' | 'closed' | 'entered';

/** Hours from creation to closing (metrics.md extensions, "Counting modes"). */
export interface Durations {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

/** `mode: 'closed'`: pipeline leads in scope whose move into (P, 142) or (P, 143) fell in the period. */
export interface ClosedModeReport {
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  /** Sums of `price` of the won and of the lost ones. */
  readonly value: { readonly won: number; readonly lost: number };
  /** The lost ones by lost-from stage (§5), every main stage in funnel order. */
  readonly lostFrom: readonly {
    readonly stageId: number;
    readonly count: number;
    readonly value: number;
  }[];
  readonly timeToClose: Durations;
  readonly timeToWin: Durations;
}

/** `mode: 'entered'`: per main stage, the leads that entered it in the period and moved on in it. */
export interface FlowReport {
  readonly stages: readonly {
    readonly id: number;
    readonly entered: number;
    readonly movedOn: number;
    readonly share: number | null;
    readonly value: { readonly entered: number; readonly movedOn: number };
  }[];
}
