// The scheduler: every worker round, act on the deadlines stored with each return (SPEC §4): a reminder as the
// shop day before the ship-by day begins, expiry once the ship-by day has ended in shop time, review-SLA breach
// flags, overdue refund flags. The state is in the database, not in timers, so a restart loses nothing; each
// action is guarded by the return's state and its "done" column, so two workers or a restart never act twice.
import { AppError } from '../../domain/app-error.ts';
import { isPastShipBy, reminderHorizon } from '../../domain/lifecycle/deadlines.ts';
import { transition } from '../../domain/lifecycle/transitions.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReturnRef, ReturnUpdate, ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { ReturnState } from '../../domain/return-state.ts';
import { draftReturnReply, type ReturnReplyDeps } from '../reply/draft-return-reply.ts';
import { guardChange, type ReplyGuard } from '../reply/guard-reply.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { daysBetween } from '../decide/iso-date.ts';
import { parcelRules } from '../process/build-reply-data.ts';

export interface ScheduleDeps extends ReturnReplyDeps {
  returns: Pick<ReturnUpdates, 'listDueReturns' | 'updateReturn'>;
  policy: Policy;
  shopName: string;
  /** The shop's IANA time zone: the ship-by day a reminder names is a shop day. */
  timeZone: string;
  now: () => Date;
  /** Reminders and expiry notices pass the same check as every other reply (bounces, rate limit, own address). */
  replyGuard: ReplyGuard;
}

export type DueActionKind = 'send_shipping_reminder' | 'expire' | 'review_sla_breached' | 'refund_overdue';

/** States in which the customer still waits for a decision, so the review SLA runs. */
const UNDECIDED: readonly ReturnState[] = ['received', 'parsed', 'needs_review'];
/** Returns acted on per round; the rest wait for the next round. */
const DUE_BATCH = 100;

export async function runDueActions(deps: ScheduleDeps): Promise<Array<{ returnNumber: string; action: DueActionKind }>> {
  const now = deps.now();
  const due = await deps.returns.listDueReturns(now, DUE_BATCH, { reminderHorizon: reminderHorizon(now, deps.policy, deps.timeZone) });
  const done: Array<{ returnNumber: string; action: DueActionKind }> = [];
  for (const ref of due) {
    const planned = await planAction(ref, deps, now);
    if (!planned) continue;
    const { change: update } = await guardChange(planned.update, deps.replyGuard, now);
    try {
      await deps.returns.updateReturn(update);
      done.push({ returnNumber: ref.returnNumber, action: planned.action });
    } catch (error) {
      // Someone (an agent, another worker) moved the return meanwhile: its new state decides what is due next round.
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    }
  }
  return done;
}

async function planAction(ref: ReturnRef, deps: ScheduleDeps, now: Date): Promise<{ action: DueActionKind; update: ReturnUpdate } | null> {
  const { deadlines } = ref;
  const common = { shopName: deps.shopName, customerName: ref.application.fields.fullName?.value ?? null };
  if (ref.state === 'awaiting_shipment' && deadlines.shipBy) {
    if (isPastShipBy(deadlines.shipBy, now)) {
      const moved = transition(ref.state, 'expire', 'system', `not shipped by ${isoDay(deadlines.shipBy, deps.timeZone)}`, now);
      if (!moved.ok) return null;
      const reply = await draftReturnReply(deps, ref, 'expired', { ...common, shipWithinDays: deps.policy.shipWithinDays });
      return { action: 'expire', update: { returnNumber: ref.returnNumber, fromState: ref.state, toState: moved.state, events: [moved.event], ...(reply ? { reply } : {}) } };
    }
    if (!deadlines.reminderSentAt && deadlines.shipBy <= reminderHorizon(now, deps.policy, deps.timeZone)) {
      const address = deps.policy.addresses[shippingVariant(ref)];
      // Whole shop days to the named day: "1 day left" the day before, "today is the last day" on it.
      const daysLeft = Math.max(0, daysBetween(isoDay(now, deps.timeZone), isoDay(deadlines.shipBy, deps.timeZone)) ?? 0);
      const reply = await draftReturnReply(deps, ref, 'shipping_reminder', {
        ...common,
        returnAddress: address.lines.join('\n'),
        recipient: address.recipient,
        ...parcelRules(deps.policy),
        // Ask only for what has not come yet: the tracking number and the receipt may arrive separately.
        askTrackingNumber: deps.policy.shipmentConfirmation.trackingNumber && !ref.trackingNumber,
        askReceiptPhoto: deps.policy.shipmentConfirmation.receiptPhoto && !ref.receiptReceivedAt,
        shipByDate: isoDay(deadlines.shipBy, deps.timeZone),
        daysLeft,
      });
      return {
        action: 'send_shipping_reminder',
        update: {
          returnNumber: ref.returnNumber,
          fromState: ref.state,
          toState: ref.state,
          events: [{ actor: 'system', type: 'shipping_reminder', reason: `ship by ${isoDay(deadlines.shipBy, deps.timeZone)}`, at: now }],
          deadlines: { reminderSentAt: now },
          ...(reply ? { reply } : {}),
        },
      };
    }
  }
  if (UNDECIDED.includes(ref.state) && deadlines.reviewDueAt && deadlines.reviewDueAt <= now && !deadlines.reviewBreachedAt) {
    return {
      action: 'review_sla_breached',
      update: {
        returnNumber: ref.returnNumber,
        fromState: ref.state,
        toState: ref.state,
        events: [{ actor: 'system', type: 'review_sla_breached', reason: `not decided within ${deps.policy.reviewSlaHours} h`, at: now }],
        deadlines: { reviewBreachedAt: now },
      },
    };
  }
  // The refunds to pay (ReturnRef.refundOwed): an exchange's unpaid return postage falls overdue like any refund.
  if (ref.refundOwed && deadlines.refundDueAt && deadlines.refundDueAt <= now && !deadlines.refundOverdueAt) {
    return {
      action: 'refund_overdue',
      update: {
        returnNumber: ref.returnNumber,
        fromState: ref.state,
        toState: ref.state,
        events: [{ actor: 'system', type: 'refund_overdue', reason: `refund was due ${isoDay(deadlines.refundDueAt, deps.timeZone)}`, at: now }],
        deadlines: { refundOverdueAt: now },
      },
    };
  }
  return null;
}

/** The decision stored with an approval says which address the customer was sent to. */
export function shippingVariant(ref: ReturnRef): 'domestic' | 'international' {
  const shipping = (ref.decision as { shipping?: { variant?: string } }).shipping;
  return shipping?.variant === 'international' ? 'international' : 'domestic';
}
