import { ADMIN, BORIS, buildAccount, DINA, GLEB, VERA } from './fixtures/account';
import { idsOf, TOKEN, useSandbox, withSandbox, type Caller } from './fixtures/harness';

describe('authentication', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);

  it('answers 401 problem+json without credentials or with bad ones', async () => {
    const callers: Caller[] = [
      { authorization: null },
      { authorization: 'Bearer wrong' },
      { authorization: `Basic ${TOKEN}` },
      { authorization: `Bearer ${TOKEN}:999` },
      { user: DINA },
      { cookie: 'session=forged' },
    ];
    for (const caller of callers) {
      const response = await get('/api/v4/leads', caller);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toEqual({
        title: 'Unauthorized',
        type: 'https://httpstatus.es/401',
        status: 401,
        detail: 'Invalid user name or password',
      });
    }
  });

  it('lets the plain token act as the admin and <token>:<id> as that user', async () => {
    expect((await get('/api/v4/account')).json().current_user_id).toBe(ADMIN);
    expect((await get('/api/v4/account', { user: GLEB })).json().current_user_id).toBe(GLEB);
  });

  it('issues a session cookie that authenticates API calls until logout', async () => {
    const login = await sandbox().request('/_sandbox/session', {
      method: 'POST',
      body: { userId: VERA },
    });
    expect(login.statusCode).toBe(201);
    expect(login.json().userId).toBe(VERA);
    const setCookie = login.headers['set-cookie'] ?? '';
    expect(setCookie).toMatch(/^session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0] ?? '';

    expect((await get('/api/v4/account', { cookie })).json().current_user_id).toBe(VERA);
    const whoami = await sandbox().request('/_sandbox/session', { headers: { cookie } });
    expect(whoami.json()).toMatchObject({ userId: VERA, is_admin: false });

    const logout = await sandbox().request('/_sandbox/session', {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(logout.statusCode).toBe(204);
    expect(logout.headers['set-cookie']).toMatch(/Max-Age=0/);
    expect((await get('/api/v4/account', { cookie })).statusCode).toBe(401);
  });

  it('prefers the Authorization header over the cookie', async () => {
    const login = await sandbox().request('/_sandbox/session', {
      method: 'POST',
      body: { userId: VERA },
    });
    const cookie = (login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    expect(
      (await get('/api/v4/account', { cookie, authorization: 'Bearer wrong' })).statusCode,
    ).toBe(401);
    const asGleb = await get('/api/v4/account', {
      cookie,
      authorization: `Bearer ${TOKEN}:${GLEB}`,
    });
    expect(asGleb.json().current_user_id).toBe(GLEB);
  });

  it('switches users through the login link and redirects on the same site only', async () => {
    const login = await sandbox().request(`/_sandbox/login?user=${BORIS}&next=/leads/pipeline/1`);
    expect(login.statusCode).toBe(302);
    expect(login.headers.location).toBe('/leads/pipeline/1');
    const cookie = (login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    expect((await get('/api/v4/account', { cookie })).json().current_user_id).toBe(BORIS);

    const offsite = await sandbox().request(`/_sandbox/login?user=${BORIS}&next=//evil.example/`);
    expect(offsite.headers.location).toBe('/');
  });

  it('refuses sessions for unknown, inactive or malformed users', async () => {
    for (const body of [{ userId: 999 }, { userId: DINA }, { userId: 'vera' }, {}]) {
      const response = await sandbox().request('/_sandbox/session', { method: 'POST', body });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const malformed = await sandbox().request('/_sandbox/session', {
      method: 'POST',
      body: { userId: 'vera' },
    });
    expect(malformed.json()['validation-errors'][0].errors[0].path).toBe('userId');
    expect((await sandbox().request('/_sandbox/login?user=999')).statusCode).toBe(400);
  });
});

describe('rights', () => {
  const sandbox = useSandbox();
  const get = (path: string, caller?: Caller) => sandbox().get(path, caller);
  const leadIds = async (user: number) => idsOf(await get('/api/v4/leads', { user }), 'leads');
  const eventIds = async (user: number) => idsOf(await get('/api/v4/events', { user }), 'events');

  it('shows an M user own leads, a G user the group leads, an A user everything', async () => {
    expect(await leadIds(VERA)).toEqual([200002, 200006]);
    expect(await leadIds(GLEB)).toEqual([200003, 200007]);
    expect(await leadIds(BORIS)).toEqual([200001, 200002, 200005, 200006]);
    expect(await leadIds(ADMIN)).toHaveLength(9);
  });

  it('hides invisible leads by id as no content', async () => {
    expect((await get('/api/v4/leads/200001', { user: VERA })).statusCode).toBe(204);
    expect((await get('/api/v4/leads/200002', { user: VERA })).statusCode).toBe(200);
  });

  it('hides events of leads the user cannot see, deleted leads included', async () => {
    expect(await eventIds(VERA)).toEqual([
      'ev200006s2',
      'ev200006s1',
      'ev200006a',
      'ev200002s1',
      'ev200002a',
    ]);
    expect(await eventIds(BORIS)).toEqual([
      'ev200010d',
      'ev200010a',
      'ev200006s2',
      'ev200006s1',
      'ev200006a',
      'ev200005a',
      'ev200002s1',
      'ev200002a',
      'ev200001a',
    ]);
    expect((await get('/api/v4/events/ev200003a', { user: VERA })).statusCode).toBe(204);
  });

  it('keeps a lead of a departed user in the group stored on the lead', async () => {
    const account = buildAccount();
    const template = account.leads[0]!;
    account.leads.push({ ...template, id: 200099, responsible_user_id: 4242, group_id: 11 });
    await withSandbox({ account }, async own => {
      const ids = idsOf(await own.get('/api/v4/leads', { user: BORIS }), 'leads');
      expect(ids).toContain(200099);
      expect(idsOf(await own.get('/api/v4/leads', { user: VERA }), 'leads')).not.toContain(200099);
    });
  });
});
