// The whole service against a real Dovecot (IMAP, IDLE) and a real SMTP sink: mail is delivered by IMAP APPEND,
// the worker picks it up, records it, replies through SMTP, and flags or moves it only after the commit.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { TEST_POLICY_FILE } from '../../support/test-policy.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { createPrismaClient } from '../../../src/adapters/db/prisma-client.ts';
import { createMimeParser } from '../../../src/adapters/mime/create-mime-parser.ts';
import { loadConfig } from '../../../src/config.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import { startWorker } from '../../../src/pipeline/work/run-worker.ts';
import { startDovecot, type DovecotServer } from '../../support/dovecot-server.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { applicationMail, waitUntil } from './imap-mail-builders.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/mail/${name}`, import.meta.url));
const parser = createMimeParser();

let dovecot: DovecotServer;
let sink: SmtpSink;
const dir = mkdtempSync(path.join(tmpdir(), 'ri-imap-'));

beforeAll(async () => {
  dovecot = await startDovecot();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.stop();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function imapClient(user: string): Promise<ImapFlow> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user, pass: 'secret' }, logger: false });
  await client.connect();
  return client;
}

async function startService(user: string, extra: Record<string, string> = {}) {
  await dovecot.addUser(user, 'secret');
  const databaseUrl = `file:${path.join(dir, `${user}.db`)}`;
  const config = loadConfig({
    POLICY_FILE: TEST_POLICY_FILE,
    DATA_DIR: path.join(dir, user),
    DATABASE_URL: databaseUrl,
    IMAP_URL: dovecot.url(user),
    SMTP_URL: sink.url,
    MAIL_FROM: 'Returns desk <info@shop.example>',
    POLL_SECONDS: '30', // IDLE must do the waking; polling this slowly would miss every latency target
    LOG_LEVEL: 'silent',
    OCR_WORKERS: '1',
    ...extra,
  });
  const runtime: Runtime = await createRuntime(config, { lazyOcr: true });
  const worker = startWorker(runtime.deps, { pollSeconds: config.pollSeconds });
  const db = createPrismaClient(parseDatabaseUrl(databaseUrl));
  return {
    runtime,
    db,
    async stop() {
      await worker.stop();
      await runtime.close();
      await db.$disconnect();
    },
  };
}

describe('IMAP intake with \\Seen marking', () => {
  it('replies to an appended application through SMTP, threaded, and flags it \\Seen after the commit', async () => {
    const service = await startService('seen');
    const client = await imapClient('seen');
    try {
      // Give the worker a moment to connect and enter IDLE, so this measures push, not start-up.
      await new Promise((r) => setTimeout(r, 1500));
      const before = sink.messages.length;
      const appendedAt = Date.now();
      await client.append('INBOX', applicationMail({ n: 1, from: 'ivan.petrov@example.ru' }));
      await sink.waitFor(before + 1, 20_000);
      const latency = sink.messages[before]!.at - appendedAt;
      // POLL_SECONDS is 30: only IDLE explains a reply within seconds.
      expect(latency).toBeLessThan(10_000);

      const reply = await parser.parse(sink.messages[before]!.raw);
      // Our own address rides in the envelope only: the copy that proves the send (docs/mailboxes.md, Send).
      expect(sink.messages[before]!.to).toEqual(['ivan.petrov@example.ru', 'info@shop.example']);
      expect(reply.inReplyTo).toBe('<app-1@example.ru>');
      expect(reply.references).toContain('<app-1@example.ru>');
      expect(reply.subject).toMatch(/^Re: .*\[R-[0-9A-Z]{4}-[0-9A-Z]{4}\]/);
      expect(reply.headers['auto-submitted']).toBe('auto-replied');
      expect(reply.messageId).toMatch(/@shop\.example>$/);

      const inbound = await service.db.inboundMessage.findMany({ select: { state: true, mailboxKey: true, mailboxId: true } });
      expect(inbound).toHaveLength(1);
      expect(inbound[0]!.state).toBe('processed');
      expect(inbound[0]!.mailboxId).toBe(`imap://seen@127.0.0.1:${dovecot.port}/INBOX`);
      expect(await service.db.returnRequest.count()).toBe(1);
      await waitUntil(async () => (await service.db.mailboxMessage.count()) === 1, 5000);

      await client.mailboxOpen('INBOX');
      const [message] = await client.fetchAll('1:*', { uid: true, flags: true });
      expect([...(message!.flags ?? [])]).toContain('\\Seen');
    } finally {
      await client.logout();
      await service.stop();
    }
  });

  it('answers none of the loop cases, records a bounce against our reply, and never answers old backlog mail', async () => {
    const service = await startService('loops', { HARD_BOUNCE_LIMIT: '1' });
    const client = await imapClient('loops');
    try {
      // A reply of ours to bounce: one application first.
      const before = sink.messages.length;
      await client.append('INBOX', applicationMail({ n: 2, from: 'dead@example.ru' }));
      await sink.waitFor(before + 1, 20_000);
      const ourReply = await parser.parse(sink.messages[before]!.raw);

      const bounce = fixture('bounce-multipart-report.eml')
        .toString('latin1')
        .replace('<ri.deadbeef@shop.example>', ourReply.messageId!)
        .replace('nobody@example.ru', 'dead@example.ru');
      const list = applicationMail({ n: 3, from: 'news@example.ru', headers: { 'List-Id': '<news.example.ru>' } });
      const precedence = applicationMail({ n: 4, from: 'bulk@example.ru', headers: { Precedence: 'bulk' } });
      // Backlog: delivered to the mailbox ten days ago (IMAP INTERNALDATE), found only now.
      const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600_000);
      const old = applicationMail({ n: 5, from: 'old@example.ru', date: tenDaysAgo });
      const own = applicationMail({ n: 6, from: 'info@shop.example', messageId: '<ri.loop@shop.example>' });
      for (const raw of [fixture('auto-reply-ooo.eml'), Buffer.from(bounce, 'latin1'), list, precedence, own]) await client.append('INBOX', raw);
      await client.append('INBOX', old, [], tenDaysAgo);
      // After the bounce, dead@ is blocked (limit 1): a second application from it is recorded without a reply.
      await waitUntil(async () => (await service.db.outboundMessage.count({ where: { bouncedAt: { not: null } } })) === 1, 20_000);
      await client.append('INBOX', applicationMail({ n: 7, from: 'dead@example.ru' }));
      await waitUntil(async () => (await service.db.inboundMessage.count({ where: { state: { in: ['processed', 'ignored', 'needs_attention'] } } })) === 8, 20_000);
      await new Promise((r) => setTimeout(r, 1000));

      expect(sink.messages.length - before).toBe(1);
      const states = await service.db.inboundMessage.findMany({ select: { messageId: true, state: true, stateReason: true } });
      const byId = new Map(states.map((s) => [s.messageId, s]));
      expect(byId.get('<app-3@example.ru>')!.state).toBe('ignored');
      expect(byId.get('<app-4@example.ru>')!.state).toBe('ignored');
      expect(byId.get('<ri.loop@shop.example>')!.state).toBe('ignored');
      const bounced = await service.db.outboundMessage.findFirst({ where: { messageId: ourReply.messageId! } });
      expect(bounced!.bounceStatus).toBe('5.1.1');
      const events = await service.db.returnEvent.findMany({ where: { type: 'reply_suppressed' }, select: { reason: true } });
      expect(events.map((e) => e.reason).sort()).toEqual(['recipient_blocked', 'too_old']);
    } finally {
      await client.logout();
      await service.stop();
    }
  });
});

describe('IMAP intake with folders', () => {
  it('moves answered mail to Processed and mail for a person to Needs-attention', async () => {
    const service = await startService('folders', { IMAP_MARK: 'move' });
    const client = await imapClient('folders');
    try {
      await client.append('INBOX', applicationMail({ n: 10, from: 'anna@example.ru' }));
      await client.append('INBOX', applicationMail({ n: 11, from: 'petr@example.ru', body: 'Добрый день! Когда откроется новый магазин?', subject: 'Вопрос' }));
      await client.append('INBOX', fixture('apple-inline-pdf.eml'));
      await waitUntil(async () => (await service.db.mailboxMessage.count()) === 3, 30_000);
      const inbox = await client.status('INBOX', { messages: true });
      const processed = await client.status('Processed', { messages: true });
      const attention = await client.status('Needs-attention', { messages: true });
      expect(inbox && inbox.messages).toBe(0);
      expect(processed && processed.messages).toBe(2);
      expect(attention && attention.messages).toBe(1);
    } finally {
      await client.logout();
      await service.stop();
    }
  });
});
