import { buildReport } from '../../../../src/core';
import { createEngine } from '../../../../src/state/engine/resilient';
import { A, at, B, input, lead, mv, wide } from '../../core/builders';
import { fakeWorker, manualWorker } from './fakeWorker';

const data = input([lead(1, { statusId: B }), lead(2)], [mv(1, 2, A, B)]);

describe('createEngine', () => {
  it('uses the worker when one starts', async () => {
    const w = fakeWorker();
    const engine = createEngine(() => w);
    expect(await engine.load(data)).toBe(2);
    expect(await engine.report(wide)).toEqual(buildReport(data, wide));
    expect(w.posted).toBe(2);
    engine.dispose();
    expect(w.terminated).toBe(true);
  });

  it('falls back to the page thread when the worker dies, replaying the loaded data', async () => {
    const w = fakeWorker({ answers: 0 });
    const engine = createEngine(() => w);
    expect(await engine.load(data)).toBe(2);
    expect(await engine.report(wide)).toEqual(buildReport(data, wide));
    expect(w.terminated).toBe(true);
    expect(w.posted).toBe(1);
    engine.dispose();
  });

  it('replays the last load when the worker dies after answering it', async () => {
    const w = fakeWorker({ answers: 1 });
    const engine = createEngine(() => w);
    expect(await engine.load(data)).toBe(2);
    // The worker dies on this call; the page thread answers it over the same data.
    expect(await engine.report(wide)).toEqual(buildReport(data, wide));
    expect((await engine.journey(1, at(10), {})).journey?.current?.hoursInStage).toBe(8);
    expect(w.terminated).toBe(true);
    // Later calls stay on the page thread: the dead worker gets nothing more.
    expect(w.posted).toBe(2);
    engine.dispose();
  });

  it('answers NO_DATA after a fallback when nothing was loaded', async () => {
    const engine = createEngine(() => fakeWorker({ answers: 0 }));
    await expect(engine.report(wide)).rejects.toMatchObject({ code: 'NO_DATA' });
    engine.dispose();
  });

  it('passes other failures on without leaving the worker', async () => {
    const w = fakeWorker();
    const engine = createEngine(() => w);
    await expect(engine.report(wide)).rejects.toMatchObject({ code: 'NO_DATA' });
    expect(w.terminated).toBe(false);
    await engine.load(data);
    expect(w.posted).toBe(2);
    engine.dispose();
  });

  it.each([
    ['no worker can be created', () => null],
    ['workers are not offered', null],
  ] as const)('runs in the page thread when %s', async (_name, spawn) => {
    const engine = createEngine(spawn);
    await engine.load(data);
    expect((await engine.report(wide)).totals.deals).toBe(2);
    engine.dispose();
  });

  it('rejects what is pending with DISPOSED on dispose, and every later call', async () => {
    const w = manualWorker();
    const engine = createEngine(() => w);
    const pending = engine.load(data);
    engine.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'DISPOSED' });
    await expect(engine.report(wide)).rejects.toMatchObject({ code: 'DISPOSED' });
    expect(w.terminated).toBe(true);

    const inThread = createEngine(() => null);
    const computing = inThread.load(data);
    inThread.dispose();
    await expect(computing).rejects.toMatchObject({ code: 'DISPOSED' });
  });

  it('a disposal is not a worker death: no fallback computes after it', async () => {
    const spawn = jest.fn(() => fakeWorker());
    const engine = createEngine(spawn);
    await engine.load(data);
    engine.dispose();
    await expect(engine.report(wide)).rejects.toMatchObject({ code: 'DISPOSED' });
    expect(spawn).toHaveBeenCalledTimes(1);
  });
});
