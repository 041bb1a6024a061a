// DeliveryStore (IMAP ledger, leases, bounces, reply counts, stale-claim recovery) on a SQLite file and on a
// private PostgreSQL: the same queries must behave alike on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeliveryStore } from '../../../src/adapters/db/delivery-store.ts';
import { openStore, type DbStore } from '../../../src/adapters/db/open-store.ts';
import type { DeliveryStore } from '../../../src/domain/ports/delivery-store.ts';
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server.ts';

let server: PostgresServer | undefined;
const dir = mkdtempSync(path.join(tmpdir(), 'ri-delivery-'));
beforeAll(async () => {
  server = await startPostgresServer();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
const providers: Array<[string, () => Promise<string>]> = [
  ['sqlite', async () => `file:${path.join(dir, `d${++counter}.db`)}`],
  ['postgresql', async () => server!.createDatabase(`delivery_${process.pid}_${++counter}`)],
];

describe.each(providers)('%s: delivery store', (_name, freshUrl) => {
  async function open(): Promise<{ store: DbStore; delivery: DeliveryStore & { close(): Promise<void> } }> {
    const url = await freshUrl();
    const store = await openStore(url);
    return { store, delivery: await openDeliveryStore(url) };
  }

  it('knows stored and marked keys, and lists committed messages left unmarked', async () => {
    const { store, delivery } = await open();
    try {
      const inbound = async (key: string, messageId: string) =>
        store.saveInbound({ mailboxId: 'imap://a@h/INBOX', mailboxKey: key, messageId, sha256: key, raw: Buffer.from(key), receivedAt: new Date() });
      const a = await inbound('7:1', '<a@x>');
      await inbound('7:2', '<b@x>');
      await delivery.recordMarked({ mailboxId: 'imap://a@h/INBOX', mailboxKey: '7:3', disposition: 'duplicate', at: new Date() });
      const known = await delivery.knownKeys('imap://a@h/INBOX', ['7:1', '7:2', '7:3', '7:4']);
      expect([...known].sort()).toEqual(['7:1', '7:2', '7:3']);
      expect(await delivery.knownKeys('imap://other@h/INBOX', ['7:1'])).toEqual(new Set());
      expect(await delivery.storedMessageIds(['<a@x>', '<zzz@x>'])).toEqual(new Set(['<a@x>']));

      expect(await delivery.listUnmarked('imap://a@h/INBOX', 10)).toEqual([]);
      await store.claimInbound(a.id);
      await store.finishInbound(a.id, 'needs_attention', 'not an application');
      expect(await delivery.listUnmarked('imap://a@h/INBOX', 10)).toEqual([{ mailboxKey: '7:1', state: 'needs_attention' }]);
      await delivery.recordMarked({ mailboxId: 'imap://a@h/INBOX', mailboxKey: '7:1', disposition: 'needs_attention', at: new Date() });
      await delivery.recordMarked({ mailboxId: 'imap://a@h/INBOX', mailboxKey: '7:1', disposition: 'needs_attention', at: new Date() });
      expect(await delivery.listUnmarked('imap://a@h/INBOX', 10)).toEqual([]);
    } finally {
      await delivery.close();
      await store.close();
    }
  });

  it('gives a lease to one owner at a time until it expires or is released', async () => {
    const { store, delivery } = await open();
    try {
      const t0 = new Date('2030-01-01T00:00:00Z');
      const results = await Promise.all(['w1', 'w2', 'w3'].map((w) => delivery.acquireLease('poll:x', w, 30_000, t0)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const holder = ['w1', 'w2', 'w3'][results.indexOf(true)]!;
      const other = holder === 'w1' ? 'w2' : 'w1';
      expect(await delivery.acquireLease('poll:x', holder, 30_000, new Date(t0.getTime() + 10_000))).toBe(true);
      expect(await delivery.acquireLease('poll:x', other, 30_000, new Date(t0.getTime() + 20_000))).toBe(false);
      expect(await delivery.acquireLease('poll:x', other, 30_000, new Date(t0.getTime() + 41_000))).toBe(true);
      await delivery.releaseLease('poll:x', other);
      expect(await delivery.acquireLease('poll:x', holder, 30_000, new Date(t0.getTime() + 42_000))).toBe(true);
    } finally {
      await delivery.close();
      await store.close();
    }
  });

  it('marks a bounced reply, blocks after N hard bounces, counts replies per recipient, releases stale claims', async () => {
    const { store, delivery } = await open();
    try {
      const saved = await store.saveInbound({ mailboxId: 'm', mailboxKey: 'k', messageId: '<c@x>', sha256: 's', raw: Buffer.from('x'), receivedAt: new Date() });
      const at = new Date();
      expect(await delivery.recordBounce({ originalMessageId: '<none@x>', recipient: 'Dead@Example.ru', status: '5.1.1', hard: true, at }, 2)).toEqual({ outboundFound: false, blocked: false });
      expect(await delivery.isBlocked('dead@example.ru')).toBe(false);
      expect(await delivery.recordBounce({ recipient: 'dead@example.ru', status: '4.2.2', hard: false, at }, 2)).toEqual({ outboundFound: false, blocked: false });
      expect(await delivery.recordBounce({ recipient: 'dead@example.ru', status: '5.1.1', hard: true, at }, 2)).toEqual({ outboundFound: false, blocked: true });
      expect(await delivery.isBlocked('DEAD@example.ru')).toBe(true);
      expect(await delivery.countRepliesSince('dead@example.ru', new Date(0))).toBe(0);
      // The mailbox has been read since its first stored message; another mailbox never.
      const since = await delivery.mailboxWatchedSince('m');
      expect(since).toBeInstanceOf(Date);
      expect(Math.abs(since!.getTime() - Date.now())).toBeLessThan(60_000);
      expect(await delivery.mailboxWatchedSince('never-read')).toBeNull();

      await store.claimInbound(saved.id);
      expect(await delivery.releaseStaleProcessing(new Date(Date.now() - 60_000))).toEqual([]);
      expect(await delivery.releaseStaleProcessing(new Date(Date.now() + 1000))).toEqual([saved.id]);
      expect(await store.listInboundIds(['received'], 10)).toEqual([saved.id]);

      // By the claimant's lease: a live lease keeps the claim, an expired or missing one (or a dead process) frees it.
      const now = new Date();
      await delivery.acquireLease('worker:w-live', 'w-live', 60_000, now);
      await delivery.acquireLease('worker:w-expired', 'w-expired', 1, new Date(now.getTime() - 60_000));
      const claims: Record<string, string> = {};
      for (const claimant of ['w-live', 'w-expired', 'w-missing', 'w-dead']) {
        const row = await store.saveInbound({ mailboxId: 'm', mailboxKey: claimant, messageId: `<${claimant}@x>`, sha256: claimant, raw: Buffer.from(claimant), receivedAt: now });
        await store.claimInbound(row.id, claimant === 'w-dead' ? 'w-live-but-dead' : claimant);
        claims[claimant] = row.id;
      }
      await delivery.acquireLease('worker:w-live-but-dead', 'w-live-but-dead', 60_000, now);
      const released = await delivery.releaseOrphanedProcessing(now, (claimant) => claimant === 'w-live-but-dead');
      expect(released.sort()).toEqual([claims['w-expired']!, claims['w-missing']!, claims['w-dead']!].sort());
      expect(await store.listInboundIds(['processing'], 10)).toEqual([claims['w-live']]);
    } finally {
      await delivery.close();
      await store.close();
    }
  });
});
