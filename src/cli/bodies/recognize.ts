import {
  ApiError,
  RawAccountSchema,
  RawEventSchema,
  RawLeadSchema,
  RawLossReasonListSchema,
  RawLossReasonSchema,
  RawPipelineListSchema,
  RawPipelineSchema,
  RawProblemSchema,
  RawStatusListSchema,
  RawStatusSchema,
  RawUserListSchema,
  RawUserSchema,
  adaptAccount,
  adaptLead,
  adaptLifecycles,
  adaptLossReason,
  adaptPipeline,
  adaptProblem,
  adaptStatus,
  adaptStatusChange,
  adaptUser,
  parseWith,
  readEventList,
  readLeadPage,
} from '../../api';
import type { AccountInfo, DeletedLead, LeadLifecycle, ProblemDetails } from '../../api';
import type { Lead, LossReason, Pipeline, Status, StatusChange, User } from '../../core';

/** What a saved API response body is, judged by its shape (file names are not trusted). */
export type BodyKind =
  | 'pipelines'
  | 'pipeline'
  | 'statuses'
  | 'status'
  | 'leads'
  | 'lead'
  | 'events'
  | 'event'
  | 'users'
  | 'user'
  | 'loss_reasons'
  | 'loss_reason'
  | 'account'
  | 'error'
  /** A list envelope whose `_embedded` is null, missing or not an object: always refused. */
  | 'list';

/** A body validated and adapted to core types; raw amoCRM shapes never leave src/api. */
export type ParsedBody =
  | { readonly kind: 'pipelines' | 'pipeline'; readonly pipelines: readonly Pipeline[] }
  | { readonly kind: 'statuses' | 'status'; readonly statuses: readonly Status[] }
  | {
      readonly kind: 'leads' | 'lead';
      readonly leads: readonly Lead[];
      /** Items of a `with=only_deleted` list: deleted leads, as of their `updated_at`. */
      readonly deleted: readonly DeletedLead[];
    }
  | {
      readonly kind: 'events' | 'event';
      readonly events: readonly StatusChange[];
      readonly lifecycle: readonly LeadLifecycle[];
    }
  | { readonly kind: 'users' | 'user'; readonly users: readonly User[] }
  | { readonly kind: 'loss_reasons' | 'loss_reason'; readonly lossReasons: readonly LossReason[] }
  | { readonly kind: 'account'; readonly account: AccountInfo }
  | { readonly kind: 'error'; readonly error: ProblemDetails };

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `_embedded` collection key → list kind, in the order they are tried. */
const LIST_KINDS = [
  ['pipelines', 'pipelines'],
  ['leads', 'leads'],
  ['events', 'events'],
  ['users', 'users'],
  ['loss_reasons', 'loss_reasons'],
  ['statuses', 'statuses'],
] as const;

/** The collections this tool reads, for the refusal of an `_embedded` that holds none. */
const LIST_NAMES = LIST_KINDS.map(([key]) => key).join(', ');

function hasAll(body: Json, keys: readonly string[]): boolean {
  return keys.every(key => key in body);
}

function listKind(body: Json): BodyKind | null {
  const embedded = body['_embedded'];
  if ('id' in body || !isObject(embedded)) return null;
  return LIST_KINDS.find(([key]) => key in embedded)?.[1] ?? null;
}

const ENVELOPE_KEYS = ['_embedded', '_page', '_total_items', '_page_count', '_links'] as const;

/**
 * A list envelope that lost its items: paging or links but `_embedded` null, missing, not an
 * object, or an object holding nothing. amoCRM answers an empty page with 204 and no body, never
 * so; skipping such a file would drop a page of data without a word. (`_embedded` holding only
 * collections this tool does not read, e.g. event types, is another list, and stays unknown.)
 */
function isBrokenList(body: Json): boolean {
  const embedded = body['_embedded'];
  return (
    !('id' in body) &&
    (!isObject(embedded) || Object.keys(embedded).length === 0) &&
    ENVELOPE_KEYS.some(key => body[key] !== undefined)
  );
}

/** Single entities by their distinctive keys; the order matters where kinds share keys. */
function entityKind(body: Json): BodyKind | null {
  const embedded = body['_embedded'];
  if (isObject(embedded) && 'statuses' in embedded && ('is_main' in body || 'sort' in body)) {
    return 'pipeline';
  }
  if (
    hasAll(body, ['status_id', 'pipeline_id']) &&
    ('price' in body || 'responsible_user_id' in body)
  ) {
    return 'lead';
  }
  if (hasAll(body, ['pipeline_id', 'type', 'is_editable'])) return 'status';
  if (hasAll(body, ['type', 'entity_id', 'value_after'])) return 'event';
  if ('rights' in body || 'email' in body) return 'user';
  if (hasAll(body, ['id', 'name', 'sort'])) return 'loss_reason';
  return null;
}

/**
 * Recognises a body loosely, by the keys that distinguish it, so a broken body is still
 * recognised and then fails `parseBody` with the path of what is wrong. Entities are tried before
 * a broken list, so a lead that lost its `id` is still a lead (and refused at `id`).
 *
 * @example
 * recognizeBody({ _embedded: { leads: 'oops' } }) //=> { kind: 'leads' }
 * recognizeBody({ _page: 2, _embedded: null })    //=> { kind: 'list' }
 * recognizeBody([1, 2])                            //=> { kind: 'unknown' }
 */
export function recognizeBody(json: unknown): { kind: BodyKind } | { kind: 'unknown' } {
  if (!isObject(json)) return { kind: 'unknown' };
  if (hasAll(json, ['status', 'title']) && !('id' in json)) return { kind: 'error' };
  if (hasAll(json, ['subdomain', 'current_user_id'])) return { kind: 'account' };
  const kind = listKind(json) ?? entityKind(json) ?? (isBrokenList(json) ? 'list' : null);
  return { kind: kind ?? 'unknown' };
}

/**
 * Words for a body inside a sync folder that this tool does not read. `sync` saves only the
 * successful responses this reader reads, so anything else there is damage, not a file to skip.
 */
export const NOT_A_SYNC_BODY =
  'not a body funnel-lens sync saves (an amoCRM API v4 response this tool reads)';

/**
 * recognizeBody for a body found inside a sync folder: an unknown body is refused (ApiError
 * SCHEMA at the root) instead of being skipped. Error bodies are told as such; the caller decides.
 */
export function recognizeSyncBody(json: unknown): { kind: BodyKind } {
  const recognized = recognizeBody(json);
  if (recognized.kind !== 'unknown') return recognized;
  throw new ApiError('SCHEMA', { issues: [{ path: '', message: NOT_A_SYNC_BODY }] });
}

/** Validates a body of a known kind and adapts it; throws ApiError SCHEMA with JSON paths. */
export function parseBody(kind: BodyKind, json: unknown): ParsedBody {
  switch (kind) {
    case 'pipelines':
      return {
        kind,
        pipelines: parseWith(RawPipelineListSchema, json)._embedded.pipelines.map(adaptPipeline),
      };
    case 'pipeline':
      return { kind, pipelines: [adaptPipeline(parseWith(RawPipelineSchema, json))] };
    case 'statuses':
      return {
        kind,
        statuses: parseWith(RawStatusListSchema, json)._embedded.statuses.map(adaptStatus),
      };
    case 'status':
      return { kind, statuses: [adaptStatus(parseWith(RawStatusSchema, json))] };
    // The two big lists go through the hand-written readers (same checks and results as zod, a
    // fraction of the time on a saved account of many pages); single items stay on zod.
    case 'leads':
      return { kind, ...readLeadPage(json) };
    case 'lead':
      return { kind, leads: [adaptLead(parseWith(RawLeadSchema, json))], deleted: [] };
    case 'events': {
      const { changes, lifecycle } = readEventList(json);
      return { kind, events: changes, lifecycle };
    }
    case 'event': {
      const raw = parseWith(RawEventSchema, json);
      const change = adaptStatusChange(raw);
      return { kind, events: change === null ? [] : [change], lifecycle: adaptLifecycles([raw]) };
    }
    case 'users':
      return { kind, users: parseWith(RawUserListSchema, json)._embedded.users.map(adaptUser) };
    case 'user':
      return { kind, users: [adaptUser(parseWith(RawUserSchema, json))] };
    case 'loss_reasons': {
      const list = parseWith(RawLossReasonListSchema, json)._embedded.loss_reasons;
      return { kind, lossReasons: list.map(adaptLossReason) };
    }
    case 'loss_reason':
      return { kind, lossReasons: [adaptLossReason(parseWith(RawLossReasonSchema, json))] };
    case 'account':
      return { kind, account: adaptAccount(parseWith(RawAccountSchema, json)) };
    case 'error':
      return { kind, error: adaptProblem(parseWith(RawProblemSchema, json)) };
    case 'list':
      throw brokenListError(json);
  }
}

/**
 * A list without its collection, refused at `_embedded`. A non-object is refused in the readers'
 * own words: every list reader checks the envelope first, `_embedded` included, so the leads
 * reader throws there (`expected object, got null`) or at an envelope field before it.
 */
function brokenListError(json: unknown): ApiError {
  try {
    readLeadPage(json);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // An empty `_embedded` gets as far as its missing `leads`, which is not what is wrong.
    if (error.issues[0]?.path !== '_embedded.leads') return error;
  }
  const message = `holds no list (expected one of ${LIST_NAMES})`;
  return new ApiError('SCHEMA', { issues: [{ path: '_embedded', message }] });
}
