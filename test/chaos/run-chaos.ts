// `npm run test:chaos`: hostile files among ~40 normal applications, dropped into the Maildir of a real running
// service (`node bin/intake.js start`, temp DATA_DIR, free port), which is SIGKILLed twice mid-batch and restarted.
// Asserts: every normal application answered exactly once; every hostile message in a final visible state with a
// reply or a parked reason; /health answering within 1 s whenever the service is up; the worker process's peak RSS
// under 700 MB; no full card number in the database or the outbox; no library noise in the service's output.
// Prints the figures docs/mailboxes.md quotes. Exit code 1 on any failed assertion.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile, rename } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { compressedZerosPdf, deepMultipart, junkPdf, mailWith, operatorBombPdf, pixelBombPng } from './hostile-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = path.join(ROOT, 'samples/emails');
const NORMAL_COUNT = 40;
const HEALTH_LIMIT_MS = 1_000;
const RSS_LIMIT_MB = 700;
/** Replies in the outbox at which the service is SIGKILLed. */
const KILL_AT_REPLIES = [8, 22];
const DRAIN_TIMEOUT_MS = 8 * 60_000;
const FINAL_STATES = new Set(['processed', 'ignored', 'needs_attention', 'parked']);
const NOISE = /Invalid object ref|pixScanForForeground/;
/** A card number that passes Luhn; written with spaces into mail, it must never come out whole. */
const CARD = '5500 0000 0000 0004';
const PLANTED_CARD = new RegExp(CARD.replace(/\D/g, '').split('').join('[ -]?'));

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dir = await mkdtemp(path.join(tmpdir(), 'intake-chaos-'));
const maildir = path.join(dir, 'Maildir');
const outbox = path.join(dir, 'outbox');
const port = await freePort();
const env = {
  ...process.env,
  DATA_DIR: dir,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  POLL_SECONDS: '1',
  // REPLY_RATE_LIMIT_PER_HOUR stays at its default: every copy comes from its own customer (freshCopy), so the
  // per-recipient limit never holds a reply back, and none of the service's defaults is loosened for the run.
  MAILBOX_LEASE_SECONDS: '5',
};
const logFile = createWriteStream(path.join(dir, 'service.log'));

// ---- the mail -------------------------------------------------------------------------------------------

interface Dropped {
  messageId: string;
  label: string;
  hostile: boolean;
  raw: Buffer;
}

const expectations = readdirSync(SAMPLES).filter((f) => f.endsWith('.expected.json'));
const answered = expectations
  .filter((f) => (JSON.parse(readFileSync(path.join(SAMPLES, f), 'utf8')) as { expect: { reply: string | null } }).expect.reply !== null)
  .map((f) => f.replace(/\.expected\.json$/, ''));

/** A sample e-mail with a fresh Message-ID, Date, sender and copy number, and now and then a card number in a header. */
function freshCopy(name: string, n: number): Dropped {
  const raw = readFileSync(path.join(SAMPLES, `${name}.eml`), 'latin1');
  const split = raw.search(/\r?\n\r?\n/);
  const kept: string[] = [];
  let dropping = false;
  for (const line of raw.slice(0, split).split(/\r?\n/)) {
    if (/^\s/.test(line) && dropping) continue;
    dropping = /^(message-id|date|from|reply-to|sender):/i.test(line);
    if (!dropping) kept.push(line);
  }
  const messageId = `<chaos-${n}-${Date.now()}@customer.example>`;
  // Each copy from its own customer: the same application re-sent by one sender rightly reaches that sender's
  // open return instead of making a second one (and a second reply).
  const added = [`Message-ID: ${messageId}`, `Date: ${new Date().toUTCString()}`, `From: Customer ${n} <customer-${n}@customer.example>`, `X-Chaos-Copy: ${n}`];
  if (n % 4 === 0) added.push(`Comments: paid with card ${CARD}`);
  const text = [...added, ...kept].join('\r\n') + raw.slice(split);
  return { messageId, label: name, hostile: false, raw: Buffer.from(text, 'latin1') };
}

async function hostileMail(): Promise<Dropped[]> {
  const envelope = (label: string) => ({
    messageId: `<chaos-${label}-${Date.now()}@attacker.example>`,
    from: `Mallory <${label}@attacker.example>`,
    subject: `Возврат, карта ${CARD}`,
  });
  const attach = async (label: string, filename: string, content: Buffer, contentType: string): Promise<Dropped> => {
    const e = envelope(label);
    return { messageId: e.messageId, label, hostile: true, raw: await mailWith(e, [{ filename, content, contentType }]) };
  };
  const many = envelope('300-attachments');
  const deep = envelope('deep-multipart');
  return [
    await attach('operator-bomb', 'application.pdf', operatorBombPdf(), 'application/pdf'),
    await attach('compressed-zeros', 'application.pdf', await compressedZerosPdf(), 'application/pdf'),
    await attach('junk-pdf', 'application.pdf', junkPdf(), 'application/pdf'),
    await attach('pixel-bomb', 'scan.png', pixelBombPng(), 'image/png'),
    { messageId: deep.messageId, label: 'deep-multipart', hostile: true, raw: deepMultipart(deep, 2_000) },
    {
      messageId: many.messageId,
      label: '300-attachments',
      hostile: true,
      raw: await mailWith(
        many,
        Array.from({ length: 300 }, (_, i) => ({ filename: `part-${i}.txt`, content: Buffer.from(`card ${CARD} part ${i}\n`), contentType: 'text/plain' })),
      ),
    },
  ];
}

async function drop(mail: Dropped, n: number): Promise<void> {
  // Maildir delivery: written under tmp/, then renamed into new/ so a reader never sees half a file.
  const name = `${Date.now()}.chaos${n}.localhost`;
  await writeFile(path.join(maildir, 'tmp', name), mail.raw);
  await rename(path.join(maildir, 'tmp', name), path.join(maildir, 'new', name));
}

// ---- the service and the probes -------------------------------------------------------------------------

interface Service {
  launcher: ChildProcess;
  /** The real worker (bin/intake.js re-executes itself with memory settings); its RSS is the one measured. */
  worker: number;
}

let service: Service | undefined;
let up = false;
let healthWorstMs = 0;
let healthFailures = 0;
let peakRssMb = 0;
const serviceOutput: string[] = [];

async function startService(): Promise<Service> {
  const launcher = spawn(process.execPath, ['bin/intake.js', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [launcher.stdout!, launcher.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      logFile.write(chunk);
      serviceOutput.push(chunk.toString());
    });
  }
  const deadline = Date.now() + 60_000;
  let worker: number | undefined;
  while (Date.now() < deadline) {
    worker ??= childrenOf(launcher.pid!)[0];
    const ok = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(HEALTH_LIMIT_MS) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok && worker) {
      up = true;
      return { launcher, worker };
    }
    if (launcher.exitCode !== null) throw new Error(`the service exited at start-up (code ${launcher.exitCode}); see ${dir}/service.log`);
    await sleep(200);
  }
  throw new Error('the service did not answer /health within 60 s');
}

async function killService(signal: NodeJS.Signals): Promise<void> {
  const s = service!;
  up = false;
  const exited = new Promise((resolve) => s.launcher.once('exit', resolve));
  // SIGKILL goes to the worker itself (a crash); its launcher then dies of the same signal.
  process.kill(signal === 'SIGKILL' ? s.worker : s.launcher.pid!, signal);
  await exited;
  service = undefined;
}

const probes = setInterval(() => {
  if (!up || !service) return;
  const worker = service.worker;
  const rss = rssMb(worker);
  if (rss !== undefined) peakRssMb = Math.max(peakRssMb, rss);
  const started = performance.now();
  void fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(HEALTH_LIMIT_MS * 3) })
    .then(async (r) => {
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
    })
    .then(
      () => {
        if (up && service?.worker === worker) healthWorstMs = Math.max(healthWorstMs, performance.now() - started);
      },
      () => {
        if (up && service?.worker === worker) healthFailures++;
      },
    );
}, 200);

// ---- the run ----------------------------------------------------------------------------------------------

let exitCode = 1;
try {
  await Promise.all(['tmp', 'new', 'cur'].map((sub) => mkdir(path.join(maildir, sub), { recursive: true })));
  console.log(`chaos: data in ${dir}, port ${port}`);
  const normal = Array.from({ length: NORMAL_COUNT }, (_, i) => freshCopy(answered[i % answered.length]!, i));
  const hostile = await hostileMail();
  // Hostile files spread through the batch, so normal mail queues up behind each of them.
  const batch: Dropped[] = [...normal];
  hostile.forEach((mail, i) => batch.splice(3 + i * 7, 0, mail));

  service = await startService();
  const started = Date.now();
  for (const [i, mail] of batch.entries()) await drop(mail, i);

  let kills = 0;
  const db = createClient({ url: `file:${path.join(dir, 'intake.db')}` });
  const statesOf = async () => {
    const rows = await db.execute('SELECT messageId, state, stateReason FROM InboundMessage');
    return new Map(rows.rows.map((r) => [String(r.messageId), { state: String(r.state), reason: r.stateReason === null ? null : String(r.stateReason) }]));
  };
  for (;;) {
    if (Date.now() - started > DRAIN_TIMEOUT_MS) throw new Error('the batch did not drain in time');
    const replies = (await readdir(outbox).catch(() => [])).filter((f) => f.endsWith('.eml')).length;
    if (kills < KILL_AT_REPLIES.length && replies >= KILL_AT_REPLIES[kills]!) {
      console.log(`chaos: SIGKILL at ${replies} replies (${Math.round((Date.now() - started) / 1000)} s)`);
      await killService('SIGKILL');
      kills++;
      service = await startService();
      continue;
    }
    const states = await statesOf().catch(() => new Map<string, { state: string; reason: string | null }>());
    const pending = await db.execute("SELECT COUNT(*) AS n FROM OutboundMessage WHERE state IN ('pending', 'sending')").catch(() => ({ rows: [{ n: 1 }] }));
    const settled = batch.every((m) => FINAL_STATES.has(states.get(m.messageId)?.state ?? ''));
    if (kills === KILL_AT_REPLIES.length && settled && Number(pending.rows[0]!.n) === 0) break;
    await sleep(500);
  }
  const drainSeconds = (Date.now() - started) / 1000;

  // ---- assertions -------------------------------------------------------------------------------------------
  const repliesTo = new Map<string, number>();
  for (const file of (await readdir(outbox)).filter((f) => f.endsWith('.eml'))) {
    const text = await readFile(path.join(outbox, file), 'latin1');
    const inReplyTo = /^In-Reply-To:\s*(<[^>]+>)/im.exec(text)?.[1];
    if (inReplyTo) repliesTo.set(inReplyTo, (repliesTo.get(inReplyTo) ?? 0) + 1);
    check(!containsCardNumber(text), `a full card number in the outbox file ${file}`);
  }
  const states = await statesOf();
  for (const mail of normal) {
    check(repliesTo.get(mail.messageId) === 1, `${mail.label} ${mail.messageId}: ${repliesTo.get(mail.messageId) ?? 0} replies, expected exactly 1`);
  }
  console.log('\nhostile message       state            reply  reason');
  for (const mail of hostile) {
    const row = states.get(mail.messageId);
    const replied = repliesTo.get(mail.messageId) ?? 0;
    console.log(`${mail.label.padEnd(21)} ${(row?.state ?? 'missing').padEnd(16)} ${String(replied).padEnd(6)} ${row?.reason ?? ''}`);
    const visible = row !== undefined && FINAL_STATES.has(row.state) && row.state !== 'ignored';
    check(visible && (replied === 1 || (row.state === 'parked' && !!row.reason)), `${mail.label}: not in a final visible state with a reply or a parked reason (${row?.state})`);
  }
  for (const table of (await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name))) {
    for (const row of (await db.execute(`SELECT * FROM "${table}"`)).rows) {
      for (const value of Object.values(row)) {
        const text = value instanceof ArrayBuffer ? Buffer.from(value).toString('latin1') : String(value);
        check(!containsCardNumber(text), `a full card number in the database table ${table}`);
      }
    }
  }
  db.close();
  await killService('SIGTERM');
  const output = serviceOutput.join('');
  check(!NOISE.test(output), 'library noise in the service output');
  check(healthFailures === 0, `/health failed or took over ${HEALTH_LIMIT_MS * 3} ms ${healthFailures} times while the service was up`);
  check(healthWorstMs < HEALTH_LIMIT_MS, `/health worst latency ${Math.round(healthWorstMs)} ms (limit ${HEALTH_LIMIT_MS})`);
  check(peakRssMb < RSS_LIMIT_MB, `worker peak RSS ${Math.round(peakRssMb)} MB (limit ${RSS_LIMIT_MB})`);

  console.log(`\nchaos: ${normal.length} normal + ${hostile.length} hostile messages, ${kills} SIGKILLs`);
  console.log(`time to drain            ${drainSeconds.toFixed(1)} s`);
  console.log(`worker peak RSS          ${Math.round(peakRssMb)} MB (limit ${RSS_LIMIT_MB})`);
  console.log(`/health worst latency    ${Math.round(healthWorstMs)} ms (limit ${HEALTH_LIMIT_MS}), ${healthFailures} failures`);
  const noReply = [...new Set(normal.filter((m) => (repliesTo.get(m.messageId) ?? 0) !== 1).map((m) => m.label))];
  if (noReply.length) console.log(`normal samples without exactly one reply: ${noReply.join(', ')}`);
  if (failures.length === 0) {
    console.log('chaos: all assertions held');
    exitCode = 0;
  } else {
    console.log(`\nchaos: ${failures.length} failed:\n  ${[...new Set(failures)].join('\n  ')}`);
  }
} catch (error) {
  console.error(`chaos: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  clearInterval(probes);
  if (service) await killService('SIGTERM').catch(() => undefined);
  logFile.end();
  if (exitCode === 0 && !process.env.CHAOS_KEEP) await rm(dir, { recursive: true, force: true });
  else console.log(`chaos: data and service.log kept in ${dir}`);
}
process.exit(exitCode);

// ---- helpers ------------------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function rssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The planted card number, whole, in any spacing. (A search for any Luhn-valid digit run would also find
 * millisecond timestamps, one in ten of which pass Luhn.)
 */
function containsCardNumber(text: string): boolean {
  return PLANTED_CARD.test(text);
}
