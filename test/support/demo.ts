/**
 * The sandbox's demo account as engine input, for tests that need realistic data without a
 * server: the raw demo objects go through the same schemas and adapters as API responses.
 */
import { adaptLead, adaptLossReason, adaptPipeline, adaptStatusChanges } from '../../src/api/adapt';
import { parseWith } from '../../src/api/parse';
import { RawEventSchema, RawLeadSchema, RawPipelineSchema } from '../../src/api/schemas';
import type { FunnelInput } from '../../src/core';
import { generateDemoAccount, PIPELINE_IDS } from '../../sandbox/demo';
import type { DemoAccount } from '../../sandbox/demo';

export const DEMO_NOW = Date.UTC(2026, 10, 26, 9) / 1000;

export function demoAccount(leads = 600, seed = 11, now = DEMO_NOW): DemoAccount {
  return generateDemoAccount({ seed, leads, now });
}

export function demoInput(
  account: DemoAccount = demoAccount(),
  pipelineId: number = PIPELINE_IDS.main,
): FunnelInput {
  const raw = account.pipelines.find(p => p.id === pipelineId);
  if (!raw) throw new Error(`no pipeline ${pipelineId}`);
  const pipeline = adaptPipeline(
    parseWith(RawPipelineSchema, { ...raw, _embedded: { statuses: raw.statuses } }),
  );
  const leads = account.leads.map(l => adaptLead(parseWith(RawLeadSchema, l)));
  const events = adaptStatusChanges(
    account.events.map(e => parseWith(RawEventSchema, e)),
    'events',
  );
  return { pipeline, leads, events, lossReasons: account.lossReasons.map(adaptLossReason) };
}

export { PIPELINE_IDS, STATUS_IDS, USER_IDS } from '../../sandbox/demo';
