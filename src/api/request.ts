import type { AxiosInstance } from 'axios';
import { ApiError, toApiError } from './errors';
import { buildUrl } from './query';
import type { Query } from './query';
import { createRateGate } from './rateGate';
import type { GateTicket } from './rateGate';
import { createSlots } from './slots';
import type { PeerHub } from './slots';
import type { BodyInfo, Sleep, WaitInfo } from './types';

/**
 * amoCRM's limit, 7 requests per second, counted where requests ARRIVE. Each request holds its
 * slot until a second after its answer (see slots.ts), plus a margin for timer coarseness; after
 * a 429 (a server that counts differently) the margin grows.
 */
export const DEFAULT_RATE_LIMIT = { limit: 7, intervalMs: 1000, marginMs: 20 } as const;
/** Each round of 429s doubles the margin up to this (rateGate.ts says what a round is). */
const MAX_MARGIN_MS = 1000;
/**
 * How long a storm of 429s is waited out unless the caller says otherwise: five minutes, the
 * `retry_after` of amoCRM's own documented 429 example, so even that wait is honoured once.
 */
export const DEFAULT_WAIT_BUDGET_SECONDS = 300;

export interface RequesterOptions {
  readonly http: AxiosInstance;
  readonly sleep?: Sleep;
  readonly onWait?: (info: WaitInfo) => void;
  readonly onBody?: (info: BodyInfo) => void;
  /** Epoch ms: the clock of 429 pauses and the wait budget, and of HTTP-date `Retry-After`s. */
  readonly now?: () => number;
  /**
   * Retries of a 5xx, network error or timeout after the first attempt; default 4 (waits 1, 2,
   * 4, 8 s). 429s are not counted here: they are waited out within `waitBudgetSeconds`.
   */
  readonly maxRetries?: number;
  readonly backoffMs?: number;
  /**
   * How long a storm of 429s (no other answer in between) is waited out, in seconds; the 429
   * whose wait would end past it fails with RATE_LIMITED. Default DEFAULT_WAIT_BUDGET_SECONDS.
   */
  readonly waitBudgetSeconds?: number;
  /** A 429 asking for a longer wait fails at once with RATE_LIMITED (carrying `retryAfter`). */
  readonly maxRetryAfterSeconds?: number;
  /** amoCRM allows 7 requests per second; the default uses exactly that, plus a jitter margin. */
  readonly rateLimit?: {
    readonly limit: number;
    readonly intervalMs: number;
    readonly marginMs?: number;
    /**
     * Starts as if the limit had just been used up: the first request waits one window. For a
     * client that replaces another one (a reloaded page's sync) whose last requests amoCRM may
     * still be counting.
     */
    readonly startFull?: boolean;
  };
  /** This thread's hub of the account's clients, whose requests share amoCRM's limit (slots.ts). */
  readonly peers?: PeerHub | undefined;
}

export interface JsonResponse {
  readonly status: number;
  /** undefined for 204 No Content. */
  readonly data: unknown;
  readonly url: string;
}

/** GET one API path; retried, throttled and mapped to ApiError. */
export type GetJson = (path: string, query: Query, signal?: AbortSignal) => Promise<JsonResponse>;

/** setTimeout-based wait that rejects with ABORTED as soon as the signal fires. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new ApiError('ABORTED'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ApiError('ABORTED'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const RETRIED_SERVER_STATUSES = new Set([500, 502, 503, 504]);

/** Seconds to wait before retrying a failure other than 429, or null when it must not be retried. */
function retrySeconds(
  error: ApiError,
  failures: number,
  backoffMs: number,
): { reason: 'server_error' | 'network'; seconds: number } | null {
  const backoff = (backoffMs * 2 ** (failures - 1)) / 1000;
  switch (error.code) {
    case 'SERVER':
      return error.status !== undefined && RETRIED_SERVER_STATUSES.has(error.status)
        ? { reason: 'server_error', seconds: backoff }
        : null;
    // A timed-out read is as transient as a dropped connection; GETs are safe to repeat.
    case 'NETWORK':
    case 'TIMEOUT':
      return { reason: 'network', seconds: backoff };
    // The request itself is wrong or not allowed: repeating it cannot help, and repeating a 403
    // may get the account blocked. (429 never comes here: the rate gate waits it out.)
    case 'RATE_LIMITED':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'PAYMENT_REQUIRED':
    case 'NOT_FOUND':
    case 'BAD_REQUEST':
    case 'HTTP':
    case 'SCHEMA':
    case 'ABORTED':
      return null;
  }
}

/**
 * The one place that talks to axios. Retries are a small explicit loop rather than axios-retry:
 * the waits must go through the injectable, abortable `sleep`, a 429 must honour `retry_after`
 * from a possibly non-JSON body, and the UI must hear about every wait (`onWait`). Every attempt,
 * retries included, holds a rate-limit slot, so the client never exceeds the rate limit. 429s
 * are not retried a fixed number of times but waited out, the whole client pausing, for as long
 * as `waitBudgetSeconds` allows (rateGate.ts): amoCRM asks to be waited out, and blocks a client
 * that keeps knocking.
 */
export function createRequester(options: RequesterOptions): GetJson {
  const { http, onWait, onBody } = options;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? Infinity;
  const rate: NonNullable<RequesterOptions['rateLimit']> = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  let marginMs = rate.marginMs ?? 0;
  const inSlot = createSlots(
    rate.limit,
    () => rate.intervalMs + marginMs,
    rate.startFull,
    options.peers,
  );
  const gate = createRateGate({
    now,
    wait,
    budgetMs: (options.waitBudgetSeconds ?? DEFAULT_WAIT_BUDGET_SECONDS) * 1000,
    backoffMs,
    // Once per round, not per rejection: the parallel requests of one burst refused together say
    // one thing about our rate, and seven doublings would leave the client at half speed for good.
    onRound: () => {
      marginMs = Math.min(MAX_MARGIN_MS, Math.max(2 * marginMs, 100));
    },
  });

  async function attempt(url: string, signal: AbortSignal | undefined): Promise<JsonResponse> {
    if (signal?.aborted === true) throw new ApiError('ABORTED');
    const response = await inSlot(
      () => http.get<unknown>(url, signal === undefined ? {} : { signal }),
      signal,
    );
    // A 204 may still carry '' from the adapter; it is an empty result, not a body.
    return {
      status: response.status,
      data: response.status === 204 ? undefined : response.data,
      url,
    };
  }

  async function wait(ms: number, signal: AbortSignal | undefined, path: string): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (error) {
      throw signal?.aborted === true ? new ApiError('ABORTED', { path }) : toApiError(error, path);
    }
    if (signal?.aborted === true) throw new ApiError('ABORTED', { path });
  }

  /** One attempt; the ticket is released by the gate's bookkeeping of its answer, or here. */
  async function tryOnce(
    url: string,
    path: string,
    signal: AbortSignal | undefined,
    ticket: GateTicket,
  ): Promise<JsonResponse | ApiError> {
    try {
      return await attempt(url, signal);
    } catch (error) {
      const failure = toApiError(error, path, now());
      if (failure.code === 'ABORTED' || signal?.aborted === true) {
        ticket.release();
        throw new ApiError('ABORTED', { path, cause: error });
      }
      return failure;
    }
  }

  return async function getJson(path, query, signal) {
    const url = buildUrl(path, query);
    let failures = 0;
    for (let attemptNo = 1; ; attemptNo++) {
      const ticket = await gate.enter(signal, path);
      const outcome = await tryOnce(url, path, signal, ticket);
      if (!(outcome instanceof ApiError)) {
        gate.answered(ticket);
        onBody?.(outcome);
        return outcome;
      }
      if (outcome.code === 'RATE_LIMITED') {
        if ((outcome.retryAfter ?? 0) > maxRetryAfter) {
          ticket.release();
          throw outcome;
        }
        const pause = gate.rejected(ticket, outcome.retryAfter);
        if (pause === null) throw outcome;
        onWait?.({ reason: 'rate_limited', attempt: attemptNo, ...pause });
        await gate.pause(pause.seconds * 1000, signal, path);
        continue;
      }
      gate.answered(ticket);
      const next = retrySeconds(outcome, ++failures, backoffMs);
      if (next === null || failures > maxRetries) throw outcome;
      onWait?.({
        ...next,
        attempt: attemptNo,
        until: gate.now() + next.seconds * 1000,
        budgetLeftSeconds: null,
      });
      await gate.pause(next.seconds * 1000, signal, path);
    }
  };
}
