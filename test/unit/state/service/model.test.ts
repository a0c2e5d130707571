/**
 * The engine's side of the service (model.ts): the model over a keeper-filled store (the API
 * emulator behind it), brought up to date after a refresh exactly as a rebuild would be, and the
 * page's questions asked of it.
 */
import {
  buildFunnel,
  buildModel,
  buildReport,
  leadJourney,
  LOST_STATUS_ID,
  modelFromHistories,
  reportFromModel,
  stageNorms,
  WON_STATUS_ID,
} from '../../../../src/core';
import type { FunnelModel, Lead } from '../../../../src/core';
import { EngineError } from '../../../../src/state/engine/errors';
import {
  afterStep,
  buildFromStore,
  journeyView,
  partialCounts,
  reportView,
  stageDealsView,
} from '../../../../src/state/service/model';
import { createHistoryStore, createMemoryStore, PipelineGone } from '../../../../src/sync';
import type { Keeper, StepResult } from '../../../../src/sync';
import { demoFunnelInput } from '../../../../sandbox/demo/funnelInput';
import type { RunningSandbox } from '../../../../sandbox/server';
import { fillCache } from '../../../support/stateFakes';
import { changed } from '../../sync/changedAccount';
import {
  account,
  emulatorClient,
  MAIN,
  NOW,
  OPTS,
  plain,
  SCOPE,
  startEmulator,
  truth,
  whole,
} from './world';
import { visitsIn } from '../../../support/visits';

jest.setTimeout(60_000);

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startEmulator();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.ctx.reset());

/** A keeper holding the whole history, as a finished load leaves it at NOW; then it goes by `time`. */
const filled = (time = { now: NOW }): Promise<Keeper> =>
  fillCache(createMemoryStore(), SCOPE, emulatorClient(sandbox), NOW, null, () => time.now);

const held = (k: Keeper) => ({ store: k.store()!, meta: k.meta()! });

describe('buildFromStore', () => {
  it('builds the model the whole account gives', async () => {
    const { store, meta } = held(await filled());
    const model = buildFromStore(store, meta);
    expect(model.historyFrom).toBeNull();
    expect(model.pipeline).toEqual(truth.pipeline);
    expect(plain(reportFromModel(model, OPTS))).toEqual(whole(OPTS));
  });

  it('throws PipelineGone for a copy whose meta lacks its pipeline', async () => {
    const { store, meta } = held(await filled());
    const gone = { ...meta, pipelines: meta.pipelines.filter(p => p.id !== MAIN) };
    expect(() => buildFromStore(store, gone)).toThrow(PipelineGone);
  });
});

describe('afterStep', () => {
  const refresh = (over: Partial<StepResult> = {}): StepResult => ({
    kind: 'refresh',
    changed: [],
    removed: [],
    metaChanged: false,
    buckets: [],
    ...over,
  });

  it('brings the model up to date after a refresh as a rebuild would, without rebuilding', async () => {
    const time = { now: NOW };
    const keeper = await filled(time);
    const { store, meta } = held(keeper);
    const before = buildFromStore(store, meta);
    sandbox.ctx.account = changed(account, NOW + 600);
    time.now = NOW + 1200;
    const result = await keeper.step('refresh');
    expect(result.metaChanged).toBe(false);
    expect(result.changed.length + result.removed.length).toBeGreaterThan(0);
    const after = afterStep(before, result, store, held(keeper).meta);
    // Brought up to date in place: the funnel is the one it had (a rebuild makes a new one).
    expect(after.funnel).toBe(before.funnel);
    const rebuilt = buildFromStore(store, held(keeper).meta);
    expect(after.facts).toEqual(rebuilt.facts);
    expect(after.byCreated).toEqual(rebuilt.byCreated);
    expect(after.completed).toEqual(rebuilt.completed);
    const opts = { ...OPTS, to: NOW + 1200, now: NOW + 1200 };
    expect(plain(reportFromModel(after, opts))).toEqual(plain(reportFromModel(rebuilt, opts)));
    // And as the account now is, read whole.
    const now = demoFunnelInput(sandbox.ctx.account, MAIN);
    expect(plain(reportFromModel(after, opts))).toEqual(plain(buildReport(now, opts)));
  });

  it('keeps the very model when a refresh changed nothing', async () => {
    const { store, meta } = held(await filled());
    const model = buildFromStore(store, meta);
    expect(afterStep(model, refresh(), store, meta)).toBe(model);
  });

  it.each<[string, (m: FunnelModel) => FunnelModel, Partial<StepResult>]>([
    ['a window step', m => m, { kind: 'window' }],
    ['a backfill step', m => m, { kind: 'backfill' }],
    ['a refresh that changed the meta', m => m, { metaChanged: true }],
    [
      'a model over another history',
      m => modelFromHistories(m.pipeline, m.lossReasons, [], m.historyFrom ?? 0),
      {},
    ],
  ])('rebuilds after %s', async (_name, start, over) => {
    const { store, meta } = held(await filled());
    const model = start(buildFromStore(store, meta));
    const next = afterStep(model, refresh(over), store, meta);
    expect(next.funnel).not.toBe(model.funnel);
    expect(next.facts).toEqual(buildFromStore(store, meta).facts);
  });
});

describe('reportView', () => {
  const model = buildModel(truth);

  it('refuses NO_DATA without a model', () => {
    expect(() => reportView(null, OPTS)).toThrow(EngineError);
    expect(() => reportView(null, OPTS)).toThrow(expect.objectContaining({ code: 'NO_DATA' }));
  });

  it('gives the report and the names of exactly the deals it lists', () => {
    const view = reportView(model, OPTS);
    expect(view.report).toEqual(reportFromModel(model, OPTS));
    const listed = new Set(
      [...(view.report.openDeals ?? []), ...view.report.stuck].map(d => d.leadId),
    );
    expect(listed.size).toBeGreaterThan(0);
    const names = new Map(truth.leads.map(l => [l.id, l.name]));
    expect(view.leadNames).toEqual(
      Object.fromEntries([...listed].map(id => [String(id), names.get(id)])),
    );
    const bare = reportView(model, { ...OPTS, includeOpenDeals: false });
    expect(Object.keys(bare.leadNames)).toHaveLength(
      new Set(bare.report.stuck.map(d => d.leadId)).size,
    );
  });

  it('leaves the deal lists out when asked, and every number as it was', () => {
    const full = reportView(model, OPTS);
    const none = reportView(model, OPTS, 'none');
    expect(full.lists).toBe('full');
    expect(none.lists).toBe('none');
    expect(none.report.stuck).toEqual([]);
    expect(none.report.openDeals).toBeUndefined();
    expect(none.leadNames).toEqual({});
    const withoutLists = (r: typeof full.report) => ({ ...r, stuck: [], openDeals: undefined });
    expect(withoutLists(none.report)).toEqual(withoutLists(full.report));
    expect(none.report.stages.map(s => s.stuck)).toEqual(full.report.stages.map(s => s.stuck));
  });
});

describe('stageDealsView', () => {
  const model = buildModel(truth);

  it('refuses NO_DATA without a model', () => {
    expect(() => stageDealsView(null, OPTS, 1)).toThrow(
      expect.objectContaining({ code: 'NO_DATA' }),
    );
  });

  it('gives one stage’s open deals in the report’s order, named, for every stage', () => {
    const all = reportView(model, { ...OPTS, includeOpenDeals: true }).report.openDeals ?? [];
    const names = new Map(truth.leads.map(l => [l.id, l.name]));
    let seen = 0;
    for (const stage of model.funnel.stages) {
      const view = stageDealsView(model, { ...OPTS, includeOpenDeals: false }, stage.id);
      expect(view.stageId).toBe(stage.id);
      expect(view.deals).toEqual(all.filter(d => d.stageId === stage.id));
      expect(view.leadNames).toEqual(
        Object.fromEntries(view.deals.map(d => [String(d.leadId), names.get(d.leadId)])),
      );
      seen += view.deals.length;
    }
    expect(seen).toBe(all.length);
    expect(seen).toBeGreaterThan(0);
  });
});

describe('journeyView', () => {
  const model = buildModel(truth);
  const stuck = { stuckDaysByStage: { [String(truth.pipeline.statuses[2]!.id)]: 3 } };

  it('refuses NO_DATA without a model', () => {
    expect(() => journeyView(null, 1, NOW, stuck, [])).toThrow(
      expect.objectContaining({ code: 'NO_DATA' }),
    );
  });

  it('gives a deal’s journey against the stage norms', () => {
    const lead = model.facts.find(f => f.lead.closedAt === null)!.lead;
    const norms = stageNorms(model, stuck, NOW);
    const visits = visitsIn(truth, model, lead.id);
    expect(journeyView(model, lead.id, NOW, stuck, visits)).toEqual({
      journey: leadJourney(model, lead.id, NOW, norms, visits ?? []),
      norms,
    });
    expect(journeyView(model, lead.id, NOW, stuck, visits).journey).not.toBeNull();
  });

  it('gives the norms and no journey for a deal it does not hold', () => {
    const view = journeyView(model, 1, NOW, stuck, undefined);
    expect(view.journey).toBeNull();
    expect(view.norms).toEqual(stageNorms(model, stuck, NOW));
  });
});

describe('partialCounts', () => {
  const [a, b, c] = truth.pipeline.statuses.filter(
    s => s.id !== WON_STATUS_ID && s.id !== LOST_STATUS_ID,
  );
  const lead = (
    id: number,
    createdAt: number,
    statusId: number,
    over: Partial<Lead> = {},
  ): Lead => ({
    id,
    name: `#${id}`,
    pipelineId: MAIN,
    statusId,
    createdAt,
    updatedAt: createdAt,
    closedAt: statusId === WON_STATUS_ID || statusId === LOST_STATUS_ID ? createdAt : null,
    price: 0,
    responsibleUserId: 1,
    lossReasonId: null,
    isDeleted: false,
    ...over,
  });

  it('counts the period’s deals by where each is now, from the leads alone', () => {
    const store = createHistoryStore(MAIN, null, buildFunnel(truth.pipeline));
    store.applyLeads([
      lead(1, 100, a!.id),
      lead(2, 150, a!.id),
      lead(3, 150, b!.id),
      lead(4, 199, WON_STATUS_ID),
      lead(5, 120, LOST_STATUS_ID),
      lead(6, 110, c!.id),
      // Outside the period: before it, at its end (exclusive), after it.
      lead(7, 99, a!.id),
      lead(8, 200, a!.id),
      lead(9, 500, WON_STATUS_ID),
      // Not the pipeline's, or deleted: never held.
      lead(10, 150, a!.id, { pipelineId: MAIN + 1 }),
      lead(11, 150, a!.id, { isDeleted: true }),
    ]);
    const period = { from: 100, to: 200 };
    expect(partialCounts(store, period)).toEqual({
      period,
      deals: 6,
      won: 1,
      lost: 1,
      open: 4,
      atStage: { [String(a!.id)]: 2, [String(b!.id)]: 1, [String(c!.id)]: 1 },
    });
  });

  it('counts nothing in an empty store', () => {
    const period = { from: 0, to: NOW };
    expect(
      partialCounts(createHistoryStore(MAIN, null, buildFunnel(truth.pipeline)), period),
    ).toEqual({
      period,
      deals: 0,
      won: 0,
      lost: 0,
      open: 0,
      atStage: {},
    });
  });
});
