// Last check before a reply is committed: no reply to a blocked (repeatedly bouncing) address, no more than
// the per-recipient hourly limit (a loop classify-sender did not recognise, or abuse), and none to mail older
// than the backlog age (the first connection to a full mailbox must not answer last month's mail). The return
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
/** Header bytes scanned for the Date field; headers longer than this are hostile. */
const MAX_HEADER_SCAN_BYTES = 64 * 1024;

/** The Date header of a raw message, when present and parseable. */
export function readMessageDate(raw: Buffer): Date | undefined {
  const text = raw.subarray(0, MAX_HEADER_SCAN_BYTES).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  const value = /^date:[ \t]*(.+)$/im.exec(head)?.[1];
  if (!value) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export async function guardReply(
  outcome: ProcessOutcome,
  raw: Buffer,
  deps: { delivery: Pick<DeliveryGuardStore, 'isBlocked' | 'countRepliesSince'>; limits: ReplyLimits; now: () => Date },
): Promise<{ outcome: ProcessOutcome; suppressed?: SuppressReason }> {
  const reply = outcome.kind === 'return' ? outcome.record.reply : outcome.kind === 'follow_up' ? outcome.update.reply : undefined;
  if (!reply) return { outcome };
  const now = deps.now();
  let reason: SuppressReason | undefined;
  const sent = readMessageDate(raw);
  if (sent && now.getTime() - sent.getTime() > deps.limits.backlogMaxAgeHours * HOUR_MS) reason = 'too_old';
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
