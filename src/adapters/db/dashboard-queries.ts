// The Dashboard port: the review queue and the manager's numbers as a few bounded SQL queries. Each one is served
// by an index or limited to a recent window, so the pages stay fast at 100,000 returns (bench/dashboard.ts).
// SQL is written once with quoted identifiers; only date and JSON functions differ between SQLite and PostgreSQL.
import { Prisma } from '../../generated/sqlite/client.ts';
import type { Dashboard, DashboardStats, QueueFilter, QueueRow } from '../../domain/ports/dashboard.ts';
import { ReturnStateSchema, type ReturnState } from '../../domain/return-state.ts';
import type { Provider } from './database-target.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';

const sql = Prisma.sql;
const DAY_MS = 86_400_000;
/** Enough applications for a stable confidence histogram; more only costs JSON parsing. */
const CONFIDENCE_SAMPLE = 1_000;
/** Time to first reply and the auto-approval rate are taken over the window's most recent applications, at most this many. */
const RATE_SAMPLE = 2_000;
const UNDECIDED: ReturnState[] = ['received', 'parsed', 'needs_review'];
export const SEARCH_COUNT_CAP = 1_000;
/** The dashboard's numbers may be this old: a manager's screen does not need them to the second, the database is spared. */
const STATS_CACHE_MS = 30_000;

interface Dialect {
  day: (column: Prisma.Sql) => Prisma.Sql;
  fullName: Prisma.Sql;
  /** The application JSON as text, for a cheap substring test before the JSON is parsed. */
  applicationText: Prisma.Sql;
  firstReasonCode: Prisma.Sql;
  like: Prisma.Sql;
  /** Rows of (confidence) for every field of the applications in the inner query. */
  confidences: (inner: Prisma.Sql) => Prisma.Sql;
  seconds: (later: Prisma.Sql, earlier: Prisma.Sql) => Prisma.Sql;
}

const DIALECTS: Record<Provider, Dialect> = {
  sqlite: {
    day: (column) => sql`substr(${column}, 1, 10)`,
    fullName: sql`json_extract(r."application", '$.fields.fullName.value')`,
    applicationText: sql`r."application"`,
    firstReasonCode: sql`json_extract(r."decision", '$.reasons[0].code')`,
    like: sql`LIKE`,
    confidences: (inner) =>
      sql`SELECT json_extract(f.value, '$.confidence') AS c FROM (${inner}) a, json_each(a."application", '$.fields') f`,
    seconds: (later, earlier) => sql`(julianday(${later}) - julianday(${earlier})) * 86400.0`,
  },
  postgresql: {
    day: (column) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
    fullName: sql`(r."application"->'fields'->'fullName'->>'value')`,
    applicationText: sql`r."application"::text`,
    firstReasonCode: sql`(r."decision"->'reasons'->0->>'code')`,
    like: sql`ILIKE`,
    confidences: (inner) => sql`SELECT (f.value->>'confidence')::float AS c FROM (${inner}) a, jsonb_each(a."application"->'fields') f`,
    seconds: (later, earlier) => sql`EXTRACT(EPOCH FROM (${later} - ${earlier}))`,
  },
};

const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : Number(value ?? 0));

export function createDashboardQueries(db: DbClient, provider: Provider, options: { statsCacheMs?: number } = {}): Dashboard {
  const d = DIALECTS[provider];
  const cacheMs = options.statsCacheMs ?? STATS_CACHE_MS;
  const cache = new Map<number, { at: number; stats: Promise<DashboardStats> }>();

  function where(filter: Pick<QueueFilter, 'state' | 'search'>): Prisma.Sql {
    const parts: Prisma.Sql[] = [];
    if (filter.state) parts.push(sql`r."state" = ${filter.state}`);
    const term = filter.search?.trim();
    if (term) parts.push(searchCondition(term));
    return parts.length > 0 ? sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
  }

  /**
   * What the agent typed decides where to look, so the common searches use an index: a return number (RT-…) or
   * an order number is a prefix range on its indexed column, an e-mail a substring of one small column, and only
   * a name reads the application JSON (after a cheap substring test on its text).
   */
  function searchCondition(term: string): Prisma.Sql {
    const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    const prefix = (column: Prisma.Sql, value: string) => sql`(${column} >= ${value} AND ${column} < ${`${value}\uffff`})`;
    if (/^RT-[A-Z0-9-]*$/i.test(term)) return prefix(sql`r."returnNumber"`, term.toUpperCase());
    if (term.includes('@')) return sql`r."customerEmail" ${d.like} ${`%${escaped.toLowerCase()}%`} ESCAPE '\\'`;
    if (/\d/.test(term) && /^[\w/-]+$/.test(term)) {
      return sql`(${prefix(sql`r."orderNumber"`, term)} OR ${prefix(sql`r."orderNumber"`, term.toUpperCase())} OR ${prefix(sql`r."returnNumber"`, term.toUpperCase())})`;
    }
    const pattern = `%${escaped}%`;
    return sql`((${d.applicationText} ${d.like} ${pattern} ESCAPE '\\' AND ${d.fullName} ${d.like} ${pattern} ESCAPE '\\')
      OR r."customerEmail" ${d.like} ${pattern.toLowerCase()} ESCAPE '\\')`;
  }

  function computeStats(now: Date, windowDays: number): Promise<DashboardStats> {
    return guard('dashboardStats', async (): Promise<DashboardStats> => {
      const since = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (windowDays - 1) * DAY_MS);
      const in24h = new Date(now.getTime() + DAY_MS);
      const recent = sql`SELECT r."id", r."inboundId" FROM "ReturnRequest" r WHERE r."createdAt" >= ${since} ORDER BY r."createdAt" DESC LIMIT ${RATE_SAMPLE}`;
      const [byStateRows, perDay, replyTimes, open, overdue, breached, awaiting, expiring, due, refundOverdue, approvals, sampled, rejections, confidences] =
        await Promise.all([
          db.returnRequest.groupBy({ by: ['state'], _count: { _all: true } }),
          db.$queryRaw<Array<{ day: string; n: unknown }>>(sql`
            SELECT ${d.day(sql`r."createdAt"`)} AS day, count(*) AS n FROM "ReturnRequest" r
            WHERE r."createdAt" >= ${since} GROUP BY 1 ORDER BY 1`),
          // Time to first reply: the customer's message arriving → our first reply leaving, over the window's most
          // recent applications (a sample bounds the cost however busy the window was; p50/p90 barely move).
          db.$queryRaw<Array<{ s: unknown }>>(sql`
            SELECT ${d.seconds(sql`min(o."sentAt")`, sql`i."receivedAt"`)} AS s
            FROM (${recent}) r JOIN "InboundMessage" i ON i."id" = r."inboundId" JOIN "OutboundMessage" o ON o."returnId" = r."id"
            WHERE o."sentAt" IS NOT NULL
            GROUP BY r."id", i."receivedAt"`),
          db.returnRequest.count({ where: { state: { in: UNDECIDED } } }),
          db.returnRequest.count({ where: { state: { in: UNDECIDED }, reviewDueAt: { lt: now } } }),
          // Bounded by createdAt (indexed): a breach is noticed within a day or so of the application arriving.
          db.returnRequest.count({ where: { createdAt: { gte: new Date(since.getTime() - 7 * DAY_MS) }, reviewBreachedAt: { gte: since } } }),
          db.returnRequest.count({ where: { state: 'awaiting_shipment' } }),
          db.returnRequest.count({ where: { state: 'awaiting_shipment', shipBy: { lte: in24h } } }),
          db.returnRequest.count({ where: { state: 'received_at_warehouse' } }),
          db.returnRequest.count({ where: { state: 'received_at_warehouse', refundDueAt: { lt: now } } }),
          db.$queryRaw<Array<{ agent: unknown; n: unknown }>>(sql`
            SELECT CASE WHEN e."actor" = 'system' THEN 0 ELSE 1 END AS agent, count(*) AS n
            FROM (${recent}) r JOIN "ReturnEvent" e ON e."returnId" = r."id"
            WHERE e."type" = 'approve' GROUP BY 1`),
          db.$queryRaw<Array<{ n: unknown }>>(sql`SELECT count(*) AS n FROM (${recent}) r`),
          db.$queryRaw<Array<{ code: string | null; n: unknown }>>(sql`
            SELECT ${d.firstReasonCode} AS code, count(*) AS n FROM "ReturnRequest" r
            WHERE r."state" = 'rejected' AND r."createdAt" >= ${since} GROUP BY 1 ORDER BY 2 DESC LIMIT 8`),
          db.$queryRaw<Array<{ bucket: unknown; n: unknown }>>(sql`
            SELECT CASE WHEN c >= 1 THEN 9 ELSE CAST(floor(c * 10) AS INTEGER) END AS bucket, count(*) AS n
            FROM (${d.confidences(sql`SELECT r."application" FROM "ReturnRequest" r ORDER BY r."createdAt" DESC LIMIT ${CONFIDENCE_SAMPLE}`)}) x
            WHERE c IS NOT NULL GROUP BY 1 ORDER BY 1`),
        ]);

      const byState: Partial<Record<ReturnState, number>> = {};
      for (const g of byStateRows) byState[ReturnStateSchema.parse(g.state)] = g._count._all;
      const seconds = replyTimes.map((r) => num(r.s)).filter((s) => Number.isFinite(s) && s >= 0).sort((a, b) => a - b);
      const auto = num(approvals.find((a) => num(a.agent) === 0)?.n);
      const total = num(sampled[0]?.n);
      return {
        windowDays,
        byState,
        intakePerDay: fillDays(since, windowDays, perDay.map((p) => ({ day: String(p.day), count: num(p.n) }))),
        firstReplySeconds: { p50: percentile(seconds, 0.5), p90: percentile(seconds, 0.9), samples: seconds.length },
        review: { open, overdueNow: overdue, breachedInWindow: breached },
        shipping: { awaiting, expiringWithin24h: expiring },
        refunds: { due, overdue: refundOverdue },
        autoApproval: { auto, total, rate: total > 0 ? auto / total : null },
        topRejectionReasons: rejections.map((r) => ({ code: r.code ?? 'unknown', count: num(r.n) })),
        confidenceBuckets: Array.from({ length: 10 }, (_, bucket) => ({
          bucket,
          count: num(confidences.find((c) => num(c.bucket) === bucket)?.n),
        })),
        confidenceSample: Math.min(CONFIDENCE_SAMPLE, Object.values(byState).reduce((a, b) => a + (b ?? 0), 0)),
      };
    });
  }

  return {
    listQueue: (filter) =>
      guard('listQueue', async () => {
        const condition = where(filter);
        const [rows, counted] = await Promise.all([
          db.$queryRaw<Array<Record<string, unknown>>>(sql`
            SELECT r."returnNumber", r."state", r."orderNumber", r."customerEmail", r."createdAt", r."reviewDueAt", ${d.fullName} AS "customerName"
            FROM "ReturnRequest" r ${condition}
            ORDER BY r."createdAt" ASC, r."id" ASC
            LIMIT ${filter.limit} OFFSET ${filter.offset}`),
          // A search counts its matches only up to a cap: "1,000+" is as useful as the exact number and far cheaper.
          filter.search
            ? db.$queryRaw<Array<{ n: unknown }>>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM "ReturnRequest" r ${condition} LIMIT ${SEARCH_COUNT_CAP}) x`)
            : db.$queryRaw<Array<{ n: unknown }>>(sql`SELECT count(*) AS n FROM "ReturnRequest" r ${condition}`),
        ]);
        return {
          total: num(counted[0]?.n),
          rows: rows.map(
            (row): QueueRow => ({
              returnNumber: String(row.returnNumber),
              state: ReturnStateSchema.parse(row.state),
              orderNumber: (row.orderNumber as string | null) ?? null,
              customerEmail: (row.customerEmail as string | null) ?? null,
              customerName: (row.customerName as string | null) ?? null,
              createdAt: toDate(row.createdAt)!,
              reviewDueAt: toDate(row.reviewDueAt),
              minConfidence: null,
            }),
          ),
        };
      }),

    nextForReview: (after) =>
      guard('nextForReview', async () => {
        const current = after ? await db.returnRequest.findUnique({ where: { returnNumber: after }, select: { createdAt: true, id: true } }) : null;
        const next = await db.returnRequest.findFirst({
          where: {
            state: 'needs_review',
            ...(current
              ? { OR: [{ createdAt: { gt: current.createdAt } }, { createdAt: current.createdAt, id: { gt: current.id } }] }
              : {}),
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { returnNumber: true },
        });
        return next?.returnNumber ?? null;
      }),

    stats: (now, windowDays) => {
      const hit = cache.get(windowDays);
      if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < cacheMs) return hit.stats;
      const stats = computeStats(now, windowDays);
      if (cacheMs > 0) {
        cache.set(windowDays, { at: now.getTime(), stats });
        stats.catch(() => cache.delete(windowDays));
      }
      return stats;
    },

    queueDepth: () => guard('queueDepth', () => db.inboundMessage.count({ where: { state: { in: ['received', 'failed'] } } })),

    deliveryCounts: () =>
      guard('deliveryCounts', async () => {
        const [outbound, inbound] = await Promise.all([
          db.outboundMessage.groupBy({ by: ['state'], _count: { _all: true } }),
          db.inboundMessage.groupBy({ by: ['state'], where: { state: { in: ['failed', 'parked'] } }, _count: { _all: true } }),
        ]);
        const out = (state: string) => outbound.find((o) => o.state === state)?._count._all ?? 0;
        const inb = (state: string) => inbound.find((o) => o.state === state)?._count._all ?? 0;
        return { repliesSent: out('sent'), repliesPending: out('pending'), repliesFailed: out('failed'), inboundFailed: inb('failed'), inboundParked: inb('parked') };
      }),
  };
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Every day of the window, with zero for days without intake, so the chart's axis has no gaps. */
function fillDays(since: Date, days: number, counts: Array<{ day: string; count: number }>): Array<{ day: string; count: number }> {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { day, count: byDay.get(day) ?? 0 };
  });
}
