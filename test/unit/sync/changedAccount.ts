/** The demo account changed as an hour of work would change it, for refresh tests. */
import { PIPELINE_IDS, STATUS_IDS } from '../../../sandbox/demo';
import type { DemoAccount, DemoEvent, DemoLead } from '../../../sandbox/demo';

const MAIN = PIPELINE_IDS.main;

let eventSeq = 0;
function statusEvent(lead: DemoLead, at: number, to: [number, number]): DemoEvent {
  return {
    id: `zz${String(++eventSeq).padStart(24, '0')}`,
    type: 'lead_status_changed',
    entity_id: lead.id,
    entity_type: 'lead',
    created_by: 0,
    created_at: at,
    value_before: [{ lead_status: { id: lead.status_id, pipeline_id: lead.pipeline_id } }],
    value_after: [{ lead_status: { id: to[1], pipeline_id: to[0] } }],
    account_id: lead.account_id,
  };
}

/**
 * The account an hour later: one main lead moved to the other pipeline, one deleted, one lead of
 * the other pipeline moved in (its history predates the last sync), one brand-new lead that
 * moved a stage, and one main lead that moved a stage.
 */
export function changed(base: DemoAccount, at: number): DemoAccount {
  const open = base.leads.filter(l => !l.is_deleted && l.status_id !== 142 && l.status_id !== 143);
  const mains = open.filter(l => l.pipeline_id === MAIN);
  const other = open.find(l => l.pipeline_id === PIPELINE_IDS.repeat)!;
  const [leaving, deleted, moving] = mains;
  const events: DemoEvent[] = [];
  const leads = base.leads.map(l => {
    if (l === leaving) {
      events.push(statusEvent(l, at, [PIPELINE_IDS.repeat, 142]));
      return { ...l, pipeline_id: PIPELINE_IDS.repeat, status_id: 142, updated_at: at };
    }
    if (l === other) {
      events.push(statusEvent(l, at, [MAIN, STATUS_IDS.main.open[1]]));
      return { ...l, pipeline_id: MAIN, status_id: STATUS_IDS.main.open[1], updated_at: at };
    }
    if (l === moving) {
      events.push(statusEvent(l, at, [MAIN, STATUS_IDS.main.open[3]]));
      return { ...l, status_id: STATUS_IDS.main.open[3], updated_at: at };
    }
    if (l === deleted) {
      events.push({
        ...statusEvent(l, at, [MAIN, l.status_id]),
        type: 'lead_deleted',
        value_before: [],
        value_after: [],
      });
      return { ...l, is_deleted: true, updated_at: at };
    }
    return l;
  });
  const newId = Math.max(...base.leads.map(l => l.id)) + 1;
  const fresh: DemoLead = {
    ...mains[3]!,
    id: newId,
    status_id: STATUS_IDS.main.open[0],
    created_at: at - 60,
    updated_at: at,
  };
  events.push(statusEvent(fresh, at, [MAIN, STATUS_IDS.main.open[1]]));
  leads.push({ ...fresh, status_id: STATUS_IDS.main.open[1] });
  return { ...base, leads, events: [...base.events, ...events] };
}
