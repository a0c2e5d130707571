import { INCOMING, LOST_POS, SIDE_POS, WON_POS } from './funnel';
import type { Place } from './journey';
import { ACCOUNT_ID, LOST, PIPELINE_IDS, STATUS_IDS, USER_IDS, WON } from './structure';
import type { DemoEvent, DemoLeadStatusValue, DemoResponsibleValue } from './types';

/**
 * Event objects in amoCRM's shape. The value lists of status and responsible events are shared
 * between events (there are only a few dozen distinct ones) and frozen, which keeps a 100,000-lead
 * account small in memory; events are history, nothing should edit them anyway.
 */

export interface StatusRef {
  readonly pipelineId: number;
  readonly statusId: number;
}

export function statusOf(place: Place): StatusRef {
  const pipelineId = PIPELINE_IDS[place.pipe];
  const ids = STATUS_IDS[place.pipe];
  if (place.pos === WON_POS) return { pipelineId, statusId: WON };
  if (place.pos === LOST_POS) return { pipelineId, statusId: LOST };
  if (place.pos === INCOMING) return { pipelineId, statusId: ids.incoming };
  if (place.pos === SIDE_POS) {
    if (!('side' in ids)) throw new RangeError(`demo: no side stage in ${place.pipe}`);
    return { pipelineId, statusId: ids.side };
  }
  const statusId = ids.open[place.pos];
  if (statusId === undefined) throw new RangeError(`demo: no stage ${place.pos} in ${place.pipe}`);
  return { pipelineId, statusId };
}

function frozenList<T extends object>(item: T): T[] {
  const list = [Object.freeze(item)];
  Object.freeze(list);
  return list;
}

const statusValues = new Map<Place, DemoLeadStatusValue[]>();
const responsibleValues = new Map<number, DemoResponsibleValue[]>();

function statusValue(place: Place): DemoLeadStatusValue[] {
  // Places are interned (placeOf), so the object itself is the key.
  let value = statusValues.get(place);
  if (!value) {
    const { pipelineId, statusId } = statusOf(place);
    value = frozenList({ lead_status: Object.freeze({ id: statusId, pipeline_id: pipelineId }) });
    statusValues.set(place, value);
  }
  return value;
}

function responsibleValue(userId: number): DemoResponsibleValue[] {
  let value = responsibleValues.get(userId);
  if (!value) {
    value = frozenList({ responsible_user: Object.freeze({ id: userId }) });
    responsibleValues.set(userId, value);
  }
  return value;
}

export function leadAdded(leadId: number, at: number, by: number, noteId: number): DemoEvent {
  return {
    id: '',
    type: 'lead_added',
    entity_id: leadId,
    entity_type: 'lead',
    created_by: by,
    created_at: at,
    value_before: [],
    value_after: [{ note: { id: noteId } }],
    account_id: ACCOUNT_ID,
  };
}

export function statusChanged(
  leadId: number,
  at: number,
  by: number,
  from: Place,
  to: Place,
): DemoEvent {
  return {
    id: '',
    type: 'lead_status_changed',
    entity_id: leadId,
    entity_type: 'lead',
    created_by: by,
    created_at: at,
    value_before: statusValue(from),
    value_after: statusValue(to),
    account_id: ACCOUNT_ID,
  };
}

export function responsibleChanged(
  leadId: number,
  at: number,
  by: number,
  from: number,
  to: number,
): DemoEvent {
  return {
    id: '',
    type: 'entity_responsible_changed',
    entity_id: leadId,
    entity_type: 'lead',
    created_by: by,
    created_at: at,
    value_before: responsibleValue(from),
    value_after: responsibleValue(to),
    account_id: ACCOUNT_ID,
  };
}

export function deletedOrRestored(
  type: 'lead_deleted' | 'lead_restored',
  leadId: number,
  at: number,
): DemoEvent {
  return {
    id: '',
    type,
    entity_id: leadId,
    entity_type: 'lead',
    created_by: USER_IDS.admin,
    created_at: at,
    value_before: [],
    value_after: [],
    account_id: ACCOUNT_ID,
  };
}
