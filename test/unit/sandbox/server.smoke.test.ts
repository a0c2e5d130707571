/**
 * The server as `npm start` and the CLI run it: a real port, the default token, and an extra
 * plugin (how the host pages plug in) sharing the context and the login session.
 */
import { authenticate } from '../../../sandbox/server/auth';
import { startSandbox } from '../../../sandbox/server/app';
import { DEFAULT_TOKEN } from '../../../sandbox/server/context';
import type { SandboxPlugin } from '../../../sandbox/server/types';
import { ADMIN, buildAccount, VERA } from './fixtures/account';

/** A stand-in host page: greets whoever the session cookie belongs to. */
const hostPage: SandboxPlugin = (app, { ctx }) => {
  app.get('/whoami', (request, reply) => {
    const auth = authenticate(ctx, request);
    return reply
      .type('text/plain')
      .send(auth.ok ? `${auth.user.name} (${ctx.account.account.subdomain})` : 'guest');
  });
  return Promise.resolve();
};

describe('startSandbox', () => {
  it('serves the API on a real port with the default token and the extra plugins', async () => {
    const sandbox = await startSandbox({ account: buildAccount(), port: 0, plugins: [hostPage] });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const headers = { authorization: `Bearer ${DEFAULT_TOKEN}` };
      const pipelines = await fetch(`${sandbox.url}/api/v4/leads/pipelines`, { headers });
      expect(pipelines.status).toBe(200);
      expect(pipelines.headers.get('content-type')).toMatch(/^application\/hal\+json/);
      const body = (await pipelines.json()) as { _links: { self: { href: string } } };
      expect(body._links.self.href).toBe(`${sandbox.url}/api/v4/leads/pipelines`);

      const account = (await (
        await fetch(`${sandbox.url}/api/v4/account`, { headers })
      ).json()) as {
        current_user_id: number;
      };
      expect(account.current_user_id).toBe(ADMIN);

      expect(await (await fetch(`${sandbox.url}/whoami`)).text()).toBe('guest');
      const login = await fetch(`${sandbox.url}/_sandbox/login?user=${VERA}&next=/whoami`, {
        redirect: 'manual',
      });
      expect(login.status).toBe(302);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(await (await fetch(`${sandbox.url}/whoami`, { headers: { cookie } })).text()).toBe(
        'Вера Своя (sandbox)',
      );
    } finally {
      await sandbox.close();
    }
    await expect(fetch(`${sandbox.url}/api/v4/account`)).rejects.toThrow();
  });
});
