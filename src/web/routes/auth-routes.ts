// Sign-in and sign-out. The login form is rate limited per IP, answers the same for an unknown e-mail and a
// wrong password (and takes as long), and a successful sign-in gets a fresh session token.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { createLoginLockout } from '../auth/login-lockout.ts';
import { dummyHash, verifyPassword } from '../auth/passwords.ts';
import { hashToken, newSessionToken, SESSION_COOKIE, SESSION_HOURS } from '../auth/session-token.ts';
import type { AppContext } from '../build-app.ts';

const LoginSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
  next: z.string().max(2048).optional(),
});

/**
 * Only a path on this site: `//evil.example` or `https://…` would make the login an open redirect. Printable ASCII
 * only: browsers drop tabs and newlines from a Location (`/\t/evil.example` becomes `//evil.example`), a newline
 * cannot go into a header at all (that was a 500), and a backslash reads as a slash.
 */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/(?![/\\])[\x21-\x7e]*$/.test(next) || next.includes('\\')) return '/queue';
  // The same characters percent-encoded (`/%09/evil.example`): a proxy or a second decoding would bring them back.
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(next)) return '/queue';
  const base = 'http://this.site.invalid';
  const url = new URL(next, base);
  // Dot segments are resolved here (`/.//evil.example` → `//evil.example`): what comes out must pass the same test.
  if (url.origin !== base || /^\/[/\\]/.test(url.pathname)) return '/queue';
  return `${url.pathname}${url.search}${url.hash}`;
}

export function authRoutes({ deps, views, now }: AppContext) {
  const lockout = createLoginLockout(deps.users);
  const render = (reply: FastifyReply, context: object) => {
    reply.type('text/html; charset=utf-8');
    return views.login({ title: 'Sign in', lang: reply.request.lang, csrf: reply.generateCsrf({ userInfo: 'anonymous' }), ...context });
  };
  return async (app: FastifyInstance) => {
    app.get('/', async (_request, reply) => reply.redirect('/queue', 303));

    app.get('/login', { config: { public: true } }, async (request, reply) => {
      if (request.user) return reply.redirect('/queue', 303);
      return render(reply, { next: safeNext((request.query as { next?: string }).next) });
    });

    app.post(
      '/login',
      {
        config: {
          public: true,
          rateLimit: { max: deps.loginRateLimit ?? 10, timeWindow: '1 minute' },
        },
      },
      async (request, reply) => {
        const form = LoginSchema.parse(request.body);
        // A locked account is not even checked: the right password must not open it while guessing goes on.
        const locked = await lockout.lockedFor(form.email, now());
        if (locked > 0) {
          reply.code(429).header('Retry-After', String(Math.ceil(locked / 1000)));
          const minutes = Math.ceil(locked / 60_000);
          return render(reply, { email: form.email, next: safeNext(form.next), error: `Too many wrong passwords for this account. Try again in ${minutes} min.` });
        }
        const user = await deps.users.findUserByEmail(form.email);
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), form.password);
        if (!user || !ok || user.disabled) {
          await lockout.failed(form.email, now());
          reply.code(401);
          return render(reply, { email: form.email, next: safeNext(form.next), error: 'Wrong e-mail or password.' });
        }
        await lockout.succeeded(form.email);
        const token = newSessionToken();
        const expiresAt = new Date(now().getTime() + SESSION_HOURS * 3_600_000);
        await deps.users.createSession({ tokenHash: hashToken(token), userId: user.id, expiresAt });
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.secureCookies,
          expires: expiresAt,
        });
        return reply.redirect(safeNext(form.next), 303);
      },
    );

    app.post('/logout', async (request, reply) => {
      if (request.sessionHash) await deps.users.deleteSession(request.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/login', 303);
    });
  };
}
