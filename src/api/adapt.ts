import type { z } from 'zod/mini';
import type { Lead, LossReason, Pipeline, Status, StatusChange, StatusRef, User } from '../core';
import { ApiError, prefixIssues } from './errors';
import { fieldsOf, tagIdsOf } from './leadSlice';
import { parseWith } from './parse';
import { LeadStatusAfterOnlySchema, LeadStatusValuesSchema, hasNoBefore } from './schemas';
import type {
  RawAccount,
  RawFieldDef,
  RawDeletedLead,
  RawEvent,
  RawLead,
  RawLossReason,
  RawPipeline,
  RawProblem,
  RawStatus,
  RawTagItem,
  RawUser,
} from './schemas';
import type {
  AccountInfo,
  DeletedLead,
  LeadCustomField,
  LeadLifecycle,
  LeadTag,
  ProblemDetails,
} from './types';

/** A status as the engine sees it; `color` stays null when the account returns none. */
export function adaptStatus(raw: RawStatus): Status {
  return {
    id: raw.id,
    pipelineId: raw.pipeline_id,
    name: raw.name ?? '',
    sort: raw.sort,
    type: raw.type,
    color: raw.color ?? null,
  };
}

/** A pipeline with its embedded statuses (empty when the body carried none). */
export function adaptPipeline(raw: RawPipeline): Pipeline {
  return {
    id: raw.id,
    name: raw.name ?? '',
    sort: raw.sort ?? 0,
    isMain: raw.is_main ?? false,
    isArchive: raw.is_archive ?? false,
    statuses: (raw._embedded?.statuses ?? []).map(adaptStatus),
  };
}

/** The first embedded loss reason, whether amoCRM sent it as an array (documented) or an object. */
function embeddedLossReason(raw: RawLead): RawLossReason | undefined {
  const embedded = raw._embedded?.loss_reason;
  if (embedded == null) return undefined;
  return Array.isArray(embedded) ? embedded[0] : embedded;
}

/**
 * A lead. `price: null` (seen on real accounts) becomes 0, a missing `is_deleted` false, a missing
 * responsible user null (no user, not a user 0), and the loss reason falls back to `_embedded.loss_reason[0].id` when `loss_reason_id` is absent.
 * Tags, custom field values and the nearest task are what the slices read (./leadSlice).
 */
export function adaptLead(raw: RawLead): Lead {
  return {
    id: raw.id,
    name: raw.name ?? '',
    pipelineId: raw.pipeline_id,
    statusId: raw.status_id,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    closedAt: raw.closed_at ?? null,
    price: raw.price ?? 0,
    responsibleUserId: raw.responsible_user_id ?? null,
    lossReasonId: raw.loss_reason_id ?? embeddedLossReason(raw)?.id ?? null,
    isDeleted: raw.is_deleted ?? false,
    tagIds: tagIdsOf(raw._embedded?.tags),
    fields: fieldsOf(raw.custom_fields_values),
    // Absent: the body does not say, so whether the lead is attended is unknown (not "no task").
    closestTaskAt: raw.closest_task_at,
  };
}

/** An only_deleted item: which lead, deleted as of when. */
export function adaptDeletedLead(raw: RawDeletedLead): DeletedLead {
  return { id: raw.id, updatedAt: raw.updated_at };
}

/**
 * A `lead_status_changed` event as a transition; null for any other event type. A status-change
 * event whose values are not exactly one `{lead_status: {id, pipeline_id}}` per side throws an
 * ApiError SCHEMA with paths relative to the event (e.g. `value_after[0].lead_status.id`); an
 * empty `value_before` is read as an unsaid before (null).
 */
export function adaptStatusChange(raw: RawEvent): StatusChange | null {
  if (raw.type !== 'lead_status_changed') return null;
  const change = (before: StatusRef | null, after: LeadStatusSide): StatusChange => ({
    id: raw.id,
    leadId: raw.entity_id,
    createdAt: raw.created_at,
    before,
    after: statusRef(after),
  });
  if (hasNoBefore(raw)) {
    const [after] = parseWith(LeadStatusAfterOnlySchema, raw).value_after;
    return change(null, after);
  }
  const values = parseWith(LeadStatusValuesSchema, raw);
  const [before] = values.value_before;
  const [after] = values.value_after;
  return change(statusRef(before), after);
}

type LeadStatusSide = z.infer<typeof LeadStatusValuesSchema>['value_after'][0];

const statusRef = (side: LeadStatusSide): StatusRef => ({
  pipelineId: side.lead_status.pipeline_id,
  statusId: side.lead_status.id,
});

/** A lead deletion or restoration, or null for any other event. */
export function adaptLifecycle(raw: RawEvent): LeadLifecycle | null {
  const kind =
    raw.type === 'lead_deleted' ? 'deleted' : raw.type === 'lead_restored' ? 'restored' : null;
  if (kind === null || raw.entity_type !== 'lead') return null;
  return { id: raw.id, leadId: raw.entity_id, createdAt: raw.created_at, kind };
}

export function adaptLifecycles(raws: readonly RawEvent[]): LeadLifecycle[] {
  return raws.map(adaptLifecycle).filter((e): e is LeadLifecycle => e !== null);
}

/** Adapts each event, re-rooting a malformed one's issue paths at `prefix[index]`. */
export function adaptStatusChanges(raws: readonly RawEvent[], prefix: string): StatusChange[] {
  const out: StatusChange[] = [];
  raws.forEach((raw, index) => {
    try {
      const change = adaptStatusChange(raw);
      if (change !== null) out.push(change);
    } catch (error) {
      throw error instanceof ApiError ? prefixIssues(error, `${prefix}[${index}]`) : error;
    }
  });
  return out;
}

/** A loss reason; a missing `sort` sorts first. */
export function adaptLossReason(raw: RawLossReason): LossReason {
  return { id: raw.id, name: raw.name, sort: raw.sort ?? 0 };
}

/** A user; group and activity live under `rights`. A user without rights counts as active. */
export function adaptUser(raw: RawUser): User {
  return {
    id: raw.id,
    name: raw.name ?? '',
    groupId: raw.rights?.group_id ?? null,
    isActive: raw.rights?.is_active ?? true,
  };
}

export function adaptTag(raw: RawTagItem): LeadTag {
  return { id: raw.id, name: raw.name, color: raw.color ?? null };
}

/** A field with its choices in the order amoCRM shows them (`sort`, then id). */
export function adaptCustomField(raw: RawFieldDef): LeadCustomField {
  const enums = raw.enums
    ? [...raw.enums]
        .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.id - b.id)
        .map(e => ({ id: e.id, value: e.value }))
    : null;
  return { id: raw.id, name: raw.name, type: raw.type, code: raw.code ?? null, enums };
}

/** The account facts the app needs; the time zone comes from `_embedded.datetime_settings`. */
export function adaptAccount(raw: RawAccount): AccountInfo {
  return {
    id: raw.id,
    name: raw.name,
    subdomain: raw.subdomain,
    currentUserId: raw.current_user_id,
    timezone: raw._embedded?.datetime_settings?.timezone ?? null,
    currency: raw.currency ?? null,
    currencySymbol: raw.currency_symbol ?? null,
    usersGroups: (raw._embedded?.users_groups ?? []).map(g => ({ id: g.id, name: g.name })),
  };
}

/** An error body, e.g. one saved next to the data by a failed sync. */
export function adaptProblem(raw: RawProblem): ProblemDetails {
  return {
    status: raw.status,
    title: raw.title,
    type: raw.type ?? null,
    detail: raw.detail ?? null,
    retryAfter: raw.retry_after ?? null,
    traceId: raw.trace_id ?? null,
    validationErrors: (raw['validation-errors'] ?? []).flatMap(group =>
      (group.errors ?? []).map(e => ({
        code: e.code ?? null,
        path: e.path ?? null,
        detail: e.detail ?? null,
      })),
    ),
  };
}
