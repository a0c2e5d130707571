/**
 * Real models over the demo account for component tests: an in-memory store pre-filled with one
 * pipeline's data, the in-thread engine, and the DataModel / ReportModel / CardModel the widget
 * uses. Time is jest's fake clock; a fresh cache means no sync runs unless a test asks for one.
 */
import { ApiError } from '../../../../src/api';
import type { ApiClient } from '../../../../src/api';
import { createMemoryStore } from '../../../../src/sync/cache/memory';
import type { PipelineData } from '../../../../src/sync/merge';
import { adaptPipeline } from '../../../../src/api/adapt';
import { parseWith } from '../../../../src/api/parse';
import { RawPipelineSchema } from '../../../../src/api/schemas';
import type { FunnelInput, Pipeline } from '../../../../src/core';
import { CardModel } from '../../../../src/state/cardModel';
import { DataModel } from '../../../../src/state/dataModel';
import { createInThreadEngine } from '../../../../src/state/engine/engine';
import type { Engine } from '../../../../src/state/engine/engine';
import type { PeriodChoice } from '../../../../src/state/period';
import { realTimers, silentChannel, soloLock } from '../../../../src/state/ports';
import { ReportModel } from '../../../../src/state/reportModel';
import { DEFAULT_SETTINGS } from '../../../../src/state/settings';
import type { WidgetSettings } from '../../../../src/state/settings';
import { DEMO_NOW, demoAccount, demoInput, PIPELINE_IDS, USER_IDS } from '../../../support/demo';

export const TIME_ZONE = 'Europe/Moscow';
export const clock = (): number => DEMO_NOW * 1000;

export interface Demo {
  readonly input: FunnelInput;
  readonly pipelines: readonly Pipeline[];
  readonly managers: readonly { readonly id: number; readonly name: string }[];
}

/** The demo account's main pipeline (and every pipeline, for names), optionally edited. */
export function demo(edit: (input: FunnelInput) => FunnelInput = i => i): Demo {
  const account = demoAccount();
  const input = edit(demoInput(account));
  const pipelines = account.pipelines.map(raw =>
    raw.id === input.pipeline.id
      ? input.pipeline
      : adaptPipeline(
          parseWith(RawPipelineSchema, { ...raw, _embedded: { statuses: raw.statuses } }),
        ),
  );
  return { input, pipelines, managers: account.users.map(u => ({ id: u.id, name: u.name })) };
}

const offline = (): ApiError => new ApiError('NETWORK', { path: '/api/v4/leads' });

// A page generator that fails on its first page, as a request that cannot reach amoCRM does.
// eslint-disable-next-line require-yield
async function* offlinePages(): AsyncGenerator<never> {
  return await Promise.reject(offline());
}

/** A client for refreshes: amoCRM cannot be reached. */
export function offlineClient(): ApiClient {
  const fail = (): Promise<never> => Promise.reject(offline());
  return {
    getAccount: fail,
    getPipelines: fail,
    getPipeline: fail,
    getUsers: fail,
    getLossReasons: fail,
    leadPages: offlinePages,
    getLead: fail,
    eventPages: offlinePages,
  };
}

export interface Models {
  readonly data: DataModel;
  readonly engine: Engine;
  readonly settings: WidgetSettings;
  dispose(): void;
}

/** Models over the demo; `empty` starts with nothing cached, so the model syncs (and fails). */
export async function dataModels(
  { input, pipelines }: Demo,
  {
    empty = false,
    settings = DEFAULT_SETTINGS,
  }: { empty?: boolean; settings?: WidgetSettings } = {},
): Promise<Models> {
  const scope = { accountId: 1, userId: USER_IDS.admin, pipelineId: PIPELINE_IDS.main };
  const leads = input.leads.filter(l => l.pipelineId === scope.pipelineId && !l.isDeleted);
  const ids = new Set(leads.map(l => l.id));
  const events = input.events.filter(e => ids.has(e.leadId));
  const held: PipelineData = {
    pipelineId: scope.pipelineId,
    syncedAt: DEMO_NOW,
    account: {
      id: 1,
      name: 'Demo',
      subdomain: 'demo',
      currentUserId: USER_IDS.admin,
      timezone: TIME_ZONE,
      currency: 'RUB',
      currencySymbol: '₽',
      usersGroups: [],
    },
    pipelines,
    users: null,
    lossReasons: input.lossReasons,
    leads,
    events,
  };
  const store = createMemoryStore();
  if (!empty) {
    await store.save(scope, held, {
      replace: true,
      putLeads: leads,
      deleteLeadIds: [],
      putEvents: events,
    });
  }
  const engine = createInThreadEngine();
  const data = new DataModel({
    scope,
    store,
    engine,
    createClient: () => offlineClient(),
    clock,
    lock: soloLock,
    channel: silentChannel,
    timers: realTimers,
  });
  return {
    data,
    engine,
    settings,
    dispose: () => {
      data[Symbol.dispose]();
      engine.dispose();
    },
  };
}

export function reportModel(
  m: Models,
  init: { period?: PeriodChoice; trend?: 'week' | 'month' } = {},
): ReportModel {
  return new ReportModel(
    {
      data: m.data,
      engine: m.engine,
      settings: m.settings,
      timeZone: TIME_ZONE,
      clock,
      timers: realTimers,
    },
    { period: init.period ?? { kind: 'last_90' }, ...(init.trend ? { trend: init.trend } : {}) },
  );
}

export function cardModel(m: Models, leadId: number): CardModel {
  const stuck = { stuckDaysByStage: m.settings.stuckDaysByStage };
  return new CardModel({ data: m.data, engine: m.engine, stuck, leadId, clock });
}

/** Lets the fake clock run (the engine yields with setTimeout) until `done` holds. */
export async function until(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (done()) return;
    await jest.advanceTimersByTimeAsync(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}
