/**
 * The Leads panel: a 360 px column the height of its dock with its own scroll, or a 36 px strip.
 * Colours are BASE_CSS variables only, so amoCRM's dark theme carries over.
 */
export const PANEL_CSS = `
.funnel-lens .fl-panel {
  display: flex; flex-direction: column; width: 360px; max-width: 100%; height: 100%; max-height: 100vh;
  background: var(--fl-bg); border-left: 1px solid var(--fl-border); color: var(--fl-text);
}
.funnel-lens .fl-panel__body {
  flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain;
  display: flex; flex-direction: column; gap: 10px; padding: 8px 12px 16px;
}
.funnel-lens .fl-panel__note, .funnel-lens .fl-panel__empty { margin: 8px 0; color: var(--fl-muted); }
.funnel-lens .fl-panel__empty { padding: 24px 8px; text-align: center; border: 1px dashed var(--fl-border); border-radius: 6px; }
.funnel-lens .fl-icon { display: block; }
.funnel-lens .fl-icon-button {
  flex: none; display: inline-flex; align-items: center; justify-content: center;
  width: 28px; height: 28px; padding: 0; background: transparent; border-color: transparent; color: var(--fl-muted);
}
.funnel-lens .fl-icon-button:hover:not(:disabled):not([aria-disabled="true"]) { color: var(--fl-accent); border-color: var(--fl-border); }

.funnel-lens .fl-head {
  flex: none; display: flex; align-items: center; gap: 2px; min-height: 44px; padding: 6px 6px 6px 12px;
  border-bottom: 1px solid var(--fl-border); background: var(--fl-surface);
}
.funnel-lens .fl-head__title {
  flex: 1 1 auto; min-width: 0; margin: 0; font-size: 15px; font-weight: 700;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}

.funnel-lens .fl-panel--collapsed {
  width: 36px; align-items: center; gap: 8px; padding: 6px 0; overflow: visible;
}
.funnel-lens .fl-strip__toggle {
  display: flex; flex-direction: column; align-items: center; gap: 8px; width: 28px; padding: 6px 0;
  background: transparent; border-color: transparent; color: var(--fl-muted);
}
.funnel-lens .fl-strip__toggle:hover { color: var(--fl-accent); }
.funnel-lens .fl-strip__brand {
  writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 700; letter-spacing: .06em; color: var(--fl-text);
}
.funnel-lens .fl-strip__badge {
  display: block; padding: 5px 1px; border-radius: 8px; font-size: 11px; line-height: 14px; font-weight: 700;
  writing-mode: vertical-rl; transform: rotate(180deg); background: var(--fl-weak); color: #1f2d3d;
}
.funnel-lens .fl-panel--collapsed .fl-hint { border-bottom: 0; }

.funnel-lens .fl-controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
/* The period's parts join the row: select and managers side by side, custom dates below both. */
.funnel-lens .fl-controls .fl-period { display: contents; }
.funnel-lens .fl-controls .fl-period > .fl-field, .funnel-lens .fl-controls .fl-managers { flex: 1 1 0; min-width: 0; }
.funnel-lens .fl-controls .fl-period__custom { order: 1; flex-basis: 100%; }
.funnel-lens .fl-controls .fl-slice { order: 2; flex-basis: 100%; }
.funnel-lens .fl-controls .fl-money-switch { order: 3; font-size: 12px; }
.funnel-lens .fl-controls .fl-working-switch { order: 3; font-size: 12px; }
.funnel-lens .fl-rights { margin: -4px 0 0; font-size: 11px; color: var(--fl-muted); }
.funnel-lens .fl-panel .fl-report { display: flex; flex-direction: column; gap: 10px; transition: opacity .15s; }
.funnel-lens .fl-panel .fl-report--stale { opacity: .6; }
/* Several lines per explanation: the definition, then this stage's values. */
.funnel-lens .fl-panel .fl-hint__tip { white-space: pre-line; }

.funnel-lens .fl-totals { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; margin: 0; }
.funnel-lens .fl-total { padding: 6px 8px; border-radius: 6px; background: var(--fl-surface); min-width: 0; }
.funnel-lens .fl-total__label { font-size: 11px; color: var(--fl-muted); }
.funnel-lens .fl-total__value { margin: 0; display: flex; flex-direction: column; align-items: flex-start; gap: 1px; font-size: 18px; font-weight: 700; }
.funnel-lens .fl-total__sub { font-size: 11px; font-weight: 400; color: var(--fl-muted); }
.funnel-lens .fl-total__open { font-size: 11px; font-weight: 400; color: var(--fl-muted); }
.funnel-lens .fl-trend--up { color: var(--fl-good); }
.funnel-lens .fl-trend--down { color: var(--fl-bad); }

.funnel-lens .fl-incoming { padding: 8px 10px; border-radius: 6px; background: var(--fl-surface); }
.funnel-lens .fl-incoming__title { margin: 0 0 4px; font-size: 12px; font-weight: 700; }
.funnel-lens .fl-incoming__nums { margin: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 6px; }
.funnel-lens .fl-incoming__nums dt { font-size: 11px; color: var(--fl-muted); }
.funnel-lens .fl-incoming__nums dd { margin: 0; display: flex; flex-direction: column; align-items: flex-start; gap: 1px; font-size: 13px; font-weight: 600; }
.funnel-lens .fl-incoming__split { font-size: 11px; font-weight: 400; color: var(--fl-muted); }
/* A phrase around the numbers ("median 3,2 jam, 9 dari 10 lebih cepat dari…"): it wraps. */
.funnel-lens .fl-incoming__nums .fl-num { white-space: normal; }
.funnel-lens .fl-side { padding: 8px 10px; border-radius: 6px; border: 1px dashed var(--fl-border); }
.funnel-lens .fl-side__title { margin: 0 0 4px; font-size: 12px; font-weight: 700; }
.funnel-lens .fl-side__list { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.funnel-lens .fl-side__row { display: flex; flex-direction: column; align-items: flex-start; gap: 1px; min-width: 0; }
.funnel-lens .fl-side__open { display: flex; gap: 6px; align-items: baseline; max-width: 100%; padding: 0; border: 0; background: none; color: var(--fl-accent); font: inherit; font-size: 13px; font-weight: 600; text-align: start; cursor: pointer; }
.funnel-lens .fl-side__open:hover .fl-side__name { text-decoration: underline; }
.funnel-lens .fl-side__name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.funnel-lens .fl-side__stuck { flex: none; font-size: 11px; font-weight: 600; color: var(--fl-bad); }
.funnel-lens .fl-side__nums, .funnel-lens .fl-side__time { font-size: 11px; color: var(--fl-muted); }

.funnel-lens .fl-weak {
  padding: 8px 10px; border-radius: 6px; border-left: 4px solid var(--fl-weak);
  background: var(--fl-warn-soft); cursor: pointer;
}
.funnel-lens .fl-weak__title { margin: 0; font-size: 11px; font-weight: 400; color: var(--fl-muted); text-transform: uppercase; letter-spacing: .03em; }
.funnel-lens .fl-weak__open {
  display: block; width: 100%; margin: 2px 0; padding: 0; border: 0; background: none;
  text-align: left; font-size: 14px; font-weight: 700; color: var(--fl-text);
}
.funnel-lens .fl-weak__open:hover { color: var(--fl-accent); }
.funnel-lens .fl-weak__nums { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 2px 0; font-size: 12px; }
.funnel-lens .fl-weak__decided { font-weight: 700; }
/* Each item is a phrase with its number ("−6,3 poin dibanding periode sebelumnya…"): it wraps. */
.funnel-lens .fl-weak__nums .fl-num { white-space: normal; }
.funnel-lens .fl-weak__advice { margin: 4px 0 0; font-size: 12px; line-height: 1.4; }
.funnel-lens .fl-weak__money { margin: 4px 0 0; font-size: 12px; line-height: 1.4; }

/* Out of sight until a keyboard user reaches it: the first stop of the panel, to the stages. */
.funnel-lens .fl-skip:not(:focus) {
  position: absolute; width: 1px; height: 1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0);
}
.funnel-lens .fl-skip:focus { align-self: flex-start; margin: 6px 12px 0; }
.funnel-lens .fl-funnel__keys { display: none; margin: 2px 0 0; font-size: 11px; color: var(--fl-muted); }
.funnel-lens .fl-funnel:focus-within + .fl-funnel__keys { display: block; }
.funnel-lens .fl-funnel { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
.funnel-lens .fl-row {
  display: grid; grid-template-columns: 54px minmax(0, 1fr) auto 28px; grid-template-rows: auto auto;
  align-items: center; column-gap: 6px; padding: 4px 6px; border-radius: 6px; cursor: pointer;
  border-left: 3px solid transparent;
}
.funnel-lens .fl-row:hover { background: var(--fl-surface); }
.funnel-lens .fl-panel .fl-row--weak { border-left-color: var(--fl-weak); background: var(--fl-warn-soft); }
.funnel-lens .fl-row--won { cursor: default; }
.funnel-lens .fl-row--won:hover { background: none; }
.funnel-lens .fl-row__conv { grid-row: 1 / 3; font-weight: 700; font-size: 13px; }
.funnel-lens .fl-row__main {
  display: flex; align-items: center; gap: 6px; min-width: 0; padding: 0; border: 0; background: none; text-align: left;
}
.funnel-lens .fl-row__name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.funnel-lens .fl-row__main:hover .fl-row__name { color: var(--fl-accent); }
.funnel-lens .fl-row__tag { flex: none; padding: 0 5px; border-radius: 8px; font-size: 10px; line-height: 16px; }
.funnel-lens .fl-row__tag--weak { background: var(--fl-weak); color: #1f2d3d; }
.funnel-lens .fl-row__tag--slow { margin-left: 4px; background: var(--fl-warn-soft); color: var(--fl-warn); }
.funnel-lens .fl-row__time { font-size: 12px; color: var(--fl-muted); white-space: nowrap; }
.funnel-lens .fl-row--slow .fl-row__time { color: var(--fl-warn); font-weight: 700; }
.funnel-lens .fl-row__stuck { justify-self: end; }
.funnel-lens .fl-panel .fl-badge {
  display: inline-block; min-width: 20px; padding: 0 5px; border-radius: 10px; text-align: center;
  font-size: 11px; line-height: 18px; font-weight: 700; background: var(--fl-bad); color: var(--fl-bg);
}
.funnel-lens .fl-row__bar {
  grid-column: 2 / 5; position: relative; display: flex; align-items: center; height: 18px; margin-top: 2px;
  border-radius: 3px; background: var(--fl-surface);
}
.funnel-lens .fl-bar { position: absolute; top: 0; bottom: 0; left: 0; border-radius: 3px; background: var(--fl-bar); }
.funnel-lens .fl-bar--won { background: var(--fl-good); opacity: .55; }
.funnel-lens .fl-bar__count { position: relative; padding-left: 6px; font-size: 11px; font-weight: 700; }
/* On the track's colour, so its grey stays readable (5:1) where a full bar runs under it. */
.funnel-lens .fl-row__decided {
  position: relative; margin: 0 3px 0 auto; padding: 0 3px; border-radius: 3px; line-height: 14px;
  font-size: 11px; color: var(--fl-muted); background: var(--fl-surface);
}
.funnel-lens .fl-panel .fl-row--weak .fl-row__decided { color: var(--fl-text); font-weight: 700; }
/* On the track's colour as the decided share is, so it stays readable over a full bar. */
.funnel-lens .fl-row__idle {
  position: relative; margin-left: 6px; padding: 0 3px; border-radius: 3px; line-height: 14px;
  font-size: 11px; color: var(--fl-warn); background: var(--fl-surface);
}
.funnel-lens .fl-num--small { color: var(--fl-muted); font-weight: 400; }

.funnel-lens .fl-drill { display: flex; flex-direction: column; gap: 8px; }
.funnel-lens .fl-drill__head { display: flex; align-items: center; gap: 4px; }
.funnel-lens .fl-drill__title { margin: 0; font-size: 14px; font-weight: 700; min-width: 0; overflow-wrap: anywhere; }
.funnel-lens .fl-tabs { display: flex; border-bottom: 1px solid var(--fl-border); }
.funnel-lens .fl-tabs__tab {
  flex: 1 1 0; margin-bottom: -1px; padding: 6px 4px; border: 0; border-bottom: 2px solid transparent;
  border-radius: 0; background: none; color: var(--fl-muted);
}
.funnel-lens .fl-tabs__tab[aria-selected="true"] { border-bottom-color: var(--fl-accent); color: var(--fl-text); font-weight: 700; }
.funnel-lens .fl-drill__empty { margin: 12px 0; color: var(--fl-muted); }
.funnel-lens .fl-deals { list-style: none; margin: 0; padding: 0; }
.funnel-lens .fl-deal {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 8px; padding: 6px 2px;
  border-bottom: 1px solid var(--fl-border); font-size: 12px;
}
.funnel-lens .fl-deal__name { font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.funnel-lens .fl-deal__budget { text-align: right; }
.funnel-lens .fl-deal__manager { color: var(--fl-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.funnel-lens .fl-deal .fl-hint { justify-self: end; }
.funnel-lens .fl-deal__days--over { color: var(--fl-bad); font-weight: 700; }
.funnel-lens .fl-deal__task { grid-column: 1 / -1; }
.funnel-lens .fl-deal__task-badge {
  display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; line-height: 16px;
  background: var(--fl-warn-soft); color: var(--fl-warn);
}
.funnel-lens .fl-drill__idle { display: flex; align-items: center; gap: 6px; font-size: 12px; }
.funnel-lens .fl-drill__more { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding-top: 6px; font-size: 12px; }
.funnel-lens .fl-drill__list { display: inline-flex; align-items: center; justify-content: center; gap: 6px; }
.funnel-lens .fl-drill__list-text { display: flex; flex-direction: column; align-items: flex-start; text-align: left; }
.funnel-lens .fl-drill__list-count { font-size: 11px; color: var(--fl-muted); }

.funnel-lens .fl-history-note {
  margin: 0; padding: 6px 8px; border-radius: 6px; font-size: 12px; line-height: 1.4;
  background: var(--fl-warn-soft); color: var(--fl-text); border-left: 3px solid var(--fl-warn);
}
.funnel-lens .fl-partial { display: flex; flex-direction: column; gap: 6px; }
.funnel-lens .fl-partial__title { margin: 0; font-size: 13px; font-weight: 700; }
.funnel-lens .fl-partial__note { margin: 0; font-size: 12px; color: var(--fl-muted); }
.funnel-lens .fl-partial__totals { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; margin: 0; }
.funnel-lens .fl-partial__totals div { padding: 6px 8px; border-radius: 6px; background: var(--fl-surface); }
.funnel-lens .fl-partial__totals dt { font-size: 11px; color: var(--fl-muted); }
.funnel-lens .fl-partial__totals dd { margin: 0; font-size: 16px; font-weight: 700; }
.funnel-lens .fl-partial__stages { list-style: none; margin: 0; padding: 0; font-size: 12px; }
.funnel-lens .fl-partial__stages li { display: flex; justify-content: space-between; gap: 8px; padding: 3px 2px; border-bottom: 1px solid var(--fl-border); }
.funnel-lens .fl-partial__stage { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;
