import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';

let registered = false;

/**
 * Registers only the chart.js parts our charts use — bars on category and linear scales — so the
 * bundle tree-shakes the rest (`chart.js/auto` would pull in everything). No tooltip or legend
 * plugins: each chart has its table of exact numbers beside it and an HTML legend (Chart.tsx),
 * which keeps script.js inside its 120 KB gzip budget.
 */
export function registerCharts(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale);
  registered = true;
}
