// Benchmark: the review queue, a review page, the dashboard and /metrics with 100,000 returns in the database.
// Generates the data with createMany into a temporary SQLite file, a private PostgreSQL (--postgres, started like
// the integration tests do) or BENCH_DATABASE_URL, signs in, and requests each page through app.inject. Every page
// is measured computed fresh (the dashboard's 30 s cache bypassed) and, for the dashboard, also as served (cached),
// side by side; the target is p95 < 200 ms uncached (issue #7), and the exit status says whether it was met.
//
//   npm run bench:dashboard -- [--returns 100000] [--rounds 40] [--keep FILE] [--postgres]
import { createMimeParser } from '../src/adapters/mime/create-mime-parser.ts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../src/adapters/db/open-store.ts';
import { createPrismaClient } from '../src/adapters/db/prisma-client.ts';
import { parseDatabaseUrl } from '../src/adapters/db/database-target.ts';
import { returnSearchText } from '../src/adapters/db/search-text.ts';
import { createMetrics } from '../src/adapters/metrics/create-metrics.ts';
import { composeMessage } from '../src/adapters/mime/compose-message.ts';
import { loadPolicy } from '../src/adapters/policy/load-policy.ts';
import { loadReplyTemplates } from '../src/adapters/templates/load-reply-templates.ts';
import type { Dashboard } from '../src/domain/ports/dashboard.ts';
import { RETURN_STATES, type ReturnState } from '../src/domain/return-state.ts';
import { TEMPLATES_DIR } from '../src/main.ts';
import { hashPassword } from '../src/web/auth/passwords.ts';
import { buildApp } from '../src/web/build-app.ts';
import { startPostgresServer, type PostgresServer } from '../test/support/postgres-server.ts';
import { WebClient } from '../test/support/web-client.ts';

const { values: args } = parseArgs({
  options: {
    returns: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '40' },
    keep: { type: 'string' },
    postgres: { type: 'boolean', default: false },
  },
});
const RETURNS = Number(args.returns);
const ROUNDS = Number(args.rounds);
const DAY = 86_400_000;
const TARGET_P95_MS = 200;
/** Rows per createMany: big batches are what make generation fast; Prisma splits them to the driver's bind limit. */
const BATCH = 10_000;

const dir = await mkdtemp(path.join(tmpdir(), 'intake-bench-'));
let server: PostgresServer | undefined;
let url: string;
if (args.postgres) {
  server = await startPostgresServer();
  url = await server.createDatabase('bench');
} else {
  // --keep FILE: generate into FILE once and reuse it on later runs.
  url = process.env.BENCH_DATABASE_URL ?? `file:${args.keep ? path.resolve(args.keep) : path.join(dir, 'bench.db')}`;
}
const store = await openStore(url);
const target = parseDatabaseUrl(url);
// The generator's own client: createMany of rows the stores would write one by one.
const db = createPrismaClient(target);
const existing = await db.returnRequest.count();

// A realistic mix: most returns are finished, a few hundred are open.
const WEIGHTS: Partial<Record<ReturnState, number>> = {
  refunded: 55, rejected: 12, expired: 6, returned_to_customer: 2, awaiting_shipment: 8, shipped: 5,
  received_at_warehouse: 3, awaiting_application: 5, needs_review: 4,
};
const POOL = RETURN_STATES.flatMap((s) => Array<ReturnState>(WEIGHTS[s] ?? 0).fill(s));
const REASONS = ['out_of_window', 'custom_made', 'used_goods', 'not_our_order'];
const NAMES = ['Иванова Анна Сергеевна', 'Петров Игорь Олегович', 'Smith John', 'Сидорова Мария', 'Кузнецов Павел Андреевич', 'Ковалёва Ольга'];

function application(i: number) {
  const c = (n: number) => Math.round((0.55 + ((i * n) % 45) / 100) * 100) / 100;
  return {
    source: `m${i}.eml`,
    fields: {
      orderNumber: { value: `A-${100000 + (i % 50000)}`, confidence: c(7), source: 'scan.jpg', box: { page: 1, x: 560, y: 300, width: 200, height: 50 } },
      fullName: { value: NAMES[i % NAMES.length], confidence: c(11), source: 'scan.jpg', box: { page: 1, x: 560, y: 560, width: 400, height: 50 } },
      email: { value: `customer${i}@example.com`, confidence: c(13), source: 'scan.jpg' },
      phone: { value: '+79161234567', confidence: c(17), source: 'scan.jpg' },
      receivedDate: { value: '2026-01-10', confidence: c(19), source: 'scan.jpg' },
      reason: { value: 'proper_quality', confidence: c(23), source: 'scan.jpg' },
      refundMethod: { value: 'card', confidence: c(29), source: 'scan.jpg' },
      cardLast4: { value: '4242', confidence: c(31), source: 'scan.jpg' },
    },
    items: [{ sku: { value: 'TS-2', confidence: 0.9 }, quantity: { value: '1', confidence: 0.95 }, price: { value: '3000.00', confidence: 0.8 } }],
    problems: [],
  };
}

const now = new Date();
const started = performance.now();
for (let offset = existing; offset < RETURNS; offset += BATCH) {
  const inbound = [];
  const returns = [];
  const events = [];
  const outbound = [];
  for (let i = offset; i < Math.min(RETURNS, offset + BATCH); i++) {
    const state = POOL[(i * 7919) % POOL.length]!;
    const receivedAt = new Date(now.getTime() - ((i * 104729) % (365 * 24)) * 3_600_000 - (i % 60) * 60_000);
    // Most are processed within seconds of arriving; every 50th waited in a backlog.
    const createdAt = new Date(receivedAt.getTime() + (i % 50 === 0 ? 3_600_000 : 5_000));
    const inboundId = randomUUID();
    const id = randomUUID();
    inbound.push({ id: inboundId, dedupeKey: `<b${i}@example.com>`, messageId: `<b${i}@example.com>`, sha256: String(i), rawBytes: 0, mailboxId: 'bench', mailboxKey: String(i), state: 'processed', receivedAt });
    const rejected = state === 'rejected';
    const reviewed = state === 'needs_review' || i % 4 === 0;
    const approver = rejected || state === 'needs_review' || state === 'awaiting_application' ? null : reviewed ? 'agent:sam@desk.test' : 'system';
    const reasons = rejected ? [{ code: REASONS[i % REASONS.length]!, message: 'x' }] : [];
    const firstReplyAt = new Date(createdAt.getTime() + 20_000 + (i % 600) * 1000);
    const reviewDueAt = new Date(createdAt.getTime() + DAY);
    const email = `customer${i}@example.com`;
    const app = application(i);
    returns.push({
      id,
      returnNumber: `RT-${String(i).padStart(7, '0')}`,
      state,
      customerEmail: email,
      orderNumber: `A-${100000 + (i % 50000)}`,
      language: i % 3 ? 'ru' : 'en',
      application: app,
      decision: { status: rejected ? 'rejected' : 'approved', state, reasons },
      inboundId,
      createdAt,
      receivedAt,
      firstReplyAt,
      approvedBy: approver,
      reasonCode: reasons[0]?.code ?? null,
      searchText: returnSearchText(app.fields.fullName.value, email),
      reviewDueAt,
      // Every 40th reviewed application was decided after its review deadline.
      ...(reviewed && i % 40 === 0 ? { reviewBreachedAt: reviewDueAt } : {}),
      ...(state === 'awaiting_shipment' ? { shipBy: new Date(createdAt.getTime() + 4 * DAY) } : {}),
      ...(state === 'received_at_warehouse' ? { warehouseAt: createdAt, refundDueAt: new Date(createdAt.getTime() + 13 * DAY) } : {}),
    });
    events.push(
      { returnId: id, seq: 0, actor: 'system', type: 'receive', toState: 'received', at: createdAt },
      { returnId: id, seq: 1, actor: 'system', type: 'parse', fromState: 'received', toState: 'parsed', at: createdAt },
      { returnId: id, seq: 2, actor: approver ?? 'system', type: rejected ? 'reject' : 'approve', fromState: 'parsed', toState: rejected ? 'rejected' : 'approved', at: createdAt },
    );
    outbound.push({ messageId: `<r${i}@shop.test>`, to: email, subject: 'Re: return', template: rejected ? 'rejected' : 'approved', language: 'ru', raw: new Uint8Array(0), state: 'sent', sentAt: firstReplyAt, returnId: id, createdAt: firstReplyAt });
  }
  await db.inboundMessage.createMany({ data: inbound });
  await db.returnRequest.createMany({ data: returns });
  await db.returnEvent.createMany({ data: events });
  await db.outboundMessage.createMany({ data: outbound });
}
const generatedSeconds = (performance.now() - started) / 1000;
console.log(`generated ${RETURNS - existing} returns (${RETURNS} in the database) in ${generatedSeconds.toFixed(1)} s (${target.provider})`);
// Fresh statistics, as a long-running database has (PostgreSQL also needs the visibility map for index-only scans).
await db.$executeRawUnsafe(target.provider === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE');

if (args.keep) await db.user.deleteMany({});
await store.users.upsertUser({ email: 'mia@desk.test', role: 'manager', passwordHash: await hashPassword('correct horse battery staple') });

async function startApp(dashboard: Dashboard): Promise<{ app: FastifyInstance; client: WebClient }> {
  const metrics = createMetrics({ defaultMetrics: false });
  metrics.attach({ dashboard, store });
  const app = await buildApp({
    store, users: store.users, dashboard, documents: store, refunds: store, conversations: store, mime: createMimeParser(),
    // The bench starts no return from mail: nothing is read.
    reader: { read: async () => { throw new Error('the dashboard bench reads no documents'); } },
    review: { updates: store, orders: store, policy: loadPolicy(), templates: loadReplyTemplates(TEMPLATES_DIR), composeMessage, from: 'info@shop.test', shopName: 'Bench', timeZone: 'Europe/Moscow', now: () => new Date(), replyGuard: { check: async () => undefined } },
    sessionSecret: 'bench-secret-bench-secret-bench-secret-00', secureCookies: false,
    metrics: () => metrics.render(), health: () => ({ worker: 'not_started' }),
  });
  const client = new WebClient(app);
  await client.login('mia@desk.test');
  return { app, client };
}

// As served: the store's dashboard with its 30 s cache. Fresh: the same queries, every request computed anew.
const served = await startApp(store.dashboard);
const fresh = await startApp({ ...store.dashboard, stats: store.dashboard.statsUncached });

async function measure(client: WebClient, url: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 3; i++) {
    const t = performance.now();
    const page = await client.get(url);
    if (page.status !== 200) throw new Error(`${url}: ${page.status}`);
    if (i >= 3) times.push(performance.now() - t); // the first rounds warm caches and compile templates
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: p(0.5), p95: p(0.95) };
}

const reviewNumber = (await store.dashboard.listQueue({ state: 'needs_review', limit: 1, offset: 0 }, now)).rows[0]!.returnNumber;
const PAGES: Array<{ name: string; url: string; cached?: boolean }> = [
  { name: 'queue (needs review)', url: '/queue' },
  { name: 'queue (all, page 100)', url: '/queue?state=all&page=100' },
  { name: 'queue search (name)', url: `/queue?state=all&q=${encodeURIComponent('ковалева')}` },
  { name: 'queue search (e-mail)', url: `/queue?state=all&q=${encodeURIComponent('customer4321@')}` },
  { name: 'queue search (return no.)', url: '/queue?state=all&q=RT-0054321' },
  { name: 'review page', url: `/returns/${reviewNumber}` },
  { name: 'dashboard, 7 days', url: '/dashboard?days=7', cached: true },
  { name: 'dashboard, 30 days', url: '/dashboard?days=30', cached: true },
  { name: 'dashboard, 90 days', url: '/dashboard?days=90', cached: true },
  { name: '/metrics', url: '/metrics' },
];

const ms = (n: number) => n.toFixed(1).padStart(8);
console.log(`\n${target.provider}, ${RETURNS} returns, ${ROUNDS} requests per page`);
console.log(`${'page'.padEnd(28)} ${'fresh p50'.padStart(10)} ${'fresh p95'.padStart(10)} ${'cached p50'.padStart(11)} ${'cached p95'.padStart(11)}`);
let worst = 0;
for (const page of PAGES) {
  const uncached = await measure(fresh.client, page.url);
  worst = Math.max(worst, uncached.p95);
  const cached = page.cached ? await measure(served.client, page.url) : undefined;
  console.log(
    `${page.name.padEnd(28)} ${ms(uncached.p50).padStart(10)} ${ms(uncached.p95).padStart(10)} ${(cached ? ms(cached.p50) : '—').padStart(11)} ${(cached ? ms(cached.p95) : '—').padStart(11)}`,
  );
}
const met = worst < TARGET_P95_MS;
console.log(`\nslowest fresh p95 ${worst.toFixed(1)} ms: target p95 < ${TARGET_P95_MS} ms ${met ? 'met' : 'NOT met'}`);

await served.app.close();
await fresh.app.close();
await db.$disconnect();
await store.close();
await server?.stop();
await rm(dir, { recursive: true, force: true });
process.exit(met ? 0 : 1);
