/**
 * amoCRM's request limit (reference §6): at most 7 requests per second, HTTP 429 above it, and
 * HTTP 403 for every request once a client keeps violating it. Counted per client key (the
 * credential sent, else the IP), over a sliding window so a burst straddling a second boundary
 * is caught just as amoCRM's "no more than 7 per second" reads.
 */

export interface RateLimitOptions {
  /** Off: every request passes (benchmarks that measure the client, not throttling). */
  readonly enabled: boolean;
  /** Requests allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** More than this many rejected requests within `blockWindowMs` blocks the client. */
  readonly blockAfter: number;
  readonly blockWindowMs: number;
  /** How long a blocked client gets 403 for everything. */
  readonly blockMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  enabled: true,
  limit: 7,
  windowMs: 1000,
  blockAfter: 20,
  blockWindowMs: 10_000,
  blockMs: 30_000,
};

export type RateDecision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'limited'; readonly retryAfterS: number }
  | { readonly kind: 'blocked'; readonly retryAfterS: number };

interface ClientHistory {
  accepted: number[];
  rejected: number[];
  blockedUntil: number;
}

function keepAfter(times: number[], cutoff: number): number[] {
  return times.filter(time => time > cutoff);
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export class RateLimiter {
  private readonly clients = new Map<string, ClientHistory>();

  constructor(readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {}

  /** Records one request of `key` at `now` (epoch ms) and says whether it may proceed. */
  check(key: string, now: number): RateDecision {
    if (!this.options.enabled) return { kind: 'allow' };
    const client = this.clients.get(key) ?? { accepted: [], rejected: [], blockedUntil: 0 };
    this.clients.set(key, client);
    if (now < client.blockedUntil) {
      return { kind: 'blocked', retryAfterS: seconds(client.blockedUntil - now) };
    }
    client.accepted = keepAfter(client.accepted, now - this.options.windowMs);
    if (client.accepted.length < this.options.limit) {
      client.accepted.push(now);
      return { kind: 'allow' };
    }
    client.rejected = keepAfter(client.rejected, now - this.options.blockWindowMs);
    client.rejected.push(now);
    if (client.rejected.length > this.options.blockAfter) {
      client.blockedUntil = now + this.options.blockMs;
      client.rejected = [];
      client.accepted = [];
      return { kind: 'blocked', retryAfterS: seconds(this.options.blockMs) };
    }
    const oldest = client.accepted[0] ?? now;
    return { kind: 'limited', retryAfterS: seconds(oldest + this.options.windowMs - now) };
  }

  clear(): void {
    this.clients.clear();
  }
}
