// The Store / OrderRepository contract, run against SQLite (test/integration/embedded/store-sqlite.test.ts) and
// PostgreSQL (test/integration/servers/store-postgres.test.ts). Every test gets a fresh, empty database.
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/app-error.ts';
import { isoDay, utcOffsetMinutes } from '../../src/domain/iso-day.ts';
import type { Order } from '../../src/domain/order.ts';
import type { NewInbound, RecordReturnInput, StoredDocument } from '../../src/domain/ports/store.ts';
import { parseDatabaseUrl } from '../../src/adapters/db/database-target.ts';
import { openStore, type DbStore } from '../../src/adapters/db/open-store.ts';
import { createPrismaClient, type DbClient } from '../../src/adapters/db/prisma-client.ts';
import { MAX_OUTBOUND_ATTEMPTS } from '../../src/adapters/db/outbound-store.ts';
import { applyMigrations } from '../../src/adapters/db/apply-migrations.ts';
import { BYTES_PART_BYTES } from '../../src/adapters/db/bytes-parts.ts';

/** The migration that took raw messages out of InboundMessage and contents out of Document. */
const BYTES_PARTS_MIGRATION = '20261205073708_stored_bytes_parts';
import { accountKey, createLoginLockout, FREE_FAILURES } from '../../src/web/auth/login-lockout.ts';

export interface ContractDatabase {
  /** A URL naming a new, empty database. */
  freshUrl(): Promise<string>;
}

export function inbound(text: string, overrides: Partial<NewInbound> = {}): NewInbound {
  const raw = Buffer.from(text);
  return {
    mailboxId: 'maildir:/test',
    mailboxKey: `key-${text}`,
    messageId: `<${text}@example.com>`,
    sha256: createHash('sha256').update(raw).digest('hex'),
    raw,
    receivedAt: new Date('2025-03-01T10:00:00Z'),
    ...overrides,
  };
}

function document(name: string): StoredDocument {
  const content = Buffer.from(`%PDF-1.7 ${name}`);
  return {
    name,
    kind: 'pdf',
    mimeType: 'application/pdf',
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    method: 'pdf_form',
    pageCount: 1,
    pages: [{ page: 1, lines: [{ text: 'ЗАЯВЛЕНИЕ НА ВОЗВРАТ ТОВАРА', confidence: 0.97, box: { page: 1, x: 1, y: 2, width: 3, height: 4 } }], width: 2480, height: 3508 }],
    formFields: { orderNumber: 'A-1001' },
    problems: [{ field: 'phone', code: 'low_confidence', message: 'unclear digit' }],
    content,
  };
}

export function returnInput(inboundId: string, returnNumber: string, replyId = `<reply-${returnNumber}@intake.test>`): RecordReturnInput {
  return {
    inboundId,
    returnNumber,
    state: 'awaiting_shipment',
    customerEmail: 'anna@example.com',
    orderNumber: 'A-1001',
    language: 'ru',
    application: {
      source: 'message.eml',
      fields: {
        orderNumber: { value: 'A-1001', confidence: 1, source: 'form.pdf' },
        email: { value: 'anna@example.com', confidence: 0.92, source: 'body' },
      },
      items: [
        { sku: { value: 'SK-1', confidence: 0.9 }, name: { value: 'Юбка', confidence: 0.8 }, quantity: { value: '1', confidence: 0.99 }, price: { value: '4000.00', confidence: 0.7 } },
      ],
      problems: [],
    },
    decision: { status: 'approved', state: 'awaiting_shipment', reasons: [{ code: 'within_window', message: 'received 3 days ago' }] },
    documents: [document('form.pdf')],
    events: [
      { actor: 'system', type: 'received', toState: 'received', at: new Date('2025-03-01T10:00:01Z') },
      { actor: 'system', type: 'decided', fromState: 'received', toState: 'awaiting_shipment', reason: 'auto-approved', at: new Date('2025-03-01T10:00:02Z') },
    ],
    reply: {
      messageId: replyId,
      to: 'anna@example.com',
      subject: `Re: Возврат ${returnNumber}`,
      template: 'approved',
      language: 'ru',
      raw: Buffer.from(`Subject: approved ${returnNumber}\r\n\r\nok`),
    },
  };
}

const ORDER: Order = {
  orderNumber: 'A-1001',
  customerEmail: 'anna@example.com',
  orderDate: '2025-02-20',
  deliveryDate: '2025-02-25',
  region: 'domestic',
  lines: [
    { sku: 'SK-1', name: 'Юбка', quantity: 1, unitPrice: 400_000, madeToOrder: false },
    { sku: 'TS-2', name: 'Футболка', size: 'M', quantity: 1, unitPrice: 300_000, madeToOrder: false, category: 'tops' },
    { sku: 'SC-3', name: 'Шарф', quantity: 1, unitPrice: 250_000, madeToOrder: false },
  ],
  discounts: [{ code: '1+1=3', description: 'third item free', amount: 250_000, condition: { minItems: 3 } }],
  shippingPaid: 0,
};

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Opens stores on a fresh database, runs `body`, closes them whatever happens. */
async function withStores(db: ContractDatabase, count: number, body: (stores: DbStore[], url: string) => Promise<void>): Promise<void> {
  const url = await db.freshUrl();
  const stores: DbStore[] = [];
  try {
    for (let i = 0; i < count; i++) stores.push(await openStore(url));
    await body(stores, url);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

async function withRawClient<T>(url: string, body: (db: DbClient) => Promise<T>): Promise<T> {
  const db = createPrismaClient(parseDatabaseUrl(url));
  try {
    return await body(db);
  } finally {
    await db.$disconnect();
  }
}

export function storeContract(name: string, db: ContractDatabase): void {
  describe(`${name}: migrations`, () => {
    it('applies the migrations once; a second start is a no-op', async () => {
      const url = await db.freshUrl();
      const first = await openStore(url);
      expect(first.appliedMigrations.length).toBeGreaterThan(0);
      await first.close();
      const second = await openStore(url);
      expect(second.appliedMigrations).toEqual([]);
      await withRawClient(url, async (raw) => {
        const rows = await raw.$queryRawUnsafe<Array<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }>>(
          'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
        );
        expect(rows.map((r) => r.migration_name)).toEqual(first.appliedMigrations);
        expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
      });
      await second.close();
    });

    it('two stores starting at once on an empty database migrate it exactly once', async () => {
      const url = await db.freshUrl();
      const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
      try {
        const applied = stores.map((s) => s.appliedMigrations.length);
        expect(applied.filter((n) => n > 0)).toHaveLength(1);
        const saved = await Promise.all(stores.map((s, i) => s.saveInbound(inbound(`start-${i}`))));
        expect(new Set(saved.map((r) => r.id)).size).toBe(3);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });

  describe(`${name}: inbound messages`, () => {
    it('keeps the raw message out of the row the pipeline updates, in parts, and reads it back byte for byte', async () => {
      await withStores(db, 1, async ([store], url) => {
        const raw = randomBytes(2 * BYTES_PART_BYTES + 17);
        const saved = await store!.saveInbound(inbound('large', { raw }));
        await withRawClient(url, async (client) => {
          expect(await client.bytesPart.count({ where: { ownerId: saved.id } })).toBe(3);
          expect((await client.inboundMessage.findUnique({ where: { id: saved.id } }))!.rawBytes).toBe(raw.length);
        });
        expect((await store!.claimInbound(saved.id))!.raw.equals(raw)).toBe(true);
        // A duplicate delivery writes no second copy of the bytes.
        await store!.saveInbound(inbound('large', { raw, mailboxKey: 'again' }));
        await withRawClient(url, async (client) => expect(await client.bytesPart.count()).toBe(3));
        await store!.finishInbound(saved.id, 'failed', 'again');
        expect((await store!.claimInbound(saved.id))!.raw.equals(raw)).toBe(true);
      });
    });

    it('migration stored_bytes_parts moves the messages and document contents stored in their rows into parts, byte for byte', async () => {
      const url = await db.freshUrl();
      const target = parseDatabaseUrl(url);
      const before = await mkdtemp(path.join(tmpdir(), 'intake-migrations-'));
      try {
        await cp(target.migrationsDir, before, { recursive: true, filter: (source) => !source.includes(BYTES_PARTS_MIGRATION) });
        await applyMigrations({ ...target, migrationsDir: before });
        const messages = [0, 10, BYTES_PART_BYTES, 2 * BYTES_PART_BYTES + 7].map((bytes, i) => ({ id: `legacy-${i}`, raw: randomBytes(bytes) }));
        await withRawClient(url, async (client) => {
          for (const { id, raw } of messages) {
            await client.$executeRaw`INSERT INTO "InboundMessage" ("id", "dedupeKey", "sha256", "raw", "mailboxId", "mailboxKey", "receivedAt", "updatedAt")
              VALUES (${id}, ${id}, ${id}, ${new Uint8Array(raw)}, 'maildir:/legacy', ${id}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`;
            // Each message's document holds the same bytes reversed.
            await client.$executeRaw`INSERT INTO "Document" ("id", "inboundId", "name", "kind", "mimeType", "bytes", "sha256", "pageCount", "pages", "problems", "content")
              VALUES (${`doc-${id}`}, ${id}, 'scan.pdf', 'pdf', 'application/pdf', ${raw.length}, 'x', 1, '[]', '[]', ${new Uint8Array(Buffer.from(raw).reverse())})`;
          }
        });
        const store = await openStore(url);
        try {
          expect(store.appliedMigrations).toEqual([BYTES_PARTS_MIGRATION]);
          for (const { id, raw } of messages) {
            expect((await store.claimInbound(id))!.raw.equals(raw), `${id}, ${raw.length} bytes`).toBe(true);
            expect((await store.getDocumentFile(`doc-${id}`))!.content.equals(Buffer.from(raw).reverse()), `document of ${id}`).toBe(true);
          }
        } finally {
          await store.close();
        }
      } finally {
        await rm(before, { recursive: true, force: true });
      }
    });

    it('stores a message once; a second delivery is a duplicate with the same id and counts the delivery', async () => {
      await withStores(db, 1, async ([store]) => {
        const first = await store!.saveInbound(inbound('dup'));
        expect(first).toMatchObject({ duplicate: false, state: 'received' });
        const second = await store!.saveInbound(inbound('dup', { mailboxKey: 'another-key' }));
        expect(second).toEqual({ id: first.id, duplicate: true, state: 'received' });
        const record = await store!.claimInbound(first.id);
        expect(record).toMatchObject({ deliveryCount: 2, mailboxKey: 'key-dup', messageId: '<dup@example.com>', attempts: 1 });
        expect(record!.raw.equals(Buffer.from('dup'))).toBe(true);
        // The duplicate reports the state the original is in now.
        expect((await store!.saveInbound(inbound('dup'))).state).toBe('processing');
      });
    });

    it('without a Message-ID, dedupes on the content hash', async () => {
      await withStores(db, 1, async ([store]) => {
        const a = await store!.saveInbound(inbound('no-id', { messageId: undefined }));
        const b = await store!.saveInbound(inbound('no-id', { messageId: undefined, mailboxKey: 'x' }));
        const c = await store!.saveInbound(inbound('other', { messageId: undefined }));
        expect(b).toEqual({ id: a.id, duplicate: true, state: 'received' });
        expect(c.duplicate).toBe(false);
        expect((await store!.claimInbound(a.id))!.messageId).toBeNull();
      });
    });

    it('regression: a reused Message-ID with other content is stored as its own message (it was silently dropped)', async () => {
      await withStores(db, 1, async ([store]) => {
        const original = await store!.saveInbound(inbound('first', { messageId: '<reused@example.com>' }));
        const other = await store!.saveInbound(inbound('someone else', { messageId: '<reused@example.com>' }));
        expect(other.duplicate).toBe(false);
        expect(other.id).not.toBe(original.id);
        // A second delivery of either is a duplicate of the right one.
        expect(await store!.saveInbound(inbound('someone else', { messageId: '<reused@example.com>', mailboxKey: 'again' }))).toEqual({ id: other.id, duplicate: true, state: 'received' });
        expect((await store!.saveInbound(inbound('first', { messageId: '<reused@example.com>', mailboxKey: 'again' }))).id).toBe(original.id);
        const record = await store!.claimInbound(other.id);
        expect(record).toMatchObject({ messageId: '<reused@example.com>', deliveryCount: 2 });
        expect(record!.raw.toString()).toBe('someone else');
        expect((await store!.claimInbound(original.id))!.deliveryCount).toBe(2);
      });
    });

    it('concurrent deliveries of one message from two stores: one insert, the rest duplicates', async () => {
      await withStores(db, 2, async (stores) => {
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % 2]!.saveInbound(inbound('race'))));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect((await stores[0]!.claimInbound(results[0]!.id))!.deliveryCount).toBe(12);
      });
    });

    it('exactly one of many concurrent claims wins', async () => {
      await withStores(db, 2, async (stores) => {
        const { id } = await stores[0]!.saveInbound(inbound('claim'));
        const claims = await Promise.all(Array.from({ length: 16 }, (_, i) => stores[i % 2]!.claimInbound(id)));
        expect(claims.filter((c) => c !== null)).toHaveLength(1);
        expect(claims.find((c) => c !== null)!.state).toBe('processing');
        expect(await stores[1]!.claimInbound(id)).toBeNull();
      });
    });

    it('a failed message counts the attempt and can be claimed again; parked and ignored ones cannot', async () => {
      await withStores(db, 1, async ([store]) => {
        const a = await store!.saveInbound(inbound('fail'));
        const b = await store!.saveInbound(inbound('ignore'));
        expect(await store!.claimInbound(a.id)).not.toBeNull();
        await store!.finishInbound(a.id, 'failed', 'OCR engine crashed');
        expect(await store!.listInboundIds(['failed'], 10)).toEqual([a.id]);
        const again = await store!.claimInbound(a.id);
        // Each claim counts an attempt, before anything reads the message.
        expect(again).toMatchObject({ attempts: 2, lastError: 'OCR engine crashed', state: 'processing' });
        await store!.finishInbound(a.id, 'parked', 'failed 5 times');
        expect(await store!.claimInbound(a.id)).toBeNull();

        await store!.claimInbound(b.id);
        await store!.finishInbound(b.id, 'ignored', 'auto-reply');
        expect(await store!.claimInbound(b.id)).toBeNull();
        expect(await store!.countInboundByState()).toEqual({ parked: 1, ignored: 1 });
        expect((await rejection(store!.finishInbound(b.id, 'processed', 'no'))).code).toBe('illegal_transition');
        expect((await rejection(store!.finishInbound('no-such-id', 'failed', 'x'))).code).toBe('not_found');
      });
    });

    it('parks a message with the reply that tells its sender, in one step; a reply with any other ending is refused', async () => {
      await withStores(db, 1, async ([store]) => {
        const a = await store!.saveInbound(inbound('poison'));
        const b = await store!.saveInbound(inbound('question'));
        const reply = { messageId: '<parked-1@intake.test>', to: 'anna@example.ru', subject: 'Re: x', template: 'message_too_large' as const, language: 'ru' as const, raw: Buffer.from('reply') };
        await store!.claimInbound(a.id);
        await store!.finishInbound(a.id, 'parked', 'too_complex: processing it stopped its worker 5 times', { reply });
        expect((await store!.listPendingOutbound(10)).map((o) => [o.messageId, o.to, o.raw.toString()])).toEqual([['<parked-1@intake.test>', 'anna@example.ru', 'reply']]);
        await store!.claimInbound(b.id);
        const refused = await rejection(store!.finishInbound(b.id, 'needs_attention', 'a question', { reply: { ...reply, messageId: '<parked-2@intake.test>' } }));
        expect(refused.code).toBe('illegal_transition');
        expect(await store!.countInboundByState()).toEqual({ parked: 1, processing: 1 });
        expect(await store!.listPendingOutbound(10)).toHaveLength(1);
      });
    });

    it('a failed message with a retry time is listed as due only once that time has come; a claim clears it', async () => {
      await withStores(db, 1, async ([store]) => {
        const a = await store!.saveInbound(inbound('backoff'));
        const b = await store!.saveInbound(inbound('backoff-new'));
        const failedAt = new Date('2025-03-01T10:00:00Z');
        const retryAt = new Date(failedAt.getTime() + 30_000);
        await store!.claimInbound(a.id);
        await store!.finishInbound(a.id, 'failed', 'OCR engine crashed', { retryAt });
        const due = (at: Date) => store!.listInboundIds(['received', 'failed'], 10, { dueBy: at });
        expect(await due(failedAt)).toEqual([b.id]);
        expect(await due(new Date(retryAt.getTime() - 1))).toEqual([b.id]);
        expect((await due(retryAt)).sort()).toEqual([a.id, b.id].sort());
        expect(await store!.listInboundIds(['failed'], 10)).toEqual([a.id]); // without dueBy: every failed one (operators, pg-boss sweep)
        // The claim itself does not wait: pg-boss runs its own back-off and must find the message claimable.
        expect(await store!.claimInbound(a.id)).toMatchObject({ attempts: 2 });
        await store!.finishInbound(a.id, 'failed', 'again'); // no retryAt: due at once
        expect(await store!.listInboundIds(['failed'], 10, { dueBy: failedAt })).toEqual([a.id]);
      });
    });

    it('lists ids in the given states, oldest first, at most limit', async () => {
      await withStores(db, 1, async ([store]) => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) {
          ids.push((await store!.saveInbound(inbound(`list-${i}`))).id);
          await new Promise((r) => setTimeout(r, 5)); // distinct createdAt
        }
        await store!.claimInbound(ids[1]!);
        expect(await store!.listInboundIds(['received'], 10)).toEqual([ids[0], ids[2], ids[3], ids[4]]);
        expect(await store!.listInboundIds(['received', 'processing'], 2)).toEqual([ids[0], ids[1]]);
      });
    });
  });

  describe(`${name}: returns`, () => {
    it('records a return with its documents, items, events and reply, and reads it back validated', async () => {
      await withStores(db, 1, async ([store]) => {
        const { id } = await store!.saveInbound(inbound('app'));
        await store!.claimInbound(id);
        const input = returnInput(id, 'R-2025-000001');
        const recorded = await store!.recordReturn(input);
        expect(recorded.returnNumber).toBe('R-2025-000001');
        expect(await store!.returnNumberExists('R-2025-000001')).toBe(true);
        expect(await store!.returnNumberExists('R-2025-000002')).toBe(false);
        expect(await store!.countInboundByState()).toEqual({ processed: 1 });
        expect(await store!.claimInbound(id)).toBeNull();

        const detail = await store!.getReturn('R-2025-000001');
        expect(detail).toMatchObject({
          id: recorded.returnId,
          returnNumber: 'R-2025-000001',
          state: 'awaiting_shipment',
          customerEmail: 'anna@example.com',
          orderNumber: 'A-1001',
          language: 'ru',
          application: input.application,
          decision: input.decision,
          events: input.events,
        });
        const { content: _content, ...documentWithoutContent } = input.documents[0]!;
        expect(detail!.documents).toEqual([{ id: expect.any(String), ...documentWithoutContent }]);
        const file = await store!.getDocumentFile(detail!.documents[0]!.id);
        expect(file).toMatchObject({ name: 'form.pdf', mimeType: 'application/pdf' });
        expect(file!.content.equals(input.documents[0]!.content)).toBe(true);
        expect(await store!.getDocumentFile('no-such-document')).toBeNull();
        expect(detail!.outbound).toEqual([
          { messageId: input.reply!.messageId, template: 'approved', to: 'anna@example.com', state: 'pending', createdAt: expect.any(Date) },
        ]);
        expect(await store!.getReturn('R-none')).toBeNull();
        expect(await store!.listReturns({ limit: 10 })).toEqual([
          expect.objectContaining({ returnNumber: 'R-2025-000001', state: 'awaiting_shipment', customerEmail: 'anna@example.com' }),
        ]);
        expect(await store!.countReturnsByState()).toEqual({ awaiting_shipment: 1 });
      });
    });

    it('lists every stored return with its inbound Message-ID, application and decision, page by page, oldest first', async () => {
      await withStores(db, 1, async ([store]) => {
        const numbers = ['R-L1', 'R-L2', 'R-L3'];
        for (const [i, number] of numbers.entries()) {
          const { id } = await store!.saveInbound(inbound(`listed-${i}`));
          await store!.claimInbound(id);
          await store!.recordReturn({ ...returnInput(id, number), decision: { status: 'approved', state: 'awaiting_shipment', reasons: [], refund: { total: 150_000 } } as RecordReturnInput['decision'] });
        }
        const first = await store!.listStoredReturns({ limit: 2 });
        const rest = await store!.listStoredReturns({ after: first[1]!.returnNumber, limit: 2 });
        expect([...first, ...rest].map((r) => r.returnNumber)).toEqual(numbers);
        expect(first[0]).toMatchObject({
          returnNumber: 'R-L1',
          state: 'awaiting_shipment',
          messageId: '<listed-0@example.com>',
          application: returnInput('x', 'R-L1').application,
          decision: { status: 'approved', reasons: [], refund: { total: 150_000 } },
          trackingNumber: null,
        });
      });
    });

    it('a taken return number is a conflict and writes nothing of the second return', async () => {
      await withStores(db, 1, async ([store]) => {
        const first = await store!.saveInbound(inbound('one'));
        const second = await store!.saveInbound(inbound('two'));
        await store!.recordReturn(returnInput(first.id, 'R-1'));
        await store!.claimInbound(second.id);
        const error = await rejection(store!.recordReturn(returnInput(second.id, 'R-1', '<second@intake.test>')));
        expect(error.code).toBe('conflict');
        expect(error.message).toContain('R-1');
        expect(await store!.countInboundByState()).toEqual({ processed: 1, processing: 1 });
        expect((await store!.listPendingOutbound(10)).map((o) => o.messageId)).toEqual(['<reply-R-1@intake.test>']);
        expect((await store!.getReturn('R-1'))!.documents).toHaveLength(1);
      });
    });

    it('is atomic: a failure part-way leaves no return, document, event or reply behind', async () => {
      await withStores(db, 1, async ([store], url) => {
        const error = await rejection(store!.recordReturn(returnInput('no-such-inbound', 'R-ghost')));
        expect(error.code).toBe('not_found');
        expect(await store!.returnNumberExists('R-ghost')).toBe(false);
        expect(await store!.listPendingOutbound(10)).toEqual([]);
        await withRawClient(url, async (raw) => {
          expect(await raw.document.count()).toBe(0);
          // The documents' contents were written before the transaction and are dropped with it.
          expect(await raw.bytesPart.count()).toBe(0);
          expect(await raw.returnEvent.count()).toBe(0);
          expect(await raw.returnItem.count()).toBe(0);
        });
      });
    });

    it('rejects stored JSON that no longer matches its schema when reading it back', async () => {
      await withStores(db, 1, async ([store], url) => {
        const { id } = await store!.saveInbound(inbound('json'));
        await store!.recordReturn(returnInput(id, 'R-JSON'));
        await withRawClient(url, (raw) =>
          raw.returnRequest.update({ where: { returnNumber: 'R-JSON' }, data: { decision: { status: 'maybe' } } }),
        );
        const error = await rejection(store!.getReturn('R-JSON'));
        expect(error.code).toBe('validation_failed');
        expect(error.message).toContain('decision of return R-JSON');
      });
    });
  });

  describe(`${name}: outbox`, () => {
    it('lists pending replies oldest first; sent ones leave; failures retry until the attempts run out', async () => {
      await withStores(db, 1, async ([store]) => {
        for (const n of ['A', 'B']) {
          const { id } = await store!.saveInbound(inbound(`out-${n}`));
          await store!.recordReturn(returnInput(id, `R-${n}`));
          await new Promise((r) => setTimeout(r, 5));
        }
        const pending = await store!.listPendingOutbound(10);
        expect(pending.map((p) => p.messageId)).toEqual(['<reply-R-A@intake.test>', '<reply-R-B@intake.test>']);
        expect(pending[0]!.raw.toString()).toContain('approved R-A');
        expect(pending[0]!.attempts).toBe(0);

        const sentAt = new Date('2025-03-01T12:00:00Z');
        await store!.markOutboundSent(pending[0]!.id, sentAt);
        await store!.markOutboundSent(pending[0]!.id, new Date()); // a retry after success changes nothing
        await store!.markOutboundFailed(pending[0]!.id, 'late report'); // nor does a stale failure
        expect((await store!.listPendingOutbound(10)).map((p) => p.messageId)).toEqual(['<reply-R-B@intake.test>']);
        expect((await store!.getReturn('R-A'))!.outbound[0]!.state).toBe('sent');

        await store!.markOutboundFailed(pending[1]!.id, '421 try again later');
        expect((await store!.listPendingOutbound(10))[0]!.attempts).toBe(1);
        for (let i = 1; i < MAX_OUTBOUND_ATTEMPTS; i++) await store!.markOutboundFailed(pending[1]!.id, '421 try again later');
        expect(await store!.listPendingOutbound(10)).toEqual([]);
        expect((await store!.getReturn('R-B'))!.outbound[0]!.state).toBe('failed');
      });
    });

    it('a send is recorded before it happens: pending → sending (one sender wins), resumed only from the attempt it saw', async () => {
      await withStores(db, 2, async (stores) => {
        const [a, b] = stores as [DbStore, DbStore];
        const { id: inboundId } = await a.saveInbound(inbound('sending'));
        await a.recordReturn(returnInput(inboundId, 'R-S'));
        const [reply] = await a.listPendingOutbound(10);
        const t1 = new Date('2025-03-01T12:00:00Z');
        const wins = await Promise.all([a.beginOutboundSend(reply!.id, t1), b.beginOutboundSend(reply!.id, t1)]);
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect(await a.listPendingOutbound(10)).toEqual([]);
        const sending = await a.listSendingOutbound(10);
        expect(sending.map((o) => [o.messageId, o.sendingAt])).toEqual([['<reply-R-S@intake.test>', t1]]);
        expect(sending[0]!.raw.toString()).toContain('approved R-S');

        // A crash left it sending; a new attempt must name the attempt it found, so two resenders cannot both go.
        const t2 = new Date('2025-03-01T12:10:00Z');
        expect(await a.beginOutboundSend(reply!.id, t2, new Date('2025-03-01T11:00:00Z'))).toBe(false);
        expect(await a.beginOutboundSend(reply!.id, t2, t1)).toBe(true);
        expect(await b.beginOutboundSend(reply!.id, t2, t1)).toBe(false);
        expect(await a.beginOutboundSend(reply!.id, t2)).toBe(false); // not pending any more

        await a.markOutboundFailed(reply!.id, 'connection reset');
        expect((await a.listPendingOutbound(10)).map((o) => o.attempts)).toEqual([1]);
        expect(await a.listSendingOutbound(10)).toEqual([]);
        expect(await a.beginOutboundSend(reply!.id, t2)).toBe(true);
        await a.markOutboundSent(reply!.id, t2);
        expect(await a.listSendingOutbound(10)).toEqual([]);
        expect((await a.getReturn('R-S'))!.outbound[0]!.state).toBe('sent');
      });
    });
  });

  describe(`${name}: orders`, () => {
    it('upserts orders idempotently by number and finds them as the Orders port', async () => {
      await withStores(db, 1, async ([store]) => {
        expect(await store!.upsertOrders([ORDER, { ...ORDER, orderNumber: 'A-1002', discounts: [] }])).toEqual({ created: 2, updated: 0 });
        expect(await store!.find('A-1001')).toEqual(ORDER);
        expect(await store!.upsertOrders([ORDER])).toEqual({ created: 0, updated: 1 });
        expect(await store!.find('A-1001')).toEqual(ORDER);

        const changed: Order = { ...ORDER, lines: [ORDER.lines[0]!], discounts: [], shippingPaid: 50_000, region: 'international' };
        await store!.upsertOrders([changed]);
        expect(await store!.find('A-1001')).toEqual(changed);
        expect((await store!.find('A-1002'))!.discounts).toEqual([]);
        expect(await store!.find('A-404')).toBeNull();
      });
    });

    it('finds a buyer\'s orders by e-mail, phone or name, and no one else\'s', async () => {
      await withStores(db, 1, async ([store]) => {
        const other: Order = { ...ORDER, orderNumber: 'B-2001', customerEmail: 'boris@example.com', customerName: 'Борисов Борис', customerPhone: '+79990000000' };
        await store!.upsertOrders([{ ...ORDER, customerName: 'Иванова Анна', customerPhone: '+79161234567' }, other]);
        const numbers = async (contact: { emails?: string[]; phones?: string[]; names?: string[] }) =>
          (await store!.ofCustomer!({ emails: [], phones: [], names: [], ...contact })).map((o) => o.orderNumber);
        expect(await numbers({ emails: ['anna@example.com'] })).toEqual(['A-1001']);
        expect(await numbers({ phones: ['+79161234567'] })).toEqual(['A-1001']);
        expect(await numbers({ names: ['Иванова Анна'] })).toEqual(['A-1001']);
        expect(await numbers({ emails: ['nobody@example.com'], phones: ['+70000000000'] })).toEqual([]);
        expect(await numbers({})).toEqual([]);
        // A misread phone's neighbours: thousands of numbers in one look-up, more than one statement may bind.
        const neighbours = Array.from({ length: 4000 }, (_, i) => `+7916${String(i).padStart(7, '0')}`);
        expect(await numbers({ phones: [...neighbours, '+79990000000'], emails: ['anna@example.com'] })).toEqual(['A-1001', 'B-2001'].sort());
      });
    });

    it('validates orders before writing any of them', async () => {
      await withStores(db, 1, async ([store]) => {
        const bad = { ...ORDER, orderNumber: 'A-BAD', lines: [] } as Order;
        await expect(store!.upsertOrders([{ ...ORDER, orderNumber: 'A-OK' }, bad])).rejects.toThrow();
        expect(await store!.find('A-OK')).toBeNull();
      });
    });
  });

  describe(`${name}: changing returns`, () => {
    it('moves a return from the state it was read in, with events, reply and deadlines in one transaction', async () => {
      await withStores(db, 1, async ([store]) => {
        const { id } = await store!.saveInbound(inbound('app'));
        const shipBy = new Date('2025-03-05T10:00:00Z');
        await store!.recordReturn({ ...returnInput(id, 'R-U1'), customerMessageId: '<app@example.com>', customerSubject: 'Возврат', deadlines: { shipBy } });
        const ref = await store!.getReturnRef('R-U1');
        expect(ref).toMatchObject({ state: 'awaiting_shipment', customerMessageId: '<app@example.com>', replyMessageIds: ['<reply-R-U1@intake.test>'] });
        expect(ref!.deadlines.shipBy).toEqual(shipBy);

        const at = new Date('2025-03-03T09:00:00Z');
        const followUp = await store!.saveInbound(inbound('tracking'));
        await store!.updateReturn({
          returnNumber: 'R-U1',
          fromState: 'awaiting_shipment',
          toState: 'shipped',
          events: [{ actor: 'customer', type: 'ship', fromState: 'awaiting_shipment', toState: 'shipped', reason: 'tracking RA123456785RU', at }],
          trackingNumber: 'RA123456785RU',
          inbound: { id: followUp.id, documents: [document('receipt.pdf')] },
          reply: { ...returnInput(id, 'R-U1').reply!, messageId: '<shipped-R-U1@intake.test>' },
        });
        const detail = await store!.getReturn('R-U1');
        expect(detail!.state).toBe('shipped');
        expect(detail!.events.at(-1)).toMatchObject({ actor: 'customer', type: 'ship', toState: 'shipped' });
        expect(detail!.documents.map((d) => d.name)).toEqual(['form.pdf', 'receipt.pdf']);
        expect(detail!.outbound.map((o) => o.messageId)).toEqual(['<reply-R-U1@intake.test>', '<shipped-R-U1@intake.test>']);
        expect((await store!.getReturnRef('R-U1'))!.trackingNumber).toBe('RA123456785RU');
        expect(await store!.countInboundByState()).toEqual({ processed: 2 });

        // A change decided from a stale state is refused and writes nothing.
        const stale = await rejection(
          store!.updateReturn({ returnNumber: 'R-U1', fromState: 'awaiting_shipment', toState: 'expired', events: [{ actor: 'system', type: 'expire', at }] }),
        );
        expect(stale.code).toBe('conflict');
        expect((await store!.getReturn('R-U1'))!.events).toHaveLength(detail!.events.length);
        const missing = await rejection(store!.updateReturn({ returnNumber: 'R-NONE', fromState: 'shipped', toState: 'refunded', events: [] }));
        expect(missing.code).toBe('not_found');
      });
    });

    it('finds the return a follow-up belongs to by our reply ids, the customer thread, or the return number', async () => {
      await withStores(db, 1, async ([store]) => {
        const { id } = await store!.saveInbound(inbound('app'));
        await store!.recordReturn({ ...returnInput(id, 'R-F1'), customerMessageId: '<first@example.com>' });
        const find = (messageIds: string[], returnNumbers: string[] = []) => store!.findReturnForFollowUp({ messageIds, returnNumbers });
        expect((await find(['<other@x>', '<reply-R-F1@intake.test>']))?.returnNumber).toBe('R-F1');
        expect((await find(['<first@example.com>']))?.returnNumber).toBe('R-F1');
        expect((await find([], ['R-F1']))?.returnNumber).toBe('R-F1');
        expect(await find(['<unknown@x>'], ['R-NONE'])).toBeNull();
      });
    });

    it('an updated application rewrites the items the order counts as claimed (an item turned down is freed)', async () => {
      await withStores(db, 1, async ([store]) => {
        const { id } = await store!.saveInbound(inbound('R-IT'));
        const input = returnInput(id, 'R-IT', '<reply-R-IT@intake.test>');
        const two = { ...input.application, items: [...input.application.items, { sku: { value: 'BL-2', confidence: 0.9 }, quantity: { value: '2', confidence: 0.9 } }] };
        await store!.recordReturn({ ...input, application: two });
        expect((await store!.orderReturns('A-1001'))[0]!.items.map((i) => [i.sku, i.quantity])).toEqual([['SK-1', 1], ['BL-2', 2]]);
        await store!.updateReturn({ returnNumber: 'R-IT', fromState: 'awaiting_shipment', toState: 'awaiting_shipment', events: [], application: { ...two, items: [two.items[1]!] } });
        expect((await store!.orderReturns('A-1001'))[0]!.items.map((i) => [i.sku, i.quantity])).toEqual([['BL-2', 2]]);
      });
    });

    it('lists a customer\'s open returns, leaving out the final ones', async () => {
      await withStores(db, 1, async ([store]) => {
        const make = async (n: string, state: RecordReturnInput['state']) => {
          const { id } = await store!.saveInbound(inbound(n));
          await store!.recordReturn({ ...returnInput(id, n, `<o-${n}@t>`), state });
        };
        await make('R-O1', 'awaiting_shipment');
        await make('R-O2', 'refunded');
        await make('R-O3', 'needs_review');
        expect((await store!.openReturnsOf(['anna@example.com'])).map((r) => r.returnNumber).sort()).toEqual(['R-O1', 'R-O3']);
        expect(await store!.openReturnsOf(['someone@else.com'])).toEqual([]);
        expect(await store!.openReturnsOf([])).toEqual([]);
      });
    });

    it('reads back a receipt photo (receipt_received) and the postage read off it, for the tracking number and the refund that follow', async () => {
      await withStores(db, 1, async ([store]) => {
        const { id } = await store!.saveInbound(inbound('R-RC'));
        await store!.recordReturn(returnInput(id, 'R-RC', '<reply-R-RC@intake.test>'));
        expect((await store!.getReturnRef('R-RC'))!.receiptReceivedAt).toBeNull();
        const at = new Date('2025-03-11T10:00:00Z');
        await store!.updateReturn({ returnNumber: 'R-RC', fromState: 'awaiting_shipment', toState: 'awaiting_shipment', events: [{ actor: 'customer', type: 'receipt_received', at }] });
        const ref = (await store!.getReturnRef('R-RC'))!;
        expect(ref.receiptReceivedAt).toEqual(at);
        expect(ref.inspectedAt).toBeNull();
        expect(ref.returnShippingCost).toBeNull();
        await store!.updateReturn({ returnNumber: 'R-RC', fromState: 'awaiting_shipment', toState: 'awaiting_shipment', events: [], returnShippingCost: 45000 });
        expect((await store!.getReturnRef('R-RC'))!.returnShippingCost).toBe(45000);
      });
    });

    it('lists the live returns of an order that claim their items, oldest first', async () => {
      await withStores(db, 1, async ([store]) => {
        const make = async (n: string, state: RecordReturnInput['state']) => {
          const { id } = await store!.saveInbound(inbound(n));
          await store!.recordReturn({ ...returnInput(id, n, `<q-${n}@t>`), state });
        };
        await make('R-Q1', 'refunded');
        await make('R-Q2', 'awaiting_shipment');
        await make('R-Q3', 'rejected'); // frees its items
        const claimed = await store!.orderReturns('A-1001');
        expect(claimed.map((r) => r.returnNumber)).toEqual(['R-Q1', 'R-Q2']); // oldest first; the rejected one is left out
        expect(claimed[0]).toMatchObject({ reason: null, items: [{ sku: 'SK-1', size: null, quantity: 1, reason: null }] });
        expect(claimed[0]!.createdAt.getTime()).toBeLessThanOrEqual(claimed[1]!.createdAt.getTime());
        expect(await store!.orderReturns('A-NONE')).toEqual([]);
      });
    });

    it('lists what is due: reminders within the lead, expiries, review SLA breaches and overdue refunds', async () => {
      await withStores(db, 1, async ([store]) => {
        const now = new Date('2025-03-10T12:00:00Z');
        const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
        const make = async (n: string, state: RecordReturnInput['state'], deadlines: RecordReturnInput['deadlines']) => {
          const { id } = await store!.saveInbound(inbound(n));
          await store!.recordReturn({ ...returnInput(id, n, `<r-${n}@t>`), state, deadlines });
        };
        await make('R-REMIND', 'awaiting_shipment', { shipBy: hours(20) });
        await make('R-REMINDED', 'awaiting_shipment', { shipBy: hours(20), reminderSentAt: hours(-2) });
        await make('R-EXPIRE', 'awaiting_shipment', { shipBy: hours(-1), reminderSentAt: hours(-25) });
        // Its deadline is this very millisecond, the last of the named day: still the customer's.
        await make('R-AT-DEADLINE', 'awaiting_shipment', { shipBy: now, reminderSentAt: hours(-25) });
        await make('R-LATER', 'awaiting_shipment', { shipBy: hours(72) });
        await make('R-SLA', 'needs_review', { reviewDueAt: hours(-3) });
        await make('R-SLA-SEEN', 'needs_review', { reviewDueAt: hours(-3), reviewBreachedAt: hours(-2) });
        const inspected = async (n: string, state: RecordReturnInput['state'], due: number) =>
          store!.updateReturn({ returnNumber: n, fromState: state, toState: state, events: [{ actor: 'warehouse', type: 'inspection_passed', at: hours(-30) }], refund: { due } });
        await make('R-REFUND', 'received_at_warehouse', { refundDueAt: hours(-1) });
        await inspected('R-REFUND', 'received_at_warehouse', 400_000);
        // Overdue refunds are those on the refunds to pay: an exchange's unpaid return postage, no uninspected return.
        await make('R-POSTAGE', 'exchanged', { refundDueAt: hours(-1) });
        await inspected('R-POSTAGE', 'exchanged', 38_750);
        await make('R-SWAPPED', 'exchanged', { refundDueAt: hours(-1) });
        await make('R-UNINSPECTED', 'received_at_warehouse', { refundDueAt: hours(-1) });
        await make('R-DONE', 'refunded', { refundDueAt: hours(-100) });
        const due = await store!.listDueReturns(now, 50, { reminderHorizon: hours(24) });
        expect(due.map((r) => r.returnNumber).sort()).toEqual(['R-EXPIRE', 'R-POSTAGE', 'R-REFUND', 'R-REMIND', 'R-SLA']);
        expect(due.filter((r) => r.refundOwed).map((r) => r.returnNumber).sort()).toEqual(['R-POSTAGE', 'R-REFUND']);
        expect((await store!.getReturnRef('R-UNINSPECTED'))!.refundOwed).toBe(false);
      });
    });

    it('lists approvals waiting for the shop\'s return address, oldest first, page by page', async () => {
      await withStores(db, 1, async ([store]) => {
        const make = async (n: string, state: RecordReturnInput['state']) => {
          const { id } = await store!.saveInbound(inbound(n));
          await store!.recordReturn({ ...returnInput(id, n, `<r-${n}@t>`), state });
        };
        for (const n of ['R-W1', 'R-W2', 'R-W3']) await make(n, 'approved');
        await make('R-SHIPPING', 'awaiting_shipment');
        await make('R-REVIEW', 'needs_review');
        // Rows made within one millisecond tie on createdAt (then id decides), so the pages are checked as a whole.
        const first = await store!.listWaitingApprovals(2);
        expect(first).toHaveLength(2);
        const rest = await store!.listWaitingApprovals(2, first.at(-1)!.id);
        expect(rest).toHaveLength(1);
        expect([...first, ...rest].map((r) => r.returnNumber).sort()).toEqual(['R-W1', 'R-W2', 'R-W3']);
        expect([...first, ...rest].every((r) => r.state === 'approved')).toBe(true);
        expect(await store!.listWaitingApprovals(2, rest[0]!.id)).toEqual([]);
      });
    });
  });

  describe(`${name}: sign-in lock-out`, () => {
    it('the lock is shared by every UI process on the database and survives a restart', async () => {
      await withStores(db, 2, async ([a, b], url) => {
        const now = new Date('2026-11-20T12:00:00Z');
        const lockA = createLoginLockout(a!.users);
        const lockB = createLoginLockout(b!.users);
        // Failures spread over two processes count as one sequence: five in a row lock the account for everyone.
        for (let i = 0; i < FREE_FAILURES; i++) await (i % 2 === 0 ? lockA : lockB).failed('ada@desk.test', now);
        expect(await lockA.lockedFor('ada@desk.test', now)).toBe(60_000);
        expect(await lockB.lockedFor('ADA@desk.test', now)).toBe(60_000);
        expect(await lockB.lockedFor('sam@desk.test', now)).toBe(0);
        // Counted at once from both: no failure is lost to a read-modify-write race.
        await Promise.all([lockA.failed('sam@desk.test', now), lockB.failed('sam@desk.test', now), lockA.failed('sam@desk.test', now)]);
        expect((await a!.users.loginFailures(accountKey('sam@desk.test')))?.failures).toBe(3);

        const restarted = await openStore(url);
        try {
          const lockC = createLoginLockout(restarted.users);
          expect(await lockC.lockedFor('ada@desk.test', new Date(now.getTime() + 30_000))).toBe(30_000);
          await lockC.succeeded('ada@desk.test');
          expect(await lockA.lockedFor('ada@desk.test', now)).toBe(0);
        } finally {
          await restarted.close();
        }
      });
    });

    it('forgets failures quiet for a day, never a running lock', async () => {
      await withStores(db, 1, async ([store]) => {
        const now = new Date('2026-11-20T12:00:00Z');
        const later = new Date(now.getTime() + 25 * 3_600_000);
        const { users } = store!;
        await users.countLoginFailure('quiet', now, new Date(0));
        await users.countLoginFailure('locked', now, new Date(0));
        await users.lockLogin('locked', new Date(later.getTime() + 60_000));
        await users.countLoginFailure('new', later, new Date(later.getTime() - 24 * 3_600_000));
        expect(await users.loginFailures('quiet')).toBeNull();
        expect(await users.loginFailures('locked')).toMatchObject({ failures: 1 });
        expect(await users.loginFailures('new')).toEqual({ failures: 1, lockedUntil: null });
      });
    });
  });

  describe(`${name}: dashboard`, () => {
    // Days of the intake chart are the shop's days. SQLite shifted every stored moment by the offset in force
    // "now", so an hour next to midnight on the other side of a DST change was counted on the neighbouring day.
    const CHANGES = [
      { timeZone: 'America/New_York', at: '2026-03-08T07:00:00Z' },
      { timeZone: 'Europe/Berlin', at: '2026-03-29T01:00:00Z' },
      { timeZone: 'Europe/Berlin', at: '2026-10-25T01:00:00Z' },
    ];
    it.each(CHANGES)("the dashboard's DST hour: intake per day across the change of $timeZone at $at follows the shop's clock", async ({ timeZone, at }) => {
      const change = Date.parse(at);
      const now = new Date(change + 5 * 86_400_000);
      // Every 97 minutes for four days either side: each hour of the day, near midnight included, on both offsets.
      const moments = Array.from({ length: 119 }, (_, i) => new Date(change - 4 * 86_400_000 + i * 97 * 60_000));
      const url = await db.freshUrl();
      // Opening the store creates the schema; the rows are written with their own arrival times.
      const store = await openStore(url, { statsCacheMs: 0, timeZone });
      try {
        await withRawClient(url, (raw) =>
          raw.returnRequest.createMany({
            data: moments.map((createdAt, i) => ({
              returnNumber: `R-DST-${String(i).padStart(4, '0')}`,
              state: 'needs_review',
              language: 'ru',
              application: { source: 'x', fields: {}, items: [], problems: [] },
              decision: { status: 'needs_review', state: 'needs_review', reasons: [] },
              createdAt,
            })),
          }),
        );
        const stats = await store.dashboard.statsUncached(now, 12);
        const want = new Map<string, number>();
        for (const moment of moments) want.set(isoDay(moment, timeZone), (want.get(isoDay(moment, timeZone)) ?? 0) + 1);
        expect(stats.intakePerDay.filter((d) => d.count > 0)).toEqual([...want].map(([day, count]) => ({ day, count })));
        // The data holds moments whose day the offset of "now" gets wrong, so the check above can fail.
        const nowOffset = utcOffsetMinutes(now, timeZone) * 60_000;
        expect(moments.some((m) => new Date(m.getTime() + nowOffset).toISOString().slice(0, 10) !== isoDay(m, timeZone))).toBe(true);
      } finally {
        await store.close();
      }
    });
    // The tiles counted every return at the warehouse, inspected or not, and no exchange's unpaid return postage,
    // so they could differ from the refunds-to-pay list they link to.
    it("the dashboard's refund figures: the same refunds as the refunds to pay, an exchange's unpaid postage counted, no uninspected return", async () => {
      await withStores(db, 1, async ([store]) => {
        const now = new Date('2025-03-10T12:00:00Z');
        const days = (d: number) => new Date(now.getTime() + d * 86_400_000);
        const inspected = { actor: 'warehouse', type: 'inspection_passed', at: days(-2) } as const;
        const make = async (n: string, state: RecordReturnInput['state'], refundDueAt: Date, change: { due?: number; inspected?: boolean; exchangeOnly?: boolean }) => {
          const { id } = await store!.saveInbound(inbound(n));
          const input = returnInput(id, n, `<d-${n}@t>`);
          const exchange = change.exchangeOnly ? { exchange: [{ sku: 'SK-1', quantity: 1 }] } : {};
          await store!.recordReturn({
            ...input,
            state,
            application: change.exchangeOnly ? { ...input.application, items: [] } : input.application,
            decision: { ...input.decision, ...exchange } as RecordReturnInput['decision'],
            deadlines: { refundDueAt },
          });
          await store!.updateReturn({
            returnNumber: n,
            fromState: state,
            toState: state,
            events: change.inspected ? [inspected] : [],
            ...(change.due !== undefined ? { refund: { due: change.due } } : {}),
          });
        };
        await make('R-OWED-LATE', 'received_at_warehouse', days(-1), { due: 400_000, inspected: true });
        await make('R-OWED', 'received_at_warehouse', days(3), { due: 250_000, inspected: true });
        await make('R-POSTAGE', 'exchanged', days(-1), { due: 38_750, inspected: true, exchangeOnly: true });
        await make('R-UNINSPECTED', 'received_at_warehouse', days(-1), { due: 300_000 });
        await make('R-SWAP-ONLY', 'received_at_warehouse', days(-1), { due: 0, inspected: true, exchangeOnly: true });
        await make('R-SWAPPED', 'exchanged', days(-1), { due: 0, inspected: true, exchangeOnly: true });

        const list = await store!.listRefundsDue();
        expect(list.map((r) => r.returnNumber).sort()).toEqual(['R-OWED', 'R-OWED-LATE', 'R-POSTAGE']);
        const overdue = list.filter((r) => r.dueAt! < now);
        const sum = (rows: typeof list) => rows.reduce((total, r) => total + (r.amount ?? 0), 0);
        const totals = await store!.refundTotals(now, '2025-03-01');
        expect(totals).toMatchObject({ dueCount: list.length, dueAmount: sum(list), overdueCount: overdue.length, overdueAmount: sum(overdue) });
        expect((await store!.dashboard.statsUncached(now, 30)).refunds).toEqual({ due: list.length, overdue: overdue.length });
      });
    });
  });

  describe(`${name}: performance`, () => {
    it('lists and counts 10,000 returns quickly', async () => {
      await withStores(db, 1, async ([store], url) => {
        const states = ['needs_review', 'awaiting_shipment', 'rejected', 'refunded'] as const;
        await withRawClient(url, async (raw) => {
          const base = Date.parse('2025-01-01T00:00:00Z');
          const rows = Array.from({ length: 10_000 }, (_, i) => ({
            returnNumber: `R-P-${String(i).padStart(6, '0')}`,
            state: states[i % states.length]!,
            language: 'ru',
            application: { source: 'x', fields: {}, items: [], problems: [] },
            decision: { status: 'needs_review', state: 'needs_review', reasons: [] },
            createdAt: new Date(base + i * 60_000),
          }));
          for (let i = 0; i < rows.length; i += 2_000) await raw.returnRequest.createMany({ data: rows.slice(i, i + 2_000) });
        });
        const t0 = performance.now();
        const page = await store!.listReturns({ state: 'needs_review', limit: 50 });
        const all = await store!.listReturns({ limit: 50 });
        const counts = await store!.countReturnsByState();
        const elapsed = performance.now() - t0;
        expect(page).toHaveLength(50);
        expect(page[0]!.returnNumber).toBe('R-P-009996'); // newest first
        expect(all[0]!.returnNumber).toBe('R-P-009999');
        expect(counts).toEqual({ needs_review: 2_500, awaiting_shipment: 2_500, rejected: 2_500, refunded: 2_500 });
        console.log(`${name}: listReturns x2 + countReturnsByState on 10,000 rows: ${elapsed.toFixed(1)} ms`);
      });
    });
  });
}
