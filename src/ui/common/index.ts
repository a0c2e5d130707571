/** Controls every Funnel Lens surface shares: the panel, the full report, the lead card. */
export { COMMON_CSS } from './common.css';
export { ErrorBanner } from './ErrorBanner';
export type { BannerError, Props as ErrorBannerProps } from './ErrorBanner';
export { ManagerFilter } from './ManagerFilter';
export type { Props as ManagerFilterProps } from './ManagerFilter';
export { MetricHint } from './MetricHint';
export type { Props as MetricHintProps } from './MetricHint';
export { PeriodPicker } from './PeriodPicker';
export type { Props as PeriodPickerProps } from './PeriodPicker';
export { SyncStatus } from './SyncStatus';
export type { Props as SyncStatusProps } from './SyncStatus';
export { useNow } from './useNow';
export { SOURCE_HINT, SOURCE_LABEL } from './thresholdText';
export { SliceFilter } from './SliceFilter';
export type { NamesState, Props as SliceFilterProps } from './SliceFilter';
export type { SliceField, SliceNames } from './sliceChoices';
