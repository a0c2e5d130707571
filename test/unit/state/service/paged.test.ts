/**
 * `pagedService`: the data service on the page, whose code and ports arrive later. Until then it
 * says it is opening and questions wait; when they cannot be had, the status says NETWORK,
 * questions fail, and the refresh button tries again. Over the API emulator and a warm cache.
 */
import { pagedService } from '../../../../src/state/service/paged';
import type { ServicePorts } from '../../../../src/state/service/service';
import type { DataService, ServiceStatus } from '../../../../src/state/service/types';
import { EngineError } from '../../../../src/state/engine/errors';
import { connection, deferred, recordingTimers } from '../../../support/stateFakes';
import { CONFIG, OPTS, PERIOD, plain, portsOver, warmEmulator, whole } from './world';

jest.setTimeout(60_000);

const env = warmEmulator();
const { warm } = env;

const live: DataService[] = [];
afterEach(() => {
  for (const s of live.splice(0)) s.dispose();
});

function open(pagePorts: () => Promise<ServicePorts>) {
  const service = pagedService(CONFIG, pagePorts);
  live.push(service);
  const statuses: ServiceStatus[] = [];
  service.subscribe(s => statuses.push(s));
  return { service, statuses };
}

/** Steps the service's timers until `done` (its loop yields a turn between sync steps). */
async function until(timers: ReturnType<typeof recordingTimers>, done: () => boolean) {
  for (let i = 0; !done(); i++) {
    if (i > 2000) throw new Error('the service never got there');
    timers.fire(0);
    await new Promise(resolve => setTimeout(resolve, 1));
  }
}

describe('pagedService', () => {
  it('says it is opening until its ports arrive, then answers as the service does', async () => {
    const timers = recordingTimers();
    const ports = deferred<ServicePorts>();
    const s = open(() => ports.promise);
    expect(s.statuses).toEqual([expect.objectContaining({ activity: { kind: 'opening' } })]);
    let answered = false;
    // Asked before the service exists: it waits for it, then the service answers.
    const early = s.service.partial(PERIOD).finally(() => (answered = true));
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    ports.resolve(portsOver(env.sandbox, { cache: connection(warm), timers }));
    await early;
    await until(timers, () => s.statuses.at(-1)?.version === 1);
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('says NETWORK when its code cannot be fetched, fails questions, and tries again on refresh', async () => {
    const timers = recordingTimers();
    let attempts = 0;
    const s = open(() => {
      attempts++;
      if (attempts === 1) return Promise.reject(new Error('Loading chunk engine failed'));
      return Promise.resolve(portsOver(env.sandbox, { cache: connection(warm), timers }));
    });
    await expect(s.service.report(OPTS)).rejects.toBeInstanceOf(EngineError);
    expect(s.statuses.at(-1)?.error).toEqual({
      code: 'NETWORK',
      detail: 'Loading chunk engine failed',
    });

    s.service.refresh();
    expect(s.statuses.at(-1)).toEqual(
      expect.objectContaining({ error: null, activity: { kind: 'opening' } }),
    );
    await until(timers, () => s.statuses.at(-1)?.version === 1);
    expect(attempts).toBe(2);
    expect(plain((await s.service.report(OPTS)).report)).toEqual(whole(OPTS));
  });

  it('starts nothing when disposed before its ports arrive', async () => {
    const ports = deferred<ServicePorts>();
    const s = open(() => ports.promise);
    const asked = s.service.partial(PERIOD);
    s.service.dispose();
    ports.resolve(portsOver(env.sandbox, { cache: connection(warm), timers: recordingTimers() }));
    await expect(asked).rejects.toMatchObject({ code: 'DISPOSED' });
    expect(env.sandbox.ctx.stats.snapshot().requests.total).toBe(0);
  });
});
