/** The settings form inside amoCRM's widget settings modal. */
export const SETTINGS_CSS = `
.funnel-lens .fl-settings { display: flex; flex-direction: column; gap: 12px; max-width: 560px; }
.funnel-lens .fl-settings__row { display: grid; grid-template-columns: minmax(140px, 1fr) auto; gap: 2px 12px; align-items: center; }
.funnel-lens .fl-settings__hint, .funnel-lens .fl-settings__error { grid-column: 1 / -1; font-size: 12px; }
.funnel-lens .fl-settings__error { color: var(--fl-bad); }
.funnel-lens .fl-settings__side { display: flex; flex-direction: column; gap: 2px; }
.funnel-lens .fl-settings__suggest { margin: 0 0 4px 24px; font-size: 12px; color: var(--fl-warn); }
.funnel-lens .fl-settings__saved { margin: 0 0 8px; padding: 6px 10px; border-radius: 6px; border-left: 3px solid var(--fl-good); background: var(--fl-surface); }
.funnel-lens .fl-settings__links { margin: 12px 0 0; font-size: 12px; color: var(--fl-muted); }
.funnel-lens .fl-settings__row--invalid input { border-color: var(--fl-bad); }
.funnel-lens .fl-settings__field { display: inline-flex; align-items: center; gap: 6px; }
.funnel-lens .fl-settings__field input { width: 110px; }
/* Wide enough for the learned threshold shown as placeholder ("from history: 15.9 d") in every language. */
.funnel-lens .fl-settings__group .fl-settings__field input { width: 13em; }
.funnel-lens .fl-settings__group { border: 1px solid var(--fl-border); border-radius: 6px; padding: 8px 12px; margin: 0; }
.funnel-lens .fl-settings__group > legend { font-weight: bold; padding: 0 4px; }
.funnel-lens .fl-settings__group > p { margin: 0 0 6px; }
.funnel-lens .fl-settings__check { display: flex; align-items: center; gap: 6px; padding: 2px 0; }
.funnel-lens .fl-settings__pipeline { border: 0; padding: 6px 0 0; margin: 0; display: flex; flex-direction: column; gap: 6px; }
.funnel-lens .fl-settings__pipeline > legend { color: var(--fl-muted); padding: 0; }
.funnel-lens .fl-settings__days { display: flex; flex-wrap: wrap; gap: 0 12px; }
.funnel-lens .fl-settings__holidays textarea { width: 13em; font: inherit; }
`;
