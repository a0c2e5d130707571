/**
 * The checks every `/api/v4/*` request passes before its route, in the order a client meets them
 * on the real service: network latency, the rate limiter (403 block, then 429), injected outages,
 * then authentication (401). Only a request that passes all of them reaches a handler.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, clientKey, setCurrentUser } from './auth';
import { sendProblem } from './problem';
import type { SandboxContext } from './types';

const TOO_MANY =
  'You have sent too many requests in a given amount of time. Please try again later.';

/** What nginx in front of amoCRM answers when the backend is down or slow: HTML, not JSON. */
const GATEWAY_PHRASES: Readonly<Record<number, string>> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

function gatewayPage(status: number): string {
  const phrase = GATEWAY_PHRASES[status] ?? 'Bad Gateway';
  return `<html>\r\n<head><title>${status} ${phrase}</title></head>\r\n<body>\r\n<center><h1>${status} ${phrase}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export function sendServerError(
  reply: FastifyReply,
  status: number,
  traceId: string,
): FastifyReply {
  if (status === 500) {
    return sendProblem(reply, 500, 'Internal Server Error', { trace_id: traceId });
  }
  return reply.code(status).type('text/html').send(gatewayPage(status));
}

function sendTooMany(reply: FastifyReply, retryAfterS: number): FastifyReply {
  reply.header('Retry-After', String(retryAfterS));
  return sendProblem(reply, 429, TOO_MANY, { retry_after: retryAfterS });
}

export function sendUnauthorized(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, 401, 'Invalid user name or password');
}

/** An onRequest hook; returning the sent reply is how an async fastify hook stops the request. */
export function createApiGate(ctx: SandboxContext) {
  return async function apiGate(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    const latency = ctx.faults.latencyMs();
    if (latency > 0) await ctx.sleep(latency);

    const rate = ctx.rateLimiter.check(clientKey(request), ctx.clock.now());
    if (rate.kind === 'blocked') {
      reply.header('Retry-After', String(rate.retryAfterS));
      return sendProblem(
        reply,
        403,
        `Account temporarily blocked for repeatedly exceeding the request limit; retry in ${rate.retryAfterS} s`,
      );
    }
    if (rate.kind === 'limited') {
      return sendTooMany(reply, rate.retryAfterS);
    }

    const storm = ctx.faults.takeRateLimitStorm();
    if (storm !== undefined) {
      return sendTooMany(reply, storm);
    }
    const failure = ctx.faults.takeServerError();
    if (failure !== undefined) {
      return sendServerError(reply, failure, `sandbox-${request.id}`);
    }

    const auth = authenticate(ctx, request);
    if (!auth.ok || ctx.faults.credentialExpired(auth.credential)) {
      return sendUnauthorized(reply);
    }
    setCurrentUser(request, auth.user);
    return undefined;
  };
}
