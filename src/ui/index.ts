/**
 * The Preact components of every Funnel Lens surface (panel, full report, lead card, settings),
 * their styles, and the environment a mount provides them. Other layers import it only through
 * this file.
 */
export { BASE_CSS, createStyle } from './base.css';
export { buildStageListUrl, EnvContext, useEnv } from './env';
export type { Manager, UiEnv } from './env';
export { createFormatters } from './format';
export type { Formatters } from './format';
export { CardBlock, CARD_CSS } from './card';
export { COMMON_CSS, ErrorBanner } from './common';
export type { BannerError } from './common';
export { Panel, PANEL_CSS } from './panel';
export { ReportPage, REPORT_CSS } from './fullReport';
export { SettingsForm, SETTINGS_CSS } from './settings';
