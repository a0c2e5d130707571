import { ratio } from './ratio';
import type { IncomingQueue } from './types';

/**
 * Extension (docs/metrics.md, shown shares): of the requests that came in, the share declined or
 * waiting. Kept apart from response.ts, which counts the queue in the engine: the panel shows this
 * share, and taking it from there would bring the engine's quantiles, and d3-array with them, into
 * what every page of the Leads section loads.
 */
export function unworkedShare(q: IncomingQueue): number | null {
  return ratio(q.declined + q.waiting, q.entered);
}
