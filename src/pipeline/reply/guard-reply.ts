// The one check every reply passes before it is committed, whoever drafted it (a new return, a follow-up, the
// scheduler's reminders and expiry notices, an agent's action): no reply to our own address, to a blocked
// (repeatedly bouncing) address, or beyond the per-recipient hourly limit (a loop classify-sender did not
// recognise, or abuse). Nor does a backlog: mail that was in the mailbox before we first read it and is older
// than the backlog age (the first connection to a full mailbox must not answer last month's mail). Mail that
// arrived while we were down is no backlog: it is answered, however long the downtime (its rules were judged on
// its arrival day, process-message.ts). The change itself is still committed; the suppressed reply becomes an
// audit event so an agent can see why nobody was answered.
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
  message: { arrivedAt: Date; mailboxId: string },
  deps: {
    guard: ReplyGuard;
    /** Without it no message is too old to answer. */
    backlogMaxAgeHours?: number;
    /** When we first read each mailbox; without it every old message counts as a backlog. */
    delivery?: Pick<DeliveryGuardStore, 'mailboxWatchedSince'>;
    now: () => Date;
  },
): Promise<{ outcome: ProcessOutcome; suppressed?: SuppressReason }> {
  const hasReply = outcome.kind === 'return' ? !!outcome.record.reply : outcome.kind === 'follow_up' ? !!outcome.update.reply : false;
  if (!hasReply) return { outcome };
  const now = deps.now();
  const tooOld = await isTooOldToAnswer(message, now, deps);
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

/** Backlog mail older than the backlog age: whatever it was, it gets no automatic reply. */
export async function isTooOldToAnswer(
  message: { arrivedAt: Date; mailboxId: string },
  now: Date,
  deps: { backlogMaxAgeHours?: number; delivery?: Pick<DeliveryGuardStore, 'mailboxWatchedSince'> },
): Promise<boolean> {
  const old = deps.backlogMaxAgeHours !== undefined && now.getTime() - message.arrivedAt.getTime() > deps.backlogMaxAgeHours * HOUR_MS;
  return old && (await isBacklog(message, deps.delivery));
}

/** Mail that reached the mailbox before we first read it (or any mail, when we know of no first read). */
async function isBacklog(message: { arrivedAt: Date; mailboxId: string }, delivery: Pick<DeliveryGuardStore, 'mailboxWatchedSince'> | undefined): Promise<boolean> {
  const since = delivery ? await delivery.mailboxWatchedSince(message.mailboxId) : null;
  return since === null || message.arrivedAt < since;
}
