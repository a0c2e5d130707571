import {
  deletedOrRestored,
  leadAdded,
  responsibleChanged,
  statusChanged,
  statusOf,
} from './events';
import { laterMoment } from './calendar';
import type { PlannedLead } from './leads';
import { eventId } from './random';
import type { Rng } from './random';
import { ACCOUNT_ID, USER_GROUP, USER_IDS } from './structure';
import type { DemoEvent, DemoLead } from './types';

/** Turns planned leads into amoCRM lead objects and the account's event log. */

/** Share of leads edited (a field, a note) after their last status change. */
const LATER_EDIT_SHARE = 0.25;

export function toDemoLead(plan: PlannedLead, now: number, rng: Rng): DemoLead {
  const { journey } = plan;
  const { pipelineId, statusId } = statusOf(journey.place);
  const lastStep = journey.steps[journey.steps.length - 1];
  let updatedAt = journey.lastAt;
  let updatedBy = lastStep ? lastStep.by : plan.createdBy;
  if (plan.deletedAt !== null) {
    updatedAt = plan.restoredAt ?? plan.deletedAt;
    updatedBy = USER_IDS.admin;
  } else if (rng.chance(LATER_EDIT_SHARE)) {
    updatedAt = laterMoment(journey.lastAt, now, 30, rng);
    updatedBy = journey.responsible;
  }
  // A stuck deal usually has an overdue follow-up task nobody did.
  const closestTaskAt = journey.stalled ? laterMoment(journey.lastAt, now, 96, rng) : null;
  return {
    id: plan.id,
    name: plan.name,
    price: plan.price,
    responsible_user_id: journey.responsible,
    group_id: USER_GROUP.get(journey.responsible) ?? 0,
    status_id: statusId,
    pipeline_id: pipelineId,
    loss_reason_id: journey.lossReasonId,
    created_by: plan.createdBy,
    updated_by: updatedBy,
    created_at: plan.createdAt,
    updated_at: updatedAt,
    closed_at: journey.closedAt,
    closest_task_at: closestTaskAt,
    is_deleted: plan.deletedAt !== null && plan.restoredAt === null,
    custom_fields_values: null,
    score: null,
    account_id: ACCOUNT_ID,
    tags: [...plan.tags],
  };
}

/** One lead's events, oldest first. */
export function eventsOf(plan: PlannedLead): DemoEvent[] {
  const events = [leadAdded(plan.id, plan.createdAt, plan.createdBy, plan.noteId)];
  for (const step of plan.journey.steps) {
    events.push(
      step.kind === 'status'
        ? statusChanged(plan.id, step.at, step.by, step.from, step.to)
        : responsibleChanged(plan.id, step.at, step.by, step.from, step.to),
    );
  }
  if (plan.deletedAt !== null)
    events.push(deletedOrRestored('lead_deleted', plan.id, plan.deletedAt));
  if (plan.restoredAt !== null) {
    events.push(deletedOrRestored('lead_restored', plan.id, plan.restoredAt));
  }
  return events;
}

/**
 * The account's event log, oldest first. The sort is stable and leads are fed in id order, so
 * events in the same second stay ordered by lead id, then by their order within the lead. Ids
 * are given after sorting, so they also sort by time.
 */
export function eventLog(plans: readonly PlannedLead[], rng: Rng): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (const plan of plans) for (const event of eventsOf(plan)) events.push(event);
  events.sort((a, b) => a.created_at - b.created_at);
  events.forEach((event, seq) => {
    event.id = eventId(event.created_at, seq, rng);
  });
  return events;
}

/**
 * `log` (from `eventLog`) with the events of `changed` leads replaced by their events now, in the
 * same order `eventLog` gives (time, then lead id, then order within the lead). Every other event
 * keeps its id; the new ones take sequence numbers after the log's and bits from `rng`, so a pass
 * run after `eventLog` (the side stage) leaves the rest of the log exactly as it was.
 */
export function replaceEvents(
  log: readonly DemoEvent[],
  changed: readonly PlannedLead[],
  rng: Rng,
  /** The first new sequence number: above every one `log` holds (a second pass sets it). */
  firstSeq: number = log.length,
): DemoEvent[] {
  if (changed.length === 0) return [...log];
  const ids = new Set(changed.map(plan => plan.id));
  const fresh: DemoEvent[] = [];
  for (const plan of [...changed].sort((a, b) => a.id - b.id)) {
    for (const event of eventsOf(plan)) fresh.push(event);
  }
  fresh.sort((a, b) => a.created_at - b.created_at);
  fresh.forEach((event, i) => {
    event.id = eventId(event.created_at, firstSeq + i, rng);
  });
  const out: DemoEvent[] = [];
  let j = 0;
  for (const event of log) {
    if (ids.has(event.entity_id)) continue;
    for (let next = fresh[j]; next && before(next, event); next = fresh[j]) {
      out.push(next);
      j += 1;
    }
    out.push(event);
  }
  for (const event of fresh.slice(j)) out.push(event);
  return out;
}

const before = (a: DemoEvent, b: DemoEvent): boolean =>
  a.created_at < b.created_at || (a.created_at === b.created_at && a.entity_id < b.entity_id);
