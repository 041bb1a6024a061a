// The dashboard's SQL on a real PostgreSQL (test/support/postgres-server.ts) against the same on SQLite: the same
// returns, recorded and changed through the stores (so the precomputed columns come from the real write paths), give
// the same numbers for every window, the same queue pages and the same searches, Cyrillic case folding included.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { openStore, type DbStore } from '../../../src/adapters/db/open-store.ts';
import { createPrismaClient } from '../../../src/adapters/db/prisma-client.ts';
import type { ReturnEvent } from '../../../src/domain/ports/store.ts';
import type { ReturnState } from '../../../src/domain/return-state.ts';
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server.ts';

const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 86_400_000;
const N = 240;
const NAMES = ['Ковалёва Ольга', 'КОВАЛЕВА Анна', 'Петров Игорь', 'Smith John', 'Сидорова Мария'];
const REASONS = ['out_of_window', 'custom_made', 'used_goods'];
const STATES: ReturnState[] = ['rejected', 'awaiting_shipment', 'needs_review', 'refunded', 'received_at_warehouse', 'awaiting_application', 'expired'];

let server: PostgresServer | undefined;
let dir: string;
const stores: Record<'sqlite' | 'postgresql', { store: DbStore; url: string } | undefined> = { sqlite: undefined, postgresql: undefined };

/** The same 240 returns over 120 days in either database, recorded the way the pipeline records them. */
async function seed(store: DbStore, url: string): Promise<void> {
  for (let i = 0; i < N; i++) {
    const state = STATES[i % STATES.length]!;
    const receivedAt = new Date(NOW.getTime() - (i % 120) * DAY - (i % 7) * 3_600_000);
    const raw = Buffer.from(`Message-ID: <p${i}@example.com>\r\n\r\nhello ${i}`);
    const inbound = await store.saveInbound({
      mailboxId: 'maildir:/test', mailboxKey: `k${i}`, messageId: `<p${i}@example.com>`,
      sha256: createHash('sha256').update(raw).digest('hex'), raw, receivedAt,
    });
    const approved = !['rejected', 'needs_review', 'awaiting_application'].includes(state);
    const byAgent = approved && i % 3 === 0;
    const events: ReturnEvent[] = [
      { actor: 'system', type: 'receive', toState: 'received', at: receivedAt },
      ...(approved ? [{ actor: byAgent ? 'agent:sam@desk.test' : 'system', type: 'approve', fromState: 'parsed' as const, toState: 'approved' as const, at: receivedAt }] : []),
    ];
    const reason = state === 'rejected' ? REASONS[i % REASONS.length]! : state === 'needs_review' ? 'low_confidence' : null;
    await store.recordReturn({
      inboundId: inbound.id,
      returnNumber: `RT-P${String(i).padStart(4, '0')}`,
      state,
      customerEmail: i % 10 === 0 ? `ольга${i}@почта.рф` : `customer${i}@example.com`,
      orderNumber: `A-${1000 + i}`,
      language: 'ru',
      application: {
        source: 'm.eml',
        fields: {
          fullName: { value: NAMES[i % NAMES.length]!, confidence: ((i * 37) % 100) / 100 },
          email: { value: `customer${i}@example.com`, confidence: ((i * 53) % 100) / 100 },
        },
        items: [],
        problems: [],
      },
      decision: { status: approved ? 'approved' : state === 'rejected' ? 'rejected' : 'needs_review', state, reasons: reason ? [{ code: reason, message: reason }] : [] },
      documents: [],
      events,
      ...(i % 5 === 4 ? {} : { reply: { messageId: `<r${i}@shop.test>`, to: 'c@example.com', subject: 'Re', template: 'approved', language: 'ru', raw: Buffer.from('x') } }),
      deadlines: {
        reviewDueAt: new Date(receivedAt.getTime() + DAY),
        ...(i % 11 === 0 ? { reviewBreachedAt: new Date(receivedAt.getTime() + DAY) } : {}),
        ...(state === 'awaiting_shipment' ? { shipBy: new Date(NOW.getTime() + ((i % 3) - 1) * DAY) } : {}),
        ...(state === 'received_at_warehouse' ? { warehouseAt: receivedAt, refundDueAt: new Date(receivedAt.getTime() + 13 * DAY) } : {}),
      },
    });
  }
  // recordReturn stamps the wall clock; a history needs its own times (the same in both databases).
  const db = createPrismaClient(parseDatabaseUrl(url));
  try {
    for (let i = 0; i < N; i++) {
      const receivedAt = new Date(NOW.getTime() - (i % 120) * DAY - (i % 7) * 3_600_000);
      const returnNumber = `RT-P${String(i).padStart(4, '0')}`;
      const { firstReplyAt } = (await db.returnRequest.findUniqueOrThrow({ where: { returnNumber }, select: { firstReplyAt: true } }));
      await db.returnRequest.update({
        where: { returnNumber },
        data: {
          createdAt: new Date(receivedAt.getTime() + 5_000),
          ...(firstReplyAt ? { firstReplyAt: new Date(receivedAt.getTime() + 30_000 + i * 1_000) } : {}),
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
}

/** Mail a person must read: a question and a parked message, beside the 240 processed ones. */
async function seedAttention(store: DbStore): Promise<void> {
  for (const [i, state] of (['needs_attention', 'parked'] as const).entries()) {
    const raw = Buffer.from(`From: q${i}@example.org\r\nSubject: Question ${i}\r\nMessage-ID: <q${i}@example.org>\r\n\r\n${'x'.repeat(20_000)}`);
    const saved = await store.saveInbound({
      mailboxId: 'maildir:/test', mailboxKey: `q${i}`, messageId: `<q${i}@example.org>`,
      sha256: createHash('sha256').update(raw).digest('hex'), raw, receivedAt: new Date(NOW.getTime() - i * DAY),
    });
    await store.claimInbound(saved.id);
    await store.finishInbound(saved.id, state, state === 'parked' ? 'Error: boom' : 'not_an_application');
  }
}

beforeAll(async () => {
  server = await startPostgresServer();
  dir = await mkdtemp(path.join(tmpdir(), 'intake-web-pg-'));
  const urls = { sqlite: `file:${path.join(dir, 'intake.db')}`, postgresql: await server.createDatabase(`web_${process.pid}`) };
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const store = await openStore(urls[provider], { statsCacheMs: 0 });
    await seed(store, urls[provider]);
    await seedAttention(store);
    stores[provider] = { store, url: urls[provider] };
  }
}, 240_000);

afterAll(async () => {
  for (const entry of Object.values(stores)) await entry?.store.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const both = () => [stores.sqlite!.store, stores.postgresql!.store] as const;

describe('dashboard queries: PostgreSQL gives the numbers SQLite gives', () => {
  it.each([7, 30, 90])('stats over %i days', async (days) => {
    const [sqlite, postgres] = both();
    const expected = await sqlite.dashboard.statsUncached(NOW, days);
    expect(await postgres.dashboard.statsUncached(NOW, days)).toEqual(expected);
    // And the numbers are the data's, not two equal zeros.
    expect(expected.intakePerDay.reduce((a, d) => a + d.count, 0)).toBeGreaterThan(0);
    expect(expected.autoApproval.auto).toBeGreaterThan(0);
    expect(expected.firstReplySeconds.samples).toBeGreaterThan(0);
    expect(expected.topRejectionReasons.length).toBeGreaterThan(0);
    expect(expected.review.breachedInWindow).toBeGreaterThan(0);
  });

  it('all dates are UTC: the intake per day follows the shop\'s days, alike on both databases', async () => {
    const moscow = await Promise.all([openStore(stores.sqlite!.url, { statsCacheMs: 0, timeZone: 'Europe/Moscow' }), openStore(stores.postgresql!.url, { statsCacheMs: 0, timeZone: 'Europe/Moscow' })]);
    try {
      // 22:00 UTC on 30 June is 01:00 on 1 July in Moscow: Moscow's chart already ends on the 1st.
      const late = new Date('2026-06-30T22:00:00Z');
      const [sqlite, postgres] = await Promise.all(moscow.map((s) => s.dashboard.statsUncached(late, 30)));
      expect(postgres!.intakePerDay).toEqual(sqlite!.intakePerDay);
      expect(sqlite!.intakePerDay.at(-1)).toEqual({ day: '2026-07-01', count: 0 });
      expect(sqlite!.intakePerDay[0]!.day).toBe('2026-06-02');
      const utc = await stores.sqlite!.store.dashboard.statsUncached(late, 30);
      expect(utc.intakePerDay.at(-1)!.day).toBe('2026-06-30');
      // The same returns, only on other days' labels: nothing is lost or counted twice.
      const total = (days: Array<{ count: number }>) => days.reduce((a, d) => a + d.count, 0);
      expect(total(sqlite!.intakePerDay)).toBe(total(utc.intakePerDay) - (utc.intakePerDay[0]!.count));
    } finally {
      for (const s of moscow) await s.close();
    }
  });

  it('lists the mail needing attention the same way, with only the head of each message', async () => {
    const [sqlite, postgres] = both();
    const strip = (r: Awaited<ReturnType<typeof sqlite.dashboard.listAttention>>) => ({ total: r.total, rows: r.rows.map(({ id: _id, ...row }) => ({ ...row, head: row.head.toString('latin1') })) });
    const expected = strip(await sqlite.dashboard.listAttention({ limit: 50, offset: 0 }));
    expect(strip(await postgres.dashboard.listAttention({ limit: 50, offset: 0 }))).toEqual(expected);
    expect(expected.rows.map((r) => [r.state, r.reason])).toEqual([['needs_attention', 'not_an_application'], ['parked', 'Error: boom']]);
    expect(expected.rows[0]!.head.length).toBe(16_384);
    expect(expected.rows[0]!.head).toMatch(/^From: q0@example.org\r\nSubject: Question 0/);
    expect((await postgres.dashboard.listAttention({ state: 'parked', limit: 50, offset: 0 })).total).toBe(1);
  });

  it('the 30-day numbers are the ones the seeded data implies', async () => {
    const [sqlite] = both();
    const stats = await sqlite.dashboard.statsUncached(NOW, 30);
    // Days 0..29 back: returns i with i % 120 < 30 → 60 of 240.
    expect(stats.intakePerDay.reduce((a, d) => a + d.count, 0)).toBe(60);
    expect(stats.byState).toEqual(Object.fromEntries(STATES.map((s) => [s, stateCount(s)])));
    expect(stats.autoApproval.total).toBe(60);
  });

  it.each(['', 'ковалёва', 'КОВАЛЕВА', 'ольга', 'ПОЧТА.РФ', 'customer12', 'RT-P00', 'A-10'])('queue search "%s"', async (search) => {
    const [sqlite, postgres] = both();
    const filter = { limit: 50, offset: 0, ...(search ? { search } : {}) };
    const expected = await sqlite.dashboard.listQueue(filter, NOW);
    expect(await postgres.dashboard.listQueue(filter, NOW)).toEqual(expected);
    expect(expected.total).toBeGreaterThan(0);
  });

  it('finds Ковалёва by "ковалева" on PostgreSQL, whose C locale folds ASCII only', async () => {
    const [, postgres] = both();
    const found = await postgres.dashboard.listQueue({ search: 'ковалева', limit: 500, offset: 0 }, NOW);
    expect(new Set(found.rows.map((r) => r.customerName))).toEqual(new Set(['Ковалёва Ольга', 'КОВАЛЕВА Анна']));
  });

  it('the counts behind /metrics agree', async () => {
    const [sqlite, postgres] = both();
    expect(await postgres.dashboard.deliveryCounts()).toEqual(await sqlite.dashboard.deliveryCounts());
    expect(await postgres.countReturnsByState()).toEqual(await sqlite.countReturnsByState());
  });
});

function stateCount(state: ReturnState): number {
  let n = 0;
  for (let i = 0; i < N; i++) if (STATES[i % STATES.length] === state) n++;
  return n;
}
