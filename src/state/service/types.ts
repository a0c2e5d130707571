/**
 * The data service: everything about one pipeline's data that is not drawing — the cache, the
 * syncs (window, backfill, refresh), the history store and the engine's model — behind one small
 * interface. It runs in a Web Worker started from the widget's own script, or on the page when no
 * worker can start; the page's models only ask it questions and hear its status.
 */
import type { ApiErrorCode, WaitInfo } from '../../api';
import type {
  FieldValue,
  FunnelReport,
  LeadJourney,
  OpenDeal,
  Period,
  Pipeline,
  ReportOptions,
  SideCandidate,
  StageNorm,
  JourneyOptions,
} from '../../core';
import type { LoadStage } from '../../sync';
import type { PeriodChoice } from '../period';

/** What the service is doing now. */
export type Activity =
  | { readonly kind: 'idle' }
  /** Reading the cache. */
  | { readonly kind: 'opening' }
  | {
      readonly kind: 'syncing';
      readonly stage: LoadStage;
      /** 0…1 of the stage, estimated from the dates seen; null before an estimate exists. */
      readonly fraction: number | null;
      /** Estimated seconds left in the stage; null until there is a rate to go by. */
      readonly secondsLeft: number | null;
      readonly requests: number;
      /** How far back the history being loaded reaches so far; null = not yet known. */
      readonly heldFrom: number | null;
    }
  /** Another tab holds the sync lock: its results arrive through the cache. */
  | { readonly kind: 'other-tab' };

/** A failure of a sync, as it crosses the worker boundary (a code, never a raw message). */
export interface SyncFailure {
  readonly code: ApiErrorCode | 'PIPELINE_GONE' | 'CACHE';
  readonly status?: number | undefined;
  readonly path?: string | undefined;
  readonly detail?: string | undefined;
}

export interface ServiceStatus {
  /** 'none' before the window is in; 'window' while older history loads; 'complete' after. */
  readonly phase: 'none' | 'window' | 'complete';
  readonly activity: Activity;
  /** The history held starts here (docs/metrics.md, loaded history); null = all of it. */
  readonly heldFrom: number | null;
  /** The horizon the backfill goes back to; null = all history. */
  readonly target: number | null;
  /** Start of the last sync whose changes are all held (epoch s); null before the first. */
  readonly syncedAt: number | null;
  /** The account's pipelines as last read (names, statuses): the page draws with them. */
  readonly pipelines: readonly Pipeline[];
  readonly error: SyncFailure | null;
  /** Epoch ms of the automatic retry after `error`; null when none is scheduled (or no error). */
  readonly retryAt: number | null;
  /** A wait of the API client in progress (429 or a retry); `until` on the service's clock. */
  readonly wait: WaitInfo | null;
  /** Bumped whenever the numbers may have changed: the page asks for its reports again. */
  readonly version: number;
}

/** What a service says before it has done anything: no copy, opening the cache. */
export const INITIAL_STATUS: ServiceStatus = {
  phase: 'none',
  activity: { kind: 'opening' },
  heldFrom: null,
  target: null,
  syncedAt: null,
  pipelines: [],
  error: null,
  retryAt: null,
  wait: null,
  version: 0,
};

/**
 * Whether a report carries its deal lists (`stuck[]`, and `openDeals[]` when asked): `full` for
 * the full report, `none` for the panel, whose drill-down asks for one stage's deals at a time —
 * on a large account the lists are tens of thousands of deals the page would otherwise unpack on
 * every report.
 */
export type DealLists = 'full' | 'none';

/** A report with the names of the deals it lists (the page holds no lead data of its own). */
export interface ReportView {
  /** With lists `none`, `stuck` is empty and `openDeals` absent; every number is the same. */
  readonly report: FunnelReport;
  readonly lists: DealLists;
  readonly leadNames: Readonly<Record<string, string>>;
  /** Every open stage's departures over the loaded history: what suggests side stages (metrics.md 11.3). */
  readonly departures: readonly SideCandidate[];
  /** What the slice filter offers; absent on a view read back from a snapshot, which drops it. */
  readonly facets?: Facets | undefined;
}

/** One value of a field and how many of the pipeline's leads carry it. */
export interface FacetValue {
  readonly value: FieldValue;
  readonly count: number;
}

/**
 * The tags and field values the pipeline's leads carry (facets.ts), most frequent first. Every
 * lead the report reads counts, whatever slice or managers are picked.
 */
export interface Facets {
  readonly tags: readonly { readonly id: number; readonly count: number }[];
  /** By field id; `values` capped, `more` = how many other values the field has. */
  readonly fields: readonly {
    readonly fieldId: number;
    readonly values: readonly FacetValue[];
    readonly more: number;
  }[];
}

/** The open deals at one stage as the report orders them (stuck ones first), with their names. */
export interface StageDealsView {
  readonly stageId: number;
  readonly deals: readonly OpenDeal[];
  readonly leadNames: Readonly<Record<string, string>>;
}

export interface JourneyView {
  readonly journey: LeadJourney | null;
  readonly norms: readonly StageNorm[];
}

/**
 * What the window's leads alone say while status changes are still loading: the deals created in
 * the period and where they stand now. Marked as counting still running wherever shown.
 */
export interface PartialCounts {
  readonly period: Period;
  readonly deals: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  /** Deals of the period now at each open stage, by stage id. */
  readonly atStage: Readonly<Record<string, number>>;
}

export interface DataService {
  report(options: ReportOptions, lists?: DealLists): Promise<ReportView>;
  /** The open deals at stage `stageId` under these options (the panel's drill-down). */
  stageDeals(options: ReportOptions, stageId: number): Promise<StageDealsView>;
  journey(leadId: number, now: number, stuck: JourneyOptions): Promise<JourneyView>;
  partial(period: Period): Promise<PartialCounts | null>;
  /** Syncs now (the refresh button). */
  refresh(): void;
  /**
   * The page has drawn the numbers it asked for. After the window, the backfill waits for this
   * (at most WINDOW_SHOWN_WAIT_MS), so its requests and parsing do not compete with that paint.
   */
  shown(): void;
  /** Hears every status, starting with the current one. */
  subscribe(listener: (status: ServiceStatus) => void): () => void;
  /** Stops syncs, timers and the worker; pending questions reject with DISPOSED. */
  dispose(): void;
}

/** How the page sets a service up (plain data: it crosses to the worker). */
export interface ServiceConfig {
  readonly scope: {
    readonly accountId: number;
    readonly userId: number;
    readonly pipelineId: number;
  };
  /** The account's origin, for API requests from a worker (whose own URL is a blob:). */
  readonly origin: string;
  readonly readUsers: boolean;
  /**
   * The period the page opens on: the window loaded first is this period and the one before it
   * (the comparison), resolved in the account's time zone.
   */
  readonly period: PeriodChoice;
  readonly timeZone: string;
  /** Backfill horizon in days; null = all history. */
  readonly horizonDays: number | null;
  /** metrics.md 11.3: stages the admin set apart as side stages; ids of any pipeline's. */
  readonly sideStageIds: readonly number[];
}
