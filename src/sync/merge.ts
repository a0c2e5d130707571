import { freshestLeads } from '../core';
import type { Lead, StatusChange } from '../core';
import { keepLatestLifecycle } from './lifecycle';
import type { SyncResult } from './sync';

/**
 * What the widget keeps for one pipeline: the account facts a sync read, and the pipeline's live
 * leads with their stage-change history.
 */
export interface PipelineData extends Pick<
  SyncResult,
  'account' | 'pipelines' | 'users' | 'lossReasons' | 'leads' | 'events'
> {
  readonly pipelineId: number;
  /** Start of the last complete sync (epoch seconds): the next sync's `since`. */
  readonly syncedAt: number;
}

/** The change to apply to a stored copy: `replace` drops everything held before. */
export interface PipelineDelta {
  readonly replace: boolean;
  readonly putLeads: readonly Lead[];
  readonly deleteLeadIds: readonly number[];
  readonly putEvents: readonly StatusChange[];
}

/**
 * Applies a sync to what was held. A lead stays when it is in the pipeline and not deleted by a
 * deletion newer than its state; a lead seen in another pipeline left this one. Events are kept
 * for kept leads only. A full sync replaces everything held before.
 */
export function applySync(
  prev: PipelineData | null,
  result: SyncResult,
  pipelineId: number,
): { data: PipelineData; delta: PipelineDelta } {
  const base = result.full ? null : prev;
  const leads = new Map<number, Lead>(base ? base.leads.map(l => [l.id, l]) : []);
  const put = new Map<number, Lead>();
  const removed = new Set<number>();
  for (const lead of freshestLeads(result.leads)) {
    const held = leads.get(lead.id);
    if (held && held.updatedAt > lead.updatedAt) continue;
    if (lead.pipelineId === pipelineId && !lead.isDeleted) {
      leads.set(lead.id, lead);
      put.set(lead.id, lead);
    } else if (leads.delete(lead.id)) removed.add(lead.id);
  }
  for (const [leadId, e] of keepLatestLifecycle(new Map(), result.lifecycle)) {
    const held = leads.get(leadId);
    if (e.kind === 'deleted' && held && e.createdAt >= held.updatedAt) {
      leads.delete(leadId);
      put.delete(leadId);
      removed.add(leadId);
    }
  }

  const events = new Map<string, StatusChange>();
  if (base) for (const e of base.events) if (leads.has(e.leadId)) events.set(e.id, e);
  const putEvents: StatusChange[] = [];
  for (const e of result.events) {
    if (!leads.has(e.leadId) || events.has(e.id)) continue;
    events.set(e.id, e);
    putEvents.push(e);
  }

  return {
    data: {
      pipelineId,
      syncedAt: result.startedAt,
      account: result.account,
      pipelines: result.pipelines,
      users: result.users,
      lossReasons: result.lossReasons,
      leads: [...leads.values()],
      events: [...events.values()],
    },
    delta: {
      replace: base === null,
      putLeads: [...put.values()],
      deleteLeadIds: [...removed],
      putEvents,
    },
  };
}
