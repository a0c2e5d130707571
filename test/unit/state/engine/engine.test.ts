import { buildReport } from '../../../../src/core';
import { createInThreadEngine, createWorkerEngine } from '../../../../src/state/engine/engine';
import { ENGINE_CHANNEL } from '../../../../src/state/engine/protocol';
import type { EngineRequest } from '../../../../src/state/engine/protocol';
import { A, at, B, input, lead, mv, wide } from '../../core/builders';
import { fakeWorker, manualWorker } from './fakeWorker';

const data = input([lead(1, { statusId: B }), lead(2)], [mv(1, 2, A, B)]);

/** The request the page posted as the n-th message. */
function request(w: ReturnType<typeof manualWorker>, n: number): EngineRequest {
  const message = w.posted[n]?.message as { channel: string; body: EngineRequest };
  expect(message.channel).toBe(ENGINE_CHANNEL);
  return message.body;
}

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

  it.each([
    ['in thread', () => createInThreadEngine()],
    ['in a worker', () => createWorkerEngine(fakeWorker())],
  ])('%s reports a request made before any data as NO_DATA, not a crash', async (_n, make) => {
    const engine = make();
    await expect(engine.report(wide)).rejects.toMatchObject({
      name: 'EngineError',
      code: 'NO_DATA',
    });
    await expect(engine.journey(1, at(10), {})).rejects.toMatchObject({ code: 'NO_DATA' });
    engine.dispose();
  });

  it('in thread, yields before computing and rejects with DISPOSED once disposed', async () => {
    const engine = createInThreadEngine();
    const pending = engine.load(data);
    engine.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'DISPOSED' });
    await expect(engine.report(wide)).rejects.toMatchObject({ code: 'DISPOSED' });
  });

  it('rejects pending calls and terminates the worker on dispose', async () => {
    const w = fakeWorker();
    const engine = createWorkerEngine(w);
    const pending = engine.load(data);
    engine.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'DISPOSED' });
    expect(w.terminated).toBe(true);
    // A disposed worker never answers: later calls fail at once instead of hanging.
    await expect(engine.report(wide)).rejects.toMatchObject({ code: 'DISPOSED' });
  });

  it('fails pending and later calls with WORKER_FAILED when the worker dies', async () => {
    const w = manualWorker();
    const engine = createWorkerEngine(w);
    const pending = engine.report(wide);
    w.crash();
    await expect(pending).rejects.toMatchObject({ name: 'EngineError', code: 'WORKER_FAILED' });
    const posts = w.posted.length;
    await expect(engine.load(data)).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    expect(w.posted).toHaveLength(posts);
  });

  it('matches answers to requests by id, whatever their order', async () => {
    const w = manualWorker();
    const engine = createWorkerEngine(w);
    const first = engine.load(data);
    const second = engine.load(data);
    const [a, b] = [request(w, 0), request(w, 1)];
    expect(a.id).not.toBe(b.id);
    w.reply({
      channel: ENGINE_CHANNEL,
      body: { id: b.id, ok: true, result: { op: 'load', leads: 2 } },
    });
    w.reply({
      channel: ENGINE_CHANNEL,
      body: { id: a.id, ok: true, result: { op: 'load', leads: 1 } },
    });
    expect(await first).toBe(1);
    expect(await second).toBe(2);
  });

  it('ignores messages that are not its answers', async () => {
    const w = manualWorker();
    const engine = createWorkerEngine(w);
    const pending = engine.load(data);
    const { id } = request(w, 0);
    w.reply({ id, ok: true, result: { op: 'load', leads: 9 } });
    w.reply({ channel: 'someone-else', body: { id, ok: true, result: { op: 'load', leads: 9 } } });
    w.reply({
      channel: ENGINE_CHANNEL,
      body: { id: id + 100, ok: true, result: { op: 'load', leads: 9 } },
    });
    w.reply('hello');
    w.reply({ channel: ENGINE_CHANNEL, body: { id, ok: true, result: { op: 'load', leads: 2 } } });
    expect(await pending).toBe(2);
  });

  it('turns a failure answer into its EngineError, an unknown code into FAILED', async () => {
    const w = manualWorker();
    const engine = createWorkerEngine(w);
    const known = engine.report(wide);
    const unknown = engine.report(wide);
    const [a, b] = [request(w, 0), request(w, 1)];
    w.reply({
      channel: ENGINE_CHANNEL,
      body: { id: a.id, ok: false, code: 'NO_DATA', detail: '' },
    });
    w.reply({
      channel: ENGINE_CHANNEL,
      body: { id: b.id, ok: false, code: 'OOM', detail: 'heap' },
    });
    const e1 = await known.catch((e: unknown) => e);
    expect(e1).toMatchObject({ name: 'EngineError', code: 'NO_DATA', detail: undefined });
    const e2 = await unknown.catch((e: unknown) => e);
    expect(e2).toMatchObject({ name: 'EngineError', code: 'FAILED', detail: 'heap' });
  });

  it('refuses an answer of the wrong kind as FAILED', async () => {
    const w = manualWorker();
    const engine = createWorkerEngine(w);
    const pending = engine.report(wide);
    const { id } = request(w, 0);
    w.reply({ channel: ENGINE_CHANNEL, body: { id, ok: true, result: { op: 'load', leads: 2 } } });
    await expect(pending).rejects.toMatchObject({
      name: 'EngineError',
      code: 'FAILED',
      detail: 'expected report, got load',
    });
  });

  it('posts the data as columns and transfers their buffers instead of copying them', () => {
    const w = manualWorker();
    const engine = createWorkerEngine(w);
    void engine.load(data).catch(() => undefined);
    const { transfer } = w.posted[0]!;
    const req = request(w, 0);
    expect(req.op).toBe('load');
    expect(transfer.length).toBeGreaterThan(0);
    // By tag, not instanceof: jest's node environment has its own ArrayBuffer global.
    expect(transfer.map(t => Object.prototype.toString.call(t))).toEqual(
      transfer.map(() => '[object ArrayBuffer]'),
    );
    // Every message survives the trip to a worker.
    expect(() =>
      structuredClone(w.posted[0]!.message, { transfer: transfer as never }),
    ).not.toThrow();
    engine.dispose();
  });
});
