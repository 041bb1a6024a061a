// The review UI and dashboard as a Fastify app. Built from its dependencies; listening is the caller's job,
// so tests can use app.inject() or listen on a random port.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../domain/ports/store.ts';
import { ReturnStateSchema } from '../domain/return-state.ts';
import { loadViews } from './load-views.ts';

export interface WebDeps {
  store: Store;
  /** For /health: is the worker loop alive, when did it last drain. */
  health: () => { worker: 'running' | 'stopped' | 'not_started'; lastDrainAt?: Date };
}

export async function buildApp(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const views = await loadViews();

  app.get('/health', async () => {
    const counts = await deps.store.countInboundByState();
    return { status: 'ok', ...deps.health(), inbound: counts };
  });

  app.get('/', async (request, reply) => {
    const query = request.query as { state?: string };
    const state = ReturnStateSchema.safeParse(query.state);
    const [returns, inbound, byState] = await Promise.all([
      deps.store.listReturns({ state: state.success ? state.data : undefined, limit: 200 }),
      deps.store.countInboundByState(),
      deps.store.countReturnsByState(),
    ]);
    reply.type('text/html; charset=utf-8');
    return views.queue({ returns, inbound: Object.entries(inbound), byState: Object.entries(byState), state: query.state });
  });

  app.get('/returns/:number', async (request, reply) => {
    const { number } = request.params as { number: string };
    const detail = await deps.store.getReturn(number);
    if (!detail) {
      reply.code(404).type('text/html; charset=utf-8');
      return views.notFound({ number });
    }
    const fields = Object.entries(detail.application.fields).map(([key, field]) => ({ key, ...field, low: field!.confidence < 0.9 }));
    reply.type('text/html; charset=utf-8');
    return views.returnPage({ ...detail, fields });
  });

  return app;
}
