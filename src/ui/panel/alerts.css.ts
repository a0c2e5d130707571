/**
 * The panel's significant-change badge (metrics.md F.2), beside a row's decided share on the
 * reach bar (18 px high, so the badge is 14). Text on its soft background: light 4.92:1 (down)
 * and 4.96:1 (up), dark 6.49:1 and 5.8:1. Apart from panel.css.ts while that file is being
 * edited; joined after it in ../styles.ts.
 */
export const PANEL_ALERTS_CSS = `
.funnel-lens .fl-alert {
  display: inline-block; margin-left: 4px; padding: 0 4px; border-radius: 7px;
  font-size: 10px; font-weight: 600; line-height: 14px; white-space: nowrap;
}
.funnel-lens .fl-alert--down { background: var(--fl-bad-soft); color: var(--fl-bad); }
.funnel-lens .fl-alert--up { background: var(--fl-accent-soft); color: var(--fl-accent); }
`;
