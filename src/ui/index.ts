/**
 * The Preact components of every Funnel Lens surface (panel, full report, lead card, settings),
 * their styles, and the environment a mount provides them. Other layers import it only through
 * this file.
 */
export { WIDGET_CSS } from './styles';
export { buildStageListUrl, EnvContext, useEnv } from './env';
export type { Manager, SupportContacts, UiEnv } from './env';
export { createFormatters } from './format';
export type { Formatters } from './format';
export type { CardBlockProps } from './card';
export { ErrorBanner } from './common';
export { useChunk } from './common/useChunk';
export type { BannerError, NamesState, SliceNames } from './common';
export { Panel } from './panel';
export type { Props as ReportPageProps } from './fullReport/ReportPage';
/**
 * The full report (and chart.js with it) is a chunk of its own, loaded only on the advanced
 * settings page: every other page of the Leads section loads script.js without it.
 */
export const loadFullReport = () =>
  import(/* webpackChunkName: "report" */ './fullReport').then(m => m.ReportPage);
/**
 * The lead card's block is a chunk of its own (card.js): the Leads section's pages, which every
 * visit loads, never show it.
 */
export const loadCardBlock = () =>
  import(/* webpackChunkName: "card" */ './card').then(m => ({
    CardBlock: m.CardBlock,
    leadSnooze: m.leadSnooze,
  }));
/** The settings form is a chunk of its own too: only admins open amoCRM's settings modal. */
export const loadSettingsForm = () =>
  import(/* webpackChunkName: "settings" */ './settings').then(m => m.SettingsForm);
export type { CreateSnoozeFields, CreateFieldsOutcome } from './settings';
