/**
 * The sandbox's own control surface, outside `/api/v4` and never rate-limited or faulted:
 * - `GET /_sandbox/faults`: the active faults and what is left of the counted ones;
 * - `POST /_sandbox/faults`: replace them (`{ "preset": "flaky" }`, a config, or both; `{}` clears);
 * - `DELETE /_sandbox/faults`: clear them;
 * - `GET /_sandbox/stats`: the API requests counted since the start or the last reset;
 * - `DELETE /_sandbox/stats`: zero them (to count one load);
 * - `POST /_sandbox/reset`: restore the start account, drop sessions and rate-limit history, zero
 *   the stats.
 * They sit outside the API plugin, so none of them is counted in the stats either.
 */
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { sendZodProblem } from './problem';
import type { SandboxContext } from './types';

export function registerControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/_sandbox/faults', (_request, reply) => reply.send(ctx.faults.snapshot()));

  app.post('/_sandbox/faults', (request, reply) => {
    try {
      ctx.faults.set(request.body ?? {});
    } catch (error) {
      if (error instanceof ZodError) return sendZodProblem(reply, error);
      throw error;
    }
    return reply.send(ctx.faults.snapshot());
  });

  app.delete('/_sandbox/faults', (_request, reply) => {
    ctx.faults.clear();
    return reply.send(ctx.faults.snapshot());
  });

  app.get('/_sandbox/stats', (_request, reply) => reply.send(ctx.stats.snapshot()));

  app.delete('/_sandbox/stats', (_request, reply) => {
    ctx.stats.reset();
    return reply.code(204).send();
  });

  app.post('/_sandbox/reset', (_request, reply) => {
    ctx.reset();
    return reply.code(204).send();
  });
}
