import { createModel, effect, signal } from '@preact/signals-core';
import type { StuckOptions } from '../core';
import type { DataModel } from './dataModel';
import type { LoadState } from './loadState';
import { runInto } from './loadState';
import { readOnly } from './readOnly';
import type { DataService, JourneyView } from './service/types';

export interface CardDeps {
  readonly data: DataModel;
  readonly service: DataService;
  readonly stuck: StuckOptions;
  readonly leadId: number;
  readonly clock: () => number;
}

export type CardView = JourneyView;

/** One deal's path and its time in stage against the stage's norm, for the lead card block. */
export const CardModel = createModel((deps: CardDeps) => {
  const state = signal<LoadState<CardView>>({ status: 'idle' });
  effect(() => {
    if (deps.data.version.value === 0) return undefined;
    const now = Math.floor(deps.clock() / 1000);
    return runInto(state, deps.service.journey(deps.leadId, now, deps.stuck));
  });
  return { state: readOnly(state) };
});

export type CardModel = InstanceType<typeof CardModel>;
