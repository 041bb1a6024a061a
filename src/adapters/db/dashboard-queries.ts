// The Dashboard port: the review queue and the manager's numbers as a few bounded SQL queries. Every number is
// exact over its window and read from an index (bench/dashboard.ts: p95 < 200 ms uncached at 100,000 returns):
// the per-return facts the dashboard needs (arrival, first reply, who approved, the first reason, folded name and
// e-mail) are precomputed columns written with the row, so no query joins events or replies or parses JSON, except
// the confidence histogram over a bounded sample and the refunds, counted by the rule of the refunds to pay
// (refund-ledger.ts owedRefundTotals: an accepted inspection, and the JSON of the few rows without an amount). SQL is written once with quoted identifiers; only date and JSON
// functions differ between SQLite and PostgreSQL.
import { Prisma } from '../../generated/sqlite/client.ts';
import { ATTENTION_STATES, type AttentionRow, type AttentionState, type Dashboard, type DashboardStats, type QueueFilter, type QueueRow } from '../../domain/ports/dashboard.ts';
import { addIsoDays } from '../../domain/iso-date-math.ts';
import { isoDay, startOfShopDay } from '../../domain/iso-day.ts';
import { offsetSpans, type OffsetSpan } from '../../domain/offset-spans.ts';
import { returnNumberPrefix } from '../../domain/return-number.ts';
import { ReturnStateSchema, type ReturnState } from '../../domain/return-state.ts';
import type { Provider } from './database-target.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { readStoredBytes } from './bytes-parts.ts';
import { owedRefundTotals } from './refund-ledger.ts';
import { foldSearchText } from './search-text.ts';

const sql = Prisma.sql;
const DAY_MS = 86_400_000;
/** Enough applications for a stable confidence histogram; more only costs JSON parsing. */
const CONFIDENCE_SAMPLE = 1_000;
const UNDECIDED: ReturnState[] = ['received', 'parsed', 'needs_review'];
export const SEARCH_COUNT_CAP = 1_000;
/** The dashboard's numbers may be this old: a manager's screen does not need them to the second, the database is spared. */
const STATS_CACHE_MS = 30_000;

interface Dialect {
  /** The shop day of a stored moment. SQLite has no zone data: it shifts each moment by the offset of its span. */
  day: (column: Prisma.Sql, timeZone: string, spans: readonly OffsetSpan[]) => Prisma.Sql;
  fullName: Prisma.Sql;
  /** Rows of (confidence) for every field of the applications in the inner query. */
  confidences: (inner: Prisma.Sql) => Prisma.Sql;
  seconds: (later: Prisma.Sql, earlier: Prisma.Sql) => Prisma.Sql;
  /** The first `bytes` of a blob column. */
  head: (column: Prisma.Sql, bytes: number) => Prisma.Sql;
}

/** Bytes of a raw message read for the attention list (from its first part): headers fit, a 30 MB attachment is never loaded. */
const HEAD_BYTES = 16_384;

const DIALECTS: Record<Provider, Dialect> = {
  sqlite: {
    day: (column, _timeZone, spans) => sql`substr(datetime(${column}, ${sqliteOffset(column, spans)}), 1, 10)`,
    fullName: sql`json_extract(r."application", '$.fields.fullName.value')`,
    confidences: (inner) =>
      sql`SELECT json_extract(f.value, '$.confidence') AS c FROM (${inner}) a, json_each(a."application", '$.fields') f`,
    seconds: (later, earlier) => sql`(julianday(${later}) - julianday(${earlier})) * 86400.0`,
    head: (column, bytes) => sql`substr(${column}, 1, ${Prisma.raw(String(Math.trunc(bytes)))})`,
  },
  postgresql: {
    // Stored as UTC timestamps without a zone: read them as UTC, then as the shop's wall clock.
    day: (column, timeZone) => sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`,
    fullName: sql`(r."application"->'fields'->'fullName'->>'value')`,
    confidences: (inner) => sql`SELECT (f.value->>'confidence')::float AS c FROM (${inner}) a, jsonb_each(a."application"->'fields') f`,
    seconds: (later, earlier) => sql`EXTRACT(EPOCH FROM (${later} - ${earlier}))`,
    head: (column, bytes) => sql`substring(${column} from 1 for ${Prisma.raw(String(Math.trunc(bytes)))})`,
  },
};

/** SQLite's date modifier for the offset in force at each moment: a CASE over the spans, latest first. */
function sqliteOffset(column: Prisma.Sql, spans: readonly OffsetSpan[]): Prisma.Sql {
  const modifier = (span: OffsetSpan) => `${span.offsetMinutes >= 0 ? '+' : ''}${span.offsetMinutes} minutes`;
  if (spans.length === 1) return sql`${modifier(spans[0]!)}`;
  const later = spans.slice(1).reverse().map((span) => sql`WHEN ${column} >= ${span.from} THEN ${modifier(span)}`);
  return sql`CASE ${Prisma.join(later, ' ')} ELSE ${modifier(spans[0]!)} END`;
}

const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : Number(value ?? 0));

export interface DashboardQueries extends Dashboard {
  /** The dashboard's numbers computed now, past the cache (the benchmark compares both). */
  statsUncached(now: Date, windowDays: number): Promise<DashboardStats>;
}

export function createDashboardQueries(db: DbClient, provider: Provider, options: { statsCacheMs?: number; timeZone?: string } = {}): DashboardQueries {
  const d = DIALECTS[provider];
  // Days of the charts are the shop's days (SHOP_TIMEZONE); UTC when none is given.
  const timeZone = options.timeZone ?? 'UTC';
  const cacheMs = options.statsCacheMs ?? STATS_CACHE_MS;
  const cache = new Map<number, { at: number; stats: Promise<DashboardStats> }>();

  function where(filter: Pick<QueueFilter, 'state' | 'search'>, asText = false): Prisma.Sql {
    const parts: Prisma.Sql[] = [];
    if (filter.state) parts.push(sql`r."state" = ${filter.state}`);
    const term = filter.search?.trim();
    if (term) parts.push(asText ? textCondition(term) : searchCondition(term));
    return parts.length > 0 ? sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
  }

  /**
   * What the agent typed decides where to look, so the common searches use an index: a return number (RT-…) or
   * an order number is a prefix range on its indexed column; a name or an e-mail is a substring of the folded
   * searchText (search-text.ts), which the (createdAt, searchText) index holds, so the queue order is walked in the
   * index and only matching rows are read. A number-like term that matches no number is then tried as text
   * (listQueue), so "ivanov85" still finds ivanov85@mail.ru.
   */
  function searchCondition(term: string): Prisma.Sql {
    const prefix = (column: Prisma.Sql, value: string) => sql`(${column} >= ${value} AND ${column} < ${`${value}\uffff`})`;
    if (/^RT-[A-Z0-9-]*$/i.test(term)) return prefix(sql`r."returnNumber"`, term.toUpperCase());
    // A return number typed without its dashes, with spaces or in lower case is still found (issue #14).
    const returnNumber = returnNumberPrefix(term);
    if (returnNumber) {
      return sql`(${prefix(sql`r."returnNumber"`, returnNumber)} OR ${prefix(sql`r."orderNumber"`, term)} OR ${prefix(sql`r."orderNumber"`, term.toUpperCase())})`;
    }
    if (/\d/.test(term) && /^[\w/-]+$/.test(term)) {
      return sql`(${prefix(sql`r."orderNumber"`, term)} OR ${prefix(sql`r."orderNumber"`, term.toUpperCase())} OR ${prefix(sql`r."returnNumber"`, term.toUpperCase())})`;
    }
    return textCondition(term);
  }

  function textCondition(term: string): Prisma.Sql {
    const pattern = `%${foldSearchText(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`r."searchText" LIKE ${pattern} ESCAPE '\\'`;
  }

  async function queuePage(filter: QueueFilter, condition: Prisma.Sql): Promise<{ rows: QueueRow[]; total: number }> {
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
  }

  function computeStats(now: Date, windowDays: number): Promise<DashboardStats> {
    return guard('dashboardStats', async (): Promise<DashboardStats> => {
      const firstDay = addIsoDays(isoDay(now, timeZone), -(windowDays - 1));
      const since = startOfShopDay(firstDay, timeZone);
      const in24h = new Date(now.getTime() + DAY_MS);
      const inWindow = sql`r."createdAt" >= ${since}`;
      const count = (condition: Prisma.Sql) => sql`(SELECT count(*) FROM "ReturnRequest" r WHERE ${condition})`;
      const undecided = sql`r."state" IN (${Prisma.join(UNDECIDED)})`;
      // Sequential on purpose: SQLite runs one statement at a time on its connection anyway, and on PostgreSQL
      // the six queries would take six pool connections from the worker for a few milliseconds' gain.
      const byStateRows = await db.$queryRaw<Array<{ state: string; n: unknown }>>(sql`
        SELECT r."state" AS state, count(*) AS n FROM "ReturnRequest" r GROUP BY r."state"`);
      // One pass over the window in the (createdAt, state, approvedBy, reasonCode, receivedAt, firstReplyAt) index.
      const perDay = await db.$queryRaw<Array<{ day: string; n: unknown; auto: unknown }>>(sql`
        SELECT ${d.day(sql`r."createdAt"`, timeZone, offsetSpans(since, now, timeZone))} AS day, count(*) AS n,
          sum(CASE WHEN r."approvedBy" = 'system' THEN 1 ELSE 0 END) AS auto
        FROM "ReturnRequest" r WHERE ${inWindow} GROUP BY 1 ORDER BY 1`);
      const rejections = await db.$queryRaw<Array<{ code: string | null; n: unknown }>>(sql`
        SELECT r."reasonCode" AS code, count(*) AS n FROM "ReturnRequest" r
        WHERE ${inWindow} AND r."state" = 'rejected' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8`);
      // Time to first reply, arrival in the mailbox → first reply committed: nearest-rank p50 and p90 picked by the
      // database (ceil(p·n) in integer arithmetic), so two rows travel instead of the whole window.
      const replyRanks = await db.$queryRaw<Array<{ s: unknown; rn: unknown; n: unknown }>>(sql`
        SELECT s, rn, n FROM (
          SELECT s, row_number() OVER (ORDER BY s) AS rn, count(*) OVER () AS n FROM (
            SELECT ${d.seconds(sql`r."firstReplyAt"`, sql`r."receivedAt"`)} AS s FROM "ReturnRequest" r
            WHERE ${inWindow} AND r."firstReplyAt" IS NOT NULL AND r."receivedAt" IS NOT NULL AND r."firstReplyAt" >= r."receivedAt"
          ) x
        ) y WHERE rn = (n + 1) / 2 OR rn = (9 * n + 9) / 10`);
      // The point counts, each on its own index, in one round trip.
      const [counts] = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
        SELECT ${count(undecided)} AS open,
          ${count(sql`${undecided} AND r."reviewDueAt" < ${now}`)} AS overdue,
          ${count(sql`r."reviewBreachedAt" >= ${since}`)} AS breached,
          ${count(sql`r."state" = 'awaiting_shipment'`)} AS awaiting,
          ${count(sql`r."state" = 'awaiting_shipment' AND r."shipBy" <= ${in24h}`)} AS expiring`);
      // The refunds by the rule of the refunds-to-pay list, so the tile and the list agree (issue #14).
      const refunds = await owedRefundTotals(db, now);
      const confidences = await db.$queryRaw<Array<{ bucket: unknown; n: unknown }>>(sql`
        SELECT CASE WHEN c >= 1 THEN 9 ELSE CAST(floor(c * 10) AS INTEGER) END AS bucket, count(*) AS n
        FROM (${d.confidences(sql`SELECT r."application" FROM "ReturnRequest" r ORDER BY r."createdAt" DESC LIMIT ${CONFIDENCE_SAMPLE}`)}) x
        WHERE c IS NOT NULL GROUP BY 1 ORDER BY 1`);

      const byState: Partial<Record<ReturnState, number>> = {};
      for (const g of byStateRows) byState[ReturnStateSchema.parse(g.state)] = num(g.n);
      const samples = num(replyRanks[0]?.n);
      const atRank = (rank: number) => {
        const row = replyRanks.find((r) => num(r.rn) === rank);
        // Milliseconds, as stored: SQLite's julianday arithmetic adds float noise PostgreSQL's EXTRACT does not.
        return row ? Math.round(num(row.s) * 1000) / 1000 : null;
      };
      const auto = perDay.reduce((sum, p) => sum + num(p.auto), 0);
      const total = perDay.reduce((sum, p) => sum + num(p.n), 0);
      const c = counts ?? {};
      return {
        windowDays,
        byState,
        intakePerDay: fillDays(firstDay, windowDays, perDay.map((p) => ({ day: String(p.day), count: num(p.n) }))),
        firstReplySeconds: {
          p50: samples > 0 ? atRank(Math.ceil(samples / 2)) : null,
          p90: samples > 0 ? atRank(Math.ceil((9 * samples) / 10)) : null,
          samples,
        },
        review: { open: num(c.open), overdueNow: num(c.overdue), breachedInWindow: num(c.breached) },
        shipping: { awaiting: num(c.awaiting), expiringWithin24h: num(c.expiring) },
        refunds: { due: refunds.dueCount, overdue: refunds.overdueCount },
        autoApproval: { auto, total, rate: total > 0 ? auto / total : null },
        topRejectionReasons: rejections.map((r) => ({ code: r.code ?? 'unknown', count: num(r.n) })),
        confidenceBuckets: Array.from({ length: 10 }, (_, bucket) => ({
          bucket,
          count: num(confidences.find((x) => num(x.bucket) === bucket)?.n),
        })),
        confidenceSample: Math.min(CONFIDENCE_SAMPLE, Object.values(byState).reduce((a, b) => a + (b ?? 0), 0)),
      };
    });
  }

  return {
    statsUncached: computeStats,

    listQueue: (filter) =>
      guard('listQueue', async () => {
        const page = await queuePage(filter, where(filter));
        const term = filter.search?.trim() ?? '';
        const numberLike = term !== '' && !/^RT-[A-Z0-9-]*$/i.test(term) && /\d/.test(term) && /^[\w/ -]+$/.test(term);
        return page.total === 0 && numberLike ? queuePage(filter, where(filter, true)) : page;
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

    listAttention: (filter) =>
      guard('listAttention', async () => {
        const states: readonly AttentionState[] = filter.state ? [filter.state] : ATTENTION_STATES;
        const [rows, total] = await Promise.all([
          db.$queryRaw<Array<Record<string, unknown>>>(sql`
            SELECT i."id", i."state", i."stateReason", i."lastError", i."attempts", i."receivedAt", ${d.head(sql`p."data"`, HEAD_BYTES)} AS head
            FROM "InboundMessage" i LEFT JOIN "BytesPart" p ON p."ownerId" = i."id" AND p."seq" = 0
            WHERE i."state" IN (${Prisma.join([...states])})
            ORDER BY i."receivedAt" DESC, i."id" LIMIT ${filter.limit} OFFSET ${filter.offset}`),
          db.inboundMessage.count({ where: { state: { in: [...states] } } }),
        ]);
        return { rows: rows.map(attentionRow), total };
      }),

    getAttention: (id) =>
      guard('getAttention', async () => {
        const row = await db.inboundMessage.findFirst({ where: { id, state: { in: [...ATTENTION_STATES] } } });
        if (!row) return null;
        const raw = await readStoredBytes(db, row.id, row.rawBytes);
        return { ...attentionRow({ ...row, head: raw.subarray(0, HEAD_BYTES) }), raw };
      }),

    // Every message not in a final state: one a killed worker left `processing` is work too (/health said 0).
    queueDepth: () => guard('queueDepth', () => db.inboundMessage.count({ where: { state: { in: ['received', 'processing', 'failed'] } } })),

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

function attentionRow(row: Record<string, unknown>): AttentionRow {
  const state = ATTENTION_STATES.find((s) => s === row.state) ?? 'needs_attention';
  const head = row.head;
  return {
    id: String(row.id),
    state,
    // A failed or parked message says why in its last error; one that needs reading, in its state reason.
    reason: (state === 'needs_attention' ? (row.stateReason ?? row.lastError) : (row.lastError ?? row.stateReason)) as string | null,
    attempts: num(row.attempts),
    receivedAt: toDate(row.receivedAt) ?? new Date(0),
    head: head instanceof Uint8Array ? Buffer.from(head) : typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.alloc(0),
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
function fillDays(firstDay: string, days: number, counts: Array<{ day: string; count: number }>): Array<{ day: string; count: number }> {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  return Array.from({ length: days }, (_, i) => {
    const day = addIsoDays(firstDay, i);
    return { day, count: byDay.get(day) ?? 0 };
  });
}
