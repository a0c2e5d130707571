/**
 * Styles every Funnel Lens surface shares. Every selector starts with `.funnel-lens`, the root
 * class of each mount, so nothing leaks into amoCRM and amoCRM's styles are overridden only inside
 * our own elements. The dark theme follows amoCRM's `html[data-color-scheme="dark"]`.
 *
 * Text colours meet WCAG 2.1 AA (1.4.3: 4.5:1 for text up to 18 px, which is all of ours) on every
 * background they are drawn on; the ratios, in the light theme:
 *   --fl-muted #5f6b78: 5.07 on --fl-surface, 4.99 on --fl-warn-soft, 4.70 on --fl-accent-soft,
 *     5.44 on white (was #6b7785, 4.25 on the surface);
 *   --fl-accent #1565c0 (links, the blue of #1e88e5 one step darker): 5.75 on white, 5.35 on the
 *     surface, 5.27 on --fl-warn-soft; white on it 5.75 (was 3.67 on white);
 *   --fl-warn #945a00: 5.18 on --fl-warn-soft, 5.6 on white (was #b26a00, 3.88 on its soft);
 * in the dark theme: --fl-muted 5.53 on the surface, 5.19 on --fl-warn-soft, 5.24 on
 * --fl-accent-soft; --fl-bar #37668d under --fl-text counts: 5.08 (was #3d6f99, 4.45).
 */
export const BASE_CSS = `
.funnel-lens {
  --fl-bg: #ffffff;
  --fl-surface: #f5f7fa;
  --fl-border: #dfe3e8;
  --fl-text: #1f2d3d;
  --fl-muted: #5f6b78;
  --fl-accent: #1565c0;
  --fl-accent-soft: #e3f0fc;
  --fl-good: #2e7d32;
  --fl-bad: #c62828;
  --fl-warn: #945a00;
  --fl-warn-soft: #fff4e0;
  --fl-bad-soft: #fdecea;
  --fl-bar: #90caf9;
  --fl-weak: #ffca28;
  --fl-shadow: 0 4px 16px rgba(31, 45, 61, 0.16);
  font: 13px/1.4 "PT Sans", Arial, sans-serif;
  color: var(--fl-text);
  box-sizing: border-box;
}
html[data-color-scheme="dark"] .funnel-lens {
  --fl-bg: #1e252d;
  --fl-surface: #262f39;
  --fl-border: #3a4552;
  --fl-text: #e6ebf0;
  --fl-muted: #9aa7b4;
  --fl-accent: #64b5f6;
  --fl-accent-soft: #1d3447;
  --fl-good: #81c784;
  --fl-bad: #ef9a9a;
  --fl-warn: #ffcc80;
  --fl-warn-soft: #3b3122;
  --fl-bad-soft: #3d2626;
  --fl-bar: #37668d;
  --fl-weak: #c9a227;
  --fl-shadow: 0 4px 16px rgba(0, 0, 0, 0.5);
}
.funnel-lens *, .funnel-lens *::before, .funnel-lens *::after { box-sizing: inherit; }
.funnel-lens button {
  font: inherit; color: inherit; cursor: pointer;
  background: var(--fl-surface); border: 1px solid var(--fl-border); border-radius: 4px; padding: 3px 8px;
}
.funnel-lens button:hover { border-color: var(--fl-accent); }
.funnel-lens button:disabled, .funnel-lens button[aria-disabled="true"] { opacity: .55; cursor: default; }
.funnel-lens select, .funnel-lens input {
  font: inherit; color: var(--fl-text); background: var(--fl-bg);
  border: 1px solid var(--fl-border); border-radius: 4px; padding: 2px 6px;
}
.funnel-lens a { color: var(--fl-accent); text-decoration: none; }
.funnel-lens a:hover { text-decoration: underline; }
.funnel-lens :focus-visible { outline: 2px solid var(--fl-accent); outline-offset: 1px; }
.funnel-lens .fl-sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.funnel-lens .fl-muted { color: var(--fl-muted); }
.funnel-lens .fl-num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.funnel-lens .fl-hint { position: relative; cursor: help; border-bottom: 1px dotted var(--fl-muted); }
.funnel-lens .fl-hint__tip {
  display: none; position: absolute; z-index: 20; bottom: calc(100% + 6px); right: 0;
  width: max-content; max-width: 280px; padding: 8px 10px; border-radius: 6px;
  background: var(--fl-text); color: var(--fl-bg); box-shadow: var(--fl-shadow);
  font-size: 12px; line-height: 1.35; font-weight: normal; text-align: left; white-space: pre-line;
  /* A hint inside an uppercase label (the weakest link's title) must not shout its explanation. */
  text-transform: none; letter-spacing: normal; font-style: normal;
}
.funnel-lens .fl-hint--below .fl-hint__tip { bottom: auto; top: calc(100% + 6px); }
.funnel-lens .fl-hint--start .fl-hint__tip { right: auto; left: 0; }
.funnel-lens .fl-hint:hover .fl-hint__tip, .funnel-lens .fl-hint:focus .fl-hint__tip,
.funnel-lens .fl-hint:focus-within .fl-hint__tip { display: block; }
/* Covers the gap between value and bubble, so the pointer can move onto the bubble (1.4.13). */
.funnel-lens .fl-hint__tip::after { content: ""; position: absolute; left: 0; right: 0; top: 100%; height: 8px; }
.funnel-lens .fl-hint--below .fl-hint__tip::after { top: auto; bottom: 100%; }
/* Escape hid it: after the rules that show it, so it wins while hover or focus stay. */
.funnel-lens .fl-hint.fl-hint--dismissed .fl-hint__tip { display: none; }
`;
