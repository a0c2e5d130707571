import { buildReport } from '../../../src/core';
import { createEngine } from '../../../src/state/engine/resilient';
import { createInThreadEngine, createWorkerEngine } from '../../../src/state/engine/engine';
import type { WorkerLike } from '../../../src/state/engine/engine';
import { serveEngine } from '../../../src/state/engine/serve';
import { A, at, B, input, lead, mv, wide } from '../core/builders';

/**
 * A worker pair connected in-process: messages are structured-cloned like a real postMessage, so
 * anything that would not survive the trip to a worker fails here too.
 */
function fakeWorker(opts: { crash?: boolean } = {}): WorkerLike & { terminated: boolean } {
  type L = (e: { data: unknown }) => void;
  const pageListeners: { message: L[]; error: ((e: unknown) => void)[] } = {
    message: [],
    error: [],
  };
  const workerListeners: L[] = [];
  serveEngine({
    addEventListener: (_t, l) => workerListeners.push(l),
    postMessage: m =>
      queueMicrotask(() => pageListeners.message.forEach(l => l({ data: structuredClone(m) }))),
  });
  const w = {
    terminated: false,
    postMessage(m: unknown) {
      if (opts.crash) {
        queueMicrotask(() => pageListeners.error.forEach(l => l(new Error('boom'))));
        return;
      }
      queueMicrotask(() => workerListeners.forEach(l => l({ data: structuredClone(m) })));
    },
    addEventListener(type: 'message' | 'error', l: never) {
      (type === 'message' ? pageListeners.message : pageListeners.error).push(l);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

const data = input([lead(1, { statusId: B }), lead(2)], [mv(1, 2, A, B)]);

describe('engine', () => {
  it.each([
    ['in thread', () => createInThreadEngine()],
    ['in a worker', () => createWorkerEngine(fakeWorker())],
  ])('%s gives exactly the report of the core', async (_name, make) => {
    const engine = make();
    expect(await engine.load(data)).toBe(2);
    expect(await engine.report(wide)).toEqual(buildReport(data, wide));
    const { journey, norms } = await engine.journey(1, at(10), {});
    expect(journey?.steps.map(s => s.statusId)).toEqual([A, B]);
    expect(journey?.current?.hoursInStage).toBe(8);
    expect(norms.map(n => n.stageId)).toHaveLength(3);
    engine.dispose();
  });

  it('reports a request made before any data as an error, not a crash', async () => {
    const engine = createWorkerEngine(fakeWorker());
    await expect(engine.report(wide)).rejects.toMatchObject({
      name: 'EngineError',
      code: 'NO_DATA',
    });
  });

  it('rejects pending calls and terminates the worker on dispose', async () => {
    const w = fakeWorker();
    const engine = createWorkerEngine(w);
    const pending = engine.load(data);
    engine.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'DISPOSED' });
    expect(w.terminated).toBe(true);
  });

  it('falls back to the page thread when the worker dies, replaying the loaded data', async () => {
    const engine = createEngine(() => fakeWorker({ crash: true }));
    expect(await engine.load(data)).toBe(2);
    expect(await engine.report(wide)).toEqual(buildReport(data, wide));
    engine.dispose();
  });

  it('runs in the page thread when no worker can be created', async () => {
    const engine = createEngine(() => null);
    await engine.load(data);
    expect((await engine.report(wide)).totals.deals).toBe(2);
    engine.dispose();
  });
});
