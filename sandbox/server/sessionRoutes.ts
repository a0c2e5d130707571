/**
 * Logging in to the sandbox's amoCRM page, i.e. getting the `session` cookie the widget's
 * same-origin API calls carry:
 * - `POST /_sandbox/session` `{ "userId": 501 }` → 201 `{ session, userId }` + Set-Cookie;
 * - `GET /_sandbox/login?user=<id>&next=<path>` → the same, then a redirect (the host page's
 *   user switcher is a plain link);
 * - `GET /_sandbox/session` → who the cookie belongs to, or 401;
 * - `DELETE /_sandbox/session` → log out.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { DemoUser } from '../demo/types';
import { authenticate, sessionIdOf } from './auth';
import { sendUnauthorized } from './gate';
import { sendProblem, sendZodProblem } from './problem';
import { queryOf, toInt } from './query';
import { clearedSessionCookie, sessionCookie } from './sessions';
import type { SandboxContext } from './types';

const sessionBodySchema = z.object({ userId: z.number().int().positive() });

function findLoginUser(ctx: SandboxContext, id: number | undefined): DemoUser | undefined {
  return ctx.account.users.find(user => user.id === id && user.is_active);
}

function unknownUser(reply: FastifyReply, id: unknown): FastifyReply {
  return sendProblem(reply, 400, `No active user with id ${String(id)} in the sandbox account`);
}

/** Only same-site paths, so the login link cannot be used to bounce elsewhere. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function registerSessionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/_sandbox/session', (request, reply) => {
    const parsed = sessionBodySchema.safeParse(request.body);
    if (!parsed.success) return sendZodProblem(reply, parsed.error);
    const user = findLoginUser(ctx, parsed.data.userId);
    if (user === undefined) return unknownUser(reply, parsed.data.userId);
    const session = ctx.sessions.create(user.id);
    reply.header('Set-Cookie', sessionCookie(session.id));
    return reply.code(201).send({ session: session.id, userId: user.id });
  });

  app.get('/_sandbox/login', (request, reply) => {
    const query = queryOf(request);
    const user = findLoginUser(ctx, toInt(query.user));
    if (user === undefined) return unknownUser(reply, query.user);
    const session = ctx.sessions.create(user.id);
    reply.header('Set-Cookie', sessionCookie(session.id));
    return reply.redirect(safeNext(query.next), 302);
  });

  app.get('/_sandbox/session', (request, reply) => {
    const auth = sessionIdOf(request) === undefined ? undefined : authenticate(ctx, request);
    if (auth?.ok !== true) return sendUnauthorized(reply);
    return reply.send({ userId: auth.user.id, name: auth.user.name, is_admin: auth.user.is_admin });
  });

  app.delete('/_sandbox/session', (request, reply) => {
    const id = sessionIdOf(request);
    if (id !== undefined) ctx.sessions.delete(id);
    reply.header('Set-Cookie', clearedSessionCookie());
    return reply.code(204).send();
  });
}
