// Last check before a reply is committed: no reply to a blocked (repeatedly bouncing) address, no more than
// the per-recipient hourly limit (a loop classify-sender did not recognise, or abuse), and none to a backlog: mail
// that was in the mailbox before we first read it and is older than the backlog age (the first connection to a full
// mailbox must not answer last month's mail). Mail that arrived while we were down is no backlog: it is answered,
// however long the downtime (its rules were judged on its arrival day, process-message.ts). The return
// is still recorded; the suppressed reply becomes an audit event so an agent can see why nobody was answered.
import type { DeliveryGuardStore } from '../../domain/ports/delivery-store.ts';
import type { ReturnEvent } from '../../domain/ports/store.ts';
import type { ProcessOutcome } from '../process/process-outcome.ts';

export interface ReplyLimits {
  backlogMaxAgeHours: number;
  replyRateLimitPerHour: number;
}

export type SuppressReason = 'recipient_blocked' | 'rate_limited' | 'too_old';

const HOUR_MS = 3_600_000;

/**
 * `arrivedAt` is when the message reached the mailbox (Maildir file time, IMAP INTERNALDATE), not its Date
 * header: a customer's mail delivered today is answered whatever its sender's clock said, while a backlog found
 * on the first connection to a mailbox is old however it is dated.
 */
export async function guardReply(
  outcome: ProcessOutcome,
  message: { arrivedAt: Date; mailboxId: string },
  deps: { delivery: Pick<DeliveryGuardStore, 'isBlocked' | 'countRepliesSince' | 'mailboxWatchedSince'>; limits: ReplyLimits; now: () => Date },
): Promise<{ outcome: ProcessOutcome; suppressed?: SuppressReason }> {
  const { arrivedAt } = message;
  const reply = outcome.kind === 'return' ? outcome.record.reply : outcome.kind === 'follow_up' ? outcome.update.reply : undefined;
  if (!reply) return { outcome };
  const now = deps.now();
  let reason: SuppressReason | undefined;
  if (now.getTime() - arrivedAt.getTime() > deps.limits.backlogMaxAgeHours * HOUR_MS && (await isBacklog(message, deps.delivery))) reason = 'too_old';
  else if (await deps.delivery.isBlocked(reply.to)) reason = 'recipient_blocked';
  else if ((await deps.delivery.countRepliesSince(reply.to, new Date(now.getTime() - HOUR_MS))) >= deps.limits.replyRateLimitPerHour) reason = 'rate_limited';
  if (!reason) return { outcome };

  const event: ReturnEvent = { actor: 'system', type: 'reply_suppressed', reason, at: now };
  if (outcome.kind === 'return') {
    const { reply: _dropped, ...record } = outcome.record;
    return { outcome: { kind: 'return', record: { ...record, events: [...record.events, event] } }, suppressed: reason };
  }
  if (outcome.kind === 'follow_up') {
    const { reply: _dropped, ...update } = outcome.update;
    return { outcome: { kind: 'follow_up', update: { ...update, events: [...update.events, event] } }, suppressed: reason };
  }
  return { outcome };
}

async function isBacklog(message: { arrivedAt: Date; mailboxId: string }, delivery: Pick<DeliveryGuardStore, 'mailboxWatchedSince'>): Promise<boolean> {
  const since = await delivery.mailboxWatchedSince(message.mailboxId);
  return since === null || message.arrivedAt < since;
}
