/**
 * The API layer's error type on its own, without the HTTP library or the schemas: the page's part
 * of the widget names and builds it (a failure to load the API's code is a NETWORK failure too)
 * while the client itself loads only where it is used.
 */
import type { SchemaIssue } from './issues';

/** Codes only: the UI and CLI translate them with the i18n key `errors.<CODE>`. */
export type ApiErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PAYMENT_REQUIRED'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'RATE_LIMITED'
  | 'SERVER'
  | 'SCHEMA'
  | 'ABORTED'
  | 'HTTP';

export interface ApiErrorInit {
  readonly status?: number | undefined;
  /** Request path without the query, e.g. `/api/v4/users`. */
  readonly path?: string | undefined;
  /** The server's own `detail` text, untranslated. */
  readonly detail?: string | undefined;
  readonly issues?: readonly SchemaIssue[] | undefined;
  /** Seconds the server asked us to wait (429 `retry_after` / `Retry-After`). */
  readonly retryAfter?: number | undefined;
  readonly cause?: unknown;
}

/** Every failure of the API layer. `message` is the code; user-facing text lives in i18n. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number | undefined;
  readonly path: string | undefined;
  readonly detail: string | undefined;
  readonly issues: readonly SchemaIssue[];
  readonly retryAfter: number | undefined;

  constructor(code: ApiErrorCode, init: ApiErrorInit = {}) {
    super(code, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.path = init.path;
    this.detail = init.detail;
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter;
  }
}
