import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

let registered = false;

/**
 * Registers only the chart.js parts our charts use (bars, a line, two scale kinds, tooltip,
 * legend) so the bundle tree-shakes the rest; `chart.js/auto` would pull in everything.
 */
export function registerCharts(): void {
  if (registered) return;
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Tooltip,
    Legend,
  );
  registered = true;
}
