/**
 * Building the emulator's shared state from start options. Defaults match amoCRM: 7 requests per
 * second, filters as the account's add-on flag says, no faults.
 */
import type { DemoAccount } from '../demo/types';
import type { FaultSetting } from './faults/config';
import { FaultController } from './faults/state';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rateLimit';
import { SessionStore } from './sessions';
import { RequestStats } from './stats';
import type { Clock, SandboxContext } from './types';

export const DEFAULT_TOKEN = 'sandbox-token';

export interface SandboxContextOptions {
  readonly account: DemoAccount;
  /** The bearer token acting as the admin; `<token>:<userId>` acts as that user. */
  readonly token?: string;
  /** false = lead `filter[...]` parameters are ignored whatever the account's flag says. */
  readonly apiFilters?: boolean;
  /** A preset name (`FAULT_PRESET_NAMES`) or a fault configuration; none by default. */
  readonly faults?: FaultSetting;
  readonly clock?: Clock;
  /** How injected latency waits; tests pass one that records instead of sleeping. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly rateLimit?: Partial<RateLimitOptions>;
}

export const systemClock: Clock = { now: () => Date.now() };

function realSleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

export function createSandboxContext(options: SandboxContextOptions): SandboxContext {
  // Kept by reference, not cloned: the account is replaced, never mutated in place (see
  // SandboxContext.account), so the start object is still intact at reset. A clone of a
  // 100,000-lead account took longer than generating it and held a second copy in memory.
  const initial = options.account;
  const clock = options.clock ?? systemClock;
  const faultSetting = options.faults ?? {};
  const ctx: SandboxContext = {
    account: options.account,
    token: options.token ?? DEFAULT_TOKEN,
    apiFilters: options.apiFilters ?? true,
    clock,
    sleep: options.sleep ?? realSleep,
    sessions: new SessionStore(clock),
    faults: new FaultController(faultSetting),
    rateLimiter: new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit }),
    stats: new RequestStats(() => clock.now()),
    reset() {
      ctx.account = initial;
      ctx.sessions.clear();
      ctx.rateLimiter.clear();
      ctx.faults.set(faultSetting);
      ctx.stats.reset();
    },
  };
  return ctx;
}
