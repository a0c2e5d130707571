/**
 * What checking the two big lists costs next to parsing them (issue #8, "Scale"): synthetic
 * amoCRM-shaped page bodies as JSON strings, and per page the time of `JSON.parse` alone, then of
 * the hand-written reader on the parsed body; the zod path (schema, then adapters) runs on a 10%
 * sample for comparison. Prints numbers, asserts nothing.
 *
 * `npx tsx scripts/bench-pages.ts [--leads 100000] [--events 1000000] [--sample 10]`
 *
 * Each page is built, stringified, parsed and dropped before the next: keeping ~400 MB of parsed
 * objects alive would make the garbage collector the thing measured.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  RawEventListSchema,
  RawLeadListSchema,
  adaptLead,
  adaptLifecycles,
  adaptStatusChanges,
  parseWith,
  readEventList,
  readLeadList,
} from '../src/api';

const ORIGIN = 'https://example.amocrm.ru';
const PIPELINE = 3104455;
const STAGES = [142, 143, 5233224, 5233225, 5233226, 5233227, 5233228];
const T0 = 1_700_000_000;

let seed = 7;
/** Deterministic, so two runs measure the same bodies. */
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** amoCRM event ids are 26 base-36 characters, e.g. "01pz58t6p04ymgsgfbmfyfy1mf". */
function eventId(n: number): string {
  return `01${n.toString(36).padStart(12, '0')}${Math.floor(rand() * 36 ** 8)
    .toString(36)
    .padStart(12, 'x')}`;
}

function lead(id: number) {
  const status = pick(STAGES);
  const closed = status === 142 || status === 143;
  return {
    id,
    name: `Сделка #${id}`,
    price: Math.floor(rand() * 500_000),
    responsible_user_id: 500_000 + Math.floor(rand() * 40),
    group_id: 0,
    status_id: status,
    pipeline_id: PIPELINE,
    loss_reason_id: status === 143 ? 4203748 : null,
    source_id: null,
    created_by: 504141,
    updated_by: 504141,
    created_at: T0 + id * 60,
    updated_at: T0 + id * 60 + 3600,
    closed_at: closed ? T0 + id * 60 + 7200 : null,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: null,
    score: null,
    account_id: 28805383,
    labor_cost: null,
    _links: { self: { href: `${ORIGIN}/api/v4/leads/${id}` } },
    _embedded: { tags: rand() < 0.3 ? [{ id: 100667, name: 'тест', color: null }] : [] },
  };
}

function statusEvent(n: number) {
  const id = eventId(n);
  const leadId = 1 + Math.floor(rand() * 100_000);
  const side = () => [{ lead_status: { id: pick(STAGES), pipeline_id: PIPELINE } }];
  return {
    id,
    type: 'lead_status_changed',
    entity_id: leadId,
    entity_type: 'lead',
    created_by: 504141,
    created_at: T0 + n,
    value_after: side(),
    value_before: side(),
    account_id: 28805383,
    _links: { self: { href: `${ORIGIN}/api/v4/events/${id}` } },
    _embedded: {
      entity: { id: leadId, _links: { self: { href: `${ORIGIN}/api/v4/leads/${leadId}` } } },
    },
  };
}

function page(path: string, key: string, number: number, last: boolean, items: unknown[]) {
  const link = (n: number) => ({ href: `${ORIGIN}${path}?page=${n}&limit=${items.length}` });
  return JSON.stringify({
    _page: number,
    _links: last ? { self: link(number) } : { self: link(number), next: link(number + 1) },
    _embedded: { [key]: items },
  });
}

interface Totals {
  pages: number;
  bytes: number;
  parseMs: number;
  readerMs: number;
  sampleParseMs: number;
  zodMs: number;
  samplePages: number;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/**
 * Pages `count` items `perPage` at a time. The first `warmup` pages run every path untimed, so the
 * totals measure optimised code, not the JIT compiling it.
 */
function measure(
  count: number,
  perPage: number,
  body: (pageNumber: number, first: number, size: number) => string,
  reader: (parsed: unknown) => number,
  zod: (parsed: unknown) => number,
  sampleEvery: number,
): Totals {
  const totals: Totals = {
    pages: 0,
    bytes: 0,
    parseMs: 0,
    readerMs: 0,
    sampleParseMs: 0,
    zodMs: 0,
    samplePages: 0,
  };
  const pages = Math.ceil(count / perPage);
  const warmup = Math.min(20, pages);
  for (let i = 0; i < warmup; i++) {
    const text = body(i + 1, i * perPage, Math.min(perPage, count - i * perPage));
    reader(JSON.parse(text));
    zod(JSON.parse(text));
  }
  let checksum = 0;
  for (let i = 0; i < pages; i++) {
    const text = body(i + 1, i * perPage, Math.min(perPage, count - i * perPage));
    const [parsed, parseMs] = timed((): unknown => JSON.parse(text));
    const [items, readerMs] = timed(() => reader(parsed));
    checksum += items;
    totals.pages++;
    totals.bytes += text.length;
    totals.parseMs += parseMs;
    totals.readerMs += readerMs;
    if (i % sampleEvery === 0) {
      // A fresh parse: the zod path should not find the reader's work in the caches.
      const [again, againMs] = timed((): unknown => JSON.parse(text));
      const [zodItems, zodMs] = timed(() => zod(again));
      if (zodItems !== reader(again)) throw new Error(`page ${i + 1}: zod and reader disagree`);
      totals.sampleParseMs += againMs;
      totals.zodMs += zodMs;
      totals.samplePages++;
    }
  }
  if (checksum !== count) throw new Error(`read ${checksum} items of ${count}`);
  return totals;
}

function report(label: string, items: number, t: Totals): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `${label}: ${items.toLocaleString('en')} items, ${t.pages} pages, ` +
      `${(t.bytes / 2 ** 20).toFixed(0)} MB of JSON`,
  );
  console.log(`  JSON.parse   ${s(t.parseMs)}`);
  console.log(
    `  reader       ${s(t.readerMs)}   reader / parse = ${(t.readerMs / t.parseMs).toFixed(3)}`,
  );
  console.log(
    `  zod path     ${s(t.zodMs)} on ${t.samplePages} sampled pages (their parse ${s(t.sampleParseMs)})` +
      `   zod / parse = ${(t.zodMs / t.sampleParseMs).toFixed(3)}` +
      `   ≈ ${s((t.zodMs * t.pages) / t.samplePages)} for all pages`,
  );
}

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    events: { type: 'string', default: '1000000' },
    sample: { type: 'string', default: '10' },
  },
});
const leadCount = Number(values.leads);
const eventCount = Number(values.events);
const sampleEvery = Math.max(1, Math.round(100 / Number(values.sample)));

const leads = measure(
  leadCount,
  250,
  (n, first, size) =>
    page(
      '/api/v4/leads',
      'leads',
      n,
      first + size >= leadCount,
      Array.from({ length: size }, (_, k) => lead(first + k + 1)),
    ),
  parsed => readLeadList(parsed).length,
  parsed => parseWith(RawLeadListSchema, parsed)._embedded.leads.map(adaptLead).length,
  sampleEvery,
);
report('leads', leadCount, leads);

const events = measure(
  eventCount,
  100,
  (n, first, size) =>
    page(
      '/api/v4/events',
      'events',
      n,
      first + size >= eventCount,
      Array.from({ length: size }, (_, k) => statusEvent(first + k + 1)),
    ),
  parsed => readEventList(parsed).changes.length,
  parsed => {
    const list = parseWith(RawEventListSchema, parsed)._embedded.events;
    return adaptStatusChanges(list, '_embedded.events').length + adaptLifecycles(list).length;
  },
  sampleEvery,
);
report('events', eventCount, events);
