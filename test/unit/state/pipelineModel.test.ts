/**
 * One pipeline's models as a mount gets them: real data, report and card models over a memory
 * store, the scripted amoCRM, recorded timers and an engine in a fake worker (or in thread).
 */
import { buildModel, buildReport, leadJourney, stageNorms } from '../../../src/core';
import { funnelInputOf } from '../../../src/state/dataModel';
import type { WorkerLike } from '../../../src/state/engine/engine';
import { ENGINE_CHANNEL } from '../../../src/state/engine/protocol';
import type { EngineRequest } from '../../../src/state/engine/protocol';
import { soloLock } from '../../../src/state/ports';
import { PipelineModel } from '../../../src/state/pipelineModel';
import type { PipelineDeps } from '../../../src/state/pipelineModel';
import { DEFAULT_SETTINGS } from '../../../src/state/settings';
import { createMemoryStore } from '../../../src/sync';
import type { PipelineData } from '../../../src/sync';
import { DEMO_NOW } from '../../support/demo';
import { demoPipelineData, SCOPE } from '../../support/pipelineData';
import {
  channelBus,
  eventually,
  recordingTimers,
  scriptedClient,
  seedStore,
  settle,
} from '../../support/stateFakes';
import type { ClientScript } from '../../support/stateFakes';
import { fakeWorker, manualWorker } from './engine/fakeWorker';

const HELD = demoPipelineData(300);
const SETTINGS = { ...DEFAULT_SETTINGS, minSample: 5, stuckDaysByStage: { '142': 3 } };

const live: PipelineModel[] = [];
afterEach(() => {
  for (const m of live.splice(0)) m[Symbol.dispose]();
});

async function setup(
  opts: {
    cached?: PipelineData | null;
    script?: ClientScript;
    worker?: () => WorkerLike | null;
    readUsers?: boolean;
  } = {},
) {
  const store = createMemoryStore();
  if (opts.cached !== null) await seedStore(store, SCOPE, opts.cached ?? HELD);
  const timers = recordingTimers();
  const bus = channelBus();
  const clients: ReturnType<typeof scriptedClient>[] = [];
  const deps: PipelineDeps = {
    scope: SCOPE,
    store,
    createClient: ({ onWait }) => {
      const client = scriptedClient(() => opts.script ?? {}, onWait);
      clients.push(client);
      return client;
    },
    spawnWorker: opts.worker ?? (() => null),
    settings: SETTINGS,
    timeZone: 'Europe/Moscow',
    clock: () => DEMO_NOW * 1000,
    lock: soloLock,
    channel: bus.tab(),
    timers,
    readUsers: opts.readUsers ?? true,
  };
  const model = new PipelineModel(deps, { period: { kind: 'last_90' } });
  live.push(model);
  return {
    model,
    timers,
    bus,
    calls: (method: string) =>
      clients.flatMap(c => c.calls).filter(c => c.method === method).length,
  };
}

describe('PipelineModel', () => {
  it('wires the data and the report: the cache computes into the report', async () => {
    const s = await setup();
    await eventually(() => s.model.report.state.value.status === 'ok', 'the report');
    const r = s.model.report.report.value!;
    expect(r).toEqual(
      buildReport(funnelInputOf(HELD)!, {
        from: DEMO_NOW - 90 * 86_400,
        to: DEMO_NOW,
        now: DEMO_NOW,
        minSample: 5,
        stuckDaysByStage: { '142': 3 },
        includeOpenDeals: true,
      }),
    );
    expect(s.model.data.status.value).toEqual({ kind: 'ready' });
  });

  it.each([
    [true, 1],
    [false, 0],
  ])('passes readUsers=%s to the sync', async (readUsers, users) => {
    const s = await setup({ cached: null, script: { serve: { data: HELD } }, readUsers });
    await eventually(() => s.model.data.engineVersion.value === 1, 'the first sync');
    expect(s.calls('getUsers')).toBe(users);
  });

  it('gives one card model per lead, over the same data and engine', async () => {
    const s = await setup();
    const lead = HELD.leads.find(l => !l.closedAt)!;
    const other = HELD.leads.find(l => l.id !== lead.id)!;
    const card = s.model.card(lead.id);
    expect(s.model.card(lead.id)).toBe(card);
    expect(s.model.card(other.id)).not.toBe(card);
    await eventually(() => card.state.value.status === 'ok', 'the journey');
    const core = buildModel(funnelInputOf(HELD)!);
    const norms = stageNorms(core, { stuckDaysByStage: SETTINGS.stuckDaysByStage });
    expect(card.state.value).toEqual({
      status: 'ok',
      data: { journey: leadJourney(core, lead.id, DEMO_NOW, norms), norms },
    });
  });

  it('runs the engine in the worker it spawns', async () => {
    const w = fakeWorker();
    const s = await setup({ worker: () => w });
    await eventually(() => s.model.report.state.value.status === 'ok', 'the report');
    expect(w.posted).toBe(2);
  });

  it('disposes everything with it: timers, channel, worker, and the nested models', async () => {
    const w = manualWorker();
    const s = await setup({ worker: () => w });
    await eventually(() => w.posted.length === 1, 'the load');
    const load = (w.posted[0]!.message as { body: EngineRequest }).body;
    w.reply({
      channel: ENGINE_CHANNEL,
      body: { id: load.id, ok: true, result: { op: 'load', leads: 1 } },
    });
    await eventually(() => s.model.data.engineVersion.value === 1, 'the data');
    const card = s.model.card(HELD.leads[0]!.id);
    // The report and the journey are now waiting on the worker.
    expect(w.posted.map(p => (p.message as { body: EngineRequest }).body.op)).toEqual([
      'load',
      'report',
      'journey',
    ]);
    expect(s.timers.live.size).toBeGreaterThan(0);
    expect(s.bus.listeners()).toBe(1);

    s.model[Symbol.dispose]();
    expect(w.terminated).toBe(true);
    expect(s.timers.live.size).toBe(0);
    expect(s.bus.listeners()).toBe(0);
    await settle();
    // The engine rejected both with DISPOSED; the models were disposed first, so neither shows it.
    expect(s.model.report.state.value).toEqual({ status: 'loading', previous: null });
    expect(card.state.value).toEqual({ status: 'loading', previous: null });
  });

  it('leaves no timers after dispose when it runs in thread', async () => {
    const s = await setup();
    await eventually(() => s.model.report.state.value.status === 'ok', 'the report');
    const card = s.model.card(HELD.leads[0]!.id);
    s.model[Symbol.dispose]();
    expect(s.timers.live.size).toBe(0);
    await settle(10);
    // The journey was computing; the engine refused it (DISPOSED) and the card dropped that.
    expect(card.state.value).toEqual({ status: 'loading', previous: null });
  });
});
