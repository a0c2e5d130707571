/**
 * The amoCRM REST v4 client: HTTP, throttled and retried requests, paging, the zod schemas of
 * amoCRM's bodies and their adapters to core types, hand-written readers for the two big lists
 * (leads, events), and typed errors. Other layers import it
 * only through this file.
 */
export { createApiClient } from './client';
export type {
  ApiClient,
  ApiPage,
  CallOptions,
  ClientOptions,
  EventPage,
  PageCallOptions,
} from './client';
export type { EventFilter, LeadFilter } from './filters';
export { MAX_EVENT_ENTITY_IDS, MAX_EVENT_LIMIT, MAX_LEAD_LIMIT } from './filters';
export {
  SAME_ORIGIN_HEADERS,
  bearerHeaders,
  createBrowserHttp,
  createHttp,
  createTokenHttp,
} from './http';
export type { HttpOptions } from './http';
export { ApiError } from './apiError';
export type { ApiErrorCode } from './apiError';
export { formatIssuePath, schemaIssues, toApiError } from './errors';
export type { SchemaIssue } from './errors';
export type { PagingEnd, PagingEndReason } from './paging';
export { readEventList, readLeadList, readLeadPage } from './pages';
export type { EventList, LeadPage, ReadWhere } from './pages';
export { parseWith } from './parse';
export { createLeadWriter, snoozeBody, SNOOZE_REASON_MAX } from './writes';
export type { LeadWriter, SnoozeFieldIds, SnoozeWrite } from './writes';
export { DEFAULT_RATE_LIMIT, realSleep } from './request';
export { createPeerHub } from './slots';
export type { PeerHub, PeerMessage, PeerTransport } from './slots';
export {
  adaptAccount,
  adaptCustomField,
  adaptDeletedLead,
  adaptLead,
  adaptLifecycles,
  adaptLossReason,
  adaptPipeline,
  adaptProblem,
  adaptStatus,
  adaptStatusChange,
  adaptStatusChanges,
  adaptTag,
  adaptUser,
} from './adapt';
export * from './schemas';
export type {
  AccountInfo,
  BodyInfo,
  DeletedLead,
  LeadCustomField,
  LeadLifecycle,
  LeadTag,
  ProblemDetails,
  Sleep,
  WaitInfo,
} from './types';
