/** The demo account's main pipeline as engine input (no DOM, no test library). */
import type { FunnelInput, User } from '../../src/core';
import { ACCOUNT_ID } from '../../sandbox/demo';
import { demoAccount, demoInput, PIPELINE_IDS, USER_IDS } from './demo';

export const PID = PIPELINE_IDS.main;
export const SCOPE = { accountId: ACCOUNT_ID, userId: USER_IDS.admin, pipelineId: PID };

/** A pipeline's engine input with the account's users (the managers a page shows). */
export interface DemoPipeline extends FunnelInput {
  readonly users: readonly User[];
}

/**
 * The demo account's main pipeline at DEMO_NOW: its live leads and their status changes, as the
 * data service's model holds them after a complete sync.
 */
export function demoPipelineData(leads = 600): DemoPipeline {
  const account = demoAccount(leads);
  const input = demoInput(account, PID);
  const kept = input.leads.filter(l => l.pipelineId === PID && !l.isDeleted);
  const ids = new Set(kept.map(l => l.id));
  return {
    ...input,
    leads: kept,
    events: input.events.filter(e => ids.has(e.leadId)),
    users: account.users.map(u => ({ id: u.id, name: u.name, groupId: null, isActive: true })),
  };
}
