import { createModel, effect, signal } from '@preact/signals-core';
import type { LeadJourney, StageNorm, StuckOptions } from '../core';
import type { DataModel } from './dataModel';
import type { Engine } from './engine/engine';
import type { LoadState } from './loadState';
import { runInto } from './loadState';
import { readOnly } from './readOnly';

export interface CardDeps {
  readonly data: DataModel;
  readonly engine: Engine;
  readonly stuck: StuckOptions;
  readonly leadId: number;
  readonly clock: () => number;
}

export interface CardView {
  readonly journey: LeadJourney | null;
  readonly norms: readonly StageNorm[];
}

/** One deal's path and its time in stage against the stage's norm, for the lead card block. */
export const CardModel = createModel((deps: CardDeps) => {
  const state = signal<LoadState<CardView>>({ status: 'idle' });
  effect(() => {
    if (deps.data.engineVersion.value === 0) return undefined;
    const now = Math.floor(deps.clock() / 1000);
    return runInto(state, deps.engine.journey(deps.leadId, now, deps.stuck));
  });
  return { state: readOnly(state) };
});

export type CardModel = InstanceType<typeof CardModel>;
