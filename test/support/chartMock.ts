/**
 * jsdom has no canvas, so chart.js cannot draw there (it logs and draws nothing). A test that
 * renders the full report through a mount, where no `createChart` can be passed, replaces the
 * default factory with the recording fake:
 *
 *   jest.mock('<path to>/src/ui/chart/Chart', () =>
 *     jest.requireActual('<path to>/test/support/chartMock').chartModuleMock(),
 *   );
 *
 * and reads what was drawn from `charts.made`.
 */
import { fakeCharts } from '../dom/ui/fullReport/fakeCharts';

export const charts = fakeCharts();

/** src/ui/chart/Chart with `defaultCreateChart` recording into `charts`. */
export function chartModuleMock(): unknown {
  const actual: object = jest.requireActual('../../src/ui/chart/Chart');
  return { ...actual, defaultCreateChart: charts.create };
}
