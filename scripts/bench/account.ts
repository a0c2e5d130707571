/**
 * A sandbox account with a benchmark-sized main pipeline: the demo's account, users, pipelines and
 * loss reasons (so the host pages and the widget see a real account), with the main pipeline's
 * leads and status changes replaced by the synthetic ones (synthetic.ts) — about a million status
 * changes at 100,000 leads, the size issue #8's warm and refresh goals name.
 */
import { generateDemoAccount } from '../../sandbox/demo';
import type { DemoAccount, DemoEvent, DemoLead } from '../../sandbox/demo/types';
import { mainPipeline } from '../../sandbox/server/host';
import { syntheticLeads } from './synthetic';

export interface BigAccount {
  readonly account: DemoAccount;
  readonly statusChanges: number;
}

export function bigAccount(leads: number, changesPerLead: number, now: number): BigAccount {
  const base = generateDemoAccount({ seed: 7, leads: 200, now });
  const main = mainPipeline(base);
  const incoming = main.statuses.find(s => s.type === 1)?.id;
  const stages = main.statuses
    .filter(s => s.type === 0 && s.id !== 142 && s.id !== 143)
    .sort((a, b) => a.sort - b.sort)
    .map(s => s.id);
  if (incoming === undefined) throw new Error('the demo main pipeline has no incoming status');
  const userIds = base.users.filter(u => u.is_active).map(u => u.id);
  const lossReason = base.lossReasons[0]?.id ?? null;

  const kept = new Set(base.leads.filter(l => l.pipeline_id !== main.id).map(l => l.id));
  const outLeads: DemoLead[] = base.leads.filter(l => kept.has(l.id));
  const events: DemoEvent[] = base.events.filter(e => kept.has(e.entity_id));
  let statusChanges = 0;
  const synthetic = syntheticLeads({
    pipeline: { id: main.id, incoming, stages },
    leads,
    changesPerLead,
    now,
  });
  for (const { lead, changes } of synthetic) {
    const statusId = lead.status_id as number;
    outLeads.push({
      id: lead.id,
      name: lead.name as string,
      price: lead.price as number,
      responsible_user_id: userIds[lead.id % userIds.length] ?? 0,
      group_id: 0,
      status_id: statusId,
      pipeline_id: main.id,
      loss_reason_id: statusId === 143 ? lossReason : null,
      created_by: 0,
      updated_by: 0,
      created_at: lead.created_at as number,
      updated_at: lead.updated_at as number,
      closed_at: lead.closed_at as number | null,
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: null,
      score: null,
      account_id: base.account.id,
      tags: [],
    });
    for (const c of changes) {
      statusChanges++;
      events.push({
        id: c.id,
        type: 'lead_status_changed',
        entity_id: c.entity_id,
        entity_type: 'lead',
        created_by: 0,
        created_at: c.created_at,
        value_before: c.value_before as DemoEvent['value_before'],
        value_after: c.value_after as DemoEvent['value_after'],
        account_id: base.account.id,
      } as DemoEvent);
    }
  }
  // The sandbox lists events oldest first, as amoCRM keeps them.
  events.sort((a, b) => a.created_at - b.created_at);
  return { account: { ...base, leads: outLeads, events }, statusChanges };
}
