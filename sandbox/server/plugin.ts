/**
 * The amoCRM API v4 emulation as one fastify plugin, mounted at `/api/v4`. Every route in it, and
 * its 404, is counted in the stats and sits behind the gate (latency, rate limit, outages, auth);
 * errors are problem+json.
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginCallback,
} from 'fastify';
import { createApiGate } from './gate';
import { requestOrigin } from './hal';
import { QueryError, sendProblem, sendValidationProblem } from './problem';
import { registerAccountRoutes } from './routes/account';
import { registerCustomFieldRoutes } from './routes/customFields';
import { registerCustomFieldWriteRoutes } from './routes/customFieldWrites';
import { registerEventRoutes } from './routes/events';
import { registerLeadRoutes } from './routes/leads';
import { registerLeadWriteRoutes } from './routes/leadWrites';
import { registerPipelineRoutes } from './routes/pipelines';
import { registerTagRoutes } from './routes/tags';
import { registerUserRoutes } from './routes/users';
import { statsPath } from './stats';
import type { SandboxContext } from './types';

export const API_PREFIX = '/api/v4';

function registerApi(api: FastifyInstance, ctx: SandboxContext): void {
  // Counted before the gate, so what the gate turns away (401, 403, 429, 5xx) is counted too.
  api.addHook('onRequest', (request, _reply, done) => {
    ctx.stats.request(statsPath(request.url));
    done();
  });
  api.addHook('onResponse', (_request, reply, done) => {
    ctx.stats.answered(reply.statusCode);
    done();
  });
  api.addHook('onRequest', createApiGate(ctx));

  api.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof QueryError) return sendValidationProblem(reply, error.issues);
    const status = error.statusCode ?? 500;
    if (status < 500) return sendProblem(reply, status, error.message);
    request.log.error(error);
    return sendProblem(reply, 500, 'Internal Server Error', { trace_id: `sandbox-${request.id}` });
  });

  api.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, `Cannot ${request.method} ${requestOrigin(request)}${request.url}`),
  );

  registerPipelineRoutes(api, ctx);
  registerLeadRoutes(api, ctx);
  registerEventRoutes(api, ctx);
  registerUserRoutes(api, ctx);
  registerAccountRoutes(api, ctx);
  registerCustomFieldRoutes(api, ctx);
  registerLeadWriteRoutes(api, ctx);
  registerCustomFieldWriteRoutes(api, ctx);
  registerTagRoutes(api, ctx);
}

export function createApiPlugin(ctx: SandboxContext): FastifyPluginAsync {
  const inner: FastifyPluginCallback = (api, _options, done) => {
    registerApi(api, ctx);
    done();
  };
  return async app => {
    await app.register(inner, { prefix: API_PREFIX });
  };
}
