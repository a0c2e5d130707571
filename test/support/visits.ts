/**
 * A lead's visits from an engine input, as the data service derives them from its held changes:
 * what `leadJourney` and `journeyView` take beside a model built with `buildModel(input)`.
 */
import type { FunnelInput, FunnelModel, Visit } from '../../src/core';
import { leadVisits } from '../../src/core';

export function visitsIn(
  input: FunnelInput,
  model: FunnelModel,
  leadId: number,
): Visit[] | undefined {
  const lead = model.factsById.get(leadId)?.lead;
  if (!lead) return undefined;
  const mine = input.events.filter(e => e.leadId === leadId);
  return leadVisits(lead, mine, model.historyFrom);
}
