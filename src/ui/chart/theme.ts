import type { ChartConfiguration } from 'chart.js';
import type { Translate } from '../../i18n';
import type { Formatters } from '../format';

/** Every chart we draw: bars, optionally with a line dataset, over string labels. */
export type ChartSpec = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

/** Colours a chart draws with, taken from the mount's CSS variables so the dark theme applies. */
export interface ChartTheme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly bar: string;
  readonly weak: string;
  readonly accent: string;
  readonly good: string;
  readonly bad: string;
  readonly warn: string;
  /** For series without a colour of their own (a stage amoCRM gave none). */
  readonly palette: readonly string[];
}

/** The light theme of base.css.ts, used where a variable cannot be read. */
export const LIGHT_THEME: ChartTheme = {
  text: '#1f2d3d',
  muted: '#5f6b78',
  grid: '#dfe3e8',
  bar: '#90caf9',
  weak: '#ffca28',
  accent: '#1565c0',
  good: '#2e7d32',
  bad: '#c62828',
  warn: '#945a00',
  palette: ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#9c755f'],
};

const VARIABLES = {
  text: '--fl-text',
  muted: '--fl-muted',
  grid: '--fl-border',
  bar: '--fl-bar',
  weak: '--fl-weak',
  accent: '--fl-accent',
  good: '--fl-good',
  bad: '--fl-bad',
  warn: '--fl-warn',
} as const;

/**
 * The theme as the element sees it: read on the mount's `.funnel-lens` root, where base.css.ts
 * defines the variables for the light and the dark scheme.
 */
export function readTheme(element: Element): ChartTheme {
  const view = element.ownerDocument.defaultView;
  if (!view) return LIGHT_THEME;
  const style = view.getComputedStyle(element.closest('.funnel-lens') ?? element);
  const pick = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  return {
    text: pick(VARIABLES.text, LIGHT_THEME.text),
    muted: pick(VARIABLES.muted, LIGHT_THEME.muted),
    grid: pick(VARIABLES.grid, LIGHT_THEME.grid),
    bar: pick(VARIABLES.bar, LIGHT_THEME.bar),
    weak: pick(VARIABLES.weak, LIGHT_THEME.weak),
    accent: pick(VARIABLES.accent, LIGHT_THEME.accent),
    good: pick(VARIABLES.good, LIGHT_THEME.good),
    bad: pick(VARIABLES.bad, LIGHT_THEME.bad),
    warn: pick(VARIABLES.warn, LIGHT_THEME.warn),
    palette: LIGHT_THEME.palette,
  };
}

/** What a config builder needs besides the numbers: words, formats and colours. */
export interface ChartContext {
  readonly t: Translate;
  readonly fmt: Formatters;
  readonly theme: ChartTheme;
}

/** Shared axis styling: readable on both themes. */
export function axis(theme: ChartTheme): {
  ticks: { color: string };
  grid: { color: string };
} {
  return { ticks: { color: theme.muted }, grid: { color: theme.grid } };
}

export interface Series {
  readonly label: string;
  readonly data: (number | null)[];
  /** The value axis it is drawn against, when the chart has more than one. */
  readonly yAxisID?: string;
}

/**
 * Two series as bars side by side over the same labels, the first in the accent colour and the
 * second in the bar colour; the category axis has no grid lines. `valueAxes` are the value
 * scales by id (y, or y and y1).
 */
export function pairedBars(
  theme: ChartTheme,
  labels: string[],
  [first, second]: readonly [Series, Series],
  valueAxes: Readonly<Record<string, object>>,
): ChartSpec {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { ...first, backgroundColor: theme.accent },
        { ...second, backgroundColor: theme.bar },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { ...axis(theme), grid: { display: false } }, ...valueAxes },
    },
  };
}
