/** The full report page and its charts; selectors sit under the mount's `.funnel-lens` root. */
export const REPORT_CSS = `
/* Never wider than amoCRM's content area (at 1440 px it is narrower than the window). */
.funnel-lens .fl-report--page { max-width: min(1400px, 100%); box-sizing: border-box; min-width: 0; padding: 8px 0 32px; }
.funnel-lens .fl-report__title { font-size: 20px; font-weight: bold; margin: 0 0 12px; }
.funnel-lens .fl-report__controls {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px;
  padding: 10px 12px; margin-bottom: 12px; border: 1px solid var(--fl-border); border-radius: 6px;
  background: var(--fl-surface);
}
.funnel-lens .fl-report__control { display: inline-flex; align-items: center; gap: 6px; }
.funnel-lens .fl-report__switch { flex-wrap: wrap; border: 0; margin: 0; padding: 0; min-width: 0; }
.funnel-lens .fl-report__switch legend { float: left; padding: 0 4px 0 0; }
.funnel-lens .fl-report__switch label { display: inline-flex; align-items: center; gap: 3px; }
.funnel-lens .fl-report__filter { margin-bottom: 4px; }
.funnel-lens .fl-report__filter[aria-pressed="true"] { background: var(--fl-accent-soft); }
.funnel-lens .fl-report__note { padding: 8px 12px; border-radius: 6px; background: var(--fl-accent-soft); }
.funnel-lens .fl-report__section { margin: 24px 0; }
.funnel-lens .fl-report__section h2 { font-size: 16px; font-weight: bold; margin: 0 0 8px; }
.funnel-lens .fl-report__lead { font-size: 15px; margin: 0 0 8px; }
.funnel-lens .fl-report__more { margin-top: 6px; }
.funnel-lens .fl-chart { position: relative; width: 100%; margin-bottom: 8px; }
.funnel-lens .fl-chart-figure { margin: 0; }
.funnel-lens .fl-chart__legend {
  display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0 0 6px; padding: 0;
  font-size: 12px; color: var(--fl-muted);
}
.funnel-lens .fl-chart__legend li { display: inline-flex; align-items: center; gap: 5px; }
.funnel-lens .fl-chart__swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.funnel-lens .fl-table__tools { display: flex; justify-content: flex-end; margin-bottom: 4px; }
.funnel-lens .fl-table__scroll { overflow-x: auto; max-width: 100%; }
/* Headers wrap (numbers keep to one line), so a table of many stages fits the page. */
.funnel-lens .fl-table thead th, .funnel-lens .fl-table thead th.fl-num { white-space: normal; min-width: 5em; }
.funnel-lens .fl-table thead th .fl-hint { white-space: normal; }
.funnel-lens .fl-share, .funnel-lens .fl-range { display: inline-block; text-align: right; }
.funnel-lens .fl-share[data-ci]::after, .funnel-lens .fl-range[data-ci]::after {
  content: attr(data-ci); display: block; font-size: 11px; color: var(--fl-muted); white-space: nowrap;
}
.funnel-lens .fl-share--small { color: var(--fl-muted); }
.funnel-lens .fl-table table { border-collapse: collapse; width: 100%; }
.funnel-lens .fl-table caption { text-align: left; color: var(--fl-muted); padding: 0 0 6px; caption-side: top; }
.funnel-lens .fl-table th, .funnel-lens .fl-table td {
  padding: 5px 8px; border-bottom: 1px solid var(--fl-border); vertical-align: top;
}
.funnel-lens .fl-table thead th { font-weight: bold; background: var(--fl-surface); position: sticky; top: 0; }
.funnel-lens .fl-table tbody th { font-weight: normal; }
.funnel-lens .fl-table .fl-num { text-align: right; }
.funnel-lens .fl-table .fl-text { text-align: left; }
.funnel-lens .fl-table tbody tr:hover { background: var(--fl-surface); }
.funnel-lens .fl-report--page .fl-row--weak { background: var(--fl-warn-soft); }
/* A flagged change (metrics.md F.2): the row's colour repeats its verdict cell, never replaces it. */
.funnel-lens .fl-report--page .fl-alert-row--down { background: var(--fl-bad-soft); }
.funnel-lens .fl-report--page .fl-alert-row--up { background: var(--fl-accent-soft); }
.funnel-lens .fl-row--small { color: var(--fl-muted); }
.funnel-lens .fl-report--page .fl-badge {
  display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 8px;
  font-size: 11px; line-height: 16px; white-space: nowrap; vertical-align: middle;
}
.funnel-lens .fl-badge--weak { background: var(--fl-weak); color: #1f2d3d; }
.funnel-lens .fl-badge--idle { background: var(--fl-warn-soft); color: var(--fl-warn); }
.funnel-lens .fl-badge--warn { background: var(--fl-warn-soft); color: var(--fl-warn); border: 1px solid var(--fl-warn); }
.funnel-lens .fl-callout { margin-top: 10px; padding: 10px 12px; border-radius: 6px; border-left: 4px solid var(--fl-weak); background: var(--fl-warn-soft); }
.funnel-lens .fl-callout p { margin: 0 0 6px; }
.funnel-lens .fl-callout p:last-child { margin: 0; }
.funnel-lens .fl-young { color: var(--fl-muted); font-style: italic; }
/* Distributions (metrics.md F.5): three parts under one heading, the threshold written out. */
.funnel-lens .fl-dist { margin: 12px 0 20px; }
.funnel-lens .fl-dist h3 { font-size: 14px; font-weight: bold; margin: 0 0 6px; }
.funnel-lens .fl-dist__threshold { margin: 6px 0; color: var(--fl-warn); }
`;
