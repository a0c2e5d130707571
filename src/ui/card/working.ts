import type { LeadJourney, WorkingWeek } from '../../core';
import { workingHours } from '../../core';

/** The card's durations in working hours (metrics.md F.1, F.4), each where its elapsed one is. */
export interface CardWorking {
  /** The current stage's time, `[start of the current visit, now)`; null off an open stage. */
  readonly inStage: number | null;
  /** Each step's, `[start, end ?? now)`, in the journey's order. */
  readonly steps: readonly number[];
}

/**
 * The journey's durations measured in `week`, up to `now` (the moment the journey was measured
 * at, so each figure covers the same span as the elapsed one beside it). Here, in the card's
 * chunk, so the arithmetic stays out of what every page loads.
 */
export function journeyWorking(journey: LeadJourney, now: number, week: WorkingWeek): CardWorking {
  const current = journey.current;
  // The visit's start is whole seconds, so rounding gives it back exactly.
  const since = current ? Math.round(now - current.hoursInStage * 3600) : null;
  return {
    inStage: since === null ? null : workingHours(since, now, week),
    steps: journey.steps.map(s => workingHours(s.start, s.end ?? now, week)),
  };
}
