/**
 * Every Funnel Lens style in one sheet: the archive's style.css (scripts/pack-widget.ts writes it
 * from this), which the widget links as amoCRM documents. Each surface's rules are scoped under
 * the widget's root class and, where two surfaces share a class name (`fl-report`, `fl-badge`,
 * `fl-row--weak`), under their own root too, since all of them now apply on every page.
 */
import { BASE_CSS } from './base.css';
import { CARD_CSS } from './card/card.css';
import { COMMON_CSS } from './common/common.css';
import { REPORT_CSS } from './fullReport/report.css';
import { PANEL_ALERTS_CSS } from './panel/alerts.css';
import { PANEL_CSS } from './panel/panel.css';
import { SETTINGS_CSS } from './settings/settings.css';

export const WIDGET_CSS = [
  BASE_CSS,
  COMMON_CSS,
  PANEL_CSS,
  PANEL_ALERTS_CSS,
  CARD_CSS,
  SETTINGS_CSS,
  REPORT_CSS,
]
  .map(css => css.trim())
  .join('\n\n')
  .concat('\n');
