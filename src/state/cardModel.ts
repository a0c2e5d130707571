import { createModel, effect, signal } from '@preact/signals-core';
import type { ReadonlySignal } from '@preact/signals-core';
import type { LeadJourney, StageNorm } from '../core';
import type { DataModel } from './dataModel';
import type { Engine } from './engine/engine';
import type { LoadState } from './loadState';
import type { WidgetSettings } from './settings';

export interface CardDeps {
  readonly data: DataModel;
  readonly engine: Engine;
  readonly settings: ReadonlySignal<WidgetSettings>;
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
    const stuckDaysByStage = deps.settings.value.stuckDays;
    let current = true;
    state.value = { status: 'loading', previous: null };
    deps.engine.journey(deps.leadId, Math.floor(deps.clock() / 1000), { stuckDaysByStage }).then(
      view => {
        if (current) state.value = { status: 'ok', data: view };
      },
      (error: unknown) => {
        if (current) {
          state.value = { status: 'error', message: String(error), previous: null };
        }
      },
    );
    return () => {
      current = false;
    };
  });
  return { state };
});

export type CardModel = InstanceType<typeof CardModel>;
