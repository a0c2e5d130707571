import { INCOMING_ACCEPTED, NOT_INCOMING } from './facts';
import type { LeadFacts } from './facts';
import { summarize } from './quantile';
import type { Funnel } from './stages';
import { isIncoming } from './stages';
import type { IncomingQueue, FirstResponse } from './types';

/**
 * metrics.md 11.4, first response: hours from creation to the first status change, over cohort
 * leads that have one; `waiting` counts the open ones that have none.
 */
export function firstResponse(cohort: readonly LeadFacts[]): FirstResponse {
  const hours: number[] = [];
  let waiting = 0;
  for (const f of cohort) {
    if (f.firstMoveAt !== null) hours.push((f.firstMoveAt - f.lead.createdAt) / 3600);
    else if (!f.isWon && !f.isLost) waiting++;
  }
  return { ...summarize(hours), waiting };
}

/** metrics.md 11.4, the incoming queue: of the leads that began in it, where they went. */
export function incomingQueue(funnel: Funnel, cohort: readonly LeadFacts[]): IncomingQueue {
  let entered = 0;
  let accepted = 0;
  let declined = 0;
  let waiting = 0;
  for (const f of cohort) {
    if (f.incoming === NOT_INCOMING) continue;
    entered++;
    if (f.incoming === INCOMING_ACCEPTED) accepted++;
    else if (f.isLost) declined++;
    if (isIncoming(funnel, f.lead.pipelineId, f.lead.statusId)) waiting++;
  }
  return { entered, accepted, declined, waiting };
}
