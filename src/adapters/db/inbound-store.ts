// Inbound messages: stored once per Message-ID (or content hash), claimed by one worker at a time.
import { AppError } from '../../domain/app-error.ts';
import { InboundStateSchema, type InboundState } from '../../domain/return-state.ts';
import type { InboundRecord, NewInbound, SaveInboundResult, Store } from '../../domain/ports/store.ts';
import { guard, isUniqueViolation } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { readStoredBytes, withStoredBytes } from './bytes-parts.ts';

/** States a worker may take a message from: never touched, or a fault that is to be retried. */
const CLAIMABLE: InboundState[] = ['received', 'failed'];
/** States finishInbound may end in; `processed` is reached only through recordReturn, with its return. */
const FINISH_STATES: InboundState[] = ['ignored', 'needs_attention', 'failed', 'parked'];

/** A mail server may deliver one message twice; the Message-ID says so, or, without one, the same content hash. */
export function dedupeKeyOf(input: Pick<NewInbound, 'messageId' | 'sha256'>): string {
  const messageId = input.messageId?.trim();
  return messageId ? messageId : `sha256:${input.sha256}`;
}

type InboundStore = Pick<Store, 'saveInbound' | 'listInboundIds' | 'claimInbound' | 'finishInbound' | 'countInboundByState'>;

export function createInboundStore(db: DbClient): InboundStore {
  /**
   * Stores the message under `dedupeKey`: its raw parts first, then its row, whose insert is the commit point (a
   * crash before it leaves only parts no row names, dropped at start-up, and the mailbox still holds the unmarked
   * message). Null when the key is taken; the unique index decides, the look-up first only spares writing the bytes
   * of a duplicate.
   */
  async function tryInsert(dedupeKey: string, input: NewInbound): Promise<SaveInboundResult | null> {
    if ((await db.inboundMessage.count({ where: { dedupeKey } })) > 0) return null;
    try {
      return await withStoredBytes(db, [input.raw], async ([id]) => {
        const row = await db.inboundMessage.create({
          data: {
            id: id!,
            dedupeKey,
            messageId: input.messageId?.trim() || null,
            sha256: input.sha256,
            rawBytes: input.raw.length,
            mailboxId: input.mailboxId,
            mailboxKey: input.mailboxKey,
            receivedAt: input.receivedAt,
          },
          select: { id: true, state: true },
        });
        return { id: row.id, duplicate: false, state: InboundStateSchema.parse(row.state) };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return null;
    }
  }

  /** One more delivery of the message stored under `dedupeKey`. */
  async function countDelivery(dedupeKey: string): Promise<SaveInboundResult> {
    const row = await db.inboundMessage.update({ where: { dedupeKey }, data: { deliveryCount: { increment: 1 } }, select: { id: true, state: true } });
    return { id: row.id, duplicate: true, state: InboundStateSchema.parse(row.state) };
  }

  return {
    saveInbound: (input) =>
      guard('saveInbound', async (): Promise<SaveInboundResult> => {
        const key = dedupeKeyOf(input);
        const created = await tryInsert(key, input);
        if (created) return created;
        const messageId = input.messageId?.trim();
        const existing = await db.inboundMessage.findUnique({ where: { dedupeKey: key }, select: { sha256: true } });
        if (messageId && existing && existing.sha256 !== input.sha256) {
          // The Message-ID is taken by other content: a message that reuses the id (a careless mail program, or
          // someone else's mail), stored and processed as its own, under a key a second delivery of it meets.
          const own = `${messageId} sha256:${input.sha256}`;
          return (await tryInsert(own, input)) ?? countDelivery(own);
        }
        return countDelivery(key);
      }),

    listInboundIds: (states, limit, options = {}) =>
      guard('listInboundIds', async () => {
        const due = options.dueBy ? { OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: options.dueBy } }] } : {};
        const rows = await db.inboundMessage.findMany({
          where: { state: { in: states }, ...due },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: limit,
          select: { id: true },
        });
        return rows.map((r) => r.id);
      }),

    claimInbound: (id, claimant) =>
      guard('claimInbound', async (): Promise<InboundRecord | null> => {
        // One conditional UPDATE: of two workers racing for the row, exactly one sees count = 1.
        const { count } = await db.inboundMessage.updateMany({
          where: { id, state: { in: CLAIMABLE } },
          // The attempt counts when it starts: a message whose reading kills the worker still runs out of attempts.
          data: { state: 'processing', nextAttemptAt: null, claimedBy: claimant ?? null, attempts: { increment: 1 } },
        });
        if (count === 0) return null;
        const row = await db.inboundMessage.findUnique({ where: { id } });
        if (!row) return null;
        // The bytes are read after the claim, part by part: the claim itself no longer moves them.
        const raw = await readStoredBytes(db, id, row.rawBytes);
        return {
          id: row.id,
          mailboxId: row.mailboxId,
          mailboxKey: row.mailboxKey,
          messageId: row.messageId,
          sha256: row.sha256,
          raw,
          state: InboundStateSchema.parse(row.state),
          attempts: row.attempts,
          lastError: row.lastError,
          deliveryCount: row.deliveryCount,
          receivedAt: row.receivedAt,
        };
      }),

    finishInbound: (id, state, reason, options = {}) =>
      guard('finishInbound', async () => {
        if (!FINISH_STATES.includes(state)) {
          throw new AppError('illegal_transition', `finishInbound cannot end a message in "${state}"`);
        }
        const { reply } = options;
        if (reply && state !== 'parked') throw new AppError('illegal_transition', `finishInbound writes a reply only when it parks a message, not for "${state}"`);
        const fault = state === 'failed' || state === 'parked';
        const finish = (tx: Pick<DbClient, 'inboundMessage'>) =>
          tx.inboundMessage.update({
            where: { id },
            data: {
              state,
              stateReason: reason,
              ...(fault ? { lastError: reason } : {}),
              ...(state === 'failed' ? { nextAttemptAt: options.retryAt ?? null } : {}),
            },
            select: { id: true },
          });
        if (!reply) {
          await finish(db);
          return;
        }
        // The reply is committed with the state, like a return's: a crash between them can neither lose it nor send it twice.
        await db.$transaction(async (tx) => {
          await finish(tx);
          await tx.outboundMessage.create({
            data: { messageId: reply.messageId, to: reply.to, subject: reply.subject, template: reply.template, language: reply.language, raw: new Uint8Array(reply.raw), inboundId: id },
          });
        });
      }),

    countInboundByState: () =>
      guard('countInboundByState', async () => {
        const groups = await db.inboundMessage.groupBy({ by: ['state'], _count: { _all: true } });
        const counts: Partial<Record<InboundState, number>> = {};
        for (const g of groups) counts[InboundStateSchema.parse(g.state)] = g._count._all;
        return counts;
      }),
  };
}
