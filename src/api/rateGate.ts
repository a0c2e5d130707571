import { ApiError } from './errors';

/**
 * amoCRM blocks an account (403) that earns more than about 20 rejections (429) in 10 s. A client
 * keeps to half of that: the page's client and the engine worker's may both be in a storm.
 */
export const REJECTION_WINDOW_MS = 10_000;
export const MAX_REJECTIONS_PER_WINDOW = 10;
/** Our own backoff doubles per round of 429s up to this; a longer `retry_after` still wins. */
export const MAX_BACKOFF_SECONDS = 60;
/**
 * Rounds in a row in which amoCRM's own `retry_after` is waited exactly as named; after them our
 * doubling backoff takes over where it is longer (a server that keeps refusing after waits it
 * named is asking for more than it says).
 */
export const NAMED_WAIT_ROUNDS = 3;

/** A wait the gate set after a 429, as the requester tells it (WaitInfo). */
export interface RatePause {
  readonly seconds: number;
  /** Epoch ms (the gate's clock) when requests may go again. */
  readonly until: number;
  /** Of the storm's budget, what is left once this pause is over. */
  readonly budgetLeftSeconds: number;
}

/** One request's passage through the gate; `release` once its answer (or failure) is in. */
export interface GateTicket {
  readonly round: number;
  release(): void;
}

export interface RateGateOptions {
  /** Epoch ms. */
  readonly now: () => number;
  /** Abortable wait that throws ApiErrors (the requester's). */
  readonly wait: (ms: number, signal: AbortSignal | undefined, path: string) => Promise<void>;
  /** How long a storm of 429s (no other answer in between) may be waited out, in ms. */
  readonly budgetMs: number;
  /** The first round's backoff when amoCRM names no longer wait. */
  readonly backoffMs: number;
  /** A new round of 429s began (not one more rejection of a burst already answered). */
  readonly onRound?: () => void;
}

/**
 * What a requester does between 429s. A 429 pauses every request of the client, not only the
 * rejected one, and starts a storm: until some request is answered otherwise, only one request is
 * in the air at a time (a burst of parallel retries would each be rejected again); each round
 * waits `retry_after` as named, or our own doubling backoff when there is none or amoCRM keeps
 * refusing; and no request goes while the last 10 s hold MAX_REJECTIONS_PER_WINDOW rejections.
 * The storm's waits end where its budget does: the rejection that would wait past it is given up
 * (RATE_LIMITED).
 */
export function createRateGate(options: RateGateOptions) {
  const { budgetMs, backoffMs } = options;
  // An injected sleep may not move the injected clock (an instant sleep in tests): a finished wait
  // counts as that much time passed, so pauses and the budget never wait twice for one moment.
  let floor = 0;
  const clock = (): number => Math.max(options.now(), floor);
  let pausedUntil = 0;
  /** Each pause opens a round; a 429 of a request sent before it belongs to the round it caused. */
  let round = 0;
  let strikes = 0;
  let stormStart: number | null = null;
  let probing = false;
  const rejections: number[] = [];
  const waiting = new Set<() => void>();

  const wake = (): void => {
    for (const w of [...waiting]) w();
  };

  /** The earliest moment a request may go: after the pause and with room in the window. */
  function readyAt(t: number): number {
    while ((rejections[0] ?? Infinity) <= t - REJECTION_WINDOW_MS) rejections.shift();
    const oldest = rejections[rejections.length - MAX_REJECTIONS_PER_WINDOW];
    const full = oldest === undefined ? 0 : oldest + REJECTION_WINDOW_MS;
    return Math.max(pausedUntil, full);
  }

  async function pause(ms: number, signal: AbortSignal | undefined, path: string): Promise<void> {
    const target = clock() + ms;
    await options.wait(ms, signal, path);
    floor = Math.max(floor, target);
  }

  /** Until the probe in the air is answered or the storm ends; abortable. */
  function nextTurn(signal: AbortSignal | undefined, path: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        waiting.delete(done);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        waiting.delete(done);
        reject(new ApiError('ABORTED', { path }));
      };
      if (signal?.aborted === true) {
        onAbort();
        return;
      }
      waiting.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Books a 429: the pause it sets, or null past the budget. */
  function reject(ticket: GateTicket, retryAfterSeconds: number | undefined): RatePause | null {
    const t = clock();
    rejections.push(t);
    stormStart ??= t;
    let until = pausedUntil;
    const asked = t + (retryAfterSeconds ?? 0) * 1000;
    if (ticket.round === round) {
      // Sent after the last pause began: a new round was refused. (A request sent before it is
      // one more of the burst that pause already answers, and grows nothing.)
      strikes++;
      round++;
      options.onRound?.();
      const named = retryAfterSeconds !== undefined;
      const doublings = named ? strikes - 1 - NAMED_WAIT_ROUNDS : strikes - 1;
      const backoff =
        doublings < 0 ? 0 : Math.min(MAX_BACKOFF_SECONDS * 1000, backoffMs * 2 ** doublings);
      until = Math.max(until, asked, t + backoff);
    } else {
      until = Math.max(until, asked);
    }
    if (until - stormStart > budgetMs) {
      // Given up: the next request (a retry of the whole sync, later) gets a budget of its own.
      stormStart = null;
      strikes = 0;
      return null;
    }
    pausedUntil = until;
    return {
      seconds: (until - t) / 1000,
      until,
      budgetLeftSeconds: (stormStart + budgetMs - until) / 1000,
    };
  }

  return {
    /** The gate's clock: the injected one, never behind a wait that finished. */
    now: clock,
    pause,

    /** Waits until a request may be sent; the ticket's `release` must follow its answer. */
    async enter(signal: AbortSignal | undefined, path: string): Promise<GateTicket> {
      for (;;) {
        if (signal?.aborted === true) throw new ApiError('ABORTED', { path });
        const t = clock();
        const ready = readyAt(t);
        if (ready > t) {
          await pause(ready - t, signal, path);
          continue;
        }
        if (stormStart !== null && probing) {
          await nextTurn(signal, path);
          continue;
        }
        const probe = stormStart !== null;
        if (probe) probing = true;
        let released = false;
        return {
          round,
          release: () => {
            if (released || !probe) return;
            released = true;
            probing = false;
            wake();
          },
        };
      }
    },

    /**
     * A 429 came back for `ticket`: the pause every request now keeps, or null when it would end
     * past the storm's budget. Releases the ticket only now, so the next probe sees the pause.
     */
    rejected(ticket: GateTicket, retryAfterSeconds: number | undefined): RatePause | null {
      try {
        return reject(ticket, retryAfterSeconds);
      } finally {
        ticket.release();
      }
    },

    /** amoCRM answered `ticket` with something other than 429: the storm, if any, is over. */
    answered(ticket: GateTicket): void {
      strikes = 0;
      stormStart = null;
      ticket.release();
      wake();
    },
  };
}

export type RateGate = ReturnType<typeof createRateGate>;
