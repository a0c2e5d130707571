/**
 * Types shared by the emulator's modules and by the plugins other parts of the sandbox add (the
 * host pages): they get the same context the API routes use, so a user switched on the host page
 * is the user the API answers as.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { DemoAccount } from '../demo/types';
import type { FaultController } from './faults/state';
import type { RateLimiter, RateLimitOptions } from './rateLimit';
import type { SessionStore } from './sessions';
import type { RequestStats } from './stats';

/** Wall-clock source in epoch milliseconds; tests inject a manual one. */
export interface Clock {
  now(): number;
}

export interface SandboxContext {
  /**
   * Replaced, never mutated in place (list results and indexes are cached per account object,
   * and reset restores the start object itself): the pagination-shift fault assigns a copy with
   * new items, `POST /_sandbox/reset` the start one. Whoever passed the account in must not
   * change it afterwards either.
   */
  account: DemoAccount;
  readonly token: string;
  /** False = the sandbox was started with `apiFilters: false` (lead filters silently ignored). */
  readonly apiFilters: boolean;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
  readonly sessions: SessionStore;
  readonly faults: FaultController;
  readonly rateLimiter: RateLimiter;
  /** What the API was asked for since the start or the last reset (`GET /_sandbox/stats`). */
  readonly stats: RequestStats;
  /**
   * Restores the account given at start, forgets sessions and rate-limit history, restarts
   * faults and zeroes the stats.
   */
  reset(): void;
}

export interface SandboxPluginOptions {
  ctx: SandboxContext;
}

/** Extra routes (e.g. the host pages in sandbox/server/host) registered next to the API. */
export type SandboxPlugin = FastifyPluginAsync<SandboxPluginOptions>;

export type { RateLimitOptions };
