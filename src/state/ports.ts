/**
 * What the state layer needs from the browser beyond the API, as small interfaces so the widget
 * wires real implementations (Web Locks, BroadcastChannel) and tests pass plain ones.
 */

/** Lets only one tab sync a pipeline at a time. */
export interface TabLock {
  /** Runs `fn` holding `name` if no other tab holds it; `{ ran: false }` when one does. */
  tryRun<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/** Tells other tabs that a scope's cache was updated. */
export interface SyncChannel {
  post(scopeKey: string): void;
  subscribe(listener: (scopeKey: string) => void): () => void;
}

/** A lock for environments with one tab (tests, hosts without Web Locks). */
export const soloLock: TabLock = {
  async tryRun(_name, fn) {
    return { ran: true, value: await fn() };
  },
};

export const silentChannel: SyncChannel = {
  post: () => undefined,
  subscribe: () => () => undefined,
};

/** Timers, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: h => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: h => clearInterval(h as ReturnType<typeof setInterval>),
};
