/**
 * Who a request runs as. Two ways in, as on a real account:
 * - `Authorization: Bearer <token>`: the configured token acts as the account's administrator;
 *   `Bearer <token>:<userId>` acts as that user (a sandbox convenience for rights tests).
 * - the host page's `session` cookie (see sessions.ts), acting as the logged-in user.
 * A header, when sent, wins over the cookie, and a bad one is not rescued by a good cookie.
 */
import type { FastifyRequest } from 'fastify';
import type { DemoAccount, DemoUser } from '../demo/types';
import { parseCookies, SESSION_COOKIE } from './sessions';
import type { SandboxContext } from './types';

export type AuthResult =
  | { readonly ok: true; readonly user: DemoUser; readonly credential: string }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' };

/** The user the plain sandbox token acts as: the first active administrator. */
export function adminUser(account: DemoAccount): DemoUser | undefined {
  return account.users.find(user => user.is_admin && user.is_active);
}

function activeUser(account: DemoAccount, id: number | undefined): DemoUser | undefined {
  return account.users.find(user => user.id === id && user.is_active);
}

function fromBearer(ctx: SandboxContext, header: string): AuthResult {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined) return { ok: false, reason: 'invalid' };
  let user: DemoUser | undefined;
  if (token === ctx.token) {
    user = adminUser(ctx.account);
  } else if (token.startsWith(`${ctx.token}:`)) {
    const id = Number(token.slice(ctx.token.length + 1));
    user = Number.isSafeInteger(id) ? activeUser(ctx.account, id) : undefined;
  }
  return user === undefined
    ? { ok: false, reason: 'invalid' }
    : { ok: true, user, credential: `bearer:${token}` };
}

export function sessionIdOf(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(SESSION_COOKIE);
}

export function authenticate(ctx: SandboxContext, request: FastifyRequest): AuthResult {
  const header = request.headers.authorization;
  if (header !== undefined) return fromBearer(ctx, header);
  const sessionId = sessionIdOf(request);
  if (sessionId === undefined || sessionId === '') return { ok: false, reason: 'missing' };
  const session = ctx.sessions.get(sessionId);
  const user = session === undefined ? undefined : activeUser(ctx.account, session.userId);
  return user === undefined
    ? { ok: false, reason: 'invalid' }
    : { ok: true, user, credential: `session:${sessionId}` };
}

/** The rate-limit bucket: the credential as sent (valid or not), else the client IP. */
export function clientKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header !== undefined) return `auth:${header}`;
  const sessionId = sessionIdOf(request);
  if (sessionId !== undefined && sessionId !== '') return `session:${sessionId}`;
  return `ip:${request.ip}`;
}

const currentUsers = new WeakMap<FastifyRequest, DemoUser>();

export function setCurrentUser(request: FastifyRequest, user: DemoUser): void {
  currentUsers.set(request, user);
}

/** The authenticated user of an API request (the gate has run before any API handler). */
export function currentUser(request: FastifyRequest): DemoUser {
  const user = currentUsers.get(request);
  if (user === undefined) throw new Error(`no authenticated user for ${request.url}`);
  return user;
}
