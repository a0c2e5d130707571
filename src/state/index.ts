/**
 * The state layer: @preact/signals models over sync, cache and the engine worker, and the
 * settings the widget runs with. Other layers import it only through this file.
 */
export { PipelineModel } from './pipelineModel';
export type { PipelineDeps } from './pipelineModel';
export { DataModel, FRESH_FOR_MS, OTHER_TAB_RETRY_MS, REFRESH_EVERY_MS } from './dataModel';
export type { DataDeps, DataStatus } from './dataModel';
export { ReportModel, RECOMPUTE_EVERY_MS } from './reportModel';
export type { ReportDeps, ReportInit, TrendStep } from './reportModel';
export { CardModel } from './cardModel';
export type { CardDeps, CardView } from './cardModel';
export { latest } from './loadState';
export type { LoadState } from './loadState';
export { resolvePeriod } from './period';
export type { PeriodChoice } from './period';
export { realTimers, silentChannel, soloLock } from './ports';
export type { SyncChannel, TabLock, Timers } from './ports';
export {
  DEFAULT_SETTINGS,
  MAX_STUCK_DAYS,
  PERIOD_PRESETS,
  SettingsSchema,
  parseSettings,
  showsPipeline,
} from './settings';
export type { PeriodPreset, SettingsResult, WidgetSettings } from './settings';
export type { Engine, WorkerLike } from './engine/engine';
export { EngineError } from './engine/errors';
export type { EngineErrorCode } from './engine/errors';
export { serveEngine } from './engine/serve';
export type { WorkerScopeLike } from './engine/serve';
export type { SyncProgress } from '../sync';
export type { ApiError, ApiErrorCode } from '../api';
