import type { ChartHandle, ChartSpec, CreateChart } from '../../../../src/ui/chart';

export interface FakeChart {
  readonly canvas: HTMLCanvasElement;
  config: ChartSpec;
  updates: number;
  destroyed: boolean;
}

/** A `createChart` that records what chart.js would have drawn (jsdom has no canvas). */
export function fakeCharts(): { create: CreateChart; made: FakeChart[] } {
  const made: FakeChart[] = [];
  const create: CreateChart = (canvas, config) => {
    const record: FakeChart = { canvas, config, updates: 0, destroyed: false };
    made.push(record);
    const handle: ChartHandle = {
      data: config.data,
      options: config.options ?? {},
      update() {
        record.updates++;
        record.config = { ...record.config, data: handle.data, options: handle.options };
      },
      destroy() {
        if (record.destroyed) throw new Error('destroyed twice');
        record.destroyed = true;
      },
    };
    return handle;
  };
  return { create, made };
}

/** The live chart drawn on a canvas with this accessible name prefix. */
export function chartFor(made: readonly FakeChart[], labelStart: string): FakeChart {
  const found = made.filter(
    c => !c.destroyed && (c.canvas.getAttribute('aria-label') ?? '').startsWith(labelStart),
  );
  if (found.length !== 1) throw new Error(`${found.length} live charts labelled "${labelStart}…"`);
  return found[0]!;
}
