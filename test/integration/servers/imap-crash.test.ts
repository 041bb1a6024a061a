// SIGKILL the worker in the middle of a batch and start it again: every message ends processed exactly once,
// with exactly one reply each, delivered exactly once. The worker is a separate process (bench/imap-worker.ts) so
// the kill is real. One run kills it at the worst moment for the outbox (the SMTP server has the reply, the worker
// has not heard the 250 yet), one after a number of replies, wherever the worker happens to be.
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
import { startSmtpSink } from '../../support/smtp-sink.ts';
import { applicationMail, waitUntil } from './imap-mail-builders.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MESSAGES = 60;

let dovecot: DovecotServer;
const dir = mkdtempSync(path.join(tmpdir(), 'ri-crash-'));
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const OUR_ADDRESS = 'info@shop.example';
/** Replies at the sink when the worker is killed. */
const KILL_AT = 10;

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

async function crashAndRestart(user: string, killWhen: 'smtp_window' | 'after_replies') {
  await dovecot.addUser(user, 'secret');
  let worker: ChildProcess | undefined;
  const sink = await startSmtpSink({
    // Our own mailbox: the MTA delivers the reply's copy there, where the worker reads it back.
    localMailboxes: { [OUR_ADDRESS]: (raw) => dovecot.append(user, raw) },
    // The message is accepted and on its way to the customer; the worker dies before it hears the 250.
    onAccepted: (_message, count) => {
      if (killWhen === 'smtp_window' && count === KILL_AT) worker?.kill('SIGKILL');
    },
  });
  const databaseUrl = `file:${path.join(dir, `${user}.db`)}`;
  const env = {
    DATA_DIR: path.join(dir, user),
    DATABASE_URL: databaseUrl,
    IMAP_URL: dovecot.url(user),
    SMTP_URL: sink.url,
    MAIL_FROM: `Returns desk <${OUR_ADDRESS}>`,
    LOG_LEVEL: 'silent',
    OCR_WORKERS: '1',
    POLL_SECONDS: '1',
    // The restarted worker must not wait out the dead one's lease and claims for minutes.
    MAILBOX_LEASE_SECONDS: '2',
    PROCESSING_TIMEOUT_SECONDS: '2',
    // A send cut off before the SMTP server had the message leaves no copy: resent after this, not 5 minutes.
    REPLY_RESEND_AFTER_SECONDS: '15',
  };
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user, pass: 'secret' }, logger: false });
  await client.connect().catch(async (error: Error & { responseText?: string; authenticationFailed?: boolean }) => {
    throw new Error(`IMAP login as ${user} failed: ${error.responseText ?? error.message}\n${await dovecot.log()}`, { cause: error });
  });
  const db = createPrismaClient(parseDatabaseUrl(databaseUrl));
  worker = await startWorkerProcess(env);
  try {
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    for (let n = 1; n <= MESSAGES; n++) {
      await client.append('INBOX', applicationMail({ n, from: `customer${n}@example.ru` })).catch(async (error: Error & { responseText?: string }) => {
        throw new Error(`APPEND ${n} failed: ${error.responseText ?? error.message}\n${await dovecot.log()}`, { cause: error });
      });
    }
    await sink.waitFor(KILL_AT, 60_000);
    if (killWhen === 'after_replies') worker.kill('SIGKILL');
    await exited;
    const atKill = sink.messages.length;
    expect(atKill).toBeLessThan(MESSAGES);
    // Replies the kill left between "sending" and "sent": each must be confirmed by its copy, or resent if it had none.
    const stranded = await db.outboundMessage.count({ where: { state: 'sending' } });
    if (killWhen === 'smtp_window') expect(stranded).toBe(1);

    worker = await startWorkerProcess(env);
    await waitUntil(async () => (await db.inboundMessage.count({ where: { state: 'processed' } })) === MESSAGES, 120_000, 'all processed');
    await waitUntil(async () => (await db.outboundMessage.count({ where: { state: 'sent' } })) === MESSAGES, 60_000, 'all sent');
    // Every copy of our replies is read back and ignored as our own message (never answered: no loop).
    await waitUntil(async () => (await db.inboundMessage.count({ where: { state: 'ignored' } })) === MESSAGES, 60_000, 'all copies ingested');
    await sink.settled();

    expect(await db.inboundMessage.count()).toBe(2 * MESSAGES);
    expect(await db.returnRequest.count()).toBe(MESSAGES);
    expect(await db.inboundMessage.count({ where: { state: 'ignored', stateReason: 'own_message' } })).toBe(MESSAGES);
    const parser = createMimeParser();
    const replies = await Promise.all(sink.messages.map((m) => parser.parse(m.raw)));
    const answered = new Set(replies.map((r) => r.inReplyTo));
    for (let n = 1; n <= MESSAGES; n++) expect(answered.has(`<app-${n}@example.ru>`)).toBe(true);
    // Exactly one delivery per reply: no customer got anything twice, not even the reply the kill interrupted.
    expect(sink.messages.length).toBe(MESSAGES);
    expect(new Set(replies.map((r) => r.messageId)).size).toBe(MESSAGES);
    for (let n = 1; n <= MESSAGES; n++) {
      expect(sink.messages.filter((m) => m.to.includes(`customer${n}@example.ru`)).length).toBe(1);
    }
    // Our copy rides in the envelope only: the customer sees no trace of it in the headers.
    expect(sink.messages.every((m) => m.to.length === 2 && m.to[1] === OUR_ADDRESS)).toBe(true);
    expect(replies.every((r) => r.to.length === 1 && r.to[0]!.address !== OUR_ADDRESS && !r.headers['bcc'])).toBe(true);
    expect(sink.local).toEqual({ delivered: MESSAGES, failed: 0 });

    await waitUntil(async () => (await db.mailboxMessage.count()) === 2 * MESSAGES, 90_000, 'all marked');
    await client.mailboxOpen('INBOX');
    const flags = await client.fetchAll('1:*', { uid: true, flags: true });
    expect(flags.length).toBe(2 * MESSAGES);
    expect(flags.filter((m) => m.flags?.has('\\Seen')).length).toBe(2 * MESSAGES);
    console.log(`[imap-crash ${killWhen}] replies at kill: ${atKill}, left sending: ${stranded}, deliveries: ${sink.messages.length} for ${MESSAGES} replies`);
  } finally {
    worker?.kill('SIGTERM');
    await client.logout();
    await db.$disconnect();
    await sink.stop();
  }
}

it(`SIGKILL between the SMTP server accepting a reply and its 250: ${MESSAGES} messages, each answered exactly once`, { timeout: 240_000 }, async () => {
  await crashAndRestart('crash-window', 'smtp_window');
});

it(`SIGKILL after ${KILL_AT} replies and restart: ${MESSAGES} messages, each recorded once and answered exactly once`, { timeout: 240_000 }, async () => {
  await crashAndRestart('crash-later', 'after_replies');
});
