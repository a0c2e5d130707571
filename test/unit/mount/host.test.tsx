import ru from '../../../i18n/ru.json';
import { createUiEnv, pipelineDeps } from '../../../src/mount/host';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import { buildStageListUrl } from '../../../src/ui/env';
import { DEMO_NOW } from '../../support/demo';
import { fakeHost, HOST_DATA, MAIN } from '../../support/fakeHost';

describe('pipelineDeps', () => {
  it('scopes the pipeline to this account and user, and hands on the host’s parts', async () => {
    const settings = { ...DEFAULT_SETTINGS, minSample: 3 };
    const host = await fakeHost({ settings });
    const deps = pipelineDeps(host, 4242);
    expect(deps.scope).toEqual({
      accountId: host.account.id,
      userId: host.user.id,
      pipelineId: 4242,
    });
    expect(deps.store).toBe(host.store);
    expect(deps.settings).toBe(settings);
    expect(deps.timeZone).toBe('Europe/Moscow');
    expect(deps.clock).toBe(host.clock);
    expect(deps.lock).toBe(host.lock);
    expect(deps.channel).toBe(host.channel);
    expect(deps.timers).toBe(host.timers);
  });

  it.each([
    [true, true],
    [false, false],
  ])('reads users when the user is an administrator (isAdmin %s)', async (isAdmin, readUsers) => {
    const host = await fakeHost({ isAdmin });
    expect(pipelineDeps(host, MAIN.id).readUsers).toBe(readUsers);
  });

  it('asks the host for a client with the model’s hooks, and for a worker', async () => {
    const host = await fakeHost();
    const spawn = jest.spyOn(host, 'spawnWorker');
    const create = jest.spyOn(host, 'createClient');
    const deps = pipelineDeps(host, MAIN.id);
    const hooks = { onWait: jest.fn() };
    const client = deps.createClient(hooks);
    expect(create).toHaveBeenCalledWith(hooks);
    expect(client).toBe(host.clients[0]);
    expect(deps.spawnWorker?.()).toBeNull();
    expect(spawn).toHaveBeenCalledTimes(1);
  });
});

describe('createUiEnv', () => {
  it('speaks the host’s language with its messages, zone and currency', async () => {
    const host = await fakeHost();
    const env = createUiEnv(host);
    expect(env.t('fl.common.retry')).toBe(ru.fl.common.retry);
    expect(env.t.lang).toBe('ru');
    expect(env.timeZone).toBe('Europe/Moscow');
    expect(env.fmt.money(1500)).toMatch(/₽/);
    expect(env.clock()).toBe(DEMO_NOW * 1000);
    expect(env.managers).toBe(host.managers);
  });

  it('names a manager, or says #id for one the host does not know', async () => {
    const host = await fakeHost();
    const env = createUiEnv(host);
    const known = HOST_DATA.users![0]!;
    expect(env.userName(known.id)).toBe(known.name);
    expect(env.userName(987_654)).toBe('#987654');
  });

  it('links deals and stage lists inside amoCRM, and navigates through the host', async () => {
    const host = await fakeHost();
    const env = createUiEnv(host);
    expect(env.leadUrl(31)).toBe('/leads/detail/31');
    expect(env.stageListUrl).toBe(buildStageListUrl);
    env.navigate('/leads/detail/31');
    expect(host.navigated).toEqual(['/leads/detail/31']);
  });
});
