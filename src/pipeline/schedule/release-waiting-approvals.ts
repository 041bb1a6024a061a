// Approved returns that wait for the shop's return address (decide-application.ts: the only thing missing was a
// real address) get their shipping instructions once the policy names one: at the worker's start and on every
// round after. Each is one guarded change — approved → awaiting_shipment, the instructions e-mail in the outbox,
// the ship-by date counted from now — so a second worker or a restart finds it moved and sends nothing twice.
import { AppError } from '../../domain/app-error.ts';
import type { Decision } from '../../domain/decision.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { shipBy } from '../../domain/lifecycle/deadlines.ts';
import { transition } from '../../domain/lifecycle/transitions.ts';
import { isPlaceholderAddress } from '../../domain/policy/placeholder-address.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReturnRef, ReturnUpdate, ReturnUpdates } from '../../domain/ports/return-updates.ts';
import type { ApplicationDecision, ShippingInstructions } from '../decide/decide-application.ts';
import { buildReplyData } from '../process/build-reply-data.ts';
import { draftReturnReply, type ReturnReplyDeps } from '../reply/draft-return-reply.ts';
import { guardChange, type ReplyGuard } from '../reply/guard-reply.ts';
import { shippingVariant } from './run-due-actions.ts';

export interface ReleaseDeps extends ReturnReplyDeps {
  returns: Pick<ReturnUpdates, 'listWaitingApprovals' | 'updateReturn'>;
  policy: Policy;
  shopName: string;
  /** The shop's IANA time zone: the ship-by date is the end of a named shop day. */
  timeZone: string;
  now: () => Date;
  replyGuard: ReplyGuard;
}

/** Instructions sent per round, so one round stays short; the rest go out in the next. */
const RELEASE_BATCH = 100;
/** Waiting returns read per page while looking for those whose region now has an address. */
const PAGE = 200;

export async function releaseWaitingApprovals(deps: ReleaseDeps): Promise<Array<{ returnNumber: string; action: 'send_shipping_instructions' }>> {
  const ready = (['domestic', 'international'] as const).filter((region) => !isPlaceholderAddress(deps.policy.addresses[region]));
  if (ready.length === 0) return [];
  const done: Array<{ returnNumber: string; action: 'send_shipping_instructions' }> = [];
  let after: string | undefined;
  // Paged to the end: returns of a region still without an address are skipped, never block the others.
  while (done.length < RELEASE_BATCH) {
    const page = await deps.returns.listWaitingApprovals(PAGE, after);
    for (const ref of page) {
      if (done.length >= RELEASE_BATCH) break;
      if (!ready.includes(shippingVariant(ref))) continue;
      const now = deps.now();
      const planned = await planRelease(ref, deps, now);
      const { change, suppressed } = await guardChange(planned, deps.replyGuard, now);
      // Over the hourly limit the customer would never hear where to ship: wait for the next round instead.
      // Any other suppression (a bouncing or own address) stays suppressed, and the return moves on as an approval would.
      if (suppressed === 'rate_limited') continue;
      try {
        await deps.returns.updateReturn(change);
        done.push({ returnNumber: ref.returnNumber, action: 'send_shipping_instructions' });
      } catch (error) {
        // An agent (or another worker) moved it meanwhile: nothing of this change was written.
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      }
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return done;
}

async function planRelease(ref: ReturnRef, deps: ReleaseDeps, now: Date): Promise<ReturnUpdate> {
  const stored = ref.decision as ApplicationDecision;
  const variant = shippingVariant(ref);
  // The terms the approval was decided on, sent to the address and with the ship-within days the policy has now.
  const shipping: ShippingInstructions = {
    ...(stored.shipping ?? defaultShipping(deps.policy, variant)),
    variant,
    address: deps.policy.addresses[variant],
    shipWithinDays: deps.policy.shipWithinDays,
  };
  const deadline = shipBy(now, deps.policy, deps.timeZone);
  const moved = transition(ref.state, 'await_shipment', 'system', `the shop's return address is set: shipping instructions sent, ship by ${isoDay(deadline, deps.timeZone)}`, now);
  if (!moved.ok) throw new AppError('illegal_transition', moved.message);
  const data = buildReplyData('shipping_instructions', {
    shopName: deps.shopName,
    customerName: ref.application.fields.fullName?.value,
    policy: deps.policy,
    application: ref.application,
    decision: { reasons: stored.reasons, shipping, ...(stored.refund ? { refund: stored.refund } : {}) },
    // The ship-by day counts from today, as the stored deadline does (the same rule as an approval's).
    today: isoDay(now, deps.timeZone),
  });
  const reply = await draftReturnReply(deps, ref, 'shipping_instructions', data);
  // The stored decision keeps the terms the customer was actually sent (the review page shows them).
  const decision: Decision & { shipping: ShippingInstructions } = { ...stored, state: moved.state, shipping };
  return {
    returnNumber: ref.returnNumber,
    fromState: ref.state,
    toState: moved.state,
    events: [moved.event],
    decision,
    deadlines: { shipBy: deadline },
    ...(reply ? { reply } : {}),
  };
}

/** An approval stored without its terms (written by hand, say): the policy's, with the customer paying. */
function defaultShipping(policy: Policy, variant: 'domestic' | 'international'): ShippingInstructions {
  return {
    variant,
    address: policy.addresses[variant],
    paidBy: 'customer',
    shipWithinDays: policy.shipWithinDays,
    returnNumberNoteInParcel: policy.returnNumber.noteInParcel,
    returnNumberOnShippingForm: policy.returnNumber.onShippingForm,
    confirmWithTrackingNumber: policy.shipmentConfirmation.trackingNumber,
    confirmWithReceiptPhoto: policy.shipmentConfirmation.receiptPhoto,
  };
}
