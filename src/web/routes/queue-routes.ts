// The review queue: filter by state (under review by default), search by return or order number, name or
// e-mail (across every state unless one is picked), oldest first, with the 24 h review SLA as a badge on every undecided application.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RETURN_STATES, ReturnStateSchema } from '../../domain/return-state.ts';
import type { AppContext } from '../build-app.ts';
import { slaBadge } from '../view-models/return-view.ts';

export const PAGE_SIZE = 50;

const QuerySchema = z.object({
  state: z.union([ReturnStateSchema, z.literal('all')]).default('needs_review'),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export function queueRoutes({ deps, views, now }: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/queue', async (request, reply) => {
      const raw = (request.query ?? {}) as Record<string, unknown>;
      // A search looks in every state unless a state was picked with it: a return the agent is looking for is
      // rarely the one under review (issue #14: search found only within the open tab).
      const parsed = QuerySchema.safeParse(raw.q && !raw.state ? { ...raw, state: 'all' } : raw);
      const query = parsed.success ? parsed.data : QuerySchema.parse({});
      const at = now();
      const [{ rows, total }, byState] = await Promise.all([
        deps.dashboard.listQueue(
          { ...(query.state !== 'all' ? { state: query.state } : {}), ...(query.q ? { search: query.q } : {}), limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE },
          at,
        ),
        deps.store.countReturnsByState(),
      ]);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const link = (page: number) => `/queue?${new URLSearchParams({ state: query.state, ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
      reply.type('text/html; charset=utf-8');
      return views.queue({
        title: 'Queue',
        nav: 'queue',
        user: request.user,
        lang: request.lang,
        csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
        query,
        states: [
          { value: 'all', label: 'all', count: Object.values(byState).reduce((a, b) => a + (b ?? 0), 0), active: query.state === 'all' },
          ...RETURN_STATES.map((s) => ({ value: s, label: s.replaceAll('_', ' '), count: byState[s] ?? 0, active: query.state === s })),
        ].filter((s) => s.count > 0 || s.active || s.value === 'needs_review'),
        rows: rows.map((row) => ({ ...row, sla: slaBadge(row.reviewDueAt, row.state, at) })),
        total,
        page: query.page,
        pages,
        prev: query.page > 1 ? link(query.page - 1) : null,
        next: query.page < pages ? link(query.page + 1) : null,
      });
    });
  };
}
