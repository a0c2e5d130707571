export { Chart, defaultCreateChart } from './Chart';
export type { ChartHandle, CreateChart, Props as ChartProps } from './Chart';
export { funnelConfig, funnelSummary, weakestIndex } from './funnelConfig';
export { trendConfig, trendSummary } from './trendConfig';
export { timeConfig, timeSummary } from './timeConfig';
export { lossConfig, lossSummary, reasonName } from './lossConfig';
export { LIGHT_THEME, readTheme } from './theme';
export type { ChartContext, ChartSpec, ChartTheme } from './theme';
export { registerCharts } from './register';
