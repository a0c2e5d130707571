import { computed, createModel, effect, signal } from '@preact/signals-core';
import type { JourneyOptions, StuckOptions, WorkingWeek } from '../core';
import type { DataModel } from './dataModel';
import type { LoadState } from './loadState';
import { runInto } from './loadState';
import { readOnly } from './readOnly';
import type { DataService, JourneyView } from './service/types';
import type { SnapshotStorage } from './snapshot';

export interface CardDeps {
  readonly data: DataModel;
  readonly service: DataService;
  readonly stuck: StuckOptions;
  readonly leadId: number;
  readonly clock: () => number;
  /** The admin's working week (metrics.md F.1); none or null: the card offers no switch. */
  readonly workingWeek?: WorkingWeek | null | undefined;
  /** Where the user's working-hours switch is remembered, under `at:working`; none: off. */
  readonly prefs?: { readonly storage: SnapshotStorage; readonly at: string } | undefined;
}

/** The journey with the moment (epoch s) it was measured at: the card's working hours end there. */
export type CardView = JourneyView & { readonly now: number };

/** One deal's path and its time in stage against the stage's norm, for the lead card block. */
export const CardModel = createModel((deps: CardDeps) => {
  const state = signal<LoadState<CardView>>({ status: 'idle' });
  const week = deps.workingWeek ?? null;
  const prefs = deps.prefs;
  /** The card's own «Рабочее время» switch, remembered like the panel's and the report's. */
  const working = signal(week !== null && prefs?.storage.get(`${prefs.at}:working`) === '1');
  effect(() => {
    if (deps.data.version.value === 0) return undefined;
    const now = Math.floor(deps.clock() / 1000);
    // F.1a: with the switch on, the threshold and "stuck" are the working clock's.
    const asked: JourneyOptions =
      working.value && week
        ? { ...deps.stuck, workingWeek: week, stuckClock: 'working' }
        : deps.stuck;
    return runInto(
      state,
      deps.service.journey(deps.leadId, now, asked).then(view => ({ ...view, now })),
    );
  });
  return {
    state: readOnly(state),
    working: readOnly(working),
    /** Whether the switch is offered: the admin set a working week. */
    workingAvailable: computed(() => week !== null),
    /**
     * The week the card's durations are measured in (metrics.md F.4), while the switch is on; the
     * block computes the path's working hours itself, the engine the threshold and "stuck" (F.1a).
     */
    workingWeek: computed(() => (working.value ? week : null)),
    setWorking: (on: boolean) => {
      if (!week) return;
      working.value = on;
      prefs?.storage.set(`${prefs.at}:working`, on ? '1' : '0');
    },
  };
});

export type CardModel = InstanceType<typeof CardModel>;
