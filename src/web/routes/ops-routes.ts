// /health (the only thing open without signing in, for load balancers), /metrics (managers, or a scraper with
// the metrics token), and the few static files the pages use, chart.js among them, served from node_modules.
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/app-error.ts';
import type { PolicyStatus } from '../../domain/ports/policy-source.ts';
import { roleAtLeast } from '../../domain/ports/users.ts';
import type { AppContext } from '../build-app.ts';

const require = createRequire(import.meta.url);
// The UMD build is not in chart.js's "exports"; find the package folder through its main entry instead.
const CHART_UMD = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
const STATIC_DIR = path.join(import.meta.dirname, '..', 'static');
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  'app.css': { file: path.join(STATIC_DIR, 'app.css'), type: 'text/css; charset=utf-8' },
  'review.js': { file: path.join(STATIC_DIR, 'review.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.js': { file: path.join(STATIC_DIR, 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { file: path.join(STATIC_DIR, 'favicon.svg'), type: 'image/svg+xml' },
  'chart.umd.min.js': { file: CHART_UMD, type: 'text/javascript; charset=utf-8' },
};

export function opsRoutes({ deps, now }: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/health', { config: { public: true } }, async (_request, reply) => {
      // Which policy is in force, and a refused edit of the file (the service runs on on the one before it).
      await deps.policy?.refresh();
      const policy = deps.policy ? { policy: policyHealth(deps.policy.status()) } : {};
      try {
        const depth = await deps.dashboard.queueDepth();
        return { status: 'ok', ...deps.health(), ...policy, queueDepth: depth, at: now().toISOString() };
      } catch {
        reply.code(503);
        return { status: 'database_unavailable', ...deps.health(), ...policy };
      }
    });

    app.get('/metrics', { config: { public: true } }, async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, deps.metricsToken) && !(request.user && roleAtLeast(request.user.role, 'manager'))) {
        throw new AppError(request.user ? 'forbidden' : 'unauthorized', 'Metrics need a manager session or the metrics token.');
      }
      const { contentType, body } = await deps.metrics();
      reply.type(contentType);
      return body;
    });

    // Browsers ask for it on every first visit, signed in or not.
    app.get('/favicon.ico', { config: { public: true } }, async (_request, reply) => reply.redirect('/static/favicon.svg', 301));

    app.get('/static/:name', { config: { public: true } }, async (request, reply) => {
      // Own keys only: `constructor` or `__proto__` looked up on a plain object found Object's and gave a 500.
      const name = (request.params as { name: string }).name;
      const entry = Object.hasOwn(STATIC_FILES, name) ? STATIC_FILES[name] : undefined;
      if (!entry) throw new AppError('not_found', 'no such file');
      reply.type(entry.type).header('Cache-Control', 'public, max-age=300');
      return readFile(entry.file);
    });
  };
}

/** The file's path is the operator's own configuration, not customer data; the refusal says what to fix. */
function policyHealth(status: PolicyStatus) {
  return {
    source: status.source,
    version: status.version,
    loadedAt: status.loadedAt.toISOString(),
    ...(status.refused ? { refused: { at: status.refused.at.toISOString(), message: status.refused.message } } : {}),
  };
}

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
