import { AxiosHeaders, isAxiosError, isCancel } from 'axios';
import type { AxiosError } from 'axios';
import { z } from 'zod/mini';
import { formatIssuePath, joinIssuePath, schemaIssues } from './issues';
import type { SchemaIssue } from './issues';
import { ApiError } from './apiError';
import type { ApiErrorCode, ApiErrorInit } from './apiError';

export { formatIssuePath, schemaIssues };
export type { SchemaIssue };
export { ApiError };
export type { ApiErrorCode, ApiErrorInit };

/** Builds the SCHEMA error for a failed parse; `prefix` says where the parsed value sits. */
export function schemaError(
  error: z.core.$ZodError,
  init: { path?: string | undefined; prefix?: string } = {},
): ApiError {
  const issues = schemaIssues(error).map(i => ({
    path: joinIssuePath(init.prefix ?? '', i.path),
    message: i.message,
  }));
  return new ApiError('SCHEMA', { path: init.path, issues, cause: error });
}

/** Re-roots a SCHEMA error's issue paths, e.g. an event's issues under `_embedded.events[4]`. */
export function prefixIssues(error: ApiError, prefix: string): ApiError {
  if (error.code !== 'SCHEMA') return error;
  const issues = error.issues.map(i => ({
    path: joinIssuePath(prefix, i.path),
    message: i.message,
  }));
  return new ApiError('SCHEMA', { path: error.path, issues, cause: error.cause });
}

const STATUS_CODES: Readonly<Record<number, ApiErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

/** Maps an HTTP status to its code; any 5xx is SERVER, anything else unexpected is HTTP. */
export function codeForStatus(status: number): ApiErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 && status <= 599 ? 'SERVER' : 'HTTP');
}

function objectField(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/** `retry_after` from a JSON body, else `Retry-After` (seconds or an HTTP date), else undefined. */
export function readRetryAfter(data: unknown, header: unknown, nowMs: number): number | undefined {
  const fromBody = objectField(data, 'retry_after');
  const bodySeconds = typeof fromBody === 'string' ? Number(fromBody) : fromBody;
  if (typeof bodySeconds === 'number' && Number.isFinite(bodySeconds) && bodySeconds >= 0) {
    return bodySeconds;
  }
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function fromResponse(error: AxiosError, path: string | undefined, nowMs: number): ApiError {
  const response = error.response;
  if (response === undefined) return new ApiError('NETWORK', { path, cause: error });
  const detail = objectField(response.data, 'detail');
  const retryAfter =
    response.status === 429
      ? readRetryAfter(
          response.data,
          AxiosHeaders.from(response.headers as AxiosHeaders).get('retry-after'),
          nowMs,
        )
      : undefined;
  return new ApiError(codeForStatus(response.status), {
    status: response.status,
    path,
    detail: typeof detail === 'string' ? detail : undefined,
    retryAfter,
    cause: error,
  });
}

function isAbort(error: unknown): boolean {
  // Duck-typed: a DOMException may come from another realm (jsdom, an iframe) and fail instanceof.
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : null;
  return isCancel(error) || name === 'AbortError';
}

function isTimeout(error: AxiosError): boolean {
  // ECONNABORTED is also the XHR "Request aborted" code; only its timeout flavour is a timeout.
  return (
    error.code === 'ETIMEDOUT' ||
    (error.code === 'ECONNABORTED' && error.message.toLowerCase().includes('timeout'))
  );
}

/**
 * Maps anything thrown while talking to amoCRM to an ApiError: ApiErrors pass through, aborts are
 * ABORTED, zod failures SCHEMA, axios errors by status or transport. Anything else (a bug, an
 * exotic adapter failure) becomes HTTP with the original as `cause`, so nothing escapes untyped.
 */
export function toApiError(error: unknown, path?: string, nowMs: number = Date.now()): ApiError {
  if (error instanceof ApiError) return error;
  if (isAbort(error)) return new ApiError('ABORTED', { path, cause: error });
  if (error instanceof z.core.$ZodError) return schemaError(error, { path });
  if (isAxiosError(error)) {
    if (error.response !== undefined) return fromResponse(error, path, nowMs);
    if (isTimeout(error)) return new ApiError('TIMEOUT', { path, cause: error });
    return new ApiError('NETWORK', { path, cause: error });
  }
  return new ApiError('HTTP', { path, cause: error });
}
