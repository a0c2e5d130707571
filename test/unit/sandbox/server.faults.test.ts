import { FAULT_PRESET_NAMES, FAULT_PRESETS } from '../../../sandbox/server/faults/config';
import { P_PARTNERS, VERA } from './fixtures/account';
import { idsOf, openSandbox, useSandbox, withSandbox, type Caller } from './fixtures/harness';

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

describe('fault control endpoint', () => {
  const sandbox = useSandbox();
  const control = (method: string, body?: unknown) =>
    sandbox().request('/_sandbox/faults', { method, ...(body !== undefined && { body }) });

  it('starts with no faults', async () => {
    expect((await control('GET')).json()).toEqual({
      preset: null,
      config: {},
      remaining: {
        rateLimitStorm: null,
        serverErrors: null,
        malformedBody: null,
        paginationShift: null,
      },
    });
  });

  it('sets a preset, a preset with overrides, and clears with {} or DELETE', async () => {
    const flaky = (await control('POST', { preset: 'flaky' })).json();
    expect(flaky.preset).toBe('flaky');
    expect(flaky.config.serverErrors).toEqual({ status: [500, 502, 504], probability: 0.15 });

    const tuned = (
      await control('POST', { preset: 'ratelimit', rateLimitStorm: { count: 2 } })
    ).json();
    expect(tuned.config.rateLimitStorm).toEqual({ retryAfter: 1, count: 2 });
    expect(tuned.remaining.rateLimitStorm).toBe(2);

    expect((await control('POST', {})).json().config).toEqual({});
    await control('POST', { latencyMs: 5 });
    expect((await control('DELETE')).json().config).toEqual({});
  });

  it('refuses an invalid setting with the field in a validation problem', async () => {
    for (const body of [
      { latencyMs: -1 },
      { preset: 'hurricane' },
      { serverErrors: {} },
      { nonsense: 1 },
    ]) {
      const response = await control('POST', body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const response = await control('POST', { latencyMs: [10, 5] });
    expect(response.json()['validation-errors'][0].errors[0].path).toBe('latencyMs');
  });

  it('exports every preset by name', () => {
    expect([...FAULT_PRESET_NAMES].sort()).toEqual(
      ['drift', 'expiring', 'flaky', 'nofilters', 'none', 'ratelimit', 'slow'].sort(),
    );
    expect(Object.keys(FAULT_PRESETS).sort()).toEqual([...FAULT_PRESET_NAMES].sort());
  });
});

describe('latency (preset slow)', () => {
  it('delays every API request by a seeded amount within the range, not the control routes', async () => {
    const runs: number[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const { waits, sleep } = recordingSleep();
      await withSandbox({ faults: 'slow', sleep }, async sandbox => {
        for (let i = 0; i < 5; i += 1) await sandbox.get('/api/v4/leads/pipelines');
        await sandbox.request('/_sandbox/faults');
      });
      runs.push(waits);
    }
    expect(runs[0]).toHaveLength(5);
    for (const wait of runs[0]!) {
      expect(wait).toBeGreaterThanOrEqual(150);
      expect(wait).toBeLessThanOrEqual(600);
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('waits a fixed latency when given a number', async () => {
    const { waits, sleep } = recordingSleep();
    await withSandbox({ faults: { latencyMs: 25 }, sleep }, async sandbox => {
      await sandbox.get('/api/v4/leads');
      await sandbox.get('/api/v4/account');
    });
    expect(waits).toEqual([25, 25]);
  });
});

describe('server errors (preset flaky)', () => {
  it('fails the next N requests cycling through the statuses, then recovers', async () => {
    await withSandbox(
      { faults: { serverErrors: { count: 3, status: [500, 502, 504] } } },
      async sandbox => {
        const internal = await sandbox.get('/api/v4/leads');
        expect(internal.statusCode).toBe(500);
        expect(internal.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(internal.json()).toMatchObject({ status: 500, type: 'https://httpstatus.es/500' });
        expect(internal.json().trace_id).toEqual(expect.any(String));

        const gateway = await sandbox.get('/api/v4/leads');
        expect(gateway.statusCode).toBe(502);
        expect(gateway.headers['content-type']).toMatch(/^text\/html/);
        expect(gateway.body).toContain('502 Bad Gateway');

        expect((await sandbox.get('/api/v4/leads')).statusCode).toBe(504);
        expect((await sandbox.get('/api/v4/leads')).statusCode).toBe(200);
      },
    );
  });

  it('fails with the preset probability, the same requests for the same seed', async () => {
    const runs: number[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const statuses: number[] = [];
      await withSandbox({ faults: 'flaky', sleep: () => Promise.resolve() }, async sandbox => {
        for (let i = 0; i < 60; i += 1)
          statuses.push((await sandbox.get('/api/v4/leads/pipelines')).statusCode);
      });
      runs.push(statuses);
    }
    expect(runs[1]).toEqual(runs[0]);
    const failures = runs[0]!.filter(status => status >= 500).length;
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(25);
    expect(runs[0]!.filter(status => status !== 200 && status < 500)).toEqual([]);
  });
});

describe('429 storm (preset ratelimit)', () => {
  it('answers 429 with the configured retry_after for K requests', async () => {
    await withSandbox({ faults: 'ratelimit' }, async sandbox => {
      for (let i = 0; i < 5; i += 1) {
        const response = await sandbox.get('/api/v4/leads');
        expect(response.statusCode).toBe(429);
        expect(response.headers['retry-after']).toBe('1');
        expect(response.json().retry_after).toBe(1);
      }
      expect((await sandbox.get('/api/v4/leads')).statusCode).toBe(200);
    });
  });

  it('lasts until cleared without a count', async () => {
    await withSandbox({ faults: { rateLimitStorm: { retryAfter: 3 } } }, async sandbox => {
      for (let i = 0; i < 12; i += 1)
        expect((await sandbox.get('/api/v4/account')).json().retry_after).toBe(3);
      await sandbox.request('/_sandbox/faults', { method: 'DELETE' });
      expect((await sandbox.get('/api/v4/account')).statusCode).toBe(200);
    });
  });
});

describe('malformed bodies', () => {
  it('breaks the next list responses as configured, leaving single objects alone', async () => {
    await withSandbox(
      { faults: { malformedBody: { count: 2, kind: 'invalid-json' } } },
      async sandbox => {
        expect((await sandbox.get('/api/v4/leads/200001')).statusCode).toBe(200);
        const broken = await sandbox.get('/api/v4/leads');
        expect(broken.statusCode).toBe(200);
        expect(broken.headers['content-type']).toMatch(/^application\/hal\+json/);
        expect(broken.body.startsWith('<br />')).toBe(true);
        expect(() => JSON.parse(broken.body)).toThrow();
        const alsoBroken = await sandbox.get('/api/v4/events');
        expect(() => JSON.parse(alsoBroken.body)).toThrow();
        const healed = await sandbox.get('/api/v4/leads');
        expect(() => JSON.parse(healed.body)).not.toThrow();
      },
    );
  });

  it('truncates a body', async () => {
    await withSandbox({ faults: { malformedBody: { kind: 'truncated' } } }, async sandbox => {
      const broken = await sandbox.get('/api/v4/leads/pipelines');
      expect(() => JSON.parse(broken.body)).toThrow();
      expect(broken.body.startsWith('{"_total_items":2')).toBe(true);
    });
  });

  it('sends a schema-invalid item: a number as a string', async () => {
    await withSandbox(
      { faults: { malformedBody: { count: 2, kind: 'schema' } } },
      async sandbox => {
        const leads = (await sandbox.get('/api/v4/leads')).json();
        expect(leads._embedded.leads[0].status_id).toBe('50011');
        expect(typeof leads._embedded.leads[1].status_id).toBe('number');
        const events = (await sandbox.get('/api/v4/events')).json();
        expect(typeof events._embedded.events[0].created_at).toBe('string');
      },
    );
  });
});

describe('expiring credentials (preset expiring)', () => {
  it('expires a token after N requests until the faults are reset', async () => {
    await withSandbox({ faults: { sessionExpiresAfter: 3 } }, async sandbox => {
      for (let i = 0; i < 3; i += 1)
        expect((await sandbox.get('/api/v4/account')).statusCode).toBe(200);
      const expired = await sandbox.get('/api/v4/account');
      expect(expired.statusCode).toBe(401);
      expect(expired.json().detail).toBe('Invalid user name or password');
      expect((await sandbox.get('/api/v4/account', { user: VERA })).statusCode).toBe(200);
    });
  });

  it('expires a session, and a new session works again', async () => {
    await withSandbox({ faults: 'expiring' }, async sandbox => {
      const login = async (): Promise<Caller> => {
        const response = await sandbox.request('/_sandbox/session', {
          method: 'POST',
          body: { userId: VERA },
        });
        return { cookie: (response.headers['set-cookie'] ?? '').split(';')[0] ?? '' };
      };
      const first = await login();
      for (let i = 0; i < 30; i += 1)
        expect((await sandbox.get('/api/v4/leads', first)).statusCode).toBe(200);
      expect((await sandbox.get('/api/v4/leads', first)).statusCode).toBe(401);
      expect((await sandbox.get('/api/v4/leads', first)).statusCode).toBe(401);
      expect((await sandbox.get('/api/v4/leads', await login())).statusCode).toBe(200);
    });
  });
});

describe('pagination shift (preset drift)', () => {
  it('inserts leads at the front after a page, so the next page repeats items', async () => {
    await withSandbox({ faults: { paginationShift: { items: 2, times: 1 } } }, async sandbox => {
      expect(idsOf(await sandbox.get('/api/v4/leads?limit=3'), 'leads')).toEqual([
        200001, 200002, 200003,
      ]);
      expect(idsOf(await sandbox.get('/api/v4/leads?limit=3&page=2'), 'leads')).toEqual([
        200002, 200003, 200004,
      ]);
      expect(idsOf(await sandbox.get('/api/v4/leads?limit=3&page=1'), 'leads')).toEqual([
        199999, 200000, 200001,
      ]);
      const added = sandbox.ctx.account.leads.filter(lead => lead.id < 200001);
      expect(added.map(lead => lead.id).sort()).toEqual([199999, 200000]);
      expect(added[0]).toMatchObject({ pipeline_id: 5001, is_deleted: false });
    });
  });

  it('inserts events at the front of the newest-first list, keeping the account oldest first', async () => {
    await withSandbox({ faults: 'drift' }, async sandbox => {
      const first = idsOf(await sandbox.get('/api/v4/events?limit=5'), 'events');
      const second = idsOf(await sandbox.get('/api/v4/events?limit=5&page=2'), 'events');
      expect(second.slice(0, 2)).toEqual(first.slice(3, 5));
      const times = sandbox.ctx.account.events.map(event => event.created_at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(
        sandbox.ctx.account.events.filter(event => event.id.startsWith('ev200010d')),
      ).toHaveLength(3 + 2);
    });
  });

  it('never inserts a whole page, so tiny pages still reach the end', async () => {
    await withSandbox({ faults: { paginationShift: { items: 5 } } }, async sandbox => {
      let page = 1;
      while ((await sandbox.get(`/api/v4/leads?limit=1&page=${page}`)).statusCode === 200)
        page += 1;
      expect(page).toBe(10);
    });
  });

  it('is undone by POST /_sandbox/reset', async () => {
    const sandbox = await openSandbox({ faults: 'drift' });
    try {
      await sandbox.get('/api/v4/leads?limit=3');
      expect(sandbox.ctx.account.leads).toHaveLength(12);
      expect((await sandbox.request('/_sandbox/reset', { method: 'POST' })).statusCode).toBe(204);
      expect(sandbox.ctx.account.leads).toHaveLength(10);
      expect((await sandbox.request('/_sandbox/faults')).json().remaining.paginationShift).toBe(5);
    } finally {
      await sandbox.close();
    }
  });
});

describe('no API filters (preset nofilters)', () => {
  it('ignores lead filters and reports the add-on off', async () => {
    await withSandbox({ faults: 'nofilters' }, async sandbox => {
      const leads = await sandbox.get(`/api/v4/leads?filter[pipeline_id]=${P_PARTNERS}`);
      expect(idsOf(leads, 'leads')).toHaveLength(9);
      const account = await sandbox.get('/api/v4/account?with=is_api_filter_enabled');
      expect(account.json().is_api_filter_enabled).toBe(false);
      // Event filters belong to the events method itself and keep working.
      expect(
        idsOf(await sandbox.get('/api/v4/events?filter[type]=lead_deleted'), 'events'),
      ).toEqual(['ev200010d']);
    });
  });

  it('preset none changes nothing', async () => {
    await withSandbox({ faults: 'none' }, async sandbox => {
      expect(
        idsOf(await sandbox.get(`/api/v4/leads?filter[pipeline_id]=${P_PARTNERS}`), 'leads'),
      ).toEqual([200005, 200006, 200009]);
    });
  });
});
