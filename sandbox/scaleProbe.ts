/**
 * What a large sandbox costs: generation time, memory, time to the first answer, and per-page
 * latency of the list queries the widget sends, over real HTTP. Run it before and after touching
 * the demo generator or the list routes:
 *
 *   npx tsx sandbox/scaleProbe.ts --leads 100000 [--pages 50] [--seed S] [--now T]
 *
 * Paged lists are timed page by page (the first page builds the list, the rest should only slice
 * it); id-batch queries are all different, so each of them is timed as a fresh list.
 */
import { parseArgs } from 'node:util';
import {
  DEMO_DEFAULT_SEED,
  generateDemoAccount,
  PIPELINE_IDS,
  STATUS_IDS,
  LOST,
  WON,
} from './demo';
import type { DemoAccount } from './demo/types';
import { DEFAULT_TOKEN, startSandbox } from './server';

const DAY = 86_400;
const MAIN = PIPELINE_IDS.main;
const [, , QUALIFIED, PROPOSAL] = STATUS_IDS.main.open;

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    pages: { type: 'string', default: '50' },
    seed: { type: 'string', default: String(DEMO_DEFAULT_SEED) },
    now: { type: 'string' },
  },
});
const LEADS = Number(values.leads);
const PAGES = Number(values.pages);
const SEED = Number(values.seed);
const NOW = values.now === undefined ? Math.floor(Date.now() / 1000) : Number(values.now);

const print = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const days = (seconds: number) => `${(seconds / DAY).toFixed(1)} days`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function span(times: Iterable<number>): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const time of times) {
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  return { first, last };
}

function describeAccount(account: DemoAccount): void {
  const byType = new Map<string, number>();
  for (const event of account.events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
  const leads = span(account.leads.map(lead => lead.created_at));
  const events = span(account.events.map(event => event.created_at));
  print(`leads ${account.leads.length}, events ${account.events.length}`);
  print(`  ${[...byType].map(([type, n]) => `${type} ${n}`).join(', ')}`);
  print(
    `  leads created over ${days(leads.last - leads.first)} (first ${days(NOW - leads.first)} before now)`,
  );
  print(`  events over ${days(events.last - events.first)}`);
}

interface Timed {
  readonly status: number;
  readonly ms: number;
  readonly next: boolean;
}

async function timedGet(origin: string, path: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${origin}${path}`, {
    headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  const next = response.status === 200 && body.includes('"next":');
  return { status: response.status, ms: elapsed, next };
}

function summary(label: string, samples: readonly Timed[]): string {
  const sorted = samples.map(sample => sample.ms).sort((a, b) => a - b);
  const statuses = [...new Set(samples.map(sample => sample.status))].join('/');
  return `${label}: n=${sorted.length} p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, max ${ms(sorted.at(-1) ?? Number.NaN)} [${statuses}]`;
}

/** Pages 1..PAGES of one list: the first builds it, the rest should be slices. */
async function pagedScenario(origin: string, name: string, query: string): Promise<void> {
  const samples: Timed[] = [];
  for (let page = 1; page <= PAGES; page += 1) {
    const sample = await timedGet(origin, `${query}&page=${page}`);
    samples.push(sample);
    if (!sample.next) break;
  }
  const [first, ...rest] = samples;
  print(name);
  print(`  ${query}`);
  print(`  page 1 (builds the list): ${ms(first?.ms ?? Number.NaN)}`);
  if (rest.length > 0) print(`  ${summary('pages 2+', rest)}`);
}

/** One request per batch, every batch a different filter (what an id-batched sync sends). */
async function batchScenario(
  origin: string,
  name: string,
  queries: readonly string[],
): Promise<void> {
  const samples: Timed[] = [];
  for (const query of queries) samples.push(await timedGet(origin, query));
  print(name);
  print(`  e.g. ${(queries[0] ?? '').slice(0, 150)}…`);
  print(`  ${summary('batches', samples)}`);
}

function idBatches(ids: readonly number[], size: number, param: string): string[] {
  const batches: string[] = [];
  for (let at = 0; at + size <= ids.length && batches.length < PAGES; at += size) {
    batches.push(
      ids
        .slice(at, at + size)
        .map(id => `${param}[]=${id}`)
        .join('&'),
    );
  }
  return batches;
}

function pair(side: string, index: number, pipeline: number, status: number | undefined): string {
  const base = `filter[${side}][${index}]`;
  return `${base}[pipeline_id]=${pipeline}&${base}[status_id]=${status ?? ''}`;
}

async function main(): Promise<void> {
  print(`scale probe: ${LEADS} leads, seed ${SEED}, now ${NOW}, node ${process.version}`);
  let started = performance.now();
  const account = generateDemoAccount({ seed: SEED, leads: LEADS, now: NOW });
  print(`generate: ${ms(performance.now() - started)}, rss ${mb(process.memoryUsage().rss)}`);
  describeAccount(account);

  started = performance.now();
  const sandbox = await startSandbox({ account, port: 0, rateLimit: { enabled: false } });
  const listening = performance.now() - started;
  const first = await timedGet(sandbox.url, '/api/v4/account');
  print(`listen: ${ms(listening)}, first answer ${ms(listening + first.ms)} after start`);
  print(`rss after start ${mb(process.memoryUsage().rss)}`);
  print();

  const yearAgo = NOW - 365 * DAY;
  const quarterAgo = NOW - 90 * DAY;
  const url = sandbox.url;
  await pagedScenario(url, 'all leads, by id', '/api/v4/leads?limit=250&order[id]=asc');
  await pagedScenario(
    url,
    'leads of the main pipeline updated in the last 90 days',
    `/api/v4/leads?limit=250&order[id]=asc&filter[pipeline_id]=${MAIN}&filter[updated_at][from]=${quarterAgo}`,
  );
  await pagedScenario(
    url,
    'leads created in a year, won or lost in the main pipeline',
    `/api/v4/leads?limit=250&filter[created_at][from]=${yearAgo}&filter[created_at][to]=${NOW}&${pair('statuses', 0, MAIN, WON)}&${pair('statuses', 1, MAIN, LOST)}`,
  );
  await pagedScenario(
    url,
    'status changes of the last year',
    `/api/v4/events?limit=100&filter[type]=lead_status_changed&filter[created_at][from]=${yearAgo}`,
  );
  await pagedScenario(
    url,
    'status changes into Квалифицирован / Отправлено КП, the last 90 days',
    `/api/v4/events?limit=100&filter[type]=lead_status_changed&filter[created_at][from]=${quarterAgo}&filter[created_at][to]=${NOW}&${pair('value_after][leads_statuses', 0, MAIN, QUALIFIED)}&${pair('value_after][leads_statuses', 1, MAIN, PROPOSAL)}`,
  );
  await pagedScenario(url, 'all events', '/api/v4/events?limit=100');

  const leadIds = account.leads.filter(lead => !lead.is_deleted).map(lead => lead.id);
  await batchScenario(
    url,
    'leads by id, 200 per request',
    idBatches(leadIds, 200, 'filter[id]').map(ids => `/api/v4/leads?limit=250&${ids}`),
  );
  await batchScenario(
    url,
    'events of 10 leads per request',
    idBatches(leadIds, 10, 'filter[entity_id]').map(
      ids => `/api/v4/events?limit=100&filter[type]=lead_status_changed&filter[entity]=lead&${ids}`,
    ),
  );

  const stats = await fetch(`${url}/_sandbox/stats`);
  print();
  print(`GET /_sandbox/stats: ${stats.status} ${stats.status === 200 ? await stats.text() : ''}`);
  print(`rss at the end ${mb(process.memoryUsage().rss)}`);
  await sandbox.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `scale probe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
