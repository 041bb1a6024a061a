// The production mailbox: one IMAP folder watched with IDLE (polling as the fallback). What was fetched is known
// from the database (stored inbound keys + the ledger of marked messages), so a message is fetched once, and
// flagged or moved only after its outcome is committed. One worker polls a mailbox at a time (a lease in the
// database); the others only process the queue.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { AppError } from '../../domain/app-error.ts';
import type { LeaseStore, MailboxDisposition, MailboxLedger } from '../../domain/ports/delivery-store.ts';
import type { Mailbox, MailboxEntry } from '../../domain/ports/mailbox.ts';
import { MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import { parseImapUrl } from './imap-target.ts';

export type ImapMarkMode = 'seen' | 'move';

export interface ImapMailboxOptions {
  url: string;
  /** `seen`: set \Seen (and \Flagged when a person must look); `move`: move to the processed / attention folder. */
  mark: ImapMarkMode;
  processedFolder: string;
  attentionFolder: string;
  /** Accept a self-signed certificate (test servers, private networks). */
  tlsInsecure: boolean;
  /** Seconds after which IDLE is broken and re-issued: servers may drop an IDLE after 30 minutes, NATs sooner. */
  idleRestartSeconds: number;
  /** Seconds a poller's lease lasts without renewal; a killed worker's mailbox is taken over after this. */
  leaseSeconds: number;
  ledger: MailboxLedger;
  leases: LeaseStore;
  log?: (event: Record<string, unknown>, message: string) => void;
  now?: () => Date;
}

/** First reconnect waits 1 s, doubling per failure up to a minute: a restarting server is not hammered. */
const RECONNECT_BASE_MS = 1000;
const RECONNECT_MAX_MS = 60_000;
/** A message bigger than this is fetched on its own in read(), not in the batch prefetch, to bound memory. */
const PREFETCH_MAX_BYTES = 2 * 1024 * 1024;
/** Literal bytes we accept from the server: the message limit plus room; a hostile server cannot make us buffer 1 GB. */
const MAX_LITERAL_BYTES = MAX_MESSAGE_BYTES + 8 * 1024 * 1024;
/** How often committed-but-unmarked messages (a crash between commit and flag) are looked for. */
const RECONCILE_EVERY_MS = 60_000;

export async function openImapMailbox(options: ImapMailboxOptions): Promise<Mailbox> {
  const target = parseImapUrl(options.url);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseName = `imap-poll:${target.id}`;

  let client: ImapFlow | null = null;
  let connecting: Promise<ImapFlow> | null = null;
  let failures = 0;
  let retryAt = 0;
  let newMail = false;
  let lastReconcile = 0;
  const wakers = new Set<() => void>();
  const prefetched = new Map<string, Buffer>();
  const messageIds = new Map<string, string>();
  const wake = () => {
    for (const w of wakers) w();
  };

  async function connect(): Promise<ImapFlow> {
    const c = new ImapFlow({
      host: target.host,
      port: target.port,
      secure: target.secure,
      auth: { user: target.user, pass: target.pass },
      logger: false,
      // IDLE is started by waitForNew only, so commands never have to break an automatic IDLE first.
      disableAutoIdle: true,
      maxIdleTime: options.idleRestartSeconds * 1000,
      tls: { rejectUnauthorized: !options.tlsInsecure },
      maxLiteralSize: MAX_LITERAL_BYTES,
      maxResponseSize: MAX_LITERAL_BYTES * 2,
      connectionTimeout: 30_000,
      greetingTimeout: 16_000,
    } as ConstructorParameters<typeof ImapFlow>[0]);
    // Without an error listener a dropped socket would be an uncaught 'error' event and kill the worker.
    c.on('error', (error: Error) => log({ err: error.message }, 'imap connection error'));
    c.on('close', () => {
      if (client === c) client = null;
      wake();
    });
    c.on('exists', () => {
      newMail = true;
      wake();
    });
    await c.connect();
    if (options.mark === 'move') {
      for (const folder of [options.processedFolder, options.attentionFolder]) {
        // Already there is the normal case; any other failure shows up when we move into it.
        await c.mailboxCreate(folder).catch(() => undefined);
      }
    }
    await c.mailboxOpen(target.folder);
    return c;
  }

  async function connection(): Promise<ImapFlow> {
    if (client?.usable) return client;
    if (connecting) return connecting;
    if (Date.now() < retryAt) {
      throw new AppError('mailbox_unavailable', `IMAP ${target.id}: reconnecting in ${Math.ceil((retryAt - Date.now()) / 1000)} s`);
    }
    connecting = (async () => {
      try {
        const c = await connect();
        client = c;
        failures = 0;
        newMail = true; // anything that arrived while we were away
        lastReconcile = 0;
        return c;
      } catch (error) {
        failures++;
        retryAt = Date.now() + Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** (failures - 1));
        throw new AppError('mailbox_unavailable', `IMAP ${target.id}: ${(error as Error).message}`, { cause: error });
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  /** Runs one step on the connection; a failure drops the connection so the next step reconnects. */
  async function withClient<T>(what: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = await connection();
    try {
      return await fn(c);
    } catch (error) {
      if (client === c) client = null;
      c.close();
      if (error instanceof AppError) throw error;
      throw new AppError('mailbox_unavailable', `IMAP ${what}: ${(error as Error).message}`, { cause: error });
    }
  }

  async function holdLease(): Promise<boolean> {
    const held = await options.leases.acquireLease(leaseName, owner, options.leaseSeconds * 1000, now());
    if (!held && client) {
      // Another worker polls this mailbox now; do not keep a second session open.
      const c = client;
      client = null;
      await c.logout().catch(() => c.close());
    }
    return held;
  }

  function parseKey(key: string): { validity: string; uid: number } {
    const match = /^(\d+):(\d+)$/.exec(key);
    if (!match) throw new AppError('validation_failed', `Invalid IMAP key ${JSON.stringify(key)}`);
    return { validity: match[1]!, uid: Number(match[2]) };
  }

  async function mark(c: ImapFlow, key: string, disposition: MailboxDisposition): Promise<void> {
    const { validity, uid } = parseKey(key);
    // After a mailbox rebuild the old UID names another message (or none): never flag by a stale key.
    if (String(c.mailbox && c.mailbox.uidValidity) === validity) {
      const attention = disposition === 'needs_attention' || disposition === 'parked';
      if (attention) await c.messageFlagsAdd(String(uid), ['\\Flagged'], { uid: true });
      if (options.mark === 'seen') await c.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      else await c.messageMove(String(uid), attention ? options.attentionFolder : options.processedFolder, { uid: true });
    }
    await options.ledger.recordMarked({ mailboxId: target.id, mailboxKey: key, messageId: messageIds.get(key), disposition, at: now() });
    messageIds.delete(key);
  }

  async function reconcile(c: ImapFlow, limit: number): Promise<void> {
    if (Date.now() - lastReconcile < RECONCILE_EVERY_MS) return;
    lastReconcile = Date.now();
    for (const row of await options.ledger.listUnmarked(target.id, limit)) {
      const disposition: MailboxDisposition = row.state === 'processed' || row.state === 'ignored' ? 'processed' : row.state === 'parked' ? 'parked' : 'needs_attention';
      await mark(c, row.mailboxKey, disposition);
    }
  }

  return {
    id: target.id,

    async listUnprocessed(limit: number): Promise<MailboxEntry[]> {
      if (!(await holdLease())) return [];
      return withClient('list', async (c) => {
        newMail = false;
        await reconcile(c, limit);
        const validity = String(c.mailbox && c.mailbox.uidValidity);
        // In move mode the folder holds only unprocessed mail; in seen mode, only unseen mail is a candidate.
        const found = await c.search(options.mark === 'seen' ? { seen: false } : { all: true }, { uid: true });
        const uids = (Array.isArray(found) ? found : []).sort((a, b) => a - b);
        if (uids.length === 0) return [];
        const keys = uids.map((uid) => `${validity}:${uid}`);
        const known = await options.ledger.knownKeys(target.id, keys);
        const fresh = uids.filter((uid) => !known.has(`${validity}:${uid}`)).slice(0, limit);
        if (fresh.length === 0) return [];

        const envelopes = await c.fetchAll(fresh.join(','), { uid: true, envelope: true, size: true, internalDate: true }, { uid: true });
        const ids = envelopes.map((m) => m.envelope?.messageId).filter((id): id is string => Boolean(id));
        const stored = ids.length > 0 ? await options.ledger.storedMessageIds(ids) : new Set<string>();
        const small: number[] = [];
        const entries: MailboxEntry[] = [];
        for (const m of envelopes.sort((a, b) => a.uid - b.uid)) {
          const key = `${validity}:${m.uid}`;
          const messageId = m.envelope?.messageId?.trim();
          if (messageId) messageIds.set(key, messageId);
          if (messageId && stored.has(messageId)) {
            // The same message under a new UID (redelivery, or a rebuilt mailbox): its stored copy carries the outcome.
            await mark(c, key, 'duplicate');
            continue;
          }
          const arrivedAt = m.internalDate ? new Date(m.internalDate) : undefined;
          entries.push(arrivedAt && !Number.isNaN(arrivedAt.getTime()) ? { key, arrivedAt } : { key });
          if ((m.size ?? 0) <= PREFETCH_MAX_BYTES) small.push(m.uid);
        }
        if (small.length > 0) {
          // One FETCH for the batch instead of one round trip per message (500 messages at once is a target).
          for (const m of await c.fetchAll(small.join(','), { uid: true, source: true }, { uid: true })) {
            if (m.source) prefetched.set(`${validity}:${m.uid}`, m.source);
          }
        }
        return entries;
      });
    },

    async read(key: string): Promise<Buffer> {
      const cached = prefetched.get(key);
      if (cached) {
        prefetched.delete(key);
        return cached;
      }
      const { validity, uid } = parseKey(key);
      return withClient('read', async (c) => {
        if (String(c.mailbox && c.mailbox.uidValidity) !== validity) throw new AppError('mailbox_unavailable', `IMAP ${target.id}: UIDVALIDITY changed; ${key} is gone`);
        const m = await c.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (!m || !m.source) throw new AppError('mailbox_unavailable', `IMAP ${target.id}: message ${key} not found`);
        return m.source;
      });
    },

    async markProcessed(key: string, disposition: MailboxDisposition = 'processed'): Promise<void> {
      await withClient('mark', (c) => mark(c, key, disposition));
    },

    async waitForNew(signal: AbortSignal, timeoutMs: number): Promise<void> {
      if (signal.aborted) return;
      let held = false;
      try {
        held = await holdLease();
      } catch (error) {
        log({ err: (error as Error).message }, 'lease check failed');
      }
      let c: ImapFlow | null = null;
      if (held && !newMail) c = await connection().catch(() => null);
      if (held && newMail) return;
      await new Promise<void>((resolve) => {
        const waker = () => {
          if (newMail || client !== c) done();
        };
        const done = () => {
          clearTimeout(timer);
          wakers.delete(waker);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done, { once: true });
        if (c) {
          wakers.add(waker);
          // Resolves when our next command breaks the IDLE; imapflow re-issues it every idleRestartSeconds.
          if (!c.idling) c.idle().catch((error: Error) => log({ err: error.message }, 'imap idle failed'));
        }
      });
    },

    async close(): Promise<void> {
      const c = client;
      client = null;
      prefetched.clear();
      await options.leases.releaseLease(leaseName, owner).catch(() => undefined);
      if (c) await c.logout().catch(() => c.close());
      await sleep(0);
    },
  };
}
