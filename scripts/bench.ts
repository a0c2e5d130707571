/**
 * How fast and how big the engine is on large accounts. Prints numbers; asserts nothing (timings
 * belong in a benchmark, not in tests). `npm run bench` (or `npx tsx scripts/bench.ts --leads N
 * --events-per-lead K`). Two data sets: a synthetic account with exactly leads × K status changes,
 * and the sandbox's demo account at the same lead count (realistic history shapes).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { FunnelInput, Lead, Pipeline, StatusChange } from '../src/core';
import {
  buildModel,
  leadJourney,
  packEvents,
  packLeads,
  reportFromModel,
  stageNorms,
} from '../src/core';
import { generateDemoAccount, PIPELINE_IDS } from '../sandbox/demo';
import { demoFunnelInput } from '../sandbox/demo/funnelInput';

const NOW = Date.UTC(2026, 10, 26, 9) / 1000;
const DAY = 86_400;

function synthetic(leads: number, perLead: number): FunnelInput {
  const P = 1;
  const stages = Array.from({ length: 8 }, (_, i) => 100 + i);
  const pipeline: Pipeline = {
    id: P,
    name: 'Bench',
    sort: 1,
    isMain: true,
    isArchive: false,
    statuses: [
      { id: 99, pipelineId: P, name: 'Incoming', sort: 5, type: 1, color: null },
      ...stages.map((id, i) => ({
        id,
        pipelineId: P,
        name: `Stage ${i}`,
        sort: 10 * (i + 1),
        type: 0,
        color: null,
      })),
      { id: 142, pipelineId: P, name: 'Won', sort: 10000, type: 0, color: null },
      { id: 143, pipelineId: P, name: 'Lost', sort: 11000, type: 0, color: null },
    ],
  };
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const outLeads: Lead[] = [];
  const events: StatusChange[] = [];
  for (let id = 1; id <= leads; id++) {
    const created = Math.floor(NOW - rand() * 365 * DAY);
    let at = created;
    let index = 0;
    let status = 100;
    for (let k = 0; k < perLead; k++) {
      at = Math.min(NOW, at + Math.floor(rand() * 5 * DAY));
      const last = k === perLead - 1;
      const roll = rand();
      index =
        roll < 0.2
          ? Math.max(0, index - 1)
          : Math.min(stages.length - 1, index + 1 + (roll > 0.9 ? 1 : 0));
      const next = last && roll < 0.3 ? 143 : last && roll > 0.8 ? 142 : 100 + index;
      if (next === status) continue;
      events.push({
        id: `${id}-${k}`,
        leadId: id,
        createdAt: at,
        before: { pipelineId: P, statusId: status },
        after: { pipelineId: P, statusId: next },
      });
      status = next;
    }
    outLeads.push({
      id,
      name: `Lead ${id}`,
      pipelineId: P,
      statusId: status,
      createdAt: created,
      updatedAt: at,
      closedAt: status === 142 || status === 143 ? at : null,
      price: Math.floor(rand() * 500_000),
      responsibleUserId: 1 + (id % 6),
      lossReasonId: status === 143 ? 1 + (id % 5) : null,
      isDeleted: false,
    });
  }
  return { pipeline, leads: outLeads, events, lossReasons: [] };
}

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const value = run();
  console.log(`  ${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return value;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function measure(name: string, input: FunnelInput): void {
  console.log(
    `\n${name}: ${input.leads.length.toLocaleString('en')} leads, ${input.events.length.toLocaleString('en')} status changes`,
  );
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  time('structuredClone of plain objects (avoided)', () => structuredClone(input));
  time('pack + clone columns (what the page posts)', () =>
    structuredClone({ leads: packLeads(input.leads), events: packEvents(input.events) }),
  );
  const model = time('buildModel (per-lead facts, once per dataset)', () => buildModel(input));
  globalThis.gc?.();
  console.log(
    `  ${'heap held by input + model'.padEnd(44)} ${mb(process.memoryUsage().heapUsed - before + 0).padStart(10)}`,
  );
  time('report: last 30 days', () =>
    reportFromModel(model, { from: NOW - 30 * DAY, to: NOW, now: NOW, includeOpenDeals: true }),
  );
  time('report: a year, weekly trend', () =>
    reportFromModel(model, {
      from: NOW - 365 * DAY,
      to: NOW,
      now: NOW,
      trend: { granularity: 'week', timeZone: 'Europe/Moscow' },
    }),
  );
  time('report: a year, one manager', () =>
    reportFromModel(model, { from: NOW - 365 * DAY, to: NOW, now: NOW, responsibleUserIds: [2] }),
  );
  const norms = time('stage norms (lead card)', () => stageNorms(model, {}, NOW));
  time('one lead journey', () => leadJourney(model, input.leads[0]?.id ?? 0, NOW, norms));
}

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '100000' },
    'events-per-lead': { type: 'string', default: '10' },
  },
});
const leads = Number(values.leads);
const perLead = Number(values['events-per-lead']);
console.log(
  `Funnel Lens engine benchmark (node ${process.version}${globalThis.gc ? ', --expose-gc' : ''})`,
);
measure(
  'synthetic',
  time('generate synthetic account', () => synthetic(leads, perLead)),
);
const account = time('generate demo account', () =>
  generateDemoAccount({ seed: 1, leads, now: NOW }),
);
measure(
  'demo',
  time('adapt demo account through the API schemas', () =>
    demoFunnelInput(account, PIPELINE_IDS.main),
  ),
);
