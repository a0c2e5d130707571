/**
 * The state layer: @preact/signals models over sync, cache and the engine worker, and the
 * settings the widget runs with. Other layers import it only through this file.
 */
export { PipelineModel } from './pipelineModel';
export type { PipelineDeps } from './pipelineModel';
export { DataModel } from './dataModel';
export { INITIAL_STATUS } from './service/types';
export type { DataDeps } from './dataModel';
export { ReportModel, RECOMPUTE_EVERY_MS } from './reportModel';
export type { ReportDeps, ReportInit, TrendStep } from './reportModel';
export { CardModel } from './cardModel';
export type { CardDeps, CardView } from './cardModel';
export { latest } from './loadState';
export { createSnoozeControl, mayEdit, snoozeFieldsOf } from './snooze';
export type {
  EditRight,
  SnoozeControl,
  SnoozeError,
  SnoozeMarkDraft,
  SnoozeOutcome,
  SnoozeUser,
} from './snooze';
export type { LoadState } from './loadState';
export { resolvePeriod } from './period';
export type { PeriodChoice } from './period';
export { realTimers, silentChannel, soloLock } from './ports';
export type { SyncChannel, TabLock, Timers } from './ports';
export {
  DEFAULT_SETTINGS,
  CONFIDENCE_CHOICES,
  HORIZON_CHOICES,
  MAX_STUCK_DAYS,
  PERIOD_PRESETS,
  SettingsSchema,
  parseSettings,
  showsPipeline,
} from './settings';
export type { PeriodPreset, SettingsResult, WidgetSettings } from './settings';
export { EngineError } from './engine/errors';
export type { EngineErrorCode } from './engine/errors';
export { createDataService, OTHER_TAB_RETRY_MS, REFRESH_EVERY_MS } from './service/service';
export { retryDelayMs, WAIT_BUDGET_SECONDS } from './service/retryPolicy';
export type { OnScreen, Shown, SyncNotice } from './notice';
export type { ServicePorts } from './service/service';
export { openDataService } from './service/resilient';
export { serviceInWorker } from './service/worker';
export { serveDataService } from './service/serve';
export type { WorkerLike, WorkerScopeLike } from './service/worker';
export type {
  Activity,
  DataService,
  JourneyView,
  PartialCounts,
  DealLists,
  Facets,
  FacetValue,
  ReportView,
  ServiceConfig,
  ServiceStatus,
  StageDealsView,
  SyncFailure,
} from './service/types';
export type { LoadStage } from '../sync';
export type { ApiError, ApiErrorCode } from '../api';
export { readSnapshotHints, storageKey as snapshotStorageKey } from './snapshot';
export type { SnapshotHints } from './snapshot';
