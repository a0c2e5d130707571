/** The sandbox's demo account, and as engine input, for tests that need realistic data. */
import type { FunnelInput } from '../../src/core';
import { generateDemoAccount, PIPELINE_IDS } from '../../sandbox/demo';
import type { DemoAccount } from '../../sandbox/demo';
import { demoFunnelInput } from '../../sandbox/demo/funnelInput';

export const DEMO_NOW = Date.UTC(2026, 10, 26, 9) / 1000;

export function demoAccount(leads = 600, seed = 11, now = DEMO_NOW): DemoAccount {
  return generateDemoAccount({ seed, leads, now });
}

export function demoInput(
  account: DemoAccount = demoAccount(),
  pipelineId: number = PIPELINE_IDS.main,
): FunnelInput {
  return demoFunnelInput(account, pipelineId);
}

export { PIPELINE_IDS, STATUS_IDS, USER_IDS } from '../../sandbox/demo';
