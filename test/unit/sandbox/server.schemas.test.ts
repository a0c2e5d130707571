/**
 * The emulator's bodies against the API client's own zod schemas (src/api): every endpoint the
 * client reads, over the hand-made fixture and over a generated demo account, must be recognised
 * as the right kind and parse; the malformed-body fault must not.
 */
import { ApiError } from '../../../src/api/errors';
import { parseBody, recognizeBody, type BodyKind } from '../../../src/cli/bodies/recognize';
import { generateDemoAccount } from '../../../sandbox/demo';
import { BORIS, P_SALES } from './fixtures/account';
import { useSandbox, withSandbox, type TestSandbox } from './fixtures/harness';

const ENDPOINTS: ReadonlyArray<readonly [string, BodyKind]> = [
  ['/api/v4/leads/pipelines', 'pipelines'],
  [`/api/v4/leads/pipelines/${P_SALES}`, 'pipeline'],
  [`/api/v4/leads/pipelines/${P_SALES}/statuses`, 'statuses'],
  [`/api/v4/leads/pipelines/${P_SALES}/statuses/142`, 'status'],
  ['/api/v4/leads?limit=250&with=loss_reason', 'leads'],
  ['/api/v4/leads/200004?with=loss_reason', 'lead'],
  ['/api/v4/events?limit=100', 'events'],
  ['/api/v4/events/ev200003s2', 'event'],
  ['/api/v4/users?with=group,role', 'users'],
  [`/api/v4/users/${BORIS}`, 'user'],
  ['/api/v4/leads/loss_reasons', 'loss_reasons'],
  ['/api/v4/leads/loss_reasons/701', 'loss_reason'],
  ['/api/v4/account?with=datetime_settings,users_groups,is_api_filter_enabled', 'account'],
];

/** Parses a body as whatever kind the client recognises it as. */
function parseRecognized(json: unknown) {
  const recognized = recognizeBody(json);
  if (recognized.kind === 'unknown') throw new Error(`unrecognised body ${JSON.stringify(json)}`);
  return parseBody(recognized.kind, json);
}

async function parsedAs(sandbox: TestSandbox, path: string) {
  const response = await sandbox.get(path);
  const json: unknown = response.json();
  return { response, recognized: recognizeBody(json), parse: () => parseRecognized(json) };
}

describe('emulator bodies parse with the client schemas', () => {
  const sandbox = useSandbox();

  it.each(ENDPOINTS)('%s is a valid %s body', async (path, kind) => {
    const { response, recognized, parse } = await parsedAs(sandbox(), path);
    expect(response.statusCode).toBe(200);
    expect(recognized.kind).toBe(kind);
    expect(parse).not.toThrow();
  });

  it('adapts every status change of the events list', async () => {
    const events = await parsedAs(sandbox(), '/api/v4/events?filter[type]=lead_status_changed');
    const parsed = events.parse();
    expect(parsed.kind).toBe('events');
    if (parsed.kind === 'events') expect(parsed.events).toHaveLength(8);
  });

  it.each([
    ['/api/v4/leads', { authorization: null }, 401],
    ['/api/v4/users', { user: BORIS }, 403],
    ['/api/v4/nothing', {}, 404],
    ['/api/v4/events?filter[entity_id]=1', {}, 400],
  ] as const)('the %s problem body (%j) parses as an error', async (path, caller, status) => {
    const response = await sandbox().get(path, caller);
    expect(response.statusCode).toBe(status);
    const json: unknown = response.json();
    expect(recognizeBody(json).kind).toBe('error');
    expect(() => parseBody('error', json)).not.toThrow();
  });
});

describe('faulted bodies are caught by the schemas', () => {
  it('rejects a schema-invalid lead list with a SCHEMA error naming the field', async () => {
    await withSandbox({ faults: { malformedBody: { kind: 'schema' } } }, async sandbox => {
      const { recognized, parse } = await parsedAs(sandbox, '/api/v4/leads');
      expect(recognized.kind).toBe('leads');
      let failure: unknown;
      try {
        parse();
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(ApiError);
      expect((failure as ApiError).code).toBe('SCHEMA');
      expect((failure as ApiError).issues.map(issue => issue.path).join(' ')).toContain(
        'status_id',
      );
    });
  });

  it('keeps 429 and 500 bodies parseable as problems', async () => {
    const faults = {
      rateLimitStorm: { retryAfter: 2, count: 1 },
      serverErrors: { count: 1, status: 500 as const },
    };
    await withSandbox({ faults }, async sandbox => {
      for (const status of [429, 500]) {
        const response = await sandbox.get('/api/v4/leads');
        expect(response.statusCode).toBe(status);
        expect(() => parseBody('error', response.json())).not.toThrow();
      }
    });
  });
});

describe('a generated demo account served whole', () => {
  const account = generateDemoAccount({ seed: 7, leads: 400, now: 1_767_225_600 });
  const sandbox = useSandbox({ account });

  async function collect(
    path: string,
    collection: 'leads' | 'events',
    limit: number,
  ): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const response = await sandbox().get(`${path}?limit=${limit}&page=${page}`);
      if (response.statusCode === 204) return items;
      const json: unknown = response.json();
      expect(() => parseBody(collection, json)).not.toThrow();
      const body = response.json();
      items.push(...body._embedded[collection]);
      if (body._links.next === undefined) return items;
    }
  }

  it('pages through every live lead and every event, each page valid', async () => {
    const leads = await collect('/api/v4/leads', 'leads', 250);
    expect(leads).toHaveLength(account.leads.filter(lead => !lead.is_deleted).length);
    const events = await collect('/api/v4/events', 'events', 100);
    expect(events).toHaveLength(account.events.length);
  });

  it('serves every catalogue endpoint validly', async () => {
    for (const path of [
      '/api/v4/leads/pipelines',
      '/api/v4/users?with=group',
      '/api/v4/leads/loss_reasons',
    ]) {
      const json: unknown = (await sandbox().get(path)).json();
      expect(() => parseRecognized(json)).not.toThrow();
    }
    const accountBody: unknown = (
      await sandbox().get('/api/v4/account?with=datetime_settings,users_groups')
    ).json();
    expect(() => parseBody('account', accountBody)).not.toThrow();
  });
});
