import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoAccount } from '../../../sandbox/demo';
import { startSandbox } from '../../../sandbox/server/app';

/**
 * The real bodies the fuzz suite mutates: every published example (test/fixtures) and a small
 * dump of the sandbox's demo account, fetched from the emulator as `sync` would fetch it.
 */

export interface SavedBody {
  /** Where the body came from, for a failing case's report. */
  readonly name: string;
  readonly json: unknown;
}

const FIXTURES = join(__dirname, '../../fixtures');

export function publishedBodies(): SavedBody[] {
  return ['amocrm-docs-examples', 'hand-written'].flatMap(folder =>
    readdirSync(join(FIXTURES, folder))
      .filter(name => name.endsWith('.json'))
      .sort()
      .map(name => ({
        name: `${folder}/${name}`,
        json: JSON.parse(readFileSync(join(FIXTURES, folder, name), 'utf8')) as unknown,
      })),
  );
}

/** A fixed "today" (2026-11-01), so the demo account and every run of the suite are the same. */
export const DUMP_NOW = 1_793_491_200;
const TOKEN = 'fuzz-token';

/** Small pages, so the dump has several of each list, as a real sync has. */
const LISTS = [
  '/api/v4/leads?limit=20&with=loss_reason',
  '/api/v4/leads?limit=50&with=only_deleted',
  '/api/v4/events?limit=100',
];

/**
 * The demo account's bodies (40 leads): pipelines, statuses, users, loss reasons, the account,
 * every page of leads and events, and a single lead, event, status and loss reason.
 */
export async function sandboxDump(): Promise<SavedBody[]> {
  const account = generateDemoAccount({ seed: 20_240_607, leads: 40, now: DUMP_NOW });
  const sandbox = await startSandbox({
    account,
    token: TOKEN,
    rateLimit: { enabled: false },
    port: 0,
    clock: { now: () => DUMP_NOW * 1000 },
  });
  const out: SavedBody[] = [];
  async function get(path: string): Promise<unknown> {
    const response = await fetch(`${sandbox.url}${path}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    if (response.status === 204) return undefined;
    if (response.status !== 200) throw new Error(`sandbox ${path}: HTTP ${response.status}`);
    const json: unknown = await response.json();
    out.push({ name: `sandbox ${path}`, json });
    return json;
  }
  try {
    for (const list of LISTS) {
      for (let page = 1; ; page++) {
        const body = (await get(`${list}&page=${page}`)) as
          { _links?: { next?: unknown } } | undefined;
        if (body === undefined || body._links?.next === undefined) break;
      }
    }
    const pipeline = account.pipelines[0]!;
    const lead = account.leads.find(l => l.loss_reason_id !== null) ?? account.leads[0]!;
    await get('/api/v4/leads/pipelines');
    await get(`/api/v4/leads/pipelines/${pipeline.id}`);
    await get(`/api/v4/leads/pipelines/${pipeline.id}/statuses`);
    await get(`/api/v4/leads/pipelines/${pipeline.id}/statuses/${pipeline.statuses[1]!.id}`);
    await get('/api/v4/users?with=group,role');
    await get('/api/v4/leads/loss_reasons');
    await get(`/api/v4/leads/loss_reasons/${account.lossReasons[0]!.id}`);
    await get('/api/v4/account?with=datetime_settings,users_groups');
    await get(`/api/v4/leads/${lead.id}?with=loss_reason`);
    await get(`/api/v4/events/${account.events[0]!.id}`);
  } finally {
    await sandbox.close();
  }
  return out;
}
