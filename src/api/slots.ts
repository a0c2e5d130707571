import pLimit from 'p-limit';
import { ApiError } from './errors';

/**
 * amoCRM counts its 7 requests per second where they ARRIVE, and an arrival can lag its send by
 * any queueing delay on the way or in the server. Counting from send times (p-throttle) therefore
 * tripped the limit whenever the server stalled for longer than the margin. Here a request holds
 * one of `limit` slots from its send until `holdMs()` after its answer: the server stamped it no
 * later than it answered, so the request that takes the slot next arrives a full window after it,
 * whatever the delays. p-limit keeps the slots and their queue; the hold is ours.
 */
export function createSlots(limit: number, holdMs: () => number, startFull = false) {
  const slots = pLimit(limit);
  // A client that cannot know what was sent just before it (the page it replaces may have used
  // the whole second) starts as if it had: every slot is free a window from now.
  if (startFull)
    for (let k = 0; k < limit; k++)
      void slots(() => new Promise(release => setTimeout(release, holdMs())));
  return function inSlot<T>(send: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new ApiError('ABORTED'));
      signal?.addEventListener('abort', onAbort, { once: true });
      void slots(async () => {
        // Aborted while queued: nothing was sent, so the slot is free again at once.
        if (signal?.aborted === true) return;
        try {
          resolve(await send());
        } catch (error) {
          reject(error instanceof Error ? error : new ApiError('HTTP', { cause: error }));
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
        await new Promise(release => setTimeout(release, holdMs()));
      });
    });
  };
}
