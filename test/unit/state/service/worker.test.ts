/**
 * The data service across a worker boundary. The page's proxy (`serviceInWorker`) is driven by
 * hand from the worker's end of an in-memory message pair; the worker's loop (`serveDataService`)
 * is driven from the page's end; and the two are joined, with a real service over a warm cache
 * and the API emulator behind them, so every status and answer makes the structured-clone trip.
 */
import { ApiError } from '../../../../src/api';
import { EngineError } from '../../../../src/state/engine/errors';
import { envelope, SERVICE_CHANNEL } from '../../../../src/state/service/protocol';
import type { FromWorker, ToWorker } from '../../../../src/state/service/protocol';
import { createDataService } from '../../../../src/state/service/service';
import type { ServicePorts } from '../../../../src/state/service/service';
import type { ServiceConfig, ServiceStatus } from '../../../../src/state/service/types';
import { INITIAL_STATUS } from '../../../../src/state/service/types';
import { serveDataService } from '../../../../src/state/service/serve';
import { serviceInWorker } from '../../../../src/state/service/worker';
import { createMemoryStore } from '../../../../src/sync';
import type { ScopeStore } from '../../../../src/sync';
import type { RunningSandbox } from '../../../../sandbox/server';
import { connection, fillCache, recordingTimers, settle } from '../../../support/stateFakes';
import type { ClientScript } from '../../../support/stateFakes';
import { messagePair } from './messagePair';
import {
  CONFIG,
  emulatorClient,
  NOW,
  OPTS,
  PERIOD,
  plain,
  portsOver,
  SCOPE,
  startEmulator,
  whole,
} from './world';

jest.setTimeout(60_000);

const READY: ServiceStatus = { ...INITIAL_STATUS, activity: { kind: 'idle' }, version: 3 };

let sandbox: RunningSandbox;
/** The whole history, as a first service left it at NOW: a service over it needs no request. */
const warm = createMemoryStore();
beforeAll(async () => {
  sandbox = await startEmulator();
  await fillCache(warm, SCOPE, emulatorClient(sandbox), NOW);
});
afterAll(() => sandbox.close());

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** The page's proxy over a worker end the test speaks for. */
function proxy() {
  const { worker, scope } = messagePair();
  const failures = jest.fn();
  const service = serviceInWorker(worker, CONFIG, failures);
  cleanups.push(() => service.dispose());
  const statuses: ServiceStatus[] = [];
  return { worker, scope, failures, service, statuses };
}

/** The id of the n-th question the page asked (0-based). */
function askedId(scope: ReturnType<typeof messagePair>['scope'], n = 0): number {
  const asks = scope.asked().filter((m): m is Extract<ToWorker, { op: 'ask' }> => m.op === 'ask');
  const ask = asks[n];
  if (!ask) throw new Error(`no question ${n}`);
  return ask.id;
}

describe('serviceInWorker: the page’s side', () => {
  it('starts the worker’s service with the config', async () => {
    const p = proxy();
    await settle();
    expect(p.scope.received).toEqual([envelope({ op: 'start', config: CONFIG })]);
  });

  it('passes on every status pushed, and the last one to a late listener', async () => {
    const p = proxy();
    const early: ServiceStatus[] = [];
    p.service.subscribe(s => early.push(s));
    expect(early).toEqual([]);
    p.scope.say({ op: 'status', status: INITIAL_STATUS });
    p.scope.say({ op: 'status', status: READY });
    await settle();
    expect(early).toEqual([INITIAL_STATUS, READY]);
    const late: ServiceStatus[] = [];
    const stop = p.service.subscribe(s => late.push(s));
    expect(late).toEqual([READY]);
    stop();
    p.scope.say({ op: 'status', status: { ...READY, version: 4 } });
    await settle();
    expect(late).toEqual([READY]);
    expect(early.map(s => s.version)).toEqual([0, 3, 4]);
  });

  it('matches answers to questions by id, in whatever order they come', async () => {
    const p = proxy();
    const counts = { period: PERIOD, deals: 1, won: 0, lost: 0, open: 1, atStage: { '7': 1 } };
    const first = p.service.partial(PERIOD);
    const second = p.service.partial({ from: 1, to: 2 });
    await settle();
    expect(p.scope.asked().slice(1)).toEqual([
      { op: 'ask', id: askedId(p.scope, 0), question: { op: 'partial', period: PERIOD } },
      {
        op: 'ask',
        id: askedId(p.scope, 1),
        question: { op: 'partial', period: { from: 1, to: 2 } },
      },
    ]);
    expect(askedId(p.scope, 0)).not.toBe(askedId(p.scope, 1));
    p.scope.say({
      op: 'answer',
      id: askedId(p.scope, 1),
      answer: { op: 'partial', counts: null },
    });
    p.scope.say({ op: 'answer', id: askedId(p.scope, 0), answer: { op: 'partial', counts } });
    expect(await second).toBeNull();
    expect(await first).toEqual(counts);
  });

  it('refuses an answer of another kind than asked, as FAILED', async () => {
    const p = proxy();
    const asked = p.service.report(OPTS);
    await settle();
    p.scope.say({ op: 'answer', id: askedId(p.scope), answer: { op: 'partial', counts: null } });
    await expect(asked).rejects.toMatchObject({ name: 'EngineError', code: 'FAILED' });
  });

  it('rejects with the code a failure carries (an unknown code as FAILED)', async () => {
    const p = proxy();
    const noData = p.service.report(OPTS);
    const odd = p.service.journey(1, NOW, {});
    await settle();
    p.scope.say({ op: 'failed', id: askedId(p.scope, 0), code: 'NO_DATA', detail: '' });
    p.scope.say({
      op: 'failed',
      id: askedId(p.scope, 1),
      code: 'SOMETHING_NEW',
      detail: 'x',
    } as unknown as FromWorker);
    await expect(noData).rejects.toMatchObject({ code: 'NO_DATA', detail: undefined });
    await expect(odd).rejects.toMatchObject({ code: 'FAILED', detail: 'x' });
  });

  it('ignores messages that are not the service’s, and answers to nothing asked', async () => {
    const p = proxy();
    p.service.subscribe(s => p.statuses.push(s));
    const asked = p.service.partial(PERIOD);
    await settle();
    p.scope.postMessage({ op: 'status', status: READY });
    p.scope.postMessage({ channel: 'someone-else/1', body: { op: 'status', status: READY } });
    p.scope.postMessage('hello');
    p.scope.postMessage(null);
    p.scope.say({ op: 'answer', id: 999, answer: { op: 'partial', counts: null } });
    await settle();
    expect(p.statuses).toEqual([]);
    p.scope.say({ op: 'answer', id: askedId(p.scope), answer: { op: 'partial', counts: null } });
    expect(await asked).toBeNull();
  });

  it('sends refresh on', async () => {
    const p = proxy();
    p.service.refresh();
    await settle();
    expect(p.scope.asked().map(m => m.op)).toEqual(['start', 'refresh']);
  });
  it('sends shown on', async () => {
    const p = proxy();
    p.service.shown();
    await settle();
    expect(p.scope.asked().map(m => m.op)).toEqual(['start', 'shown']);
  });

  it('on the worker’s error event: pending questions reject WORKER_FAILED and onFailure hears it once', async () => {
    const p = proxy();
    const pending = [p.service.report(OPTS), p.service.journey(1, NOW, {})];
    p.worker.crash();
    p.worker.crash();
    await settle();
    for (const q of pending) await expect(q).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    expect(p.failures).toHaveBeenCalledTimes(1);
    // Later questions fail at once, without a message to the dead worker.
    const sent = p.scope.received.length;
    await expect(p.service.partial(PERIOD)).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    await settle();
    expect(p.scope.received.length).toBe(sent);
  });

  it('dispose stops the worker and rejects what is pending with DISPOSED', async () => {
    const p = proxy();
    p.service.subscribe(s => p.statuses.push(s));
    const pending = p.service.report(OPTS);
    await settle();
    p.service.dispose();
    expect(p.worker.terminated()).toBe(true);
    await expect(pending).rejects.toBeInstanceOf(EngineError);
    await expect(pending).rejects.toMatchObject({ code: 'DISPOSED' });
    await expect(p.service.partial(PERIOD)).rejects.toMatchObject({ code: 'DISPOSED' });
    p.worker.crash();
    await settle();
    expect(p.failures).not.toHaveBeenCalled();
    expect(p.statuses).toEqual([]);
  });

  it('tells the worker to dispose its service before terminating it', () => {
    const { worker } = messagePair();
    const posted: unknown[] = [];
    const spy = {
      ...worker,
      postMessage: (m: unknown) => posted.push(m),
      addEventListener: worker.addEventListener.bind(worker),
    };
    const service = serviceInWorker(spy, CONFIG, () => undefined);
    service.dispose();
    expect(posted).toEqual([
      envelope({ op: 'start', config: CONFIG }),
      envelope({ op: 'dispose' }),
    ]);
  });
});

/** The worker's loop behind a page end the test speaks for. */
function loop(cache: () => ScopeStore = () => connection(warm)) {
  const { worker, scope } = messagePair();
  const made: { config: ServiceConfig; timers: ReturnType<typeof recordingTimers> }[] = [];
  const portsFor = (config: ServiceConfig): ServicePorts => {
    const timers = recordingTimers();
    made.push({ config, timers });
    return portsOver(sandbox, { cache: cache(), timers });
  };
  serveDataService(scope, portsFor);
  const heard: FromWorker[] = [];
  worker.addEventListener('message', e => {
    heard.push((e.data as { body: FromWorker }).body);
  });
  cleanups.push(() => worker.postMessage(envelope({ op: 'dispose' })));
  const send = (body: unknown) => worker.postMessage(envelope(body));
  return { worker, made, heard, send };
}

describe('serveDataService: the worker’s side', () => {
  it('answers NO_DATA to a question before the service started', async () => {
    const w = loop();
    w.send({ op: 'ask', id: 5, question: { op: 'partial', period: PERIOD } });
    await settle();
    expect(w.heard).toEqual([{ op: 'failed', id: 5, code: 'NO_DATA', detail: 'not started' }]);
    expect(w.made).toEqual([]);
  });

  it('starts one service from the first start, and pushes its statuses', async () => {
    const w = loop();
    w.send({ op: 'start', config: CONFIG });
    w.send({ op: 'start', config: { ...CONFIG, horizonDays: 30 } });
    await settle(20);
    expect(w.made.map(m => m.config)).toEqual([CONFIG]);
    const statuses = w.heard.filter(m => m.op === 'status').map(m => m.status);
    expect(statuses[0]).toEqual(INITIAL_STATUS);
    expect(statuses.at(-1)).toMatchObject({ phase: 'complete', version: 1 });
  });

  it('ignores what is not the service’s', async () => {
    const w = loop();
    w.worker.postMessage({ op: 'start', config: CONFIG });
    w.worker.postMessage({ channel: SERVICE_CHANNEL.replace('/1', '/0'), body: { op: 'start' } });
    w.worker.postMessage(42);
    await settle();
    expect(w.made).toEqual([]);
    expect(w.heard).toEqual([]);
  });

  it('disposes its service, and answers nothing from it after', async () => {
    const w = loop();
    w.send({ op: 'start', config: CONFIG });
    await settle(20);
    expect(w.made[0]!.timers.live.size).toBeGreaterThan(0);
    w.send({ op: 'dispose' });
    w.send({ op: 'ask', id: 9, question: { op: 'report', options: OPTS } });
    await settle();
    expect(w.made[0]!.timers.live.size).toBe(0);
    expect(w.heard.at(-1)).toEqual({ op: 'failed', id: 9, code: 'NO_DATA', detail: 'not started' });
  });
});

/** The proxy and the loop joined, a real service in the "worker". */
function joined(opts: { cache?: () => ScopeStore; script?: ClientScript } = {}) {
  const { worker, scope } = messagePair();
  const inside: { timers: ReturnType<typeof recordingTimers>; requests: () => number }[] = [];
  serveDataService(scope, () => {
    const timers = recordingTimers();
    let client: { calls: unknown[] } | null = null;
    inside.push({ timers, requests: () => client?.calls.length ?? 0 });
    return portsOver(sandbox, {
      cache: (opts.cache ?? (() => connection(warm)))(),
      timers,
      script: () => opts.script ?? {},
      onClient: c => {
        client = c;
      },
    });
  });
  const failures = jest.fn();
  const service = serviceInWorker(worker, CONFIG, failures);
  cleanups.push(() => service.dispose());
  const statuses: ServiceStatus[] = [];
  service.subscribe(s => statuses.push(s));
  const until = async (done: () => boolean, what: string) => {
    for (let i = 0; !done(); i++) {
      if (i > 2000) throw new Error(`no ${what}`);
      for (const x of inside) x.timers.fire(0);
      await new Promise(resolve => setTimeout(resolve, 1));
    }
  };
  return { worker, service, statuses, inside, failures, until };
}

describe('serviceInWorker ↔ serveDataService', () => {
  it('brings the service’s statuses and answers across, equal to the whole account’s', async () => {
    const j = joined();
    await j.until(() => j.statuses.at(-1)?.version === 1, 'numbers');
    expect(j.statuses[0]).toEqual(INITIAL_STATUS);
    expect(j.statuses.at(-1)).toMatchObject({ phase: 'complete', heldFrom: null, syncedAt: NOW });
    const view = await j.service.report(OPTS);
    expect(plain(view.report)).toEqual(whole(OPTS));
    expect(Object.keys(view.leadNames).length).toBeGreaterThan(0);
    const lead = view.report.stuck[0] ?? view.report.openDeals![0]!;
    const journey = await j.service.journey(lead.leadId, NOW, {});
    expect(journey.journey?.leadId).toBe(lead.leadId);
    expect(journey.norms.length).toBeGreaterThan(0);
    expect(await j.service.partial(PERIOD)).toMatchObject({ period: PERIOD });
    expect(j.inside[0]!.requests()).toBe(0);
  });

  it('brings a report without its deal lists, and one stage’s deals, across', async () => {
    const j = joined();
    await j.until(() => j.statuses.at(-1)?.version === 1, 'numbers');
    const full = await j.service.report({ ...OPTS, includeOpenDeals: true });
    const bare = await j.service.report(OPTS, 'none');
    expect(bare.lists).toBe('none');
    expect(bare.report.stuck).toEqual([]);
    expect(plain(bare.report.stages)).toEqual(plain(full.report.stages));
    const deal = full.report.openDeals![0]!;
    const view = await j.service.stageDeals(OPTS, deal.stageId);
    expect(plain(view.deals)).toEqual(
      plain(full.report.openDeals!.filter(d => d.stageId === deal.stageId)),
    );
    expect(view.leadNames[String(deal.leadId)]).toBe(full.leadNames[String(deal.leadId)]);
  });

  it('carries a failure’s code: NO_DATA before the numbers, FAILED for a computation that threw', async () => {
    const cold = joined({
      cache: () => createMemoryStore(),
      script: { fail: new ApiError('NETWORK') },
    });
    await cold.until(
      () => cold.statuses.at(-1)?.error !== null && cold.statuses.length > 1,
      'a status',
    );
    await expect(cold.service.report(OPTS)).rejects.toMatchObject({ code: 'NO_DATA' });
    expect(cold.statuses.at(-1)?.error).toMatchObject({ code: 'NETWORK' });

    const j = joined();
    await j.until(() => j.statuses.at(-1)?.version === 1, 'numbers');
    const broken = { ...OPTS, trend: { granularity: 'week' as const, timeZone: 'Not/AZone' } };
    const failed = j.service.report(broken);
    await expect(failed).rejects.toMatchObject({ name: 'EngineError', code: 'FAILED' });
    await expect(failed).rejects.toHaveProperty('detail', expect.stringMatching(/\S/));
  });

  it('brings refresh to the service in the worker', async () => {
    const j = joined();
    await j.until(() => j.statuses.at(-1)?.version === 1, 'numbers');
    j.service.refresh();
    await j.until(() => j.statuses.at(-1)?.version === 2, 'the refresh');
    expect(j.inside[0]!.requests()).toBe(2);
  });

  it('dispose terminates the worker and rejects what is pending with DISPOSED', async () => {
    const j = joined();
    await j.until(() => j.statuses.at(-1)?.version === 1, 'numbers');
    const heard = j.statuses.length;
    const pending = j.service.report(OPTS);
    j.service.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'DISPOSED' });
    expect(j.worker.terminated()).toBe(true);
    await settle();
    expect(j.statuses.length).toBe(heard);
    expect(j.failures).not.toHaveBeenCalled();
  });
});

describe('a service in a worker runs as one on the page', () => {
  it('answers the same report', async () => {
    const timers = recordingTimers();
    const page = createDataService(CONFIG, portsOver(sandbox, { cache: connection(warm), timers }));
    cleanups.push(() => page.dispose());
    const j = joined();
    await j.until(() => j.statuses.at(-1)?.version === 1, 'numbers');
    expect(plain(await j.service.report(OPTS))).toEqual(plain(await page.report(OPTS)));
  });
});
