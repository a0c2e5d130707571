import type { Lead } from '../../core';
import { NO_SHAPE_MATCHES, typeMessage } from '../issues';
import * as schemas from '../schemas';
import type { DeletedLead } from '../types';
import * as extras from './leadExtras';
import * as shape from './shape';
import { ShapeIssue } from './shape';
import type { Json, ReadWhere } from './shape';

// tsx, which runs the CLI, compiles imports to getters called on every use; in the per-field
// checks below they cost as much as the checks. Bound once here, they are plain calls.
const {
  atItem,
  checkLinks,
  fail,
  isArray,
  isObject,
  listItems,
  nullableBoolean,
  nullableNumber,
  nullablePrice,
  nullableRef,
  nullableString,
  nullableTime,
  requiredId,
  requiredString,
  requiredTime,
  toSchemaError,
} = shape;
const { isDeletedStub } = schemas;
const { readCustomFields, readTags } = extras;

/**
 * RawLossReasonSchema as a yes/no (inside the loss-reason union only the union's verdict is told):
 * the reason's id when it fits, null when it does not.
 */
function lossReasonIdOf(value: unknown): number | null {
  if (!isObject(value)) return null;
  try {
    const id = requiredId(value['id'], 'id');
    requiredString(value['name'], 'name');
    nullableNumber(value['sort'], 'sort');
    nullableNumber(value['created_at'], 'created_at');
    nullableNumber(value['updated_at'], 'updated_at');
    checkLinks(value['_links']);
    return id;
  } catch (error) {
    if (error instanceof ShapeIssue) return null;
    throw error;
  }
}

/**
 * `_embedded.loss_reason`: an array of reasons or one reason object (schemas/lead.ts), checked
 * whole as zod does, and the id adaptLead falls back to. A union that fails is one issue at the
 * union's path, worded as ../issues words zod's invalid_union.
 */
function embeddedLossReasonId(embedded: Json): number | undefined {
  const reason = embedded['loss_reason'];
  if (reason == null) return undefined;
  if (isArray(reason)) {
    const ids = reason.map(lossReasonIdOf);
    if (!ids.includes(null)) return ids[0] ?? undefined;
  } else if (isObject(reason)) {
    const id = lossReasonIdOf(reason);
    if (id !== null) return id;
  } else {
    throw new ShapeIssue(['_embedded', 'loss_reason'], typeMessage('array or object', reason));
  }
  throw new ShapeIssue(['_embedded', 'loss_reason'], NO_SHAPE_MATCHES);
}

/**
 * RawLeadSchema then adaptLead, in one pass and in the schema's key order. Fields the adapter does
 * not read are still checked: a body zod refuses must be refused here too.
 */
function readLead(value: unknown): Lead {
  if (!isObject(value)) return fail([], 'object', value);
  const id = requiredId(value['id'], 'id');
  const pipelineId = requiredId(value['pipeline_id'], 'pipeline_id');
  const statusId = requiredId(value['status_id'], 'status_id');
  const createdAt = requiredTime(value['created_at'], 'created_at');
  const updatedAt = requiredTime(value['updated_at'], 'updated_at');
  const name = nullableString(value['name'], 'name');
  const price = nullablePrice(value['price'], 'price');
  const responsibleUserId = nullableRef(value['responsible_user_id'], 'responsible_user_id');
  nullableNumber(value['group_id'], 'group_id');
  const lossReasonId = nullableRef(value['loss_reason_id'], 'loss_reason_id');
  nullableNumber(value['source_id'], 'source_id');
  nullableNumber(value['created_by'], 'created_by');
  nullableNumber(value['updated_by'], 'updated_by');
  const closedAt = nullableTime(value['closed_at'], 'closed_at');
  const closestTaskAt = nullableNumber(value['closest_task_at'], 'closest_task_at');
  const isDeleted = nullableBoolean(value['is_deleted'], 'is_deleted');
  const fields = readCustomFields(value['custom_fields_values']);
  nullableNumber(value['score'], 'score');
  nullableNumber(value['account_id'], 'account_id');
  nullableNumber(value['labor_cost'], 'labor_cost');
  checkLinks(value['_links']);
  const embedded = value['_embedded'];
  let embeddedReasonId: number | undefined;
  let tagIds: number[] | undefined;
  if (isObject(embedded)) {
    embeddedReasonId = embeddedLossReasonId(embedded);
    tagIds = readTags(embedded['tags']);
  } else if (embedded !== undefined) fail(['_embedded'], 'object', embedded);
  return {
    id,
    name: name ?? '',
    pipelineId,
    statusId,
    createdAt,
    updatedAt,
    closedAt: closedAt ?? null,
    price: price ?? 0,
    responsibleUserId: responsibleUserId ?? null,
    lossReasonId: lossReasonId ?? embeddedReasonId ?? null,
    isDeleted: isDeleted ?? false,
    tagIds,
    fields,
    // Absent: the body does not say, so whether the lead is attended is unknown (not "no task").
    closestTaskAt,
  };
}

/** RawDeletedLeadSchema then adaptDeletedLead, in the schema's key order. */
function readDeletedLead(value: Json): DeletedLead {
  const id = requiredId(value['id'], 'id');
  const updatedAt = requiredTime(value['updated_at'], 'updated_at');
  checkLinks(value['_links']);
  return { id, updatedAt };
}

/** A leads page: its leads, and the leads it lists only as deleted (`with=only_deleted`). */
export interface LeadPage {
  readonly leads: Lead[];
  readonly deleted: DeletedLead[];
}

/**
 * A GET /api/v4/leads body (or a saved one) as core Leads: what
 * `parseWith(RawLeadListSchema, body)._embedded.leads.map(adaptLead)` gives, at a fraction of the
 * cost, and the items of a `with=only_deleted` page (isDeletedStub), which are read, not refused.
 * A bad field throws ApiError SCHEMA with its path from the body root.
 */
export function readLeadPage(body: unknown, where: ReadWhere = {}): LeadPage {
  try {
    const list = listItems(body, 'leads');
    const leads: Lead[] = [];
    const deleted: DeletedLead[] = [];
    let index = 0;
    try {
      for (; index < list.length; index++) {
        const item = list[index];
        if (isDeletedStub(item)) deleted.push(readDeletedLead(item as Json));
        else leads.push(readLead(item));
      }
    } catch (error) {
      throw atItem(error, 'leads', index);
    }
    return { leads, deleted };
  } catch (error) {
    throw toSchemaError(error, where);
  }
}

/**
 * The leads of a page. A lead listed only as deleted is in no pipeline, so a caller that never
 * asks for `with=only_deleted` (the sync) loses nothing by leaving such items out.
 */
export function readLeadList(body: unknown, where: ReadWhere = {}): Lead[] {
  return readLeadPage(body, where).leads;
}
