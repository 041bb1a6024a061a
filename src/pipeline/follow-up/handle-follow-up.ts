// A customer's e-mail about an existing return, matched by thread or return number (SPEC §4):
// - awaiting shipment + what the policy asks to confirm shipping with (tracking number, receipt photo) → shipped,
//   acknowledged with a reply; a tracking number without the receipt still asked for is kept and acknowledged;
// - waiting for the application or under review + a readable application (a clearer photo) → parsed again
//   and decided again, with the reply that decision calls for;
// - anything else is attached to the return for an agent, with no state change and no auto-reply.
import type { ParsedApplication } from '../../domain/application.ts';
import { isoDay } from '../../domain/iso-day.ts';
import { transition } from '../../domain/lifecycle/transitions.ts';
import type { MailMessage } from '../../domain/mail-message.ts';
import type { ReturnRef, ReturnUpdate } from '../../domain/ports/return-updates.ts';
import type { ReturnEvent, StoredDocument } from '../../domain/ports/store.ts';
import { findTrackingNumbers } from '../../domain/tracking-number.ts';
import { buildReplyData } from '../process/build-reply-data.ts';
import { decideWithOrder } from '../process/decide-with-order.ts';
import { decisionDeadlines } from '../process/decision-deadlines.ts';
import { lifecycleEvents, withBasis } from '../process/new-return.ts';
import type { ProcessDeps } from '../process/process-message.ts';
import { draftReturnReply } from '../reply/draft-return-reply.ts';

export interface FollowUpInput {
  ref: ReturnRef;
  mail: MailMessage;
  inboundId: string;
  documents: StoredDocument[];
  application: ParsedApplication;
  isApplication: boolean;
  today: string;
}

/** A receipt is a photo or scan that came with the message and is not itself the application. */
const RECEIPT_KINDS = new Set(['jpeg', 'png', 'heic', 'tiff', 'webp', 'pdf']);

export async function handleFollowUp(input: FollowUpInput, deps: ProcessDeps): Promise<ReturnUpdate> {
  const { ref, mail } = input;
  const now = deps.now();
  const base = { returnNumber: ref.returnNumber, fromState: ref.state, inbound: { id: input.inboundId, documents: input.documents } };
  const attach = (type: string, reason: string): ReturnUpdate => ({
    ...base,
    toState: ref.state,
    events: [{ actor: 'customer', type, reason, at: now }],
  });

  if (ref.state === 'awaiting_shipment') {
    const { trackingNumber: needTracking, receiptPhoto: needReceipt } = deps.policy.shipmentConfirmation;
    const newTracking = findTrackingNumbers(`${mail.subject}\n${mail.text}`)[0];
    const newReceipt = input.documents.some((doc) => RECEIPT_KINDS.has(doc.kind) && doc.pages.length > 0);
    // A question, or a number that fails its check digit, is for a person.
    if (!newTracking && !newReceipt) return attach('customer_message', 'message without a tracking number');
    if (!newTracking && !needReceipt && needTracking) return attach('customer_message', 'message without a tracking number');
    // The tracking number and the receipt may come in separate e-mails, in either order: what came before counts.
    const tracking = newTracking ?? ref.trackingNumber ?? undefined;
    const hasReceipt = newReceipt || Boolean(ref.receiptReceivedAt);
    const trackingMissing = needTracking && !tracking;
    const receiptMissing = needReceipt && !hasReceipt;
    const acknowledge = (missing: { trackingMissing: boolean; receiptMissing: boolean }) =>
      draftReturnReply(deps, ref, 'shipment_received', {
        shopName: deps.shopName,
        customerName: ref.application.fields.fullName?.value ?? null,
        trackingNumber: newTracking ?? null,
        receiptReceived: newReceipt,
        ...missing,
      });
    if (trackingMissing || receiptMissing) {
      const reply = await acknowledge({ trackingMissing, receiptMissing });
      const update = newTracking
        ? { ...attach('tracking_received', `tracking ${newTracking}; the receipt photo is still missing`), trackingNumber: newTracking }
        : attach('receipt_received', 'receipt photo; the tracking number is still missing');
      return { ...update, ...(reply ? { reply } : {}) };
    }
    const moved = transition(ref.state, 'ship', 'customer', tracking ? `tracking ${tracking}` : 'receipt photo received', now);
    if (!moved.ok) return attach('customer_message', moved.message);
    const reply = await acknowledge({ trackingMissing: false, receiptMissing: false });
    // The receipt is what the shipping refund is paid against (compute-refund.ts): keep that it came.
    const receiptEvent: ReturnEvent[] = newReceipt ? [{ actor: 'customer', type: 'receipt_received', reason: 'shipping receipt photo', at: now }] : [];
    return { ...base, toState: moved.state, events: [moved.event, ...receiptEvent], ...(newTracking ? { trackingNumber: newTracking } : {}), ...(reply ? { reply } : {}) };
  }

  if ((ref.state === 'awaiting_application' || ref.state === 'needs_review') && input.isApplication) {
    // A clearer copy of an application under review is judged on the day the first copy arrived; an application
    // sent after we asked for one arrived with this message.
    const arrivalDay = ref.state === 'needs_review' && ref.receivedAt ? isoDay(ref.receivedAt, deps.timeZone) : input.today;
    // The decided application (completed by the order) is what is stored; the decision does not carry a copy.
    const { application: decided, ...decision } = await decideWithOrder(input.application, deps, arrivalDay, ref, mail.replyTo?.address ?? mail.from?.address);
    const application = decided ?? input.application;
    const events: ReturnEvent[] = [
      { actor: 'customer', type: 'application_received', reason: 'a new copy of the application arrived', at: now },
      ...withBasis(lifecycleEvents(decision, now, ref.state), application, decision),
    ];
    const data = buildReplyData(decision.reply, {
      shopName: deps.shopName,
      customerName: application.fields.fullName?.value ?? mail.from?.name,
      policy: deps.policy,
      application,
      decision,
      today: isoDay(now, deps.timeZone),
    });
    const reply = await draftReturnReply(deps, ref, decision.reply, data);
    return {
      ...base,
      toState: decision.state,
      events,
      application,
      decision,
      deadlines: decisionDeadlines(decision.state, deps.policy, now, now, deps.timeZone),
      ...(reply ? { reply } : {}),
    };
  }

  return attach('customer_message', input.documents.length > 0 ? `message with ${input.documents.length} attachment(s)` : 'message');
}
