// Benchmark: the review queue, a review page and the dashboard with 100,000 returns in the database.
// Generates the data with createMany into a temporary SQLite file (or a PostgreSQL given in BENCH_DATABASE_URL),
// signs in, and requests each page through app.inject, printing p50 / p95 per page.
//
//   npx tsx bench/dashboard.ts [--returns 100000] [--rounds 40]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDashboardQueries } from '../src/adapters/db/dashboard-queries.ts';
import { parseDatabaseUrl } from '../src/adapters/db/database-target.ts';
import { openStore } from '../src/adapters/db/open-store.ts';
import { createPrismaClient } from '../src/adapters/db/prisma-client.ts';
import { createUserStore } from '../src/adapters/db/user-store.ts';
import { createMetrics } from '../src/adapters/metrics/create-metrics.ts';
import { composeMessage } from '../src/adapters/mime/compose-message.ts';
import { loadPolicy } from '../src/adapters/policy/load-policy.ts';
import { loadReplyTemplates } from '../src/adapters/templates/load-reply-templates.ts';
import { RETURN_STATES, type ReturnState } from '../src/domain/return-state.ts';
import { TEMPLATES_DIR } from '../src/main.ts';
import { hashPassword } from '../src/web/auth/passwords.ts';
import { buildApp } from '../src/web/build-app.ts';
import { WebClient } from '../test/support/web-client.ts';

const { values: args } = parseArgs({
  options: { returns: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '40' }, keep: { type: 'string' } },
});
const RETURNS = Number(args.returns);
const ROUNDS = Number(args.rounds);
const DAY = 86_400_000;

const dir = await mkdtemp(path.join(tmpdir(), 'intake-bench-'));
// --keep FILE: generate into FILE once and reuse it on later runs (generating 100,000 returns takes minutes).
const url = process.env.BENCH_DATABASE_URL ?? `file:${args.keep ? path.resolve(args.keep) : path.join(dir, 'bench.db')}`;
const store = await openStore(url);
const target = parseDatabaseUrl(url);
const db = createPrismaClient(target);
const existing = await db.returnRequest.count();

// A realistic mix: most returns are finished, a few hundred are open.
const WEIGHTS: Partial<Record<ReturnState, number>> = {
  refunded: 55, rejected: 12, expired: 6, returned_to_customer: 2, awaiting_shipment: 8, shipped: 5,
  received_at_warehouse: 3, awaiting_application: 5, needs_review: 4,
};
const POOL = RETURN_STATES.flatMap((s) => Array<ReturnState>(WEIGHTS[s] ?? 0).fill(s));
const REASONS = ['out_of_window', 'custom_made', 'used_goods', 'not_our_order'];
const NAMES = ['Иванова Анна Сергеевна', 'Петров Игорь Олегович', 'Smith John', 'Сидорова Мария', 'Кузнецов Павел Андреевич'];

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
const BATCH = 2_000;
for (let offset = existing; offset < RETURNS; offset += BATCH) {
  const inbound = [];
  const returns = [];
  const events = [];
  const outbound = [];
  for (let i = offset; i < Math.min(RETURNS, offset + BATCH); i++) {
    const state = POOL[(i * 7919) % POOL.length]!;
    const createdAt = new Date(now.getTime() - ((i * 104729) % (365 * 24)) * 3_600_000 - (i % 60) * 60_000);
    const inboundId = randomUUID();
    const id = randomUUID();
    inbound.push({ id: inboundId, dedupeKey: `<b${i}@example.com>`, messageId: `<b${i}@example.com>`, sha256: String(i), raw: new Uint8Array(0), mailboxId: 'bench', mailboxKey: String(i), state: 'processed', receivedAt: createdAt });
    const rejected = state === 'rejected';
    returns.push({
      id,
      returnNumber: `RT-${String(i).padStart(7, '0')}`,
      state,
      customerEmail: `customer${i}@example.com`,
      orderNumber: `A-${100000 + (i % 50000)}`,
      language: i % 3 ? 'ru' : 'en',
      application: application(i),
      decision: { status: rejected ? 'rejected' : 'approved', state, reasons: rejected ? [{ code: REASONS[i % REASONS.length], message: 'x' }] : [] },
      inboundId,
      createdAt,
      reviewDueAt: new Date(createdAt.getTime() + DAY),
      ...(state === 'awaiting_shipment' ? { shipBy: new Date(createdAt.getTime() + 4 * DAY) } : {}),
      ...(state === 'received_at_warehouse' ? { warehouseAt: createdAt, refundDueAt: new Date(createdAt.getTime() + 13 * DAY) } : {}),
    });
    events.push(
      { returnId: id, seq: 0, actor: 'system', type: 'receive', toState: 'received', at: createdAt },
      { returnId: id, seq: 1, actor: 'system', type: 'parse', fromState: 'received', toState: 'parsed', at: createdAt },
      { returnId: id, seq: 2, actor: i % 4 ? 'system' : 'agent:sam@desk.test', type: rejected ? 'reject' : 'approve', fromState: 'parsed', toState: rejected ? 'rejected' : 'approved', at: createdAt },
    );
    outbound.push({ messageId: `<r${i}@shop.test>`, to: `customer${i}@example.com`, subject: 'Re: return', template: rejected ? 'rejected' : 'approved', language: 'ru', raw: new Uint8Array(0), state: 'sent', sentAt: new Date(createdAt.getTime() + 20_000 + (i % 600) * 1000), returnId: id, createdAt });
  }
  await db.inboundMessage.createMany({ data: inbound });
  await db.returnRequest.createMany({ data: returns });
  await db.returnEvent.createMany({ data: events });
  await db.outboundMessage.createMany({ data: outbound });
}
console.log(`generated ${RETURNS - existing} returns (${RETURNS} in the database) in ${((performance.now() - started) / 1000).toFixed(1)} s (${target.provider})`);
if (target.provider === 'sqlite') await db.$executeRawUnsafe('ANALYZE');

if (args.keep) await db.user.deleteMany({});
const users = createUserStore(db);
await users.upsertUser({ email: 'mia@desk.test', role: 'manager', passwordHash: await hashPassword('correct horse battery staple') });
// Uncached, so the numbers are the queries' own; the app caches the dashboard's numbers for 30 s in production.
const dashboard = createDashboardQueries(db, target.provider, { statsCacheMs: Number(process.env.BENCH_STATS_CACHE_MS ?? 0) });
const metrics = createMetrics({ defaultMetrics: false });
metrics.attach({ dashboard, store });
const app = await buildApp({
  store, users, dashboard, documents: store,
  review: { updates: store, orders: store, policy: loadPolicy(), templates: loadReplyTemplates(TEMPLATES_DIR), composeMessage, from: 'info@shop.test', shopName: 'Bench', now: () => new Date() },
  sessionSecret: 'bench-secret-bench-secret-bench-secret-00', secureCookies: false,
  metrics: () => metrics.render(), health: () => ({ worker: 'not_started' }),
});
const client = new WebClient(app);
await client.login('mia@desk.test');

const reviewNumber = (await dashboard.listQueue({ state: 'needs_review', limit: 1, offset: 0 }, now)).rows[0]!.returnNumber;
const PAGES: Record<string, string> = {
  'queue (needs review)': '/queue',
  'queue (all, page 100)': '/queue?state=all&page=100',
  'queue search (name)': `/queue?state=all&q=${encodeURIComponent('Сидорова')}`,
  'queue search (return no.)': '/queue?state=all&q=RT-0054321',
  'review page': `/returns/${reviewNumber}`,
  dashboard: '/dashboard',
  'dashboard (90 days)': '/dashboard?days=90',
  metrics: '/metrics',
};

console.log(`\n${'page'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
for (const [name, url] of Object.entries(PAGES)) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 3; i++) {
    const t = performance.now();
    const page = await client.get(url);
    if (page.status !== 200) throw new Error(`${url}: ${page.status}`);
    if (i >= 3) times.push(performance.now() - t); // the first rounds warm caches and compile templates
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
  console.log(`${name.padEnd(28)} ${p(0.5).padStart(8)} ${p(0.95).padStart(8)}`);
}

await app.close();
await db.$disconnect();
await store.close();
await rm(dir, { recursive: true, force: true });
process.exit(0);
