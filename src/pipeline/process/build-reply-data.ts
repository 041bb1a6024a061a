// The numbers and addresses a reply states, taken from the policy and the decision, so templates never
// hard-code a day count or an address.
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../../domain/limits.ts';
import type { ParsedApplication } from '../../domain/application.ts';
import type { Policy } from '../../domain/policy/policy-schema.ts';
import type { ReplyTemplate } from '../../domain/reply.ts';
import type { ApplicationDecision } from '../decide/decide-application.ts';
import type { RefundBreakdown } from '../decide/compute-refund.ts';
import type { ParcelRules, RefundStatement, ReplyDataInput, UnreadableWhy } from '../reply/reply-data.ts';
import { toRoublesString } from '../../domain/money/money.ts';
import { shipByDay } from '../../domain/lifecycle/deadlines.ts';

export interface ReplyContext {
  shopName: string;
  customerName?: string;
  policy: Policy;
  application: ParsedApplication;
  decision: Pick<ApplicationDecision, 'reasons' | 'shipping' | 'refund'>;
  /** The shop day (YYYY-MM-DD) of the approval, for the ship-by date. */
  today: string;
}

export function buildReplyData(template: ReplyTemplate, context: ReplyContext): ReplyDataInput<ReplyTemplate> {
  const common = { shopName: context.shopName, customerName: context.customerName ?? null };
  const { policy, decision } = context;
  switch (template) {
    case 'approved_address_pending':
      return { ...common, refund: decision.refund ? refundStatement(decision.refund) : null, refundWithinDays: policy.refundDays };
    case 'shipping_instructions':
    case 'approved': {
      const shipping = decision.shipping;
      const variant = shipping?.variant ?? 'domestic';
      const address = shipping?.address ?? policy.addresses[variant];
      return {
        ...common,
        variant,
        returnAddress: address.lines.join('\n'),
        recipient: address.recipient,
        shipWithinDays: policy.shipWithinDays,
        // The same rule that sets the stored deadline the scheduler expires the return by.
        shipByDate: shipByDay(context.today, policy),
        refundWithinDays: policy.refundDays,
        shippingPaidBy: shipping?.paidBy ?? 'customer',
        refund: decision.refund ? refundStatement(decision.refund) : null,
        ...parcelRules(policy),
        shippingRefundNeedsReceipt: policy.shippingRefundRequiresReceipt,
        usedGoodsSentBack: policy.usedGoods === 'return_to_customer',
      };
    }
    case 'rejected':
      return {
        ...common,
        reasonCode: decision.reasons[0]?.code ?? 'other',
        windowDays: policy.returnWindowDays,
        receivedDate: context.application.fields.receivedDate?.value ?? null,
      };
    case 'message_too_large':
      return { ...common, ...messageLimits(), tooComplex: decision.reasons[0]?.code === 'too_complex' };
    case 'needs_review':
      return { ...common, reviewHours: policy.reviewSlaHours };
    case 'application_missing':
    case 'photo_unreadable':
      return { ...common, unreadableFiles: unreadableFiles(decision.reasons) };
    default:
      return common;
  }
}

/** What the message_too_large reply states we accept. */
export function messageLimits(): { maxMessageMb: number; maxAttachments: number } {
  return { maxMessageMb: Math.floor(MAX_MESSAGE_BYTES / 1024 / 1024), maxAttachments: MAX_ATTACHMENTS_PER_MESSAGE };
}

/** The customer is told the amount and, when it is less than the items' price, each deduction by name. */
export function refundStatement(refund: RefundBreakdown): RefundStatement {
  return {
    amount: toRoublesString(refund.total),
    itemsTotal: toRoublesString(refund.itemsTotal),
    shipping: refund.shipping.amount > 0 ? toRoublesString(refund.shipping.amount) : null,
    deductions: refund.discountDeductions.map((d) => ({ code: d.code, amount: toRoublesString(d.amount), why: d.why })),
  };
}

/** What the parcel must carry and what the customer confirms with, as the policy says: a reply asks for nothing else. */
export function parcelRules(policy: Pick<Policy, 'returnNumber' | 'shipmentConfirmation'>): ParcelRules {
  return {
    noteInParcel: policy.returnNumber.noteInParcel,
    numberOnShippingForm: policy.returnNumber.onShippingForm,
    askTrackingNumber: policy.shipmentConfirmation.trackingNumber,
    askReceiptPhoto: policy.shipmentConfirmation.receiptPhoto,
  };
}

/**
 * Document problems (their `field` is the file name) that mean a file could not be opened or its text not read,
 * in the customer's terms (unreadable-why partials): the reply names each such file and why.
 */
const UNREADABLE: Record<string, UnreadableWhy> = {
  unreadable_file: 'damaged',
  unsupported_type: 'unsupported',
  encrypted_pdf: 'encrypted',
  too_large: 'too_large',
  too_many_pages: 'too_large',
  too_complex: 'too_complex',
  no_text: 'no_text',
  ocr_timeout: 'too_slow',
  ocr_failed: 'not_recognised',
};

export function unreadableFiles(reasons: readonly { code: string; field?: string }[]): Array<{ name: string; why: UnreadableWhy }> {
  const files = new Map<string, UnreadableWhy>();
  for (const r of reasons) {
    const why = UNREADABLE[r.code];
    if (why && r.field && !files.has(r.field)) files.set(r.field, why);
  }
  return [...files].map(([name, why]) => ({ name, why }));
}
