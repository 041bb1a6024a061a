// The outbox: replies committed with their decision, sent later by the mailer, each exactly once.
import type { OutboundRecord, Store } from '../../domain/ports/store.ts';
import { guard } from './db-errors.ts';
import type { DbClient } from './prisma-client.ts';

/**
 * Send attempts before a reply is given up on (state `failed`, kept for an operator). SMTP failures are mostly
 * brief (greylisting, a restart); five tries spread over the mailer's back-off outlast those.
 */
export const MAX_OUTBOUND_ATTEMPTS = 5;

type OutboundStore = Pick<Store, 'listPendingOutbound' | 'markOutboundSent' | 'markOutboundFailed'>;

export function createOutboundStore(db: DbClient): OutboundStore {
  return {
    listPendingOutbound: (limit) =>
      guard('listPendingOutbound', async (): Promise<OutboundRecord[]> => {
        const rows = await db.outboundMessage.findMany({
          where: { state: 'pending' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: limit,
          select: { id: true, messageId: true, to: true, raw: true, attempts: true },
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
        // Only a pending message counts a failure: a stale report about a sent one changes nothing.
        await db.outboundMessage.updateMany({
          where: { id, state: 'pending' },
          data: { attempts: { increment: 1 }, lastError: error },
        });
        // Stays pending (retried) until the attempts run out.
        await db.outboundMessage.updateMany({
          where: { id, state: 'pending', attempts: { gte: MAX_OUTBOUND_ATTEMPTS } },
          data: { state: 'failed' },
        });
      }),
  };
}
