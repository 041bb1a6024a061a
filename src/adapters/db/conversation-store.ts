// The Conversations port: a return's e-mails in and out, and the unassigned inbox's answers and attachments, each
// change one transaction guarded by the message's state (two agents cannot both answer or attach one e-mail).
import { AppError } from '../../domain/app-error.ts';
import type { Conversations, ThreadMessage } from '../../domain/ports/conversations.ts';
import { InboundStateSchema } from '../../domain/return-state.ts';
import { guard, isUniqueViolation } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';
import { readStoredBytes, readStoredHeads } from './bytes-parts.ts';
import { eventRows } from './store-rows.ts';

/** Bytes of a message read for a conversation: headers and text fit; a 30 MB attachment is never loaded. */
export const THREAD_MESSAGE_BYTES = 256 * 1024;
/** A conversation longer than this is not a person writing to us; the newest are shown. */
const THREAD_LIMIT = 200;

const inboundSelect = { id: true, receivedAt: true, state: true, rawBytes: true } as const;
const outboundSelect = { id: true, createdAt: true, messageId: true, to: true, template: true, state: true, raw: true, author: true } as const;

type InboundRow = { id: string; receivedAt: Date; state: string; rawBytes: number };
type OutboundRow = { id: string; createdAt: Date; messageId: string; to: string; template: string; state: string; raw: Uint8Array; author: string | null };

const head = (raw: Uint8Array) => Buffer.from(raw.subarray(0, THREAD_MESSAGE_BYTES));

/** The thread's inbound messages with the head of each; a message's bytes live apart (bytes-parts.ts). */
async function inMessages(db: DbClient, rows: InboundRow[]): Promise<ThreadMessage[]> {
  const heads = await readStoredHeads(db, rows.map((r) => r.id), THREAD_MESSAGE_BYTES);
  return rows.map((row) => ({
    direction: 'in',
    id: row.id,
    at: row.receivedAt,
    state: InboundStateSchema.parse(row.state),
    raw: heads.get(row.id) ?? Buffer.alloc(0),
    bytes: row.rawBytes,
  }));
}

function outMessage(row: OutboundRow): ThreadMessage {
  return { direction: 'out', id: row.id, at: row.createdAt, messageId: row.messageId, to: row.to, template: row.template, state: row.state, raw: head(row.raw), bytes: row.raw.length, author: row.author };
}

const byTime = (a: ThreadMessage, b: ThreadMessage) => a.at.getTime() - b.at.getTime();

export function createConversationStore(db: DbClient): Conversations {
  return {
    returnThread: (returnNumber) =>
      guard('returnThread', async () => {
        const row = await db.returnRequest.findUnique({
          where: { returnNumber },
          select: {
            thread: { orderBy: { receivedAt: 'desc' }, take: THREAD_LIMIT, select: inboundSelect },
            outbound: { orderBy: { createdAt: 'desc' }, take: THREAD_LIMIT, select: outboundSelect },
          },
        });
        if (!row) return [];
        return [...(await inMessages(db, row.thread)), ...row.outbound.map(outMessage)].sort(byTime);
      }),

    inboundThread: (inboundId) =>
      guard('inboundThread', async () => {
        const row = await db.inboundMessage.findUnique({
          where: { id: inboundId },
          select: { ...inboundSelect, threadReturn: { select: { returnNumber: true } }, replies: { orderBy: { createdAt: 'asc' }, select: outboundSelect } },
        });
        if (!row) return null;
        return { returnNumber: row.threadReturn?.returnNumber ?? null, messages: [...(await inMessages(db, [row])), ...row.replies.map(outMessage)].sort(byTime) };
      }),

    inboundMessage: (inboundId) =>
      guard('inboundMessage', async () => {
        const row = await db.inboundMessage.findUnique({ where: { id: inboundId }, select: { rawBytes: true, messageId: true, receivedAt: true } });
        return row ? { raw: await readStoredBytes(db, inboundId, row.rawBytes), messageId: row.messageId, receivedAt: row.receivedAt } : null;
      }),

    answerInbound: ({ inboundId, fromStates, reply, reason }) =>
      guard('answerInbound', async () => {
        try {
          await db.$transaction(async (tx) => {
            const { count } = await tx.inboundMessage.updateMany({
              where: { id: inboundId, state: { in: [...fromStates] }, threadReturnId: null },
              data: { state: 'processed', stateReason: reason },
            });
            if (count === 0) throw new AppError('conflict', 'this e-mail was answered, attached or moved meanwhile; reload and try again');
            await tx.outboundMessage.create({
              data: { messageId: reply.messageId, to: reply.to, subject: reply.subject, template: reply.template, language: reply.language, raw: new Uint8Array(reply.raw), author: reply.author ?? null, inboundId },
            });
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('conflict', `reply ${reply.messageId} already exists`, { cause: error });
          throw error;
        }
      }),

    attachInbound: ({ inboundId, fromStates, returnNumber, event }) =>
      guard('attachInbound', async () => {
        await db.$transaction(async (tx) => {
          const target = await tx.returnRequest.findUnique({ where: { returnNumber }, select: { id: true, _count: { select: { events: true } } } });
          if (!target) throw new AppError('not_found', `No return ${returnNumber}.`);
          const { count } = await tx.inboundMessage.updateMany({
            where: { id: inboundId, state: { in: [...fromStates] }, threadReturnId: null },
            data: { state: 'processed', stateReason: `attached to return ${returnNumber}`, threadReturnId: target.id },
          });
          if (count === 0) throw new AppError('conflict', 'this e-mail was answered, attached or moved meanwhile; reload and try again');
          await tx.returnEvent.createMany({ data: eventRows([event], target._count.events).map((r) => ({ ...r, returnId: target.id })) });
        });
      }),
  };
}
