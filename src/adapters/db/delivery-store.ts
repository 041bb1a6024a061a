// DeliveryStore over Prisma: the IMAP ledger, worker leases, bounces and blocked recipients, reply counts,
// and recovery of messages a killed worker left in `processing`.
import type { DeliveryStore, MailboxDisposition } from '../../domain/ports/delivery-store.ts';
import { InboundStateSchema, type InboundState } from '../../domain/return-state.ts';
import { guard, isUniqueViolation } from './db-errors.ts';
import { parseDatabaseUrl } from './database-target.ts';
import { createPrismaClient, type DbClient } from './prisma-client.ts';

/** Keys per IN (...) list: far below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const IN_CHUNK = 500;
/** Outcomes after which a message is done with and belongs marked in its mailbox. */
const FINAL_STATES: InboundState[] = ['processed', 'ignored', 'needs_attention', 'parked'];

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function createDeliveryStore(db: DbClient): DeliveryStore {
  return {
    knownKeys: (mailboxId, keys) =>
      guard('knownKeys', async () => {
        const known = new Set<string>();
        for (const part of chunks(keys)) {
          const [stored, marked] = await Promise.all([
            db.inboundMessage.findMany({ where: { mailboxId, mailboxKey: { in: part } }, select: { mailboxKey: true } }),
            db.mailboxMessage.findMany({ where: { mailboxId, mailboxKey: { in: part } }, select: { mailboxKey: true } }),
          ]);
          for (const row of [...stored, ...marked]) known.add(row.mailboxKey);
        }
        return known;
      }),

    storedMessageIds: (messageIds) =>
      guard('storedMessageIds', async () => {
        const known = new Set<string>();
        for (const part of chunks(messageIds.map((id) => id.trim()).filter(Boolean))) {
          const rows = await db.inboundMessage.findMany({ where: { dedupeKey: { in: part } }, select: { dedupeKey: true } });
          for (const row of rows) known.add(row.dedupeKey);
        }
        return known;
      }),

    recordMarked: (entry) =>
      guard('recordMarked', async () => {
        const data = { messageId: entry.messageId ?? null, disposition: entry.disposition as MailboxDisposition, markedAt: entry.at };
        try {
          await db.mailboxMessage.create({ data: { mailboxId: entry.mailboxId, mailboxKey: entry.mailboxKey, ...data } });
        } catch (error) {
          // Marked twice (a retry after a dropped connection): the later mark wins, nothing else changes.
          if (!isUniqueViolation(error)) throw error;
          await db.mailboxMessage.update({ where: { mailboxId_mailboxKey: { mailboxId: entry.mailboxId, mailboxKey: entry.mailboxKey } }, data });
        }
      }),

    listUnmarked: (mailboxId, limit) =>
      guard('listUnmarked', async () => {
        // Newest first is not needed; any order works, the list is normally empty. Marked keys are read in
        // chunks rather than joined so the query stays the same on SQLite and PostgreSQL.
        const rows = await db.inboundMessage.findMany({
          where: { mailboxId, state: { in: FINAL_STATES } },
          orderBy: [{ updatedAt: 'desc' }],
          take: Math.max(limit * 10, 200),
          select: { mailboxKey: true, state: true },
        });
        const marked = new Set<string>();
        for (const part of chunks(rows.map((r) => r.mailboxKey))) {
          const found = await db.mailboxMessage.findMany({ where: { mailboxId, mailboxKey: { in: part } }, select: { mailboxKey: true } });
          for (const row of found) marked.add(row.mailboxKey);
        }
        return rows
          .filter((r) => !marked.has(r.mailboxKey))
          .slice(0, limit)
          .map((r) => ({ mailboxKey: r.mailboxKey, state: InboundStateSchema.parse(r.state) }));
      }),

    acquireLease: (name, owner, ttlMs, now) =>
      guard('acquireLease', async () => {
        const expiresAt = new Date(now.getTime() + ttlMs);
        // One conditional UPDATE decides between racing workers; the INSERT covers the first ever start.
        const { count } = await db.workerLease.updateMany({
          where: { name, OR: [{ owner }, { expiresAt: { lt: now } }] },
          data: { owner, expiresAt },
        });
        if (count === 1) return true;
        try {
          await db.workerLease.create({ data: { name, owner, expiresAt } });
          return true;
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      }),

    releaseLease: (name, owner) =>
      guard('releaseLease', async () => {
        await db.workerLease.deleteMany({ where: { name, owner } });
      }),

    recordBounce: (bounce, blockAfter) =>
      guard('recordBounce', async () => {
        const address = normalizeAddress(bounce.recipient);
        let outboundFound = false;
        if (bounce.originalMessageId) {
          const { count } = await db.outboundMessage.updateMany({
            where: { messageId: bounce.originalMessageId.trim(), bouncedAt: null },
            data: { bouncedAt: bounce.at, bounceStatus: bounce.status },
          });
          outboundFound = count > 0 || (await db.outboundMessage.count({ where: { messageId: bounce.originalMessageId.trim() } })) > 0;
        }
        const counter = bounce.hard ? { hardBounces: { increment: 1 } } : { softBounces: { increment: 1 } };
        const row = await db.recipientStatus.upsert({
          where: { address },
          create: { address, hardBounces: bounce.hard ? 1 : 0, softBounces: bounce.hard ? 0 : 1, lastStatus: bounce.status, lastBounceAt: bounce.at },
          update: { ...counter, lastStatus: bounce.status, lastBounceAt: bounce.at },
        });
        let blocked = row.blockedAt !== null;
        if (!blocked && row.hardBounces >= blockAfter) {
          await db.recipientStatus.update({ where: { address }, data: { blockedAt: bounce.at } });
          blocked = true;
        }
        return { outboundFound, blocked };
      }),

    isBlocked: (address) =>
      guard('isBlocked', async () => {
        const row = await db.recipientStatus.findUnique({ where: { address: normalizeAddress(address) }, select: { blockedAt: true } });
        return row?.blockedAt != null;
      }),

    countRepliesSince: (address, since) =>
      guard('countRepliesSince', () =>
        db.outboundMessage.count({ where: { to: { in: [address, normalizeAddress(address)] }, createdAt: { gte: since } } }),
      ),

    mailboxWatchedSince: (mailboxId) =>
      guard('mailboxWatchedSince', async () => {
        const { _min } = await db.inboundMessage.aggregate({ where: { mailboxId }, _min: { createdAt: true } });
        return _min.createdAt ?? null;
      }),

    releaseOrphanedProcessing: (now, isDead) =>
      guard('releaseOrphanedProcessing', async () => {
        const rows = await db.inboundMessage.findMany({ where: { state: 'processing', claimedBy: { not: null } }, select: { id: true, claimedBy: true } });
        if (rows.length === 0) return [];
        const claimants = [...new Set(rows.map((r) => r.claimedBy!))];
        const live = await db.workerLease.findMany({ where: { name: { in: claimants.map(workerLeaseName) }, expiresAt: { gt: now } }, select: { owner: true } });
        const alive = new Set(live.map((l) => l.owner));
        const gone = claimants.filter((c) => !alive.has(c) || isDead(c));
        if (gone.length === 0) return [];
        const ids = rows.filter((r) => gone.includes(r.claimedBy!)).map((r) => r.id);
        // Conditional on state and claimant, so a row finished (or claimed anew) meanwhile is left alone.
        await db.inboundMessage.updateMany({
          where: { id: { in: ids }, state: 'processing', claimedBy: { in: gone } },
          data: { state: 'received', stateReason: 'released: its worker is gone', claimedBy: null },
        });
        return ids;
      }),

    releaseStaleProcessing: (olderThan) =>
      guard('releaseStaleProcessing', async () => {
        const rows = await db.inboundMessage.findMany({ where: { state: 'processing', updatedAt: { lt: olderThan } }, select: { id: true } });
        if (rows.length === 0) return [];
        const ids = rows.map((r) => r.id);
        // Conditional on the state, so a row its worker finished meanwhile is left alone.
        await db.inboundMessage.updateMany({
          where: { id: { in: ids }, state: 'processing', updatedAt: { lt: olderThan } },
          data: { state: 'received', stateReason: 'released: its worker stopped while processing it' },
        });
        return ids;
      }),
  };
}

/** The lease a worker process holds while it runs; rows it claims name it (InboundMessage.claimedBy). */
export function workerLeaseName(workerId: string): string {
  return `worker:${workerId}`;
}

/** Opens its own client on a database that openStore has already migrated; close() disconnects it. */
export async function openDeliveryStore(databaseUrl: string): Promise<DeliveryStore & { close(): Promise<void> }> {
  const db = createPrismaClient(parseDatabaseUrl(databaseUrl));
  await guard('connect', () => db.$connect());
  return { ...createDeliveryStore(db), close: () => db.$disconnect() };
}
