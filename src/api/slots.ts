import pLimit from 'p-limit';
import { ApiError } from './errors';

/** A request one client of the account has in the air or just answered. */
export interface PeerMessage {
  readonly kind: 'sent' | 'answered';
  /** Unique per request across clients: the client's id and a counter. */
  readonly id: string;
  readonly client: string;
}

/** How the hub hears other threads and tabs (the widget's BroadcastChannel). */
export interface PeerTransport {
  post(message: PeerMessage): void;
  listen(hear: (message: unknown) => void): void;
}

/** A peer that never says its request was answered (its worker was ended) is let go after this. */
export const PEER_SILENT_MS = 10_000;

/**
 * Every client of the account in this browser — the page's, the engine worker's, other tabs' —
 * spends one limit of amoCRM's. One hub per thread keeps the requests all of them have in the air
 * (its own clients' directly, other threads' from the transport) for its clients to count. Within
 * a thread this is exact; between threads a request counts once the channel has delivered it, so
 * two bursts begun in the very same millisecond could still meet (a 429 then widens the margin).
 */
export function createPeerHub(transport?: PeerTransport, holdMs: () => number = () => 1020) {
  const held = new Map<string, { client: string; timer: ReturnType<typeof setTimeout> }>();
  const waiting = new Set<() => void>();
  const changed = (): void => {
    for (const wake of [...waiting]) wake();
  };
  const note = (m: PeerMessage): void => {
    const seen = held.get(m.id);
    if (seen) clearTimeout(seen.timer);
    // An answered request holds its slot a window longer, as a client's own do.
    const timer = setTimeout(
      () => {
        held.delete(m.id);
        changed();
      },
      m.kind === 'sent' ? PEER_SILENT_MS : holdMs(),
    );
    held.set(m.id, { client: m.client, timer });
    changed();
  };
  transport?.listen(data => {
    if (isPeerMessage(data)) note(data);
  });
  return {
    /** Requests of other clients than `client` now holding a slot. */
    others(client: string): number {
      let n = 0;
      for (const h of held.values()) if (h.client !== client) n++;
      return n;
    },
    announce(m: PeerMessage): void {
      note(m);
      transport?.post(m);
    },
    /**
     * Announces `m` as soon as `fits()` holds — checked again whenever a request comes or goes,
     * and announced in the same turn as the check that passed, so two clients of this thread never
     * both take the last slot. False when `cancelled()` first.
     */
    async take(m: PeerMessage, fits: () => boolean, cancelled: () => boolean): Promise<boolean> {
      for (;;) {
        if (cancelled()) return false;
        if (fits()) {
          this.announce(m);
          return true;
        }
        await new Promise<void>(wake => {
          const done = (): void => {
            waiting.delete(done);
            wake();
          };
          waiting.add(done);
        });
      }
    },
  };
}

export type PeerHub = ReturnType<typeof createPeerHub>;

function isPeerMessage(data: unknown): data is PeerMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    (m['kind'] === 'sent' || m['kind'] === 'answered') &&
    typeof m['id'] === 'string' &&
    typeof m['client'] === 'string'
  );
}

let clients = 0;

/**
 * amoCRM counts its 7 requests per second where they ARRIVE, and an arrival can lag its send by
 * any queueing delay on the way or in the server. Counting from send times (p-throttle) therefore
 * tripped the limit whenever the server stalled for longer than the margin. Here a request holds
 * one of `limit` slots from its send until `holdMs()` after its answer: the server stamped it no
 * later than it answered, so the request that takes the slot next arrives a full window after it,
 * whatever the delays. p-limit keeps the slots and their queue; the hold is ours. With a hub, the
 * other clients' requests hold slots too, so all of them together stay within the limit.
 */
export function createSlots(limit: number, holdMs: () => number, startFull = false, hub?: PeerHub) {
  const slots = pLimit(limit);
  // A client that cannot know what was sent just before it (the page it replaces may have used
  // the whole second) starts as if it had: every slot is free a window from now.
  if (startFull)
    for (let k = 0; k < limit; k++)
      void slots(() => new Promise(release => setTimeout(release, holdMs())));
  const self = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}.${++clients}`;
  let sent = 0;
  return function inSlot<T>(send: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new ApiError('ABORTED'));
      signal?.addEventListener('abort', onAbort, { once: true });
      void slots(async () => {
        const id = `${self}-${++sent}`;
        const aborted = (): boolean => signal?.aborted === true;
        // Our own requests (this one included) and the others' in the air share the limit.
        const go = hub
          ? await hub.take(
              { kind: 'sent', id, client: self },
              () => slots.activeCount + hub.others(self) <= limit,
              aborted,
            )
          : !aborted();
        // Aborted while queued: nothing was sent, so the slot is free again at once.
        if (!go) return;
        try {
          resolve(await send());
        } catch (error) {
          reject(error instanceof Error ? error : new ApiError('HTTP', { cause: error }));
        } finally {
          signal?.removeEventListener('abort', onAbort);
          hub?.announce({ kind: 'answered', id, client: self });
        }
        await new Promise(release => setTimeout(release, holdMs()));
      });
    });
  };
}
