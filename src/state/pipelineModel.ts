import { createModel, effect } from '@preact/signals-core';
import { CardModel } from './cardModel';
import { DataModel } from './dataModel';
import type { Timers } from './ports';
import type { ReportInit } from './reportModel';
import { ReportModel } from './reportModel';
import { openDataService } from './service/resilient';
import type { ServicePorts } from './service/service';
import type { ServiceConfig } from './service/types';
import type { WorkerLike } from './service/worker';
import type { WidgetSettings } from './settings';
import type { SnapshotStorage } from './snapshot';
import { storageKey } from './snapshot';

/** Everything one pipeline's models need from where they run (the mount builds it from its Host). */
export interface PipelineDeps {
  /** What the data service is started with (it may cross to a worker). */
  readonly config: ServiceConfig;
  /** Starts the service's worker; null (or a null result) runs it on the page instead. */
  readonly spawnWorker: (() => WorkerLike | null) | null;
  /** The page's own ports, for a service that runs on the page (their code loads on demand). */
  readonly pagePorts: () => Promise<ServicePorts>;
  readonly settings: WidgetSettings;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  readonly timers: Timers;
  /** Keeps the panel's last numbers for the next page load; none = every load starts blank. */
  readonly storage?: SnapshotStorage | undefined;
}

/**
 * One pipeline for one mount: the data service (worker), the data and report models, and the
 * lead-card models asked of it. Disposing it disposes all of them — syncs and their requests,
 * timers, the worker — in one place.
 */
export const PipelineModel = createModel((deps: PipelineDeps, init: ReportInit) => {
  const service = openDataService(deps.config, deps.spawnWorker, deps.pagePorts);
  /** Where a surface's switches are remembered: per account, user and surface. */
  const prefsAt = (surface: 'panel' | 'report' | 'card') =>
    deps.storage && {
      storage: deps.storage,
      at: `prefs:${deps.config.scope.accountId}:${deps.config.scope.userId}:${surface}`,
    };
  // Created inside this factory, so their effects are this model's and go with its disposal.
  const data = new DataModel({ service, pipelineId: deps.config.scope.pipelineId });
  const report = new ReportModel(
    {
      data,
      service,
      settings: deps.settings,
      timeZone: deps.config.timeZone,
      clock: deps.clock,
      timers: deps.timers,
      snapshots: deps.storage && { storage: deps.storage, at: storageKey(deps.config.scope) },
      // Per user and surface: the report's counting mode is no choice the panel offers.
      prefs: prefsAt(init.deals === 'byStage' ? 'panel' : 'report'),
    },
    init,
  );
  /** Card models are made later, on demand, so they are tracked here and disposed with us. */
  const cards = new Map<number, CardModel>();
  effect(() => () => {
    for (const card of cards.values()) card[Symbol.dispose]();
    cards.clear();
    service.dispose();
  });

  return {
    data,
    report,
    /** The lead card's model for `leadId`: one per lead, alive as long as this pipeline. */
    card: (leadId: number): CardModel => {
      let card = cards.get(leadId);
      if (!card) {
        const { stuckDaysByStage, horizonDays } = deps.settings;
        card = new CardModel({
          data,
          service,
          stuck: { stuckDaysByStage, ...(horizonDays === null ? {} : { horizonDays }) },
          leadId,
          clock: deps.clock,
          workingWeek: deps.settings.workingWeek,
          prefs: prefsAt('card'),
        });
        cards.set(leadId, card);
      }
      return card;
    },
  };
});

export type PipelineModel = InstanceType<typeof PipelineModel>;
