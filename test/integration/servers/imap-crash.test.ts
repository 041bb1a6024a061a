// SIGKILL the worker in the middle of a batch and start it again: every message ends processed exactly once,
// with exactly one reply each. The worker is a separate process (bench/imap-worker.ts) so the kill is real.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/adapters/db/database-target.ts';
import { createPrismaClient } from '../../../src/adapters/db/prisma-client.ts';
import { createMimeParser } from '../../../src/adapters/mime/create-mime-parser.ts';
import { startDovecot, type DovecotServer } from '../../support/dovecot-server.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { applicationMail, waitUntil } from './imap-mail-builders.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MESSAGES = 60;

let dovecot: DovecotServer;
let sink: SmtpSink;
const dir = mkdtempSync(path.join(tmpdir(), 'ri-crash-'));
beforeAll(async () => {
  dovecot = await startDovecot();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.stop();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/imap-worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

it(`SIGKILL mid-batch and restart: ${MESSAGES} messages, each recorded once and answered once`, async () => {
  await dovecot.addUser('crash', 'secret');
  const databaseUrl = `file:${path.join(dir, 'crash.db')}`;
  const env = {
    DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    IMAP_URL: dovecot.url('crash'),
    SMTP_URL: sink.url,
    MAIL_FROM: 'Returns desk <info@shop.example>',
    LOG_LEVEL: 'silent',
    OCR_WORKERS: '1',
    POLL_SECONDS: '1',
    // The restarted worker must not wait out the dead one's lease and claims for minutes.
    MAILBOX_LEASE_SECONDS: '2',
    PROCESSING_TIMEOUT_SECONDS: '2',
  };
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: 'crash', pass: 'secret' }, logger: false });
  await client.connect();
  const db = createPrismaClient(parseDatabaseUrl(databaseUrl));
  let worker = await startWorkerProcess(env);
  try {
    for (let n = 1; n <= MESSAGES; n++) await client.append('INBOX', applicationMail({ n, from: `customer${n}@example.ru` }));
    await sink.waitFor(10, 60_000);
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    const atKill = sink.messages.length;
    expect(atKill).toBeLessThan(MESSAGES);

    worker = await startWorkerProcess(env);
    await waitUntil(async () => (await db.inboundMessage.count({ where: { state: 'processed' } })) === MESSAGES, 120_000, 'all processed');
    await waitUntil(async () => (await db.outboundMessage.count({ where: { state: 'sent' } })) === MESSAGES, 60_000, 'all sent');
    await new Promise((r) => setTimeout(r, 1500));

    expect(await db.inboundMessage.count()).toBe(MESSAGES);
    expect(await db.returnRequest.count()).toBe(MESSAGES);
    const parser = createMimeParser();
    const replies = await Promise.all(sink.messages.map((m) => parser.parse(m.raw)));
    const answered = new Set(replies.map((r) => r.inReplyTo));
    for (let n = 1; n <= MESSAGES; n++) expect(answered.has(`<app-${n}@example.ru>`)).toBe(true);
    // One reply per message: never a second, different reply. A kill in the milliseconds between the SMTP server's
    // 250 and the database's `sent` resends that one reply byte for byte, same Message-ID (docs/mailboxes.md):
    // at most one such resend per kill.
    expect(new Set(replies.map((r) => r.messageId)).size).toBe(MESSAGES);
    expect(sink.messages.length - MESSAGES).toBeLessThanOrEqual(1);

    await waitUntil(async () => (await db.mailboxMessage.count()) === MESSAGES, 90_000, 'all marked');
    await client.mailboxOpen('INBOX');
    const flags = await client.fetchAll('1:*', { uid: true, flags: true });
    expect(flags.length).toBe(MESSAGES);
    expect(flags.filter((m) => m.flags?.has('\\Seen')).length).toBe(MESSAGES);
  } finally {
    worker.kill('SIGTERM');
    await client.logout();
    await db.$disconnect();
  }
});
