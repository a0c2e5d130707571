/** The demo account's main pipeline as the widget's cache holds it (no DOM, no test library). */
import type { PipelineData } from '../../src/sync/merge';
import { ACCOUNT_ID } from '../../sandbox/demo';
import { demoAccount, demoInput, DEMO_NOW, PIPELINE_IDS, USER_IDS } from './demo';

export const PID = PIPELINE_IDS.main;
export const SCOPE = { accountId: ACCOUNT_ID, userId: USER_IDS.admin, pipelineId: PID };

/** The demo account's main pipeline as the cache holds it after a sync at DEMO_NOW. */
export function demoPipelineData(leads = 600): PipelineData {
  const account = demoAccount(leads);
  const input = demoInput(account, PID);
  const kept = input.leads.filter(l => l.pipelineId === PID && !l.isDeleted);
  const ids = new Set(kept.map(l => l.id));
  return {
    pipelineId: PID,
    syncedAt: DEMO_NOW,
    account: {
      id: SCOPE.accountId,
      name: account.account.name,
      subdomain: account.account.subdomain,
      currentUserId: USER_IDS.admin,
      timezone: account.account.timezone,
      currency: account.account.currency,
      currencySymbol: account.account.currency_symbol,
      usersGroups: [],
    },
    pipelines: [input.pipeline],
    users: account.users.map(u => ({ id: u.id, name: u.name, groupId: null, isActive: true })),
    lossReasons: input.lossReasons,
    leads: kept,
    events: input.events.filter(e => ids.has(e.leadId)),
  };
}
