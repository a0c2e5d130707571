/**
 * Bundled by warm.ts and run in a sandbox page: fills the widget's IndexedDB cache with a whole
 * pipeline history the way the widget's own data service would — the same keeper, loaders, store
 * and cache — but with a client that does not hold amoCRM's 7 requests per second (the bench's
 * sandbox does not limit), so a million status changes load in a minute instead of half an hour.
 * Nothing is measured here; warm.ts then opens the widget over the filled cache.
 */
import { createApiClient, createBrowserHttp } from '../../src/api';
import type { CacheScope } from '../../src/sync';
import { apiSource, createKeeper } from '../../src/sync';
import { openIdbStore } from '../../src/sync/idb';

export interface FillRequest {
  readonly scope: CacheScope;
  /** Epoch s; where the window starts, as the service computes it for the default period. */
  readonly windowFrom: number;
}

export interface FillResult {
  readonly steps: number;
  readonly ms: number;
  readonly leads: number;
}

async function fill(request: FillRequest): Promise<FillResult> {
  const started = performance.now();
  const cache = await openIdbStore();
  const client = createApiClient({
    http: createBrowserHttp(),
    rateLimit: { limit: 1000, intervalMs: 1000, marginMs: 0 },
  });
  const keeper = createKeeper({
    scope: request.scope,
    cache,
    source: apiSource(client),
    readUsers: true,
    now: () => Math.floor(Date.now() / 1000),
    windowFrom: () => request.windowFrom,
    target: () => null,
    // Nothing to show meanwhile: the whole backfill in one step, saved once.
    stepPages: () => Number.MAX_SAFE_INTEGER,
  });
  await keeper.open();
  let steps = 0;
  for (let kind = keeper.next(); kind !== null; kind = keeper.next()) {
    await keeper.step(kind);
    steps++;
  }
  const leads = keeper.store()?.size() ?? 0;
  cache.close();
  return { steps, ms: performance.now() - started, leads };
}

(globalThis as { __benchFill?: typeof fill }).__benchFill = fill;
