import ru from '../../../i18n/ru.json';
import { createUiEnv, pipelineDeps } from '../../../src/mount/host';
import { DEFAULT_SETTINGS } from '../../../src/state';
import type { WorkerLike } from '../../../src/state';
import { buildStageListUrl } from '../../../src/ui/env';
import { DEMO_NOW } from '../../support/demo';
import { fakeHost, MAIN, MANAGERS } from '../../support/fakeHost';

describe('pipelineDeps', () => {
  it('scopes the service to this account, user and pipeline, with the page’s choices', () => {
    const settings = { ...DEFAULT_SETTINGS, minSample: 3, horizonDays: 730, sideStageIds: [35] };
    const host = fakeHost({ settings, origin: 'https://acme.amocrm.ru' });
    const deps = pipelineDeps(host, 4242, { kind: 'quarter' });
    expect(deps.config).toEqual({
      scope: { accountId: host.account.id, userId: host.user.id, pipelineId: 4242 },
      origin: 'https://acme.amocrm.ru',
      readUsers: true,
      period: { kind: 'quarter' },
      timeZone: 'Europe/Moscow',
      horizonDays: 730,
      sideStageIds: [35],
    });
    // Plain data: it crosses to the worker by structured clone.
    expect(structuredClone(deps.config)).toEqual(deps.config);
    expect(deps.settings).toBe(settings);
    expect(deps.clock).toBe(host.clock);
    expect(deps.timers).toBe(host.timers);
  });

  it('asks for all history when the settings set no horizon', () => {
    const host = fakeHost({ settings: { ...DEFAULT_SETTINGS, horizonDays: null } });
    expect(pipelineDeps(host, MAIN.id, { kind: 'last_30' }).config.horizonDays).toBeNull();
  });

  it.each([
    [true, true],
    [false, false],
  ])('reads users when the user is an administrator (isAdmin %s)', (isAdmin, readUsers) => {
    const host = fakeHost({ isAdmin });
    expect(pipelineDeps(host, MAIN.id, { kind: 'last_30' }).config.readUsers).toBe(readUsers);
  });

  it('asks the host for a worker each time one is to start', () => {
    const host = fakeHost();
    const worker = {} as WorkerLike;
    const spawn = jest.spyOn(host, 'spawnWorker').mockReturnValue(worker);
    const deps = pipelineDeps(host, MAIN.id, { kind: 'last_30' });
    expect(spawn).not.toHaveBeenCalled();
    expect(deps.spawnWorker?.()).toBe(worker);
    expect(deps.spawnWorker?.()).toBe(worker);
    expect(spawn).toHaveBeenCalledTimes(2);
  });

  it('gives a service on the page the host’s client, cache, lock, channel, timers and clock', async () => {
    const host = fakeHost();
    const create = jest.spyOn(host.pageApi, 'createClient');
    const ports = await pipelineDeps(host, MAIN.id, { kind: 'last_30' }).pagePorts();
    const hooks = { onWait: jest.fn() };
    const client = ports.createClient(hooks);
    expect(create).toHaveBeenCalledWith(hooks);
    expect(host.clients()).toBe(1);
    expect((await client.getPipelines()).map(p => p.id)).toContain(MAIN.id);
    expect(await ports.openCache()).toBeDefined();
    expect(ports.lock).toBe(host.lock);
    expect(ports.channel).toBe(host.channel);
    expect(ports.timers).toBe(host.timers);
    expect(ports.clock).toBe(host.clock);
  });

  it('lends the host’s cache to a service on the page without letting it close it', async () => {
    const host = fakeHost();
    const deps = pipelineDeps(host, MAIN.id, { kind: 'last_30' });
    const scope = { accountId: host.account.id, userId: host.user.id, pipelineId: MAIN.id };
    const cache = await (await deps.pagePorts()).openCache();
    // A service closes its cache when disposed; the next pipeline's service opens it again.
    cache.close();
    await expect(host.store.load(scope)).resolves.toBeNull();
    await expect((await (await deps.pagePorts()).openCache()).load(scope)).resolves.toBeNull();
  });
});

describe('createUiEnv', () => {
  it('speaks the host’s language with its messages, zone and currency', () => {
    const host = fakeHost();
    const env = createUiEnv(host);
    expect(env.t('fl.common.retry')).toBe(ru.fl.common.retry);
    expect(env.t.lang).toBe('ru');
    expect(env.timeZone).toBe('Europe/Moscow');
    expect(env.fmt.money(1500)).toMatch(/₽/);
    expect(env.clock()).toBe(DEMO_NOW * 1000);
    expect(env.managers).toBe(host.managers);
  });

  it('names a manager, or says #id for one the host does not know', () => {
    const host = fakeHost();
    const env = createUiEnv(host);
    const known = MANAGERS[0]!;
    expect(env.userName(known.id)).toBe(known.name);
    expect(env.userName(987_654)).toBe('#987654');
    // A lead without a responsible user is nobody's, not user 0's.
    expect(env.userName(null)).toBe('Без ответственного');
  });

  it('links deals and stage lists inside amoCRM, and navigates through the host', () => {
    const host = fakeHost();
    const env = createUiEnv(host);
    expect(env.leadUrl(31)).toBe('/leads/detail/31');
    expect(env.stageListUrl).toBe(buildStageListUrl);
    env.navigate('/leads/detail/31');
    expect(host.navigated).toEqual(['/leads/detail/31']);
  });
});
