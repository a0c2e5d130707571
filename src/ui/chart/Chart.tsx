import { Chart as ChartJs } from 'chart.js';
import type { VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { registerCharts } from './register';
import type { ChartSpec, ChartTheme } from './theme';
import { readTheme } from './theme';

/** The part of a chart.js instance we drive, so tests can hand in a fake (jsdom has no canvas). */
export interface ChartHandle {
  data: ChartSpec['data'];
  options: NonNullable<ChartSpec['options']>;
  update(): void;
  destroy(): void;
}

export type CreateChart = (canvas: HTMLCanvasElement, config: ChartSpec) => ChartHandle;

export const defaultCreateChart: CreateChart = (canvas, config) => {
  registerCharts();
  return new ChartJs(canvas, config);
};

export interface Props {
  /** Builds the config from the theme read at mount; called again when `source` changes. */
  readonly build: (theme: ChartTheme) => ChartSpec;
  /** The data the chart shows (e.g. the report object); a new value redraws the chart. */
  readonly source: unknown;
  /** The accessible summary of what the chart shows (the table below has the numbers). */
  readonly label: string;
  readonly height: number;
  readonly createChart?: CreateChart | undefined;
}

/**
 * Owns one canvas and its chart.js instance. Layout effects, not passive ones: Preact 11 defers a
 * passive effect's cleanup on unmount, and a chart must not outlive its component (chart.js also
 * refuses a second chart on a canvas still in use).
 */
export function Chart({
  build,
  source,
  label,
  height,
  createChart = defaultCreateChart,
}: Props): VNode {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartHandle | null>(null);
  const theme = useRef<ChartTheme | null>(null);
  // The legend is drawn from the built config, which needs the theme read from the DOM.
  const [legendTheme, setLegendTheme] = useState<ChartTheme | null>(null);
  const drawn = useRef<unknown>(undefined);
  // The latest builder, for the creation effect (which must not re-run when only it changes).
  const latest = useRef(build);
  latest.current = build;

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    theme.current = readTheme(el);
    setLegendTheme(theme.current);
    const instance = createChart(el, latest.current(theme.current));
    chart.current = instance;
    drawn.current = source;
    return () => {
      instance.destroy();
      chart.current = null;
    };
    // Only a new factory recreates the chart; new data goes through the update below.
  }, [createChart]);

  useLayoutEffect(() => {
    const instance = chart.current;
    if (!instance || !theme.current || drawn.current === source) return;
    const next = build(theme.current);
    instance.data = next.data;
    if (next.options) instance.options = next.options;
    instance.update();
    drawn.current = source;
  }, [source, build]);

  return (
    <figure class="fl-chart-figure">
      {legendTheme && <Legend spec={build(legendTheme)} />}
      <div class="fl-chart" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
    </figure>
  );
}

/**
 * The datasets' names and colours as HTML (chart.js's legend plugin is not bundled). One dataset
 * needs no legend: the chart's heading says what it is. Hidden from screen readers, which get the
 * canvas label and the table instead.
 */
function Legend({ spec }: { readonly spec: ChartSpec }): VNode | null {
  const sets = spec.data.datasets;
  if (sets.length < 2) return null;
  return (
    <ul class="fl-chart__legend" aria-hidden="true">
      {sets.map((set, i) => (
        <li key={i}>
          <span
            class="fl-chart__swatch"
            style={{
              background: typeof set.backgroundColor === 'string' ? set.backgroundColor : '',
            }}
          />
          {set.label ?? ''}
        </li>
      ))}
    </ul>
  );
}
