import { createModel, effect } from '@preact/signals-core';
import type { ApiClient, WaitInfo } from '../api';
import type { CacheScope, PipelineStore } from '../sync';
import { CardModel } from './cardModel';
import { DataModel } from './dataModel';
import type { WorkerLike } from './engine/engine';
import { createEngine } from './engine/resilient';
import type { SyncChannel, TabLock, Timers } from './ports';
import type { ReportInit } from './reportModel';
import { ReportModel } from './reportModel';
import type { WidgetSettings } from './settings';

/** Everything one pipeline's models need from where they run (the mount builds it from its Host). */
export interface PipelineDeps {
  readonly scope: CacheScope;
  readonly store: PipelineStore;
  readonly createClient: (hooks: { onWait: (info: WaitInfo) => void }) => ApiClient;
  /** Starts the engine's worker; null (or a null result) computes on the page instead. */
  readonly spawnWorker: (() => WorkerLike | null) | null;
  readonly settings: WidgetSettings;
  /** The account's IANA zone: periods and trend buckets are calendar days there. */
  readonly timeZone: string;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  readonly lock: TabLock;
  readonly channel: SyncChannel;
  readonly timers: Timers;
  /** False when the host knows the user is not an administrator (who may not list users). */
  readonly readUsers: boolean;
}

/**
 * One pipeline for one mount: its data (cache, syncs), the engine, the report, and the lead-card
 * models asked of it. Disposing it disposes all of them — syncs and their requests, timers, the
 * worker — in one place.
 */
export const PipelineModel = createModel((deps: PipelineDeps, init: ReportInit) => {
  const engine = createEngine(deps.spawnWorker);
  // Created inside this factory, so their effects are this model's and go with its disposal.
  const data = new DataModel({
    scope: deps.scope,
    store: deps.store,
    engine,
    createClient: deps.createClient,
    clock: deps.clock,
    lock: deps.lock,
    channel: deps.channel,
    timers: deps.timers,
    readUsers: deps.readUsers,
  });
  const report = new ReportModel(
    {
      data,
      engine,
      settings: deps.settings,
      timeZone: deps.timeZone,
      clock: deps.clock,
      timers: deps.timers,
    },
    init,
  );
  /** Card models are made later, on demand, so they are tracked here and disposed with us. */
  const cards = new Map<number, CardModel>();
  effect(() => () => {
    for (const card of cards.values()) card[Symbol.dispose]();
    cards.clear();
    engine.dispose();
  });

  return {
    data,
    report,
    /** The lead card's model for `leadId`: one per lead, alive as long as this pipeline. */
    card: (leadId: number): CardModel => {
      let card = cards.get(leadId);
      if (!card) {
        card = new CardModel({
          data,
          engine,
          stuck: { stuckDaysByStage: deps.settings.stuckDaysByStage },
          leadId,
          clock: deps.clock,
        });
        cards.set(leadId, card);
      }
      return card;
    },
  };
});

export type PipelineModel = InstanceType<typeof PipelineModel>;
