// The review UI and dashboard as a Fastify app, built from its dependencies; listening is the caller's job, so
// tests use app.inject() or listen on a random port. Security lives here once for every route: the session hook
// (nothing but /health and the login form without signing in), CSRF on every POST, the login rate limit,
// a strict Content-Security-Policy, and the one AppError → HTTP map.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../domain/app-error.ts';
import { csrfUserInfo, sessionHook } from './auth/session-hook.ts';
import { HTTP_STATUS } from './http-errors.ts';
import { createTranslator, LANGUAGE_COOKIE, loadDictionary, UiLanguageSchema } from './i18n/ui-language.ts';
import { loadViews, type Views } from './load-views.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { conversationRoutes } from './routes/conversation-routes.ts';
import { dashboardRoutes } from './routes/dashboard-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { languageRoutes } from './routes/language-routes.ts';
import { opsRoutes } from './routes/ops-routes.ts';
import { queueRoutes } from './routes/queue-routes.ts';
import { attentionRoutes } from './routes/attention-routes.ts';
import { refundRoutes } from './routes/refund-routes.ts';
import { returnRoutes } from './routes/return-routes.ts';
import { statusRoutes } from './routes/status-routes.ts';
import type { WebDeps } from './web-deps.ts';
import { formIssues, formIssuesText, type FormIssue } from './form-issues.ts';
import type { ReviewDeps } from '../pipeline/review/review-deps.ts';

export type { WebDeps } from './web-deps.ts';

/** Form bodies are a few fields; anything bigger is not ours. */
const BODY_LIMIT_BYTES = 64 * 1024;

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface AppContext {
  deps: WebDeps;
  views: Views;
  now: () => Date;
  /** A phrase in the request's language, for text a page hands to its scripts (chart labels). */
  translate: ReturnType<typeof createTranslator>['translate'];
  /**
   * What an agent's page or action needs, with the policy in force now: the policy file is looked at first (a stat
   * when it did not change), so the UI agrees with the worker without a restart. An action runs on the one policy it was handed.
   */
  review: () => Promise<ReviewDeps>;
}

export async function buildApp(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, trustProxy: false });
  const defaultLanguage = deps.uiLanguage ?? 'ru';
  const translator = deps.translator ?? createTranslator(loadDictionary());
  const views = await loadViews(deps.review.timeZone, { defaultLanguage, translator });
  const now = deps.now ?? (() => new Date());
  const review = async (): Promise<ReviewDeps> => {
    if (!deps.policy) return deps.review;
    await deps.policy.refresh();
    return { ...deps.review, policy: deps.policy.current() };
  };
  const context: AppContext = { deps, views, now, translate: translator.translate, review };

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    // The token is an HMAC over the session, so a token from one session is worthless in another.
    csrfOpts: { hmacKey: deps.sessionSecret, userInfo: true },
    getUserInfo: csrfUserInfo,
    cookieKey: 'ri_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies },
  });
  await app.register(fastifyRateLimit, { global: false });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);
  app.decorateRequest('lang', 'ru');
  app.addHook('onRequest', async (request) => {
    const chosen = UiLanguageSchema.safeParse(request.cookies[LANGUAGE_COOKIE]);
    request.lang = chosen.success ? chosen.data : defaultLanguage;
  });
  app.addHook('onRequest', sessionHook(deps.users, now));
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') app.csrfProtection(request, reply, done);
    else done();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    let status = 500;
    let message = 'Something went wrong; the error was logged.';
    let issues: FormIssue[] = [];
    if (error instanceof AppError) {
      status = HTTP_STATUS[error.code];
      message = error.message;
    } else if (error instanceof ZodError) {
      status = 400;
      // Each field's problem apart, so the page shows it in its own language.
      issues = formIssues(error);
      message = formIssuesText(issues);
    } else if (typeof error.statusCode === 'number' && error.statusCode < 500) {
      status = error.statusCode;
      message = error.code?.startsWith('FST_CSRF') ? 'The form expired or did not come from this site; reload the page and try again.' : error.message;
    } else {
      request.log.error(error);
      process.stderr.write(`web: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    reply.code(status);
    if (request.headers.accept?.includes('text/html')) {
      reply.type('text/html; charset=utf-8');
      return views.error({ title: `${status}`, status, message, issues, user: request.user, lang: request.lang });
    }
    return { error: message, status };
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).type('text/html; charset=utf-8');
    return views.error({ title: 'Not found', status: 404, message: `Nothing at ${request.url}.`, user: request.user, lang: request.lang });
  });

  await app.register(opsRoutes(context));
  await app.register(authRoutes(context));
  await app.register(languageRoutes(context));
  await app.register(queueRoutes(context));
  await app.register(attentionRoutes(context));
  await app.register(returnRoutes(context));
  await app.register(documentRoutes(context));
  await app.register(dashboardRoutes(context));
  await app.register(refundRoutes(context));
  await app.register(statusRoutes(context));
  await app.register(conversationRoutes(context));
  await app.register(adminRoutes(context));
  return app;
}
