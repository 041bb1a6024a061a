// The agent's choice of language for the UI (issue #14): a cookie kept for a year, then back to the page they were
// on. Reachable signed out too, so the sign-in form can be read in either language.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGUAGE_COOKIE, UiLanguageSchema } from '../i18n/ui-language.ts';
import type { AppContext } from '../build-app.ts';
import { safeNext } from './auth-routes.ts';

const YEAR_SECONDS = 365 * 24 * 3600;

export function languageRoutes({ deps }: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/language/:lang', { config: { public: true } }, async (request, reply) => {
      const lang = UiLanguageSchema.catch('ru').parse((request.params as { lang?: string }).lang);
      // Back to the page the agent was on: the link carries no address, the same-origin Referer does.
      const referer = request.headers.referer ? new URL(request.headers.referer, 'http://x.invalid') : null;
      const from = referer ? `${referer.pathname}${referer.search}` : '/queue';
      const next = z.string().max(2000).catch('/queue').parse((request.query as { next?: unknown }).next ?? from);
      reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true, secure: deps.secureCookies });
      return reply.redirect(safeNext(next), 303);
    });
  };
}
