/**
 * The pipeline model a mount holds, over a host whose data service runs on the page (no worker)
 * and syncs from the sandbox's emulator into the host's memory cache.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import type { Host } from '../../../src/mount/host';
import { usePipelineModel } from '../../../src/mount/usePipelineModel';
import type { PipelineModel, ReportInit } from '../../../src/state';
import { REFRESH_EVERY_MS } from '../../../src/state';
import { fakeHost, MAIN, PIPELINES } from '../../support/fakeHost';

afterEach(cleanup);
jest.setTimeout(30_000);

const SECOND = PIPELINES[0]!;
const LAST_30: ReportInit = { period: { kind: 'last_30' } };

function probe(host: Host, id: number | null, init: ReportInit = LAST_30) {
  const seen: (PipelineModel | null)[] = [];
  function Probe(props: { id: number | null; init: ReportInit }) {
    seen.push(usePipelineModel(host, props.id, props.init));
    return null;
  }
  const view = render(<Probe id={id} init={init} />);
  return {
    seen,
    view,
    last: () => seen.at(-1) ?? null,
    show: (next: number | null, nextInit: ReportInit = init) =>
      view.rerender(<Probe id={next} init={nextInit} />),
  };
}

/** Waits until the model's service has synced the window and computed a report. */
async function numbers(model: PipelineModel | null): Promise<void> {
  await waitFor(() => expect(model?.data.version.value).toBeGreaterThan(0));
  await waitFor(() => expect(model?.report.state.value.status).toBe('ok'));
  // As a page does once it has drawn them: the service's wait after the window ends.
  model?.data.shown();
}

describe('usePipelineModel', () => {
  it('has no model and starts nothing without a pipeline', () => {
    const host = fakeHost();
    const p = probe(host, null);
    expect(p.last()).toBeNull();
    expect(host.timers.live.size).toBe(0);
    expect(host.clients()).toBe(0);
    expect(host.bus.listeners()).toBe(0);
  });

  it('makes one model for the pipeline and keeps it across renders', async () => {
    const host = fakeHost();
    const p = probe(host, MAIN.id);
    const model = p.last();
    expect(model).not.toBeNull();
    p.show(MAIN.id);
    p.show(MAIN.id, { period: { kind: 'quarter' } });
    expect(p.last()).toBe(model);
    // `init` is read once per pipeline: later choices live in the model.
    expect(model?.report.period.value).toEqual({ kind: 'last_30' });
    await numbers(model);
    expect(model?.data.pipeline.value?.id).toBe(MAIN.id);
    expect(model?.report.report.value?.pipeline.id).toBe(MAIN.id);
    // One service, one client, one channel subscription, one refresh timer.
    expect(host.clients()).toBe(1);
    expect(host.bus.listeners()).toBe(1);
    expect(host.timers.count(REFRESH_EVERY_MS, 'interval')).toBe(1);
  });

  it('replaces the model when the pipeline changes, disposing the old one', async () => {
    const host = fakeHost();
    const p = probe(host, MAIN.id);
    const first = p.last();
    await numbers(first);
    const timers = host.timers.live.size;
    expect(timers).toBeGreaterThan(0);
    p.show(SECOND.id, { period: { kind: 'quarter' } });
    const second = p.last();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    // Never the old pipeline's model for the new id, not even for one render.
    expect(p.seen.slice(p.seen.indexOf(first) + 1).every(m => m === null || m === second)).toBe(
      true,
    );
    expect(second?.report.period.value).toEqual({ kind: 'quarter' });
    // The new pipeline's service syncs into the same cache and computes its own numbers.
    await numbers(second);
    // The old one's timers and channel subscription went with it: as many as one model holds.
    expect(host.timers.live.size).toBe(timers);
    expect(host.bus.listeners()).toBe(1);
    expect(second?.data.error.value).toBeNull();
    expect(second?.report.report.value?.pipeline.id).toBe(SECOND.id);
  });

  it('disposes the model when the pipeline goes away, or the component does', async () => {
    const host = fakeHost();
    const p = probe(host, MAIN.id);
    await numbers(p.last());
    p.show(null);
    expect(p.last()).toBeNull();
    expect(host.timers.live.size).toBe(0);
    expect(host.bus.listeners()).toBe(0);

    p.show(MAIN.id);
    expect(host.timers.live.size).toBeGreaterThan(0);
    // The cache the first service filled is there for the next one.
    await numbers(p.last());
    expect(p.last()?.data.error.value).toBeNull();
    p.view.unmount();
    expect(host.timers.live.size).toBe(0);
    expect(host.bus.listeners()).toBe(0);
  });
});
