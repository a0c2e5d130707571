import { computed, createModel, effect, signal } from '@preact/signals-core';
import type { DataService, ServiceStatus } from './service/types';
import { INITIAL_STATUS } from './service/types';
import { syncNotice } from './notice';
import { readOnly } from './readOnly';

export interface DataDeps {
  readonly service: DataService;
  readonly pipelineId: number;
}

/**
 * One pipeline's data as the page sees it: what the data service (in its worker) is doing, how
 * much history it holds, and a version that moves whenever the numbers may have changed. The
 * data itself stays in the worker; models ask it for reports.
 */
export const DataModel = createModel((deps: DataDeps) => {
  const status = signal<ServiceStatus>(INITIAL_STATUS);
  effect(() =>
    deps.service.subscribe(next => {
      status.value = next;
    }),
  );
  return {
    status: readOnly(status),
    /** Bumped whenever the engine holds new numbers: report models recompute on it. */
    version: computed(() => status.value.version),
    error: computed(() => status.value.error),
    wait: computed(() => status.value.wait),
    /**
     * A failed sync, said truthfully for a view drawn from the held copy (the lead card): its
     * numbers exist once the service holds any. Views with a snapshot use ReportModel's.
     */
    notice: computed(() =>
      syncNotice(status.value, { computed: status.value.version > 0, snapshotAt: null }),
    ),
    /** This pipeline as the last sync saw it (name, stages); null before any data. */
    pipeline: computed(() => status.value.pipelines.find(p => p.id === deps.pipelineId) ?? null),
    pipelines: computed(() => status.value.pipelines),
    /** Fetches what changed now (the refresh button). */
    refresh: () => deps.service.refresh(),
    /** The numbers asked for are on screen (DataService.shown). */
    shown: () => deps.service.shown(),
  };
});

export type DataModel = InstanceType<typeof DataModel>;
