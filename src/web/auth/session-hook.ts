// Who is asking: resolves the session cookie to a user on every request, and the guards routes declare
// through their config (`{ public: true }` or `{ role: 'manager' }`). Everything not public needs a session.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error.ts';
import { roleAtLeast, type Role, type User, type Users } from '../../domain/ports/users.ts';
import { hashToken, SESSION_COOKIE } from './session-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    /** SHA-256 of the session token; CSRF tokens are bound to it. */
    sessionHash: string | null;
    /** The language pages are shown in: the agent's choice (cookie), else the UI's default (build-app.ts). */
    lang: 'ru' | 'en';
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, the login form, static assets). */
    public?: boolean;
    /** Least role the route needs; default support (any signed-in user). */
    role?: Role;
  }
}

export function sessionHook(users: Users, now: () => Date) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.user = null;
    request.sessionHash = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const hash = hashToken(token);
      const user = await users.findSessionUser(hash, now());
      if (user) {
        request.user = user;
        request.sessionHash = hash;
      }
    }
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!request.user) {
      if (request.method === 'GET' && request.headers.accept?.includes('text/html') !== false) {
        const next = encodeURIComponent(request.url);
        await reply.redirect(`/login?next=${next}`, 303);
        return reply;
      }
      throw new AppError('unauthorized', 'Sign in first.');
    }
    const needed = config.role ?? 'support';
    if (!roleAtLeast(request.user.role, needed)) throw new AppError('forbidden', `This page is for ${needed}s.`);
  };
}

/** The CSRF token's user binding: the session, or "anonymous" on the login form. */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.sessionHash ?? 'anonymous';
}
