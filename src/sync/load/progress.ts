/**
 * How far a load has come, estimated from the dates and ids seen: amoCRM never says how long a
 * list is, but lists read by time say how much time they have covered.
 */
export type LoadStage = 'meta' | 'window' | 'backfill' | 'refresh';

export interface LoadProgress {
  readonly stage: LoadStage;
  /** 0…1 of the stage; null when nothing can be estimated yet. */
  readonly fraction: number | null;
  /** Requests made in this stage so far. */
  readonly requests: number;
  readonly leads: number;
  readonly changes: number;
  /** History held from this time on (the backfill moves it back). */
  readonly heldFrom: number | null;
}

/** The share of [from, to] a list read from `to` back to `at` (or forward from `from`) covered. */
export function covered(
  from: number,
  to: number,
  at: number | null,
  direction: 'back' | 'forward',
): number {
  if (at === null || to <= from) return 0;
  const done = direction === 'back' ? to - at : at - from;
  return Math.min(1, Math.max(0, done / (to - from)));
}

/**
 * Seconds left at the rate so far: the stage went from `startFraction` to `fraction` in
 * `elapsedMs`. null until there is a rate worth going by (a few percent of the work).
 */
export function secondsLeft(
  fraction: number | null,
  elapsedMs: number,
  startFraction = 0,
): number | null {
  if (fraction === null || elapsedMs <= 0) return null;
  if (fraction >= 1) return 0;
  const done = fraction - startFraction;
  if (done < 0.03) return null;
  return Math.round(((elapsedMs / done) * (1 - fraction)) / 1000);
}
