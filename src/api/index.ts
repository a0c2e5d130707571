/** The amoCRM API layer's public surface. Raw amoCRM shapes stay inside src/api. */
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
export { ApiError, formatIssuePath, schemaIssues, toApiError } from './errors';
export type { ApiErrorCode, SchemaIssue } from './errors';
export type { PagingEnd, PagingEndReason } from './paging';
export { realSleep } from './request';
export { parseBody, recognizeBody } from './recognize';
export type { BodyKind, ParsedBody } from './recognize';
export { createDatasetBuilder } from './dataset';
export type { DatasetBuilder } from './dataset';
export type {
  AccountInfo,
  BodyInfo,
  Dataset,
  LeadLifecycle,
  ProblemDetails,
  Sleep,
  WaitInfo,
} from './types';
