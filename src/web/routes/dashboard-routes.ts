// The manager's dashboard: the numbers from the Dashboard port, charts drawn by chart.js in the browser.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ATTENTION_STATES } from '../../domain/ports/dashboard.ts';
import { addIsoDays } from '../../domain/iso-date-math.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import type { AppContext } from '../build-app.ts';

const QuerySchema = z.object({ days: z.coerce.number().int().min(7).max(90).default(30) });

export function dashboardRoutes({ deps, views, now, translate }: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/dashboard', { config: { role: 'manager' } }, async (request, reply) => {
      const parsed = QuerySchema.safeParse(request.query);
      const days = parsed.success ? parsed.data.days : 30;
      const at = now();
      // A refused edit of the policy file is the manager's to see: the service runs on the policy before it.
      await deps.policy?.refresh();
      const refused = deps.policy?.status().refused;
      const sinceDay = addIsoDays(isoDay(at, deps.review.timeZone), -(days - 1));
      const [stats, inbound, refundTotals] = await Promise.all([
        deps.dashboard.stats(at, days),
        deps.store.countInboundByState(),
        deps.refunds.refundTotals(at, sinceDay),
      ]);
      // Mail no automatic step answers: a person must read it (regression: such mail showed nowhere).
      const attention = ATTENTION_STATES.reduce((sum, state) => sum + (inbound[state] ?? 0), 0);
      const byState = Object.entries(stats.byState)
        .map(([state, count]) => ({ state, count }))
        .sort((a, b) => b.count - a.count);
      reply.type('text/html; charset=utf-8');
      return views.dashboard({
        title: 'Dashboard',
        nav: 'dashboard',
        user: request.user,
        lang: request.lang,
        csrf: reply.generateCsrf({ userInfo: request.sessionHash ?? 'anonymous' }),
        stats,
        attention,
        ...(refused ? { policyRefused: { file: deps.policy!.status().source, message: refused.message } } : {}),
        // Money owed and paid, to the kopeck (issue #14: refund totals appeared nowhere).
        refundMoney: {
          due: toRoublesString(refundTotals.dueAmount),
          overdue: toRoublesString(refundTotals.overdueAmount),
          overdueCount: refundTotals.overdueCount,
          paid: toRoublesString(refundTotals.paidAmount),
          paidCount: refundTotals.paidCount,
        },
        byState,
        total: byState.reduce((a, b) => a + b.count, 0),
        chartData: {
          intake: stats.intakePerDay,
          // Chart labels in the page's language: the charts are drawn in the browser from this data.
          byState: byState.map((s) => ({ ...s, label: translate(request.lang, s.state.replaceAll('_', ' ')) })),
          confidence: stats.confidenceBuckets.map((b) => ({ label: `${b.bucket / 10}–${(b.bucket + 1) / 10}`, count: b.count })),
          rejections: stats.topRejectionReasons.map((r) => ({ ...r, label: translate(request.lang, r.code.replaceAll('_', ' ')) })),
          applicationsLabel: translate(request.lang, 'Applications'),
        },
        dayOptions: [7, 30, 90].map((d) => ({ days: d, active: d === days })),
      });
    });
  };
}
