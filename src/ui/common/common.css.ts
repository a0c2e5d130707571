/**
 * Styles of the shared controls (period, managers, sync status, errors). Colours come from the
 * variables of BASE_CSS, so the dark theme needs nothing here.
 */
export const COMMON_CSS = `
.funnel-lens .fl-field { display: inline-flex; flex-direction: column; gap: 2px; min-width: 0; }
.funnel-lens .fl-field__label { font-size: 11px; color: var(--fl-muted); text-transform: uppercase; letter-spacing: .03em; }
.funnel-lens .fl-field__error { margin: 0; min-height: 0; color: var(--fl-bad); font-size: 12px; }
.funnel-lens .fl-field__error:empty { display: none; }
.funnel-lens .fl-button--primary { background: var(--fl-accent); border-color: var(--fl-accent); color: var(--fl-bg); }

.funnel-lens .fl-period { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.funnel-lens .fl-period__select { max-width: 100%; height: 28px; }
.funnel-lens .fl-period__custom { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 6px; margin: 0; }
.funnel-lens .fl-period__custom input { width: 132px; height: 28px; }
.funnel-lens .fl-period__actions { display: flex; gap: 6px; }
.funnel-lens .fl-period__custom .fl-field__error { flex-basis: 100%; }

.funnel-lens .fl-managers { position: relative; display: inline-flex; flex-direction: column; gap: 2px; min-width: 0; }
.funnel-lens .fl-managers__button { height: 28px; max-width: 100%; text-align: left; display: flex; align-items: center; gap: 6px; }
.funnel-lens .fl-managers__button::after {
  content: ""; flex: none; width: 0; height: 0; margin-left: auto;
  border: 4px solid transparent; border-top-color: var(--fl-muted); transform: translateY(2px);
}
.funnel-lens .fl-managers__label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.funnel-lens .fl-managers__popup {
  position: absolute; z-index: 30; top: calc(100% + 4px); right: 0; min-width: 220px; max-height: 280px;
  overflow-y: auto; margin: 0; padding: 6px 0; border: 1px solid var(--fl-border); border-radius: 6px;
  background: var(--fl-bg); box-shadow: var(--fl-shadow);
}
.funnel-lens .fl-check { display: flex; align-items: center; gap: 8px; padding: 5px 12px; cursor: pointer; }
.funnel-lens .fl-check:hover { background: var(--fl-surface); }
.funnel-lens .fl-check input { margin: 0; padding: 0; }

/* The slice filter: its button and the chosen conditions on one line, scrolled when long. */
.funnel-lens .fl-slice { position: relative; display: flex; align-items: center; gap: 6px; min-width: 0; }
.funnel-lens .fl-slice__button { flex: none; height: 28px; }
.funnel-lens .fl-slice__chips { display: flex; gap: 4px; min-width: 0; margin: 0; padding: 0; list-style: none; overflow-x: auto; }
.funnel-lens .fl-slice__chips li { flex: none; }
.funnel-lens .fl-slice__chip, .funnel-lens .fl-slice__clear { height: 24px; padding: 0 8px; border-radius: 12px; font-size: 12px; white-space: nowrap; }
.funnel-lens .fl-slice__chip { background: var(--fl-surface); }
.funnel-lens .fl-slice__popup {
  position: absolute; z-index: 30; top: calc(100% + 4px); left: 0; min-width: 220px; max-width: 320px; max-height: 320px;
  overflow-y: auto; padding: 6px 0; border: 1px solid var(--fl-border); border-radius: 6px;
  background: var(--fl-bg); box-shadow: var(--fl-shadow);
}
.funnel-lens .fl-slice__group { margin: 0; padding: 4px 0; border: 0; }
.funnel-lens .fl-slice__legend { padding: 0 12px; font-size: 11px; color: var(--fl-muted); text-transform: uppercase; }
.funnel-lens .fl-slice__choice { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.funnel-lens .fl-slice__note { margin: 4px 12px; font-size: 12px; color: var(--fl-muted); }
.funnel-lens .fl-slice__popup .fl-error { margin: 4px 8px; }

.funnel-lens .fl-sync { display: flex; flex-direction: column; gap: 4px; font-size: 12px; }
.funnel-lens .fl-sync p { margin: 0; }
.funnel-lens .fl-sync__activity:empty { display: none; }
.funnel-lens .fl-sync__counts { color: var(--fl-muted); }
.funnel-lens .fl-sync__wait { color: var(--fl-warn); background: var(--fl-warn-soft); border-radius: 4px; padding: 4px 8px; }
.funnel-lens .fl-progress {
  position: relative; height: 4px; margin: 4px 0 2px; overflow: hidden; border-radius: 2px; background: var(--fl-accent-soft);
}
/* Indeterminate until the dates seen allow an estimate (amoCRM never says how long a list is). */
.funnel-lens .fl-progress__bar {
  position: absolute; top: 0; bottom: 0; left: 0; width: 35%; border-radius: 2px; background: var(--fl-accent);
  animation: fl-progress 1.4s ease-in-out infinite;
}
@keyframes fl-progress { from { transform: translateX(-100%); } to { transform: translateX(300%); } }
.funnel-lens .fl-progress--known .fl-progress__bar { animation: none; transition: width .3s; }
@media (prefers-reduced-motion: reduce) {
  .funnel-lens .fl-progress__bar { animation: none; width: 100%; opacity: .5; }
}

.funnel-lens .fl-error {
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; padding: 8px 10px; border-radius: 6px;
  border: 1px solid var(--fl-bad); background: var(--fl-bad-soft); color: var(--fl-text);
}
.funnel-lens .fl-error__text { margin: 0; flex: 1 1 200px; }
.funnel-lens .fl-error__shown, .funnel-lens .fl-error__next { margin: 0; flex-basis: 100%; font-size: 12px; }
.funnel-lens .fl-error__next { color: var(--fl-muted); }
.funnel-lens .fl-error__help { margin: 0; flex-basis: 100%; font-size: 12px; }

.funnel-lens .fl-snooze { grid-column: 1 / -1; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font-size: 12px; }
.funnel-lens .fl-snooze__mark { color: var(--fl-muted); overflow-wrap: anywhere; }
.funnel-lens .fl-snooze__button { font-size: 12px; padding: 1px 8px; }
.funnel-lens .fl-snooze__form label { flex-basis: 100%; color: var(--fl-muted); }
.funnel-lens .fl-snooze__form input { flex: 1 1 100%; min-width: 0; height: 26px; }
.funnel-lens .fl-snooze__buttons { display: flex; gap: 6px; }
.funnel-lens .fl-snooze__error { margin: 0; flex-basis: 100%; color: var(--fl-bad); }
.funnel-lens .fl-snooze__note { grid-column: 1 / -1; margin: 0; font-size: 12px; color: var(--fl-muted); }
`;
