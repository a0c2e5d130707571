/**
 * The engine's input and output types. Plain readonly data: the API layer adapts amoCRM's raw
 * bodies into these, and the report is what `funnel-lens report --json` prints (spec section 10).
 * All times are epoch seconds.
 */
import type { ClosedModeReport, CountingMode, FlowReport, MoneyReport } from './extensionTypes';
import type { FieldFilter, Slice } from './slice';
import type {
  AlertsReport,
  DistributionsReport,
  ForecastRange,
  ForesightEcho,
  ForesightOptions,
  WorkingDurations,
} from './foresightTypes';

export type {
  ClosedModeReport,
  CountingMode,
  Durations,
  FlowReport,
  MoneyReport,
} from './extensionTypes';
export type {
  AlertsReport,
  ForesightEcho,
  ForesightOptions,
  WorkingDurations,
} from './foresightTypes';
import type { StuckOptions, ThresholdSource } from './stuck';
import type { SnoozedDeal, SnoozeFields, SnoozeOptions } from './snooze';
export type { SnoozedDeal, SnoozeFields, SnoozeMark, SnoozeOptions } from './snooze';

/** amoCRM's system statuses; they exist in every pipeline, so a status is keyed by the pair. */
export const WON_STATUS_ID = 142;
export const LOST_STATUS_ID = 143;
/** Status `type` 1 is the pipeline's incoming ("Неразобранное") status; 0 is an ordinary one. */
export const INCOMING_STATUS_TYPE = 1;
/** Only statuses of this type are stages: amoCRM may add types that are neither (metrics.md 2). */
export const ORDINARY_STATUS_TYPE = 0;

export interface StatusRef {
  readonly pipelineId: number;
  readonly statusId: number;
}

export interface Status {
  readonly id: number;
  readonly pipelineId: number;
  readonly name: string;
  readonly sort: number;
  readonly type: number;
  readonly color: string | null;
}

export interface Pipeline {
  readonly id: number;
  readonly name: string;
  readonly sort: number;
  readonly isMain: boolean;
  readonly isArchive: boolean;
  readonly statuses: readonly Status[];
}

export interface Lead {
  readonly id: number;
  readonly name: string;
  readonly pipelineId: number;
  readonly statusId: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly closedAt: number | null;
  readonly price: number;
  /** null: no responsible user (amoCRM sent `responsible_user_id: null`), not a user 0. */
  readonly responsibleUserId: number | null;
  readonly lossReasonId: number | null;
  readonly isDeleted: boolean;
  /**
   * Extension (slices): the ids of `_embedded.tags`. Absent when the source did not carry them (a
   * store that keeps fewer columns): such a lead never passes a tag filter.
   */
  readonly tagIds?: readonly number[] | undefined;
  /**
   * Extension (slices): the lead's custom field values by field id (`custom_fields_values`), each
   * value as `fieldValue` reads it (an enum id, a checkbox's true/false, a text). `{}` when the
   * lead has none (`custom_fields_values: null`); absent when the source did not carry them.
   */
  readonly fields?: Readonly<Record<string, readonly FieldValue[]>> | undefined;
  /**
   * Extension (activity): `closest_task_at`, the due time of the lead's nearest open task; null
   * when it has none. Absent when the source did not carry it: then nobody knows (metrics.md
   * extensions, "unattended").
   */
  readonly closestTaskAt?: number | null | undefined;
}

/** One custom field value as the engine compares it: an enum id, a checkbox, or a text. */
export type FieldValue = number | boolean | string;

/** One `lead_status_changed` event. Event ids are strings in amoCRM. */
export interface StatusChange {
  readonly id: string;
  readonly leadId: number;
  readonly createdAt: number;
  /** null: amoCRM sent an empty `value_before`, so where the lead came from is not said. */
  readonly before: StatusRef | null;
  readonly after: StatusRef;
}

export interface LossReason {
  readonly id: number;
  readonly name: string;
  readonly sort: number;
}

export interface User {
  readonly id: number;
  readonly name: string;
  readonly groupId: number | null;
  readonly isActive: boolean;
}

export interface UserGroup {
  readonly id: number;
  readonly name: string;
}

/** What the engine needs for one pipeline. Leads and events of other pipelines may be present. */
export interface FunnelInput {
  readonly pipeline: Pipeline;
  readonly leads: readonly Lead[];
  readonly events: readonly StatusChange[];
  readonly lossReasons: readonly LossReason[];
  /**
   * Extension (loaded history): the data holds the status changes from this time on, the leads
   * created from then on and the open leads — what a sync that has not reached further back has.
   * Absent: the whole history.
   */
  readonly historyFrom?: number | null | undefined;
  /** metrics.md 11.3: open stages of the pipeline that are side stages. */
  readonly sideStageIds?: readonly number[] | undefined;
}

export interface Period {
  /** Inclusive. */
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

export interface ReportOptions extends Period, StuckOptions, ForesightOptions, SnoozeOptions {
  readonly now: number;
  /** Smallest decided denominator for the weakest transition (spec 8). Default 10. */
  readonly minSample?: number | undefined;
  /**
   * Extension: count only leads whose current responsible user is one of these. Stuck thresholds
   * are still learned from every pipeline lead, so a manager is measured against the team's norm.
   */
  readonly responsibleUserIds?: readonly number[] | undefined;
  /**
   * Extension (slices): count only leads with any of the tags and, per field, one of its values;
   * narrows what `responsibleUserIds` narrows, and thresholds still learn from every lead.
   */
  readonly slice?: Slice | undefined;
  /** Extension: also return every open deal at an open stage (the drill-down's "all" tab). */
  readonly includeOpenDeals?: boolean | undefined;
  /** Extension: cohort totals per calendar bucket of the window, in this time zone. */
  readonly trend?: TrendOptions | undefined;
  /** Extension: also count by closing (`closedMode`) or by stage entry (`flow`); default 'created'. */
  readonly mode?: CountingMode | undefined;
  /** Extension: also give the funnel's counts as sums of `price` (`money`). */
  readonly money?: boolean | undefined;
}

export interface TrendOptions {
  readonly granularity: 'week' | 'month';
  readonly timeZone: string;
}

export interface StageTime {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  readonly openMedianHours: number | null;
}

export interface StageReport {
  readonly id: number;
  readonly name: string;
  readonly color: string | null;
  readonly reached: number;
  readonly current: number;
  readonly skipped: number;
  readonly undecided: number;
  readonly lostHere: number;
  readonly conversionToNext: number | null;
  readonly decidedConversion: number | null;
  readonly conversionToWon: number | null;
  readonly time: StageTime;
  readonly stuck: number;
  readonly stuckThresholdHours: number;
  /** Extension: where the threshold came from. */
  readonly stuckThresholdSource: ThresholdSource;
  /** Extension (F.1a): the threshold in working hours; present with `stuckClock: 'working'`. */
  readonly stuckThresholdWorkingHours?: number;
  /** Extension (F.6): snoozed deals at the stage, left out of `stuck`; present with `snooze`. */
  readonly snoozed?: number;
  /** Extension: cohort transitions out of this stage to an earlier open stage of the pipeline. */
  readonly movedBack: number;
  /** Extension: every pipeline lead (any creation date) now at this stage, and their budget. */
  readonly now: { readonly count: number; readonly value: number };
  /**
   * Extension: of the leads counted in `now`, the unattended ones; null when any of them lacks
   * task data.
   */
  readonly unattended: number | null;
  /** Extension (foresight): `time` in working hours; present with a working week. */
  readonly workingTime?: StageTime;
}

export interface Totals {
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  readonly incoming: number;
  readonly conversion: number | null;
  readonly revenueWon: number;
}

export interface WeakestTransition {
  readonly fromStageId: number;
  readonly toStageId: number;
  readonly conversion: number | null;
  readonly decidedConversion: number | null;
}

export interface OpenDeal {
  readonly leadId: number;
  readonly stageId: number;
  readonly hoursInStage: number;
  /**
   * Extension (loaded history): the deal entered the stage before the history the data holds, so
   * `hoursInStage` is a lower bound (the time since that history began).
   */
  readonly hoursAtLeast: boolean;
  readonly thresholdHours: number;
  readonly price: number;
  readonly responsibleUserId: number | null;
  /**
   * Extension (metrics.md, "Unattended"): no open task, or the nearest one overdue; null when the
   * data does not carry the lead's nearest task.
   */
  readonly unattended: boolean | null;
  /**
   * Extension: the nearest open task's due time when the lead has one and it is known; null
   * otherwise (with `unattended: true`, no open task at all).
   */
  readonly closestTaskAt: number | null;
  /** Extension (foresight): `hoursInStage` in working hours; present with a working week. */
  readonly workingHoursInStage?: number;
  /**
   * Extension (F.1a): the stage's threshold in working hours; present on the working clock, where
   * it and `workingHoursInStage` decide stuck and the order.
   */
  readonly thresholdWorkingHours?: number;
}

export interface ManagerReport {
  /** null: the cohort leads without a responsible user. */
  readonly userId: number | null;
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  readonly winRate: number | null;
  readonly reached: readonly number[];
}

export interface PreviousPeriod {
  readonly period: Period;
  readonly totals: Totals;
  readonly stages: readonly {
    readonly id: number;
    readonly reached: number;
    readonly conversionToNext: number | null;
    readonly decidedConversion: number | null;
  }[];
  /** metrics.md 11.2: the previous cohort as it stood at the current cohort's age. */
  readonly sameAge: SameAge;
}

export interface SameAge {
  readonly cut: number;
  readonly totals: {
    readonly deals: number;
    readonly won: number;
    readonly lost: number;
    readonly open: number;
    readonly conversion: number | null;
  };
  readonly stages: readonly {
    readonly id: number;
    readonly reached: number;
    readonly undecided: number;
    readonly decidedConversion: number | null;
  }[];
}

/** metrics.md 11.4: hours from creation to the first status change. */
export interface FirstResponse {
  readonly samples: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
  /** Open cohort leads with no status change yet. */
  readonly waiting: number;
}

/** metrics.md 11.4: cohort leads that began in the incoming status, and where they went. */
export interface IncomingQueue {
  readonly entered: number;
  readonly accepted: number;
  readonly declined: number;
  readonly waiting: number;
}

export interface LossReasonReport {
  readonly reasonId: number | null;
  readonly name: string | null;
  readonly count: number;
  readonly byStage: Readonly<Record<string, number>>;
}

export interface Forecast {
  readonly expectedWins: number;
  readonly expectedRevenue: number;
  readonly probabilities: readonly { readonly stageId: number; readonly p: number | null }[];
}

export interface TrendBucket extends Period {
  readonly totals: Totals;
  readonly reached: readonly number[];
  /** Extension: most of the bucket's deals are still open, so its conversion is too young to compare. */
  readonly young: boolean;
  /** Extension: metrics.md 11.4 over the bucket's cohort. */
  readonly response: FirstResponse;
  readonly incoming: IncomingQueue;
}

/** metrics.md 11.3: a side stage over the cohort, apart from the funnel. */
export interface SideStageReport {
  readonly id: number;
  readonly name: string;
  /** Cohort leads with a visit to it. */
  readonly entered: number;
  /** Cohort leads at it now. */
  readonly current: number;
  /** Cohort leads that went on to a main stage after a visit to it. */
  readonly returned: number;
  /** Cohort leads lost now whose last move into lost came from it. */
  readonly lost: number;
  readonly time: {
    readonly samples: number;
    readonly medianHours: number | null;
    readonly p90Hours: number | null;
  };
  readonly stuck: number;
  readonly stuckThresholdHours: number;
  /** Extension (F.1a), as `stages[i].stuckThresholdWorkingHours`. */
  readonly stuckThresholdWorkingHours?: number;
  /** Extension (F.6), as `stages[i].snoozed`. */
  readonly snoozed?: number;
  /** Extension, as `stages[i].now`: every pipeline lead at it now, and their value. */
  readonly now: { readonly count: number; readonly value: number };
  /** Extension, as `stages[i].unattended`. */
  readonly unattended: number | null;
  /** Extension (foresight), as `stages[i].workingTime` without the open deals. */
  readonly workingTime?: WorkingDurations;
}

export interface FunnelReport {
  readonly pipeline: { readonly id: number; readonly name: string };
  readonly period: Period;
  readonly now: number;
  readonly totals: Totals;
  readonly stages: readonly StageReport[];
  readonly won: { readonly reached: number };
  readonly weakestTransition: WeakestTransition | null;
  readonly stuck: readonly OpenDeal[];
  readonly managers: readonly ManagerReport[];
  readonly previous: PreviousPeriod;
  readonly lossReasons: readonly LossReasonReport[];
  readonly forecast: Forecast;
  readonly response: FirstResponse;
  readonly incoming: IncomingQueue;
  /** metrics.md 11.3: present only when side stages are given. */
  readonly sideStages?: readonly SideStageReport[];
  /** Extension: present when `includeOpenDeals` is set; ordered like `stuck`. */
  readonly openDeals?: readonly OpenDeal[];
  /** Extension: present when `trend` is set. */
  readonly trend?: readonly TrendBucket[];
  /** Extension: present when `money` is set. */
  readonly money?: MoneyReport;
  /** Extension: present when `mode` is 'closed'. */
  readonly closedMode?: ClosedModeReport;
  /** Extension: present when `mode` is 'entered'. */
  readonly flow?: FlowReport;
  /** Extension (foresight): present when `alerts` is asked for. */
  readonly alerts?: AlertsReport;
  /** Extension (F.6): open deals snoozed at `now`, apart from `stuck`; present with `snooze`. */
  readonly snoozed?: readonly SnoozedDeal[];
  /** Extension (foresight): present when `forecastDays` is given. */
  readonly forecastRange?: ForecastRange;
  /** Extension (foresight): `response` in working hours; present with a working week. */
  readonly workingResponse?: WorkingDurations;
  /** Extension (foresight, F.5): present when `distributions` is asked for. */
  readonly distributions?: DistributionsReport;
  /** Extension: the options that shaped the numbers, so a reader can reproduce them. */
  readonly options: {
    readonly minSample: number;
    readonly stuckDays: number | null;
    /** Extension: the per-stage thresholds in days, by stage id; null when none were given. */
    readonly stuckDaysByStage: Readonly<Record<string, number>> | null;
    /** metrics.md 11.1: the history horizon in days; null when off. */
    readonly horizonDays: number | null;
    /** metrics.md 11.3: the side stages' ids, ascending; null when off. */
    readonly sideStageIds: readonly number[] | null;
    /** Extension (loaded history): where the data's history starts; null = all of it. */
    readonly historyFrom: number | null;
    readonly responsibleUserIds: readonly number[] | null;
    /** Extension: the counting mode ('created' unless another was asked for). */
    readonly mode: CountingMode;
    /** Extension: whether the money block was asked for. */
    readonly money: boolean;
    /** Extension (slices): the slice's conditions as used; null when it asks nothing. */
    readonly slice: {
      readonly tagIds: readonly number[] | null;
      readonly fields: readonly FieldFilter[] | null;
    } | null;
  } & ForesightEcho & { readonly snooze?: SnoozeFields };
}
