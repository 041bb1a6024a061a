// The one check every reply passes before it is committed, whoever drafted it (a new return, a follow-up, the
// scheduler's reminders and expiry notices, an agent's action): no reply to our own address, to a blocked
// (repeatedly bouncing) address, or beyond the per-recipient hourly limit (a loop classify-sender did not
// recognise, or abuse). Mail that arrived longer ago than the backlog age gets no reply either (the first
// connection to a full mailbox must not answer last month's mail). The change itself is still committed; the
// suppressed reply becomes an audit event so an agent can see why nobody was answered.
import type { DeliveryGuardStore } from '../../domain/ports/delivery-store.ts';
import type { OutboundDraft, ReturnEvent } from '../../domain/ports/store.ts';
import type { ProcessOutcome } from '../process/process-outcome.ts';

export interface ReplyLimits {
  backlogMaxAgeHours: number;
  replyRateLimitPerHour: number;
}

export type SuppressReason = 'own_address' | 'recipient_blocked' | 'rate_limited' | 'too_old';

export interface ReplyGuard {
  /** Why a reply to `to` must not go out at `now`, or undefined when it may. */
  check(to: string, now: Date): Promise<Exclude<SuppressReason, 'too_old'> | undefined>;
}

const HOUR_MS = 3_600_000;

export function createReplyGuard(deps: {
  delivery: Pick<DeliveryGuardStore, 'isBlocked' | 'countRepliesSince'>;
  replyRateLimitPerHour: number;
  /** Our own addresses (MAIL_FROM, MAILBOX_ADDRESS), lower-cased. */
  ownAddresses: readonly string[];
}): ReplyGuard {
  const own = new Set(deps.ownAddresses.map((a) => a.toLowerCase()));
  return {
    async check(to, now) {
      if (own.has(to.trim().toLowerCase())) return 'own_address';
      if (await deps.delivery.isBlocked(to)) return 'recipient_blocked';
      if ((await deps.delivery.countRepliesSince(to, new Date(now.getTime() - HOUR_MS))) >= deps.replyRateLimitPerHour) return 'rate_limited';
      return undefined;
    },
  };
}

/** Anything that commits a reply with audit events: a new return's record, a return update. */
interface WithReply {
  reply?: OutboundDraft;
  events: ReturnEvent[];
}

/** The change with its reply checked: a suppressed reply is dropped and a `reply_suppressed` event says why. */
export async function guardChange<T extends WithReply>(change: T, guard: ReplyGuard, now: Date, tooOld = false): Promise<{ change: T; suppressed?: SuppressReason }> {
  if (!change.reply) return { change };
  const reason: SuppressReason | undefined = tooOld ? 'too_old' : await guard.check(change.reply.to, now);
  if (!reason) return { change };
  const { reply: _dropped, ...rest } = change;
  const event: ReturnEvent = { actor: 'system', type: 'reply_suppressed', reason, at: now };
  return { change: { ...rest, events: [...change.events, event] } as T, suppressed: reason };
}

/**
 * `arrivedAt` is when the message reached the mailbox (Maildir file time, IMAP INTERNALDATE), not its Date
 * header: a customer's mail delivered today is answered whatever its sender's clock said, while a backlog found
 * on the first connection to a mailbox is old however it is dated.
 */
export async function guardReply(
  outcome: ProcessOutcome,
  arrivedAt: Date,
  deps: { guard: ReplyGuard; backlogMaxAgeHours?: number; now: () => Date },
): Promise<{ outcome: ProcessOutcome; suppressed?: SuppressReason }> {
  const now = deps.now();
  const tooOld = deps.backlogMaxAgeHours !== undefined && now.getTime() - arrivedAt.getTime() > deps.backlogMaxAgeHours * HOUR_MS;
  if (outcome.kind === 'return') {
    const { change, suppressed } = await guardChange(outcome.record, deps.guard, now, tooOld);
    return { outcome: { kind: 'return', record: change }, ...(suppressed ? { suppressed } : {}) };
  }
  if (outcome.kind === 'follow_up') {
    const { change, suppressed } = await guardChange(outcome.update, deps.guard, now, tooOld);
    return { outcome: { kind: 'follow_up', update: change }, ...(suppressed ? { suppressed } : {}) };
  }
  return { outcome };
}
