// The outbox: replies committed with their decision, sent later by the mailer, each exactly once.
// States: pending → sending (recorded before the SMTP transaction) → sent; a transport failure goes back to
// pending with attempts + 1, and to failed when they run out.
import type { OutboundRecord, Store } from '../../domain/ports/store.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';

/**
 * Send attempts before a reply is given up on (state `failed`, kept for an operator). SMTP failures are mostly
 * brief (greylisting, a restart); five tries spread over the mailer's back-off outlast those.
 */
export const MAX_OUTBOUND_ATTEMPTS = 5;

type OutboundStore = Pick<Store, 'listPendingOutbound' | 'beginOutboundSend' | 'listSendingOutbound' | 'markOutboundSent' | 'markOutboundFailed'>;

const RECORD = { id: true, messageId: true, to: true, raw: true, attempts: true, sendingAt: true } as const;

export function createOutboundStore(db: DbClient): OutboundStore {
  return {
    listPendingOutbound: (limit) =>
      guard('listPendingOutbound', async (): Promise<OutboundRecord[]> => {
        const rows = await db.outboundMessage.findMany({
          where: { state: 'pending' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: limit,
          select: RECORD,
        });
        return rows.map((r) => ({ ...r, raw: Buffer.from(r.raw) }));
      }),

    beginOutboundSend: (id, at, previous) =>
      guard('beginOutboundSend', async () => {
        // Conditional on the state (and the previous attempt's stamp) read by this sender: of two senders racing
        // for one reply, exactly one sees count = 1 and talks to the SMTP server.
        const where = previous ? { id, state: 'sending', sendingAt: previous } : { id, state: 'pending' };
        const { count } = await db.outboundMessage.updateMany({ where, data: { state: 'sending', sendingAt: at } });
        return count === 1;
      }),

    listSendingOutbound: (limit) =>
      guard('listSendingOutbound', async (): Promise<OutboundRecord[]> => {
        const rows = await db.outboundMessage.findMany({
          where: { state: 'sending' },
          orderBy: [{ sendingAt: 'asc' }, { id: 'asc' }],
          take: limit,
          select: RECORD,
        });
        return rows.map((r) => ({ ...r, raw: Buffer.from(r.raw) }));
      }),

    markOutboundSent: (id, at) =>
      guard('markOutboundSent', async () => {
        // Conditional, so a late retry cannot move a message back or overwrite the first sentAt.
        await db.outboundMessage.updateMany({
          where: { id, state: { not: 'sent' } },
          data: { state: 'sent', sentAt: at, lastError: null },
        });
      }),

    markOutboundFailed: (id, error) =>
      guard('markOutboundFailed', async () => {
        // Only a reply on its way counts a failure: a stale report about a sent one changes nothing.
        await db.outboundMessage.updateMany({
          where: { id, state: { in: ['pending', 'sending'] } },
          data: { state: 'pending', attempts: { increment: 1 }, lastError: error },
        });
        // Stays pending (retried) until the attempts run out.
        await db.outboundMessage.updateMany({
          where: { id, state: 'pending', attempts: { gte: MAX_OUTBOUND_ATTEMPTS } },
          data: { state: 'failed' },
        });
      }),
  };
}
