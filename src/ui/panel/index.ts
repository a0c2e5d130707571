/** The Funnel Lens panel in amoCRM's Leads section (list and pipeline views). */
export { Panel } from './Panel';
export type { Props as PanelProps } from './Panel';
export { PANEL_CSS } from './panel.css';
