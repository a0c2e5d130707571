/**
 * `openDataService`: the service in a worker when one starts, on the page when none does, and
 * moved to the page when the worker dies — over in-memory workers, a warm cache and the API
 * emulator, with timers the test fires.
 */
import { openDataService } from '../../../../src/state/service/resilient';
import type { ServicePorts } from '../../../../src/state/service/service';
import type { DataService, ServiceStatus } from '../../../../src/state/service/types';
import { serveDataService } from '../../../../src/state/service/serve';
import type { ScopeStore } from '../../../../src/sync';
import { connection, deferred, recordingTimers, settle } from '../../../support/stateFakes';
import { messagePair } from './messagePair';
import { CONFIG, OPTS, PERIOD, plain, portsOver, warmEmulator, whole } from './world';

jest.setTimeout(60_000);

const env = warmEmulator();
const { warm } = env;
const requests = () => env.sandbox.ctx.stats.snapshot().requests.total;

const live: DataService[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.dispose();
});

/** What the page side made: its ports (one set per page service) and their caches. */
function pageSide(cache: () => ScopeStore | Promise<ScopeStore> = () => connection(warm)) {
  const made: {
    timers: ReturnType<typeof recordingTimers>;
    cache: ScopeStore | Promise<ScopeStore>;
  }[] = [];
  const pagePorts = (): Promise<ServicePorts> => {
    const timers = recordingTimers();
    const c = cache();
    made.push({ timers, cache: c });
    return Promise.resolve(portsOver(env.sandbox, { cache: c, timers }));
  };
  return { made, pagePorts };
}

/** A worker that runs the real service (`serve`), or one that never answers. */
function spawned(serve: boolean) {
  const { worker, scope } = messagePair();
  const inside = recordingTimers();
  if (serve)
    serveDataService(scope, () =>
      portsOver(env.sandbox, { cache: connection(warm), timers: inside }),
    );
  return { worker, scope, inside };
}

function open(spawnWorker: Parameters<typeof openDataService>[1], page = pageSide()) {
  const service = openDataService(CONFIG, spawnWorker, page.pagePorts);
  live.push(service);
  const statuses: ServiceStatus[] = [];
  service.subscribe(s => statuses.push(s));
  const until = async (done: () => boolean, what: string) => {
    for (let i = 0; !done(); i++) {
      if (i > 2000) throw new Error(`no ${what}`);
      for (const m of page.made) m.timers.fire(0);
      await new Promise(resolve => setTimeout(resolve, 1));
    }
  };
  return { service, statuses, page, until };
}

describe('openDataService', () => {
  it.each([
    ['no worker can be spawned', null],
    ['spawning gives none', () => null],
  ])('runs on the page when %s', async (_name, spawnWorker) => {
    const s = open(spawnWorker);
    expect(s.page.made).toHaveLength(1);
    await s.until(() => s.statuses.at(-1)?.version === 1, 'numbers');
    expect(s.statuses[0]?.activity).toEqual({ kind: 'opening' });
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('runs in the worker it spawns, starting nothing on the page', async () => {
    const w = spawned(true);
    const s = open(() => w.worker);
    await s.until(() => s.statuses.at(-1)?.version === 1, 'numbers from the worker');
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
    // The panel's questions: a report without its lists, then one stage's deals.
    const bare = await s.service.report(OPTS, 'none');
    expect(bare.report.stuck).toEqual([]);
    const stageId = bare.report.stages[0]!.id;
    expect((await s.service.stageDeals(OPTS, stageId)).stageId).toBe(stageId);
    expect(s.page.made).toHaveLength(0);
    s.service.refresh();
    await settle();
    expect(w.scope.asked().map(m => m.op)).toContain('refresh');
  });

  it('moves to the page when the worker dies: a pending question is asked there, listeners go on hearing', async () => {
    const w = spawned(false);
    const cache = deferred<ScopeStore>();
    const page = pageSide(() => cache.promise);
    const s = open(() => w.worker, page);
    const pending = s.service.partial(PERIOD);
    await settle();
    expect(w.scope.asked().map(m => m.op)).toEqual(['start', 'ask']);
    w.worker.crash();
    // The page service has no cache yet: it answers the question as asked again — no counts.
    expect(await pending).toBeNull();
    expect(page.made).toHaveLength(1);
    expect(w.worker.terminated()).toBe(true);
    expect(s.statuses.at(-1)?.activity).toEqual({ kind: 'opening' });

    cache.resolve(connection(warm));
    await s.until(() => s.statuses.at(-1)?.version === 1, 'numbers from the page');
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
    const late: ServiceStatus[] = [];
    s.service.subscribe(x => late.push(x));
    expect(late).toEqual([s.statuses.at(-1)]);
    // Refresh goes to the page service now: it syncs what changed.
    const before = requests();
    s.service.refresh();
    await s.until(() => s.statuses.at(-1)?.version === 2, 'the refresh');
    expect(requests() - before).toBe(2);
  });

  it('passes on other failures as they are, without moving', async () => {
    const w = spawned(false);
    const s = open(() => w.worker);
    const pending = s.service.report(OPTS);
    await settle();
    const ask = w.scope.asked().find(m => m.op === 'ask');
    if (ask?.op !== 'ask') throw new Error('not asked');
    w.scope.say({ op: 'failed', id: ask.id, code: 'NO_DATA', detail: '' });
    await expect(pending).rejects.toMatchObject({ code: 'NO_DATA' });
    expect(s.page.made).toHaveLength(0);
    expect(w.worker.terminated()).toBe(false);
  });

  it('hears a listener’s unsubscribe', async () => {
    const w = spawned(true);
    const s = open(() => w.worker);
    const heard: ServiceStatus[] = [];
    const stop = s.service.subscribe(x => heard.push(x));
    stop();
    await s.until(() => s.statuses.at(-1)?.version === 1, 'numbers');
    expect(heard).toEqual([]);
  });

  it('dispose on the worker: terminated, questions refused, a later death moves nothing', async () => {
    const w = spawned(false);
    const s = open(() => w.worker);
    const pending = s.service.report(OPTS);
    s.service.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'DISPOSED' });
    await expect(s.service.partial(PERIOD)).rejects.toMatchObject({ code: 'DISPOSED' });
    expect(w.worker.terminated()).toBe(true);
    w.worker.crash();
    await settle();
    expect(s.page.made).toHaveLength(0);
  });

  it('dispose after the move stops the page service: no timers, cache closed, nothing heard', async () => {
    const w = spawned(false);
    const page = pageSide(() => connection(warm));
    const s = open(() => w.worker, page);
    w.worker.crash();
    await s.until(() => s.statuses.at(-1)?.version === 1, 'numbers from the page');
    s.service.dispose();
    const heard = s.statuses.length;
    expect(page.made[0]!.timers.live.size).toBe(0);
    await settle();
    expect((page.made[0]!.cache as ReturnType<typeof connection>).closed()).toBe(true);
    await expect(s.service.report(OPTS)).rejects.toMatchObject({ code: 'DISPOSED' });
    s.service.refresh();
    await settle();
    expect(s.statuses.length).toBe(heard);
  });
});
