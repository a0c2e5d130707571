import type { ApiError } from '../api';
import { CliError, failure } from './errors';

/** Node's and OpenSSL's codes for a connection that never carried an answer, in words. */
const NETWORK_CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
};

interface Transport {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly response?: { readonly headers?: Record<string, unknown> };
}

const transport = (error: ApiError): Transport =>
  typeof error.cause === 'object' && error.cause !== null ? error.cause : {};

function networkCause(error: ApiError): string {
  const { code, message } = transport(error);
  if (typeof code === 'string') return `${NETWORK_CAUSES[code] ?? 'network error'} (${code})`;
  return typeof message === 'string' && message !== '' ? message : 'network error';
}

function location(error: ApiError): string {
  const value = transport(error).response?.headers?.location;
  return typeof value === 'string' ? value : '(no Location header)';
}

/**
 * One line for each way an API call can fail, naming the host or endpoint and what to do. The
 * user's own input (token, rights, pipeline) is exit 2; everything else is a failure, exit 1.
 */
export function explain(error: ApiError, host: string): CliError {
  const path = error.path ?? '/api/v4';
  const detail = error.detail ? ` (${error.detail})` : '';
  const because = { cause: error };
  switch (error.code) {
    case 'UNAUTHORIZED':
      return new CliError(
        `amoCRM answered 401 Unauthorized${detail}: the token is invalid or expired. Create a new long-lived token in amoCRM → Settings → Integrations.`,
        because,
      );
    case 'FORBIDDEN':
      return new CliError(
        `amoCRM answered 403 Forbidden for ${path}${detail}: this user has no access, or the account is temporarily blocked for exceeding the rate limit.`,
        because,
      );
    case 'PAYMENT_REQUIRED':
      return new CliError(
        `amoCRM answered 402 Payment Required${detail}: the account's subscription has ended.`,
        because,
      );
    case 'NOT_FOUND':
      if (path.startsWith('/api/v4/leads/pipelines/'))
        return new CliError(
          `--pipeline: the account has no pipeline ${path.split('/').pop() ?? ''}.`,
          because,
        );
      return failure(
        `${host} answered 404 Not Found for ${path}: is --base-url an amoCRM account?`,
        error,
      );
    case 'NETWORK':
      return failure(`cannot reach ${host}: ${networkCause(error)}, asking for ${path}.`, error);
    case 'TIMEOUT':
      return failure(
        `${host} did not answer ${path} in time, even after retries; try again later.`,
        error,
      );
    case 'SERVER':
      return failure(
        `amoCRM kept answering ${error.status ?? '5xx'} for ${path}${detail}, even after retries; try again later.`,
        error,
      );
    case 'RATE_LIMITED':
      return failure(
        `amoCRM kept answering 429 Too Many Requests for ${path} past this tool's 10-minute wait, or asked for a longer wait; try again later.`,
        error,
      );
    case 'SCHEMA': {
      const [first] = error.issues;
      const where = first ? ` at ${first.path || '(root)'}: ${first.message}` : '';
      const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
      return failure(
        `amoCRM's answer to ${path} is not what this tool reads${where}${more}.`,
        error,
      );
    }
    case 'BAD_REQUEST':
      return failure(`amoCRM answered 400 Bad Request for ${path}${detail}.`, error);
    case 'ABORTED':
      return failure(`the request for ${path} was aborted.`, error);
    case 'HTTP':
      if (error.status !== undefined && error.status >= 300 && error.status < 400)
        // Never followed: a redirect could carry the bearer token to another host.
        return failure(
          `${host} redirected ${path} (${error.status}) to ${location(error)}; redirects are not followed. Give the account's own address as --base-url, e.g. https://example.amocrm.ru.`,
          error,
        );
      return failure(
        error.status === undefined
          ? `the request for ${path} failed: ${networkCause(error)}.`
          : `${host} answered ${error.status} for ${path}${detail}.`,
        error,
      );
  }
}
