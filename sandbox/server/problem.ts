/**
 * amoCRM's error bodies: RFC 7807 `application/problem+json` with the httpstatus.es type URL
 * (reference §6). The titles are the standard reason phrases, as in the published examples.
 */
import type { FastifyReply } from 'fastify';
import type { ZodError } from 'zod';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
};

export interface Problem {
  readonly title: string;
  readonly type: string;
  readonly status: number;
  readonly detail: string;
  readonly [extra: string]: unknown;
}

export interface ValidationIssue {
  readonly code: string;
  readonly path: string;
  readonly detail: string;
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}) {
  const body: Problem = {
    title: TITLES[status] ?? 'Error',
    type: `https://httpstatus.es/${status}`,
    status,
    detail,
    ...extra,
  };
  return body;
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send(JSON.stringify(problem(status, detail, extra)));
}

/** A 400 shaped like amoCRM's request validation failure, naming the offending parameters. */
export function sendValidationProblem(
  reply: FastifyReply,
  issues: readonly ValidationIssue[],
): FastifyReply {
  return sendProblem(reply, 400, 'Request validation failed', {
    'validation-errors': [{ request_id: '0', errors: issues }],
  });
}

/** Thrown by query parsers; the API plugin's error handler turns it into a validation 400. */
export class QueryError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map(issue => `${issue.path}: ${issue.detail}`).join('; '));
    this.name = 'QueryError';
  }
}

export function invalidQuery(path: string, detail: string, code = 'InvalidValue'): QueryError {
  return new QueryError([{ code, path, detail }]);
}

/** A zod failure on a sandbox control request, reported like amoCRM's validation errors. */
export function sendZodProblem(reply: FastifyReply, error: ZodError): FastifyReply {
  return sendValidationProblem(
    reply,
    error.issues.map(issue => ({
      code: issue.code,
      path: issue.path.map(String).join('.'),
      detail: issue.message,
    })),
  );
}
