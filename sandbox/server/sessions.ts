/**
 * Host-page sessions: the amoCRM page authenticates the widget's same-origin API calls with the
 * user's session cookie (reference §6), so the sandbox keeps a cookie → user table. The cookie is
 * parsed by hand because @fastify/cookie needs Node 22.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from './types';

export const SESSION_COOKIE = 'session';

export interface Session {
  readonly id: string;
  readonly userId: number;
  readonly createdAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

  create(userId: number): Session {
    const session: Session = { id: randomUUID(), userId, createdAt: this.clock.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  delete(id: string): boolean {
    return this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/** Cookie header → name/value pairs (first occurrence wins, values URI-decoded when possible). */
export function parseCookies(header: string | undefined): ReadonlyMap<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(id)}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
