/**
 * The demo account as engine input without a server: the raw demo objects go through the same
 * schemas and adapters as API responses. Used by tests and the benchmark.
 */
import {
  RawEventSchema,
  RawLeadSchema,
  RawPipelineSchema,
  adaptLead,
  adaptLossReason,
  adaptPipeline,
  adaptStatusChanges,
  parseWith,
} from '../../src/api';
import type { FunnelInput } from '../../src/core';
import type { DemoAccount } from './types';

export function demoFunnelInput(account: DemoAccount, pipelineId: number): FunnelInput {
  const raw = account.pipelines.find(p => p.id === pipelineId);
  if (!raw) throw new Error(`no pipeline ${pipelineId}`);
  const pipeline = adaptPipeline(
    parseWith(RawPipelineSchema, { ...raw, _embedded: { statuses: raw.statuses } }),
  );
  // The demo keeps a lead's tags beside it; the API serves them as `_embedded.tags`.
  const leads = account.leads.map(l =>
    adaptLead(parseWith(RawLeadSchema, { ...l, _embedded: { tags: l.tags } })),
  );
  const events = adaptStatusChanges(
    account.events.map(e => parseWith(RawEventSchema, e)),
    'events',
  );
  return { pipeline, leads, events, lossReasons: account.lossReasons.map(adaptLossReason) };
}
