// IMAP targets, measured: IDLE pickup latency (APPEND → reply at the SMTP sink, p50/p95) and 500 messages
// appended at once (time until every reply arrived, records and replies counted). Starts its own Dovecot and
// SMTP sink and runs the worker as a separate process, as in production.
//   npx tsx bench/imap-bench.ts [--latency N] [--burst N] [--postgres]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { parseDatabaseUrl } from '../src/adapters/db/database-target.ts';
import { createPrismaClient } from '../src/adapters/db/prisma-client.ts';
import { createMimeParser } from '../src/adapters/mime/create-mime-parser.ts';
import { startDovecot } from '../test/support/dovecot-server.ts';
import { startPostgresServer, type PostgresServer } from '../test/support/postgres-server.ts';
import { startSmtpSink } from '../test/support/smtp-sink.ts';
import { applicationMail, waitUntil } from '../test/integration/servers/imap-mail-builders.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const LATENCY_SAMPLES = arg('--latency', 20);
const BURST = arg('--burst', 500);
const usePostgres = process.argv.includes('--postgres');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/imap-worker.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'ri-imap-bench-'));
const dovecot = await startDovecot();
const sink = await startSmtpSink();
let pg: PostgresServer | undefined;
let worker: ChildProcess | undefined;
try {
  await dovecot.addUser('bench', 'secret');
  if (usePostgres) pg = await startPostgresServer();
  const databaseUrl = pg ? await pg.createDatabase('imap_bench') : `file:${path.join(dir, 'bench.db')}`;
  worker = await startWorker({
    DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    IMAP_URL: dovecot.url('bench'),
    SMTP_URL: sink.url,
    MAIL_FROM: 'Returns desk <info@shop.example>',
    LOG_LEVEL: 'warn',
    OCR_WORKERS: '1',
    POLL_SECONDS: '30', // so that a fast pickup can only be IDLE
  });
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: 'bench', pass: 'secret' }, logger: false });
  await client.connect();
  await new Promise((r) => setTimeout(r, 2000));

  const latencies: number[] = [];
  for (let n = 1; n <= LATENCY_SAMPLES; n++) {
    const before = sink.messages.length;
    const t0 = Date.now();
    await client.append('INBOX', applicationMail({ n, from: `latency${n}@example.ru` }));
    await sink.waitFor(before + 1, 30_000);
    latencies.push(sink.messages[before]!.at - t0);
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`IDLE pickup → reply at sink over ${LATENCY_SAMPLES} messages: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms`);

  const base = sink.messages.length;
  const t0 = Date.now();
  // Appended as fast as the server takes them, one APPEND each, while the worker is running.
  for (let n = 1; n <= BURST; n++) await client.append('INBOX', applicationMail({ n: 10_000 + n, from: `burst${n}@example.ru` }));
  const appended = Date.now() - t0;
  await sink.waitFor(base + BURST, 15 * 60_000);
  const total = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 3000));

  const db = createPrismaClient(parseDatabaseUrl(databaseUrl));
  const expected = LATENCY_SAMPLES + BURST;
  await waitUntil(async () => (await db.mailboxMessage.count()) >= expected, 60_000).catch(() => undefined);
  const records = await db.returnRequest.count();
  const inbound = await db.inboundMessage.count();
  const marked = await db.mailboxMessage.count();
  const parser = createMimeParser();
  const replies = await Promise.all(sink.messages.map((m) => parser.parse(m.raw)));
  const distinctAnswered = new Set(replies.map((r) => r.inReplyTo)).size;
  await db.$disconnect();
  await client.logout();
  console.log(`${BURST} messages: appended in ${(appended / 1000).toFixed(1)} s, all replies at the sink after ${(total / 1000).toFixed(1)} s (${((BURST * 1000) / total).toFixed(1)} msg/s)`);
  console.log(`database: ${inbound} inbound, ${records} returns, ${marked} marked in the mailbox (expected ${expected} each)`);
  console.log(`sink: ${sink.messages.length} replies, ${distinctAnswered} distinct In-Reply-To, ${new Set(replies.map((r) => r.messageId)).size} distinct Message-IDs`);
  console.log(`database: ${usePostgres ? 'PostgreSQL + pg-boss' : 'SQLite + database queue'}`);
} finally {
  worker?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await sink.stop();
  await dovecot.stop();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}
